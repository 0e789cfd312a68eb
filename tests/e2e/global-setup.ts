import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path';
import { EXTENSION_DIR } from './extension';

/** Fails the whole run early, with what to do, when the browser or the build is missing. */
export default function setup(): void {
  chromiumPath();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${EXTENSION_DIR}: run \`npm run build\` first (npm run test:e2e does).`,
    );
  }
}
