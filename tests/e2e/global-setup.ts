import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path';
import { EXTENSION_DIR } from './extension';
import { FIREFOX_BUILD, firefoxPath } from './firefox';

/** Fails the whole run early, with what to do, when a browser or a build is missing. */
export default function setup(): void {
  chromiumPath();
  firefoxPath();
  for (const dir of [EXTENSION_DIR, FIREFOX_BUILD]) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(
        `No built extension in ${dir}: run \`npm run build && npm run build:firefox\` first (npm run test:e2e does).`,
      );
    }
  }
}
