/* The build-time data modules served by lib/cli/shipped-data-plugin.ts. */
declare module 'virtual:levelmate/catalogue' {
  import type { IdentifierSites, IndexedRule } from '../schemas/resource-rules';
  const catalogue: {
    rules: IndexedRule[];
    identifierSites: IdentifierSites;
    notLearning: string[];
  };
  export default catalogue;
}

declare module 'virtual:levelmate/key-phrases' {
  import type { ItemPhrases } from '../schemas/key-phrases';
  const items: Record<string, ItemPhrases>;
  export default items;
}

declare module 'virtual:levelmate/resources' {
  import type { ResourceSummary } from '../schemas/resource-summary';
  const resources: ResourceSummary[];
  export default resources;
}

declare module 'virtual:levelmate/learning-site-origins' {
  const origins: string[];
  export default origins;
}
