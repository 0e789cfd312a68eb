import { fakeBrowser } from 'wxt/testing/fake-browser';

type Asked = { origins?: string[]; permissions?: string[] };
type Listener = (permissions: Asked) => void;

/**
 * The browser's optional permissions, in memory (the fake browser has none): granted
 * origins and API permissions (notifications), and the onAdded / onRemoved events screens listen to. `request` grants unless a
 * test says the person refuses.
 */
export function installFakePermissions(granted: string[] = []) {
  const origins = new Set(granted);
  const apis = new Set<string>();
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const state = { refuse: false };
  const event = (set: Set<Listener>) => ({
    addListener: (l: Listener) => void set.add(l),
    removeListener: (l: Listener) => void set.delete(l),
    hasListener: (l: Listener) => set.has(l),
  });
  Object.assign(fakeBrowser.permissions, {
    onAdded: event(added),
    onRemoved: event(removed),
    getAll: async () => ({ origins: [...origins], permissions: [...apis] }),
    contains: async (p: Asked) =>
      (p.origins ?? []).every((o) => origins.has(o)) &&
      (p.permissions ?? []).every((a) => apis.has(a)),
    request: async (p: Asked) => {
      if (state.refuse) return false;
      for (const o of p.origins ?? []) origins.add(o);
      for (const a of p.permissions ?? []) apis.add(a);
      for (const l of added) l(p);
      return true;
    },
    remove: async (p: Asked) => {
      for (const o of p.origins ?? []) origins.delete(o);
      for (const a of p.permissions ?? []) apis.delete(a);
      for (const l of removed) l(p);
      return true;
    },
  });
  return { origins, apis, state };
}
