/**
 * A stored page address as a link target, only when it is http(s). Addresses come from pages
 * and imported files; a "javascript:" one must never become a clickable link.
 */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
