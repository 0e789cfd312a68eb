/*
 * Why a file is not a backup Levelmate can read, in words a person understands; the exact
 * place in the file stays available for "Details".
 */

/** The part of a validation issue this module reads (Zod's issues have this shape). */
export interface FileIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  values?: readonly unknown[];
  expected?: string;
  input?: unknown;
}

const ROW_NAMES: Record<string, string> = {
  itemStates: 'Item state',
  archivedItemStates: 'Archived item state',
  visits: 'Studied page',
  activity: 'Activity day',
  settings: 'The settings',
  urlChoices: 'Page choice',
  guideVersions: 'Guide version',
};

const FIELD_NAMES: Record<string, string> = {
  state: 'state',
  updatedAt: 'date',
  firstVisitAt: 'first visit time',
  lastVisitAt: 'last visit time',
  itemId: 'item id',
  guideId: 'guide id',
  url: 'address',
  host: 'site',
  day: 'day',
  count: 'visit count',
  activeMs: 'time on the page',
  exportedAt: 'export time',
  formatVersion: 'format version',
};

function words(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'nothing' : `“${value.slice(0, 60)}”`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value)?.slice(0, 60) ?? String(value);
}

function stateName(value: unknown): string {
  return String(value).replace(/-/g, ' ');
}

/** "Item 1 has the state “mastered”; Levelmate knows done, learning, skipped, not started." */
export function explainIssue(issue: FileIssue): string {
  const path = issue.path.map(String);
  const [top, table, index, ...rest] = path;
  let who = 'The file';
  let field = path.at(-1) ?? '';
  if (top === 'tables' && table && ROW_NAMES[table]) {
    const n = Number(index);
    who =
      table === 'settings'
        ? ROW_NAMES[table]!
        : Number.isInteger(n)
          ? `${ROW_NAMES[table]} ${n + 1}`
          : `The list of ${ROW_NAMES[table]!.toLowerCase()}s`;
    field = rest.at(-1) ?? (Number.isInteger(n) ? '' : (index ?? ''));
  }
  const name = FIELD_NAMES[field] ?? field;
  if (issue.code === 'invalid_value' && issue.values && issue.values.length > 1) {
    const known = issue.values.map(stateName).join(', ');
    return `${who} has the ${name} ${words(issue.input)}; Levelmate knows ${known}.`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return name ? `${who} has no ${name}.` : `${who} is missing.`;
  }
  if (issue.code === 'invalid_type') {
    return `${who} has the ${name || 'value'} ${words(issue.input)}, which should be ${issue.expected === 'number' ? 'a number' : `a ${issue.expected ?? 'different kind of value'}`}.`;
  }
  if (issue.code === 'too_big') return `${who} has a ${name || 'value'} that is too long or large.`;
  if (issue.code === 'too_small') return `${who} has a ${name || 'value'} that is too small.`;
  // A message written for people already (the schema's own, like "a day like 2026-11-22").
  return `${who}: ${name ? `${name} must be ` : ''}${issue.message.replace(/^must be /, '')}.`;
}

/** The exact place of an issue, for "Details": "tables.itemStates.0.state: Invalid option". */
export function issuePath(issue: FileIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
  return `${where}: ${issue.message}`;
}

const SIGNATURES: [RegExp, string][] = [
  [/^\uFFFDPNG/, 'a PNG image'],
  [/^\uFFFD\uFFFD\uFFFD/, 'an image or other binary file'],
  [/^GIF8/, 'a GIF image'],
  [/^%PDF/, 'a PDF document'],
  // eslint-disable-next-line no-control-regex -- a ZIP file's signature is control characters
  [/^PK\u0003\u0004/, 'a ZIP archive (or a Word, Excel or similar document)'],
  [/^\s*</, 'an HTML or XML page'],
];

/** What a file that is not JSON seems to be, from its first characters, or null. */
export function sniffNonJson(text: string): string | null {
  for (const [pattern, kind] of SIGNATURES) if (pattern.test(text)) return kind;
  // eslint-disable-next-line no-control-regex -- a NUL is what marks a binary file
  if (/\u0000/.test(text.slice(0, 1024))) return 'a binary file';
  return null;
}
