/**
 * Moves focus once the screen has updated: for when the control that had focus disappears
 * (a removed row, a button replaced by a badge), so keyboard users are not sent back to the
 * top of the page.
 */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => find()?.focus());
}

/** How long a row may take to leave a filtered list after its state changed (the change goes
 * through the background and the database before the list re-renders). */
const ROW_LEAVES_WITHIN_MS = 3000;

/**
 * Call before a change that may take `row` out of a filtered list: once it has gone, focus
 * moves to the next row's checkbox, else the previous one's, else `fallback` — never to the
 * page's body. Does nothing if the row stays or focus has moved on meanwhile.
 */
export function keepFocusInList(row: HTMLElement, fallback: () => HTMLElement | null): void {
  const list = row.closest('[data-item-list]');
  const rows = list ? [...list.querySelectorAll<HTMLElement>('li.item')] : [];
  const at = rows.indexOf(row);
  const near = [...rows.slice(at + 1), ...rows.slice(0, Math.max(at, 0)).reverse()];
  const started = performance.now();
  const check = () => {
    if (row.isConnected) {
      if (performance.now() - started < ROW_LEAVES_WITHIN_MS) requestAnimationFrame(check);
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const row2 = near.find((r) => r.isConnected);
    const next =
      row2?.querySelector<HTMLElement>('input.check') ?? (row2?.tabIndex === 0 ? row2 : null);
    (next ?? fallback())?.focus();
  };
  requestAnimationFrame(check);
}
