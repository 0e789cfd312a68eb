import type { Page } from 'playwright-core';

/*
 * When an element first reaches the screen, measured the same way in every page (Levelmate's
 * and the floor's): a script added before the page's own (Page.addScriptToEvaluateOnNewDocument,
 * which a page's CSP does not block) watches the document with a MutationObserver; once an
 * element matching the selector is in it, it waits for the next animation frame, checks that
 * the element has a box, and takes the time in a task queued from that frame (a MessageChannel
 * message runs after the frame is painted). The time is performance.now(): milliseconds since
 * the page's navigation started. Element Timing cannot be used: it reports only images and
 * text, never a checkbox or a button.
 */

export interface Painted {
  /** Milliseconds from navigation start to the frame that first showed the element. */
  ms: number;
  /** What the element was, to say which one counted ("input checkbox: Floor"). */
  element: string;
}

/*
 * The probe, as text: a function passed to addInitScript would be serialised with the helpers
 * the TypeScript loader adds around named functions, which the page does not have.
 */
const PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const selector = SELECTOR;
  const describe = (el) => {
    const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '';
    const type = el.getAttribute('type');
    return el.tagName.toLowerCase() + (type ? ' ' + type : '') + ': ' + label.trim().slice(0, 60);
  };
  let framePending = false;
  const observer = new MutationObserver(() => {
    if (framePending || globalThis.__benchPainted) return;
    if (!document.querySelector(selector)) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      const shown = [...document.querySelectorAll(selector)].find((el) => el.getClientRects().length > 0);
      if (!shown || globalThis.__benchPainted) return;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        globalThis.__benchPainted ??= { ms: performance.now(), element: describe(shown) };
        observer.disconnect();
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Opens `url` in a new tab of `width` × 800 with the probe armed for `selector`. */
export async function openWithPaintProbe(
  open: () => Promise<Page>,
  url: string,
  selector: string,
  width = 400,
): Promise<Page> {
  const page = await open();
  await page.setViewportSize({ width, height: 800 });
  await page.addInitScript(PROBE.replace('SELECTOR', JSON.stringify(selector)));
  await page.goto(url);
  return page;
}

/** Waits for the probe's answer. */
export async function firstPaint(page: Page, timeout = 15_000): Promise<Painted> {
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as { __benchPainted?: Painted }).__benchPainted,
    undefined,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as Painted;
}
