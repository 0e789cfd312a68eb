import type { PageItem, StudiedOutcome } from '../visits/page-verdict';

/*
 * The in-page chip: a small note that names the resource and the items a page counts for,
 * with "Mark studied" and "Not this" (not a learning page, or the wrong items). Plain DOM in a
 * closed shadow root on an element with a name the page cannot guess, so a page can neither
 * find it, pre-empt it nor restyle it; page text is only ever set as text; it never asks for
 * anything but these choices.
 */

export interface ChipActions {
  onStudied: () => Promise<StudiedOutcome>;
  onUndo: (undo: string) => Promise<unknown>;
  onNotLearning: () => Promise<{ undo: string }>;
  onCorrect: (itemIds: string[]) => Promise<{ countsFor: string; undo: string }>;
  onFind: (query: string) => Promise<PageItem[]>;
}

export interface ChipPage {
  title: string;
  countsFor: string;
  items: PageItem[];
  alternatives: PageItem[];
}

// One line, no spaces it can do without: every byte of this script is loaded on every page.
const STYLE =
  '.c{position:fixed;right:16px;bottom:16px;z-index:2147483647;width:300px;box-sizing:border-box;padding:10px 12px;border-radius:10px;font:13px/1.4 system-ui,sans-serif;color:#1b1e2b;background:#fff;border:1px solid #c5cbe0;box-shadow:0 4px 16px #0003}@media(prefers-color-scheme:dark){.c{color:#e8eaf6;background:#23263a;border-color:#3d4262}}p{margin:0 20px 6px 0}.t{font-weight:600}label{display:block}input[type=search]{font:inherit;width:100%;box-sizing:border-box;margin:4px 0}button{font:inherit;cursor:pointer;border-radius:6px;padding:3px 9px;border:1px solid #3b5bdb;background:#3b5bdb;color:#fff;margin:4px 6px 0 0}.s{background:0 0;color:inherit;border-color:#9aa3c7}:focus-visible{outline:2px solid #fab005}.x{position:absolute;top:4px;right:2px;border:0;background:0 0;color:inherit;margin:0}';

/** The chip showing now, held here: the page cannot reach it through the document. */
let current: HTMLElement | null = null;

const el = (tag: string, text = '', className = ''): HTMLElement => {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** A title cut at a word, never inside one. */
export function shortTitle(title: string, max = 70): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1).replace(/\s+\S*$/, '');
  return `${cut || title.slice(0, max)}…`;
}

export function showChip(page: ChipPage, actions: ChipActions): void {
  current?.remove();
  // A name the page cannot know beforehand, styled so that no page rule reaches it.
  const host = document.createElement(`lm-${crypto.randomUUID().slice(0, 8)}`);
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  document.documentElement.append(host);
  current = host;
  const dismiss = () => {
    host.remove();
    if (current === host) current = null;
  };
  let timer = setTimeout(dismiss, 12_000);
  const linger = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(dismiss, ms);
  };
  const button = (text: string, onClick: () => void, className = '') => {
    const node = el('button', text, className);
    node.addEventListener('click', onClick);
    return node;
  };

  /** Replaces the chip's content; it stays while the pointer or focus is on it. */
  const render = (...children: HTMLElement[]) => {
    const chip = el('div', '', 'c');
    chip.setAttribute('role', 'status');
    const close = button('×', dismiss, 'x');
    close.setAttribute('aria-label', 'Dismiss Levelmate note');
    chip.append(close, ...children);
    chip.addEventListener('pointerenter', () => clearTimeout(timer));
    chip.addEventListener('focusin', () => clearTimeout(timer));
    chip.addEventListener('pointerleave', () => linger(6_000));
    root.replaceChildren(el('style', STYLE), chip);
  };
  /** Says what happened, with Undo; a failed action says so instead of vanishing. */
  const act = async <T extends { undo: string }>(
    run: () => Promise<T>,
    said: (result: T) => string,
  ) => {
    try {
      const result = await run();
      render(
        el('p', said(result), 't'),
        button(
          'Undo',
          () =>
            void actions.onUndo(result.undo).then(
              () => render(el('p', 'Undone.', 't')),
              () => render(el('p', 'Could not undo: it is too late.', 't')),
            ),
          's',
        ),
      );
      linger(8_000);
    } catch (error) {
      render(el('p', `Levelmate could not do that: ${(error as Error).message}`, 't'));
    }
  };

  const studied = () =>
    act(actions.onStudied, (o) => {
      const moved = o.started.map((i) => i.short).join(', ');
      return `Marked studied ✓${moved ? ` Now learning: ${moved}.` : ''}`;
    });

  const wrongItems = () => {
    const chosen = new Map(page.items.map((i) => [i.id, true]));
    const listed = [...page.items, ...page.alternatives];
    const list = el('div');
    const draw = () =>
      list.replaceChildren(
        ...listed.map((item) => {
          const box = el('input') as HTMLInputElement;
          box.type = 'checkbox';
          box.checked = chosen.get(item.id) === true;
          box.addEventListener('change', () => chosen.set(item.id, box.checked));
          const label = el('label');
          label.append(box, ` ${item.short} (L${item.level})${item.done ? ' ✓' : ''}`);
          return label;
        }),
      );
    const search = el('input') as HTMLInputElement;
    search.type = 'search';
    search.placeholder = 'Find another item';
    search.setAttribute('aria-label', 'Find another item');
    let wait: ReturnType<typeof setTimeout>;
    search.addEventListener('input', () => {
      clearTimeout(wait);
      wait = setTimeout(async () => {
        for (const item of await actions.onFind(search.value).catch(() => []))
          if (!listed.some((i) => i.id === item.id)) listed.push(item);
        draw();
      }, 250);
    });
    draw();
    render(
      el('p', 'This page counts for:', 't'),
      list,
      search,
      button(
        'Save',
        () =>
          void act(
            () => actions.onCorrect(listed.filter((i) => chosen.get(i.id)).map((i) => i.id)),
            (o) => `Saved. ${o.countsFor}.`,
          ),
      ),
    );
    clearTimeout(timer);
  };

  const notThis = () => {
    render(
      el('p', 'What is wrong?', 't'),
      button(
        'Not a learning page',
        () => void act(actions.onNotLearning, () => 'Got it: this page no longer counts.'),
      ),
      button(page.items.length > 0 ? 'Wrong items' : 'Choose its items', wrongItems, 's'),
    );
    linger(12_000);
  };

  render(
    el('p', `Levelmate · ${shortTitle(page.title)}`, 't'),
    el('p', page.countsFor),
    ...(page.items.length > 0 ? [button('Mark studied', () => void studied())] : []),
    button('Not this', notThis, 's'),
  );
}
