import { storage, type StorageItemKey } from 'wxt/utils/storage';

/*
 * The small things kept outside the database (this browser's sync memory, the sync status, a
 * reminder's last day, "not now" answers, the view a panel should open at, each tab's page):
 * typed, checked when read, and versioned, through WXT's storage items. A value that does not
 * pass its check reads as the fallback (and says so in the console) rather than as a wrong shape.
 */

export interface StoredItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls back with each new value (from any context), until the returned function is called. */
  watch(listener: (value: T) => void): () => void;
}

export function storedItem<T>(
  key: StorageItemKey,
  fallback: T,
  /** Whether a stored value is one: a Zod schema's safeParse in the background, a guard elsewhere. */
  isValid: (value: unknown) => boolean,
  version = 1,
): StoredItem<T> {
  const item = storage.defineItem<T>(key, { fallback, version });
  const checked = (value: unknown): T => {
    if (value === null || value === undefined) return fallback;
    if (isValid(value)) return value as T;
    console.warn(`Levelmate: ${key} holds a value it cannot read; using the default.`);
    return fallback;
  };
  return {
    get: async () => checked(await item.getValue()),
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (listener) => item.watch((value) => listener(checked(value))),
  };
}

/** A guard for plain records: an object with these keys of these kinds. */
export function hasShape(shape: Record<string, string>) {
  return (value: unknown): boolean =>
    typeof value === 'object' &&
    value !== null &&
    Object.entries(shape).every(([key, kind]) => {
      const v = (value as Record<string, unknown>)[key];
      return kind === 'array'
        ? Array.isArray(v)
        : kind.split('|').includes(v === null ? 'null' : typeof v);
    });
}
