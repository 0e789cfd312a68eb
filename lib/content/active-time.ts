/**
 * Counts the time a page is visible and focused, cheaply: no timers run while the person is
 * elsewhere; time is reported when the page is hidden or left, and every 15 seconds of
 * reading, so a report lost as the page closes (its worker asleep) costs at most that much.
 */
export function trackActiveTime(report: (ms: number) => void, flushEveryMs = 15_000): () => void {
  let since: number | null = null;
  let pending = 0;
  const active = () => document.visibilityState === 'visible' && document.hasFocus();
  const settle = () => {
    if (since !== null) pending += performance.now() - since;
    since = active() ? performance.now() : null;
  };
  const flush = () => {
    settle();
    if (pending < 1000) return;
    report(Math.round(pending));
    pending = 0;
  };
  const onChange = () => (active() ? settle() : flush());
  const timer = setInterval(() => since !== null && flush(), flushEveryMs);
  const events = ['visibilitychange', 'focus', 'blur'] as const;
  for (const type of events) window.addEventListener(type, onChange);
  // Leaving the page reports what is pending whatever the page's state says.
  window.addEventListener('pagehide', flush);
  settle();
  return () => {
    flush();
    clearInterval(timer);
    for (const type of events) window.removeEventListener(type, onChange);
    window.removeEventListener('pagehide', flush);
  };
}
