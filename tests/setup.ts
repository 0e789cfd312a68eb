import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { resetFakeBrowser } from './helpers/fake-browser';

beforeEach(resetFakeBrowser);
