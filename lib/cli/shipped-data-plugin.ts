import type { Plugin } from 'vite';
import { shippedData, type ShippedData } from './shipped-data';

const PREFIX = 'virtual:levelmate/';

/**
 * Serves lib/shipped's data modules from data/ at build (and test) time: `import rules from
 * "virtual:levelmate/resources"` gets the side panel's resource list as a plain JSON module.
 * The word model is learnt only when the recognition module is first imported (by tests: the
 * extension reads it from the file the build writes, see wxt.config.ts).
 */
export function shippedDataPlugin(): Plugin {
  let data: ShippedData | undefined;
  return {
    name: 'levelmate-shipped-data',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const name = id.slice(PREFIX.length + 1);
      data ??= shippedData();
      const shipped = data;
      const modules: Record<string, () => unknown> = {
        recognition: () => shipped.recognition,
        resources: () => shipped.resources,
        'reference-resources': () => shipped.referenceResources,
        'learning-site-groups': () => shipped.learningSiteGroups,
      };
      const value = modules[name]?.();
      if (value === undefined) throw new Error(`no shipped data module "${name}"`);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
  };
}
