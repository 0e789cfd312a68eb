import { hasShape, storedItem } from '../db/stored-item';

/*
 * "Open the side panel at this view", asked by the popup or a reminder's click. Kept in
 * session storage, which every extension context shares (the service worker has no
 * localStorage): a panel that opens reads it once, and an open panel hears it at once.
 */

const request = storedItem<ViewRequest | null>(
  'session:openView',
  null,
  hasShape({ view: 'string', at: 'number' }),
);
/** A request older than this was not answered by a panel opening; it must not surprise later. */
const FRESH_MS = 30_000;

interface ViewRequest {
  view: string;
  at: number;
}

export async function requestView(view: string, now = Date.now()): Promise<void> {
  await request.set({ view, at: now });
}

/** The view asked for in the last few seconds, taken once. */
export async function takeRequestedView(now = Date.now()): Promise<string | null> {
  const asked = await request.get();
  if (!asked) return null;
  await request.remove();
  return now - asked.at <= FRESH_MS ? asked.view : null;
}

/** Calls back with each view asked for while this page is open. */
export function onViewRequested(show: (view: string) => void): () => void {
  return request.watch((asked) => asked && show(asked.view));
}
