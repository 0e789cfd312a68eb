import { useEffect, useState } from 'react';
import type { StoredItem } from '../db/stored-item';

/** A stored item's value, kept current from any context; undefined until first read. */
export function useStoredItem<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.get().then((read) => live && setValue(read));
    const stop = item.watch(setValue);
    return () => {
      live = false;
      stop();
    };
  }, [item]);
  return value;
}
