/**
 * Moves focus once the screen has updated: for when the control that had focus disappears
 * (a removed row, a button replaced by a badge), so keyboard users are not sent back to the
 * top of the page.
 */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => find()?.focus());
}
