import type { StudiedOutcome } from '../visits/page-verdict';

/**
 * The in-page chip: a small note in a closed shadow root, plain DOM, that names the resource
 * and the items this page counts for, with "Mark studied" and "Not this". Page text is only
 * ever set as text. There is at most one chip per page; showing it again replaces it.
 */
export interface ChipActions {
  onStudied: () => Promise<StudiedOutcome>;
  onUndo: (undo: string) => Promise<unknown>;
  onNotThis: () => Promise<unknown>;
}

const HOST_TAG = 'levelmate-chip';
// One line, no spaces it can do without: every byte of this script is loaded on every page.
const STYLE =
  ':host{all:initial}.chip{position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:300px;box-sizing:border-box;padding:10px 12px;border-radius:10px;font:13px/1.4 system-ui,sans-serif;color:#1b1e2b;background:#fff;border:1px solid #c5cbe0;box-shadow:0 4px 16px #0003}@media(prefers-color-scheme:dark){.chip{color:#e8eaf6;background:#23263a;border-color:#3d4262}}.t{font-weight:600;margin:0 20px 2px 0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.l{margin:0 0 8px;opacity:.85}button{font:inherit;cursor:pointer;border-radius:6px;padding:3px 9px;border:1px solid #3b5bdb;background:#3b5bdb;color:#fff;margin-right:6px}button.s{background:0 0;color:inherit;border-color:#9aa3c7}button:focus-visible{outline:2px solid #fab005;outline-offset:2px}.x{position:absolute;top:4px;right:2px;border:0;background:0 0;color:inherit;padding:2px 6px;margin:0}';

function el(tag: string, className: string, text = ''): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

/**
 * `counts` says what the page counts for (written by the background); `canStudy` when it counts
 * for any item.
 */
export function showChip(
  title: string,
  counts: string,
  canStudy: boolean,
  actions: ChipActions,
): void {
  let host = document.querySelector(HOST_TAG);
  if (!host) {
    host = document.createElement(HOST_TAG);
    document.documentElement.append(host);
  }
  const handle = host as HTMLElement & { levelmateRoot?: ShadowRoot };
  const root = (handle.levelmateRoot ??= host.attachShadow({ mode: 'closed' }));
  const style = el('style', '', STYLE);
  const dismiss = () => host.remove();
  let timer = setTimeout(dismiss, 12_000);
  const linger = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(dismiss, ms);
  };

  /** Replaces the chip's content; it stays while the pointer or focus is on it. */
  const render = (...children: HTMLElement[]) => {
    const chip = el('div', 'chip');
    chip.setAttribute('role', 'status');
    const close = el('button', 'x', '×');
    close.setAttribute('aria-label', 'Dismiss Levelmate note');
    close.addEventListener('click', dismiss);
    chip.append(close, ...children);
    chip.addEventListener('pointerenter', () => clearTimeout(timer));
    chip.addEventListener('focusin', () => clearTimeout(timer));
    chip.addEventListener('pointerleave', () => linger(6_000));
    root.replaceChildren(style, chip);
  };
  const button = (text: string, className: string, onClick: () => void) => {
    const node = el('button', className, text);
    node.addEventListener('click', onClick);
    return node;
  };

  const studied = async () => {
    let outcome: StudiedOutcome;
    try {
      outcome = await actions.onStudied();
    } catch {
      return dismiss();
    }
    const moved = outcome.started.map((i) => i.short).join(', ');
    render(
      el('p', 't', 'Marked studied ✓'),
      el('p', 'l', moved ? `Now learning: ${moved}` : 'Saved.'),
      button('Undo', 's', () => {
        actions.onUndo(outcome.undo).then(() => render(el('p', 't', 'Undone.')), dismiss);
        linger(2_500);
      }),
    );
    linger(8_000);
  };

  render(
    el('p', 't', `Levelmate · ${title}`),
    el('p', 'l', counts),
    ...(canStudy ? [button('Mark studied', '', () => void studied())] : []),
    button('Not this', 's', () => {
      actions
        .onNotThis()
        .then(() => render(el('p', 't', 'Got it: this page will not be recorded.')), dismiss);
      linger(2_500);
    }),
  );
}
