import type { Guide } from '../schemas/guide';
import type { ItemStateRecord, VisitRecord } from '../schemas/records';
import { dayKey } from '../progress/activity';
import { guideProgress, levelProgress, stateLookup } from '../progress/progress';

/*
 * The progress report a learner shows a mentor: built from plain data, then written as
 * Markdown, as a printable HTML page, and the raw rows as CSV. Notes appear only when the
 * person chooses to include them.
 */

export interface ReportInput {
  guide: Guide;
  /** The level the person is at (chosen or suggested). */
  level: number;
  states: readonly ItemStateRecord[];
  visits: readonly VisitRecord[];
  resourceTitles: ReadonlyMap<string, string>;
  includeNotes: boolean;
  now: number;
}

interface ReportItem {
  level: number;
  short: string;
  text: string;
  /** When it was marked done (or learning). */
  since: string;
  /** Marked done by placing oneself (known before), not studied here. */
  placed: boolean;
  note?: string;
}

/** How many pages of one resource a report names under an item (the most recent first). */
const PAGES_NAMED = 5;

export interface ProgressReport {
  guideTitle: string;
  date: string;
  level: { number: number; name: string };
  overall: { done: number; counted: number; percent: number };
  levels: { number: number; name: string; done: number; counted: number; percent: number }[];
  done: ReportItem[];
  learning: ReportItem[];
  /** Per item studied: the resources, pages and time on them. */
  studied: {
    short: string;
    level: number;
    resources: {
      title: string;
      pages: number;
      activeMs: number;
      /** The most recent pages, named and linked (http and https addresses only). */
      named: { title: string; url: string }[];
    }[];
  }[];
  notesIncluded: boolean;
}

export function buildReport(input: ReportInput): ProgressReport {
  const { guide, states, visits } = input;
  const lookup = stateLookup(states);
  const byItem = new Map(states.map((s) => [s.itemId, s]));
  const items = guide.levels.flatMap((level) =>
    level.items.map((item) => ({ item, level: level.number })),
  );
  const listed = (state: string): ReportItem[] =>
    items.flatMap(({ item, level }) => {
      const saved = byItem.get(item.id);
      if (saved?.state !== state) return [];
      const note = input.includeNotes && saved.note.trim() ? saved.note.trim() : undefined;
      return [
        {
          level,
          short: item.short,
          text: item.text,
          since: dayKey(saved.doneAt ?? saved.updatedAt),
          placed: saved.placed === true,
          note,
        },
      ];
    });
  // Visits by item in one pass: a long history has a hundred thousand of them.
  const visitsOf = new Map<string, (typeof visits)[number][]>();
  for (const visit of visits) {
    for (const itemId of visit.itemIds) {
      const list = visitsOf.get(itemId) ?? [];
      list.push(visit);
      visitsOf.set(itemId, list);
    }
  }
  const studied = items.flatMap(({ item, level }) => {
    type Pages = Map<string, { title: string; last: number }>;
    const resources = new Map<string, { title: string; pages: Pages; activeMs: number }>();
    for (const visit of visitsOf.get(item.id) ?? []) {
      const title = (visit.resourceId && input.resourceTitles.get(visit.resourceId)) || visit.host;
      const entry = resources.get(title) ?? { title, pages: new Map(), activeMs: 0 };
      const seen = entry.pages.get(visit.url);
      if (!seen || seen.last < visit.lastVisitAt)
        entry.pages.set(visit.url, { title: visit.title || visit.url, last: visit.lastVisitAt });
      entry.activeMs += visit.activeMs;
      resources.set(title, entry);
    }
    if (resources.size === 0) return [];
    return [
      {
        short: item.short,
        level,
        resources: [...resources.values()]
          .map((r) => ({
            title: r.title,
            pages: r.pages.size,
            activeMs: r.activeMs,
            named: [...r.pages]
              .filter(([url]) => /^https?:\/\//i.test(url))
              .sort(([, a], [, b]) => b.last - a.last)
              .slice(0, PAGES_NAMED)
              .map(([url, page]) => ({ title: page.title, url })),
          }))
          .sort((a, b) => b.activeMs - a.activeMs || b.pages - a.pages),
      },
    ];
  });
  const current = guide.levels.find((l) => l.number === input.level) ?? guide.levels[0]!;
  const overall = guideProgress(guide.levels, lookup);
  return {
    guideTitle: guide.title,
    date: dayKey(input.now),
    level: { number: current.number, name: current.name },
    overall: { done: overall.done, counted: overall.counted, percent: overall.percent },
    levels: guide.levels.map((level) => {
      const p = levelProgress(level, lookup);
      return {
        number: level.number,
        name: level.name,
        done: p.done,
        counted: p.counted,
        percent: p.percent,
      };
    }),
    done: listed('done'),
    learning: listed('learning'),
    studied,
    notesIncluded: input.includeNotes,
  };
}

/** "1 h 5 min" of reading, or "" for none. */
function minutes(ms: number): string {
  const total = Math.round(ms / 60_000);
  if (total < 1) return '';
  const h = Math.floor(total / 60);
  return h > 0 ? `${h} h ${total % 60} min` : `${total} min`;
}

/** Page text in Markdown: no line breaks, and characters Markdown would act on escaped. */
function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function reportMarkdown(report: ProgressReport): string {
  const lines: string[] = [
    `# ${md(report.guideTitle)}: progress report`,
    '',
    `${report.date} · Level ${report.level.number}, ${md(report.level.name)} · ${report.overall.done} of ${report.overall.counted} items done (${report.overall.percent}%)`,
    '',
    '## Progress by level',
    '',
    '| Level | Done | Progress |',
    '| --- | --- | --- |',
    ...report.levels.map(
      (l) => `| ${l.number}. ${md(l.name)} | ${l.done} of ${l.counted} | ${l.percent}% |`,
    ),
  ];
  const itemList = (title: string, list: ReportItem[], verb: string) => {
    lines.push('', `## ${title}`, '');
    if (list.length === 0) lines.push('None yet.');
    for (const item of list) {
      const when = item.placed ? `placed as known ${item.since}` : `${verb} ${item.since}`;
      lines.push(`- **L${item.level} ${md(item.short)}** (${when}): ${md(item.text)}`);
      if (item.note) lines.push(`  - Note: ${md(item.note)}`);
    }
  };
  itemList('Done', report.done, 'done');
  itemList('Learning', report.learning, 'since');
  lines.push('', '## Studied', '');
  if (report.studied.length === 0) lines.push('No studied pages recorded yet.');
  for (const entry of report.studied) {
    lines.push(`- **L${entry.level} ${md(entry.short)}**`);
    for (const r of entry.resources) {
      const read = minutes(r.activeMs);
      lines.push(
        `  - ${md(r.title)}: ${r.pages} page${r.pages === 1 ? '' : 's'}${read ? `, ${read}` : ''}`,
      );
      for (const page of r.named) lines.push(`    - [${md(page.title)}](<${page.url}>)`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const html = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * The same report as a page to print or save as PDF: every page text escaped. Its Print
 * button works from a saved file (onclick) and, opened from the extension, through the
 * extension's own small script (`printScript`: inline handlers are not allowed there).
 */
export function reportHtml(report: ProgressReport, printScript?: string): string {
  const items = (list: ReportItem[], verb: string) =>
    list.length === 0
      ? '<p>None yet.</p>'
      : `<ul>${list
          .map(
            (i) =>
              `<li><strong>L${i.level} ${html(i.short)}</strong> <small>(${i.placed ? 'placed as known' : verb} ${i.since})</small><br>${html(i.text)}${i.note ? `<br><em>Note: ${html(i.note)}</em>` : ''}</li>`,
          )
          .join('')}</ul>`;
  const studied =
    report.studied.length === 0
      ? '<p>No studied pages recorded yet.</p>'
      : `<ul>${report.studied
          .map(
            (e) =>
              `<li><strong>L${e.level} ${html(e.short)}</strong><ul>${e.resources
                .map((r) => {
                  const read = minutes(r.activeMs);
                  const named = r.named
                    .map((p) => `<li><a href="${html(p.url)}">${html(p.title)}</a></li>`)
                    .join('');
                  return `<li>${html(r.title)}: ${r.pages} page${r.pages === 1 ? '' : 's'}${read ? `, ${read}` : ''}${named ? `<ul>${named}</ul>` : ''}</li>`;
                })
                .join('')}</ul></li>`,
          )
          .join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(report.guideTitle)}: progress report, ${report.date}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;color:#1b1e2b;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #c5cbe0}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e3e6f0}
li{margin:.25rem 0}small{color:#555}
button{font:inherit;padding:.3rem .9rem;border:1px solid #3b5bdb;border-radius:6px;background:#3b5bdb;color:#fff;cursor:pointer;float:right}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}li,tr{break-inside:avoid}button{display:none}}
</style></head><body>
<button type="button" data-print onclick="print()">Print</button>${printScript ? `<script src="${html(printScript)}"></script>` : ''}
<h1>${html(report.guideTitle)}: progress report</h1>
<p>${report.date} · Level ${report.level.number}, ${html(report.level.name)} · ${report.overall.done} of ${report.overall.counted} items done (${report.overall.percent}%)</p>
<h2>Progress by level</h2>
<table><thead><tr><th>Level</th><th>Done</th><th>Progress</th></tr></thead><tbody>${report.levels
    .map(
      (l) =>
        `<tr><td>${l.number}. ${html(l.name)}</td><td>${l.done} of ${l.counted}</td><td>${l.percent}%</td></tr>`,
    )
    .join('')}</tbody></table>
<h2>Done</h2>${items(report.done, 'done')}
<h2>Learning</h2>${items(report.learning, 'since')}
<h2>Studied</h2>${studied}
</body></html>
`;
}

/**
 * A CSV field. Text is always quoted, and can never become a formula in a spreadsheet: not at
 * its start, and not where a spreadsheet splits a field (",", ";", tabs, new lines: the list
 * separator differs from one locale to another).
 */
function csv(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = value.replace(/(^|[,;\t\r\n|])(\s*)([=+\-@])/g, "$1$2'$3");
  return `"${guarded.replace(/"/g, '""')}"`;
}

/** Item states and studied pages, one row each, for a spreadsheet. */
export function reportCsv(
  input: Pick<ReportInput, 'guide' | 'states' | 'visits' | 'resourceTitles' | 'includeNotes'>,
): string {
  const rows: (string | number)[][] = [
    [
      'kind',
      'level',
      'item',
      'state',
      'date',
      'note',
      'page title',
      'address',
      'resource',
      'minutes read',
    ],
  ];
  const items = new Map(
    input.guide.levels.flatMap((level) =>
      level.items.map((item) => [item.id, { item, level: level.number }]),
    ),
  );
  // By level, in the guide's order; a date only where an item was done.
  const order = new Map([...items.keys()].map((id, i) => [id, i]));
  const states = [...input.states]
    .filter((s) => items.has(s.itemId))
    .sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!);
  for (const state of states) {
    const found = items.get(state.itemId)!;
    rows.push([
      'item',
      found.level,
      found.item.short,
      state.state === 'done' && state.placed ? 'done (placed)' : state.state,
      state.state === 'done' ? dayKey(state.doneAt ?? state.updatedAt) : '',
      input.includeNotes ? state.note : '',
      '',
      '',
      '',
      '',
    ]);
  }
  for (const visit of input.visits) {
    const tags = visit.itemIds.flatMap((id) => items.get(id) ?? []);
    for (const tag of tags.length > 0 ? tags : [undefined]) {
      rows.push([
        'page',
        tag?.level ?? '',
        tag?.item.short ?? '',
        '',
        dayKey(visit.lastVisitAt),
        '',
        visit.title,
        visit.url,
        (visit.resourceId && input.resourceTitles.get(visit.resourceId)) || '',
        Math.round(visit.activeMs / 60_000),
      ]);
    }
  }
  return `${rows.map((row) => row.map(csv).join(',')).join('\r\n')}\r\n`;
}
