import { GUIDES } from '@/lib/builtin/guide';
import { createRunner } from '@/lib/commands/runner';
import { BACKGROUND } from '@/lib/commands/senders';
import { COMMANDS } from '@/lib/commands/table';
import type { LevelmateDatabase } from '@/lib/db/database';
import type { MergeInput, MergeResult } from '@/lib/sync/store';

/** A sync run's merge as the background runs it: the real 'mergeSync' command, at `now`. */
export function merging(db: LevelmateDatabase, now: number) {
  const runner = createRunner(COMMANDS, {
    db,
    now: () => now,
    env: { guides: GUIDES, recognise: async () => null, services: {} as never },
  });
  return async (input: MergeInput) =>
    (await runner.run('mergeSync', input, BACKGROUND)).value as MergeResult;
}
