import { storedItem } from '../db/stored-item';

/** The last failure to register the page script, for Settings to say; null when it went well. */
export const scriptsProblem = storedItem<string | null>(
  'local:scriptsProblem',
  null,
  (v) => typeof v === 'string',
);
