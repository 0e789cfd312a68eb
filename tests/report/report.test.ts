import { describe, expect, it } from 'vitest';
import { BUILTIN_GUIDE as GUIDE } from '@/lib/builtin/guide';
import { buildReport, reportCsv, reportHtml, reportMarkdown } from '@/lib/report/report';
import { dayKey } from '@/lib/progress/activity';
import type { ItemStateRecord, VisitRecord } from '@/lib/schemas/records';

const T = new Date(2026, 10, 20, 10).getTime();
const l1 = GUIDE.levels[0]!.items;
const l4 = GUIDE.levels[3]!.items;
const state = (itemId: string, s: ItemStateRecord['state'], note = ''): ItemStateRecord => ({
  guideId: GUIDE.id,
  itemId,
  state: s,
  note,
  updatedAt: T,
});
const visit = (
  n: number,
  itemIds: string[],
  resourceId: string | null,
  activeMs: number,
): VisitRecord => ({
  id: n,
  url: `https://example.org/${n}`,
  host: 'example.org',
  title: `<script>x</script> =SUM(A1) page ${n}`,
  resourceId,
  itemIds,
  topics: [],
  firstVisitAt: T,
  lastVisitAt: T,
  count: 1,
  activeMs,
  source: 'auto',
});

const input = (includeNotes = false) => ({
  guide: GUIDE,
  level: 4,
  states: [
    state(l1[0]!.id, 'done', 'secret note'),
    state(l1[1]!.id, 'done'),
    state(l4[2]!.id, 'learning'),
  ],
  visits: [
    visit(1, [l4[2]!.id], 'ddia', 30 * 60_000),
    visit(2, [l4[2]!.id], 'ddia', 15 * 60_000),
    visit(3, [l4[2]!.id], null, 0),
  ],
  resourceTitles: new Map([['ddia', 'Designing Data-Intensive Applications']]),
  includeNotes,
  now: T,
});

describe('the progress report', () => {
  it('says the level, progress per level, done and learning items with dates, and what was studied', () => {
    const report = buildReport(input());
    expect(report.level).toEqual({ number: 4, name: GUIDE.levels[3]!.name });
    expect(report.levels[0]).toMatchObject({ number: 1, done: 2, counted: 13, percent: 15 });
    expect(report.done.map((i) => i.short)).toEqual([l1[0]!.short, l1[1]!.short]);
    expect(report.done[0]!.since).toBe('2026-11-20');
    expect(report.learning.map((i) => i.short)).toEqual([l4[2]!.short]);
    expect(report.studied).toEqual([
      {
        short: l4[2]!.short,
        level: 4,
        resources: [
          {
            title: 'Designing Data-Intensive Applications',
            pages: 2,
            activeMs: 45 * 60_000,
            named: [
              { title: '<script>x</script> =SUM(A1) page 1', url: 'https://example.org/1' },
              { title: '<script>x</script> =SUM(A1) page 2', url: 'https://example.org/2' },
            ],
          },
          {
            title: 'example.org',
            pages: 1,
            activeMs: 0,
            named: [{ title: '<script>x</script> =SUM(A1) page 3', url: 'https://example.org/3' }],
          },
        ],
      },
    ]);
    const markdown = reportMarkdown(report);
    expect(markdown).toContain(`- **L1 ${l1[0]!.short}** (done 2026-11-20)`);
    expect(markdown).toContain('  - Designing Data-Intensive Applications: 2 pages, 45 min');
    expect(markdown).toContain('| 4. ');
    // The pages themselves, named and linked, for a mentor to open.
    expect(markdown).toContain(
      '    - [\\<script\\>x\\</script\\> =SUM(A1) page 1](<https://example.org/1>)',
    );
    const page = reportHtml(report);
    expect(page).toContain('<a href="https://example.org/1">&lt;script&gt;x&lt;/script&gt;');
    expect(page).toContain('<button type="button" data-print onclick="print()">Print</button>');
  });

  it('marks items placed as known, not as studied here', () => {
    const placed = { ...state(l1[0]!.id, 'done'), doneAt: T, placed: true as const };
    const report = buildReport({ ...input(), states: [placed] });
    expect(reportMarkdown(report)).toContain(
      `- **L1 ${l1[0]!.short}** (placed as known 2026-11-20)`,
    );
  });

  it('leaves notes out unless the person includes them', () => {
    expect(reportMarkdown(buildReport(input()))).not.toContain('secret note');
    expect(reportCsv(input())).not.toContain('secret note');
    expect(reportMarkdown(buildReport(input(true)))).toContain('Note: secret note');
    expect(reportCsv(input(true))).toContain('secret note');
  });

  it('writes page text as text: escaped in the page, never a formula in the CSV', () => {
    const page = reportHtml(buildReport(input()));
    expect(page).not.toContain('<script>x');
    expect(page).toContain('@media print');
    const rows = reportCsv(input()).split('\r\n');
    expect(rows[0]).toBe(
      '"kind","level","item","state","date","note","page title","address","resource","minutes read"',
    );
    const formula = {
      ...input(),
      visits: [{ ...visit(9, [], null, 0), title: '=HYPERLINK("x")' }],
    };
    expect(reportCsv(formula)).toContain(`"'=HYPERLINK(""x"")"`);
    expect(reportCsv(formula)).not.toMatch(/,=HYPERLINK/);
  });

  it('no cell a spreadsheet splits off on ";" (or a tab, or a new line) can start a formula', () => {
    const title = 'HTTP status codes;=HYPERLINK("https://evil.example","x");\t+1+1\n@SUM(A1)';
    const csv = reportCsv({ ...input(), visits: [{ ...visit(9, [], null, 0), title }] });
    // Split the way a spreadsheet in a ";" locale would, quotes and all.
    for (const cell of csv.split(/[;,\t\r\n]/)) {
      expect(cell.replace(/^"+/, '').trimStart()).not.toMatch(/^[=+\-@]/);
    }
    expect(csv).toContain(`;'=HYPERLINK`);
  });

  it('lists items by level with dates only where done, and says which were placed', () => {
    const [first, second] = GUIDE.levels[0]!.items;
    const later = GUIDE.levels[2]!.items[0]!;
    const states = [
      { guideId: GUIDE.id, itemId: later.id, state: 'learning' as const, note: '', updatedAt: T },
      {
        guideId: GUIDE.id,
        itemId: second!.id,
        state: 'done' as const,
        note: '',
        updatedAt: T,
        doneAt: T,
        placed: true as const,
      },
      {
        guideId: GUIDE.id,
        itemId: first!.id,
        state: 'done' as const,
        note: '',
        updatedAt: T,
        doneAt: T,
      },
    ];
    const rows = reportCsv({ ...input(), states, visits: [] })
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows.map((r) => r.split(',').slice(1, 5).join(','))).toEqual([
      `1,"${first!.short}","done","${dayKey(T)}"`,
      `1,"${second!.short}","done (placed)","${dayKey(T)}"`,
      `3,"${later.short}","learning",""`,
    ]);
  });
});
