/** How many items a short list names before "and N more". */
const SHOWN_ITEMS = 3;

/** "Counts for: Isolation levels (L4), Locking (L4) and 2 more", or that it counts for none. */
export function countsFor(
  items: readonly { short: string; level: number; done?: boolean }[],
): string {
  if (items.length === 0) return 'Counts for no checklist item';
  const named = items
    .slice(0, SHOWN_ITEMS)
    .map((i) => `${i.short} (L${i.level}${i.done ? ', done' : ''})`);
  const more = items.length > SHOWN_ITEMS ? ` and ${items.length - SHOWN_ITEMS} more` : '';
  return `Counts for: ${named.join(', ')}${more}`;
}
