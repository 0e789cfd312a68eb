/**
 * The in-page chip: a small note in a closed shadow root, plain DOM, that names the resource
 * and its levels, with "Mark studied" and "Not this". Page text is only ever set as text.
 * There is at most one chip per page; showing it again replaces its contents.
 */
export interface ChipActions {
  onStudied: () => Promise<unknown>;
  onNotThis: () => Promise<unknown>;
}

const HOST_TAG = 'levelmate-chip';
const STYLE = `
:host{all:initial}
.chip{position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:300px;box-sizing:border-box;
padding:10px 12px;border-radius:10px;font:13px/1.4 system-ui,sans-serif;color:#1b1e2b;background:#fff;
border:1px solid #c5cbe0;box-shadow:0 4px 16px rgba(0,0,0,.18)}
@media (prefers-color-scheme:dark){.chip{color:#e8eaf6;background:#23263a;border-color:#3d4262}}
.t{font-weight:600;margin:0 20px 2px 0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.l{margin:0 0 8px;opacity:.8}
button{font:inherit;cursor:pointer;border-radius:6px;padding:3px 9px;border:1px solid #3b5bdb;
background:#3b5bdb;color:#fff;margin-right:6px}
button.s{background:transparent;color:inherit;border-color:#9aa3c7}
button:focus-visible{outline:2px solid #fab005;outline-offset:2px}
.x{position:absolute;top:4px;right:2px;border:0;background:none;color:inherit;padding:2px 6px;margin:0}
`;

export function showChip(title: string, levels: readonly number[], actions: ChipActions): void {
  let host = document.querySelector(HOST_TAG);
  if (!host) {
    host = document.createElement(HOST_TAG);
    document.documentElement.append(host);
  }
  const root =
    (host as HTMLElement & { levelmateRoot?: ShadowRoot }).levelmateRoot ??
    host.attachShadow({ mode: 'closed' });
  (host as HTMLElement & { levelmateRoot?: ShadowRoot }).levelmateRoot = root;

  const chip = el('div', 'chip');
  chip.setAttribute('role', 'status');
  const levelText = levels.length
    ? `Counts for level${levels.length > 1 ? 's' : ''} ${levels.join(', ')}`
    : '';
  const close = el('button', 'x', '×');
  close.setAttribute('aria-label', 'Dismiss Levelmate note');
  const studied = el('button', '', 'Mark studied');
  const notThis = el('button', 's', 'Not this');
  chip.append(
    close,
    el('p', 't', `Levelmate · ${title}`),
    el('p', 'l', levelText),
    studied,
    notThis,
  );
  const style = el('style', '', STYLE);
  root.replaceChildren(style, chip);

  const dismiss = () => host.remove();
  const act = (button: HTMLElement, action: () => Promise<unknown>, done: string) =>
    button.addEventListener('click', () => {
      action().then(
        () =>
          root.replaceChildren(style, Object.assign(el('div', 'chip', done), { role: 'status' })),
        () => dismiss(),
      );
      setTimeout(dismiss, 2500);
    });
  close.addEventListener('click', dismiss);
  act(studied, actions.onStudied, 'Marked as studied ✓');
  act(notThis, actions.onNotThis, 'Got it: this page will not be tracked.');
  // Out of the way once read: it leaves by itself unless the person is using it.
  let timer = setTimeout(dismiss, 12_000);
  chip.addEventListener('pointerenter', () => clearTimeout(timer));
  chip.addEventListener('focusin', () => clearTimeout(timer));
  chip.addEventListener('pointerleave', () => (timer = setTimeout(dismiss, 6_000)));
}

function el(tag: string, className: string, text = ''): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}
