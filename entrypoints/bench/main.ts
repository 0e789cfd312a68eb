import { exposeBenchApi } from '@/tests/bench/browser-api';

// Only built by `npm run bench` (see wxt.config.ts); drives the real database and background.
exposeBenchApi();
