import { backupCommands } from '../backup/commands';
import { guideCommands } from '../guides/commands';
import { progressCommands } from '../progress/commands';
import { settingsCommands } from '../settings/commands';
import { syncCommands } from '../sync/commands';
import { visitCommands } from '../visits/commands';

/** Every command, from every feature: the one table the runner serves. */
export const COMMANDS = {
  ...visitCommands,
  ...progressCommands,
  ...settingsCommands,
  ...backupCommands,
  ...syncCommands,
  ...guideCommands,
};

export type Commands = typeof COMMANDS;
