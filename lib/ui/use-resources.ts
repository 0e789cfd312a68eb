import { useEffect, useState } from 'react';
import { loadResources, type Resources } from '../builtin/load-resources';

export type { Resources };

/** The resource list and titles; undefined for the moment they take to load. */
export function useResources(): Resources | undefined {
  const [resources, setResources] = useState<Resources>();
  useEffect(() => {
    let current = true;
    void loadResources().then((loaded) => current && setResources(loaded));
    return () => {
      current = false;
    };
  }, []);
  return resources;
}
