import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (permissions: { origins?: string[] }) => void;

/**
 * The browser's optional host permissions, in memory (the fake browser has none): granted
 * origins, and the onAdded / onRemoved events screens listen to. `request` grants unless a
 * test says the person refuses.
 */
export function installFakePermissions(granted: string[] = []) {
  const origins = new Set(granted);
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
    getAll: async () => ({ origins: [...origins], permissions: [] }),
    contains: async (p: { origins?: string[] }) => (p.origins ?? []).every((o) => origins.has(o)),
    request: async (p: { origins?: string[] }) => {
      if (state.refuse) return false;
      for (const o of p.origins ?? []) origins.add(o);
      for (const l of added) l({ origins: p.origins });
      return true;
    },
    remove: async (p: { origins?: string[] }) => {
      for (const o of p.origins ?? []) origins.delete(o);
      for (const l of removed) l({ origins: p.origins });
      return true;
    },
  });
  return { origins, state };
}
