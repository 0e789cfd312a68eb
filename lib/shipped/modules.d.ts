/* The build-time data modules served by lib/cli/shipped-data-plugin.ts. */
declare module 'virtual:levelmate/catalogue' {
  import type { GateRules, IdentifierSites, IndexedRule } from '../schemas/resource-rules';
  const catalogue: {
    rules: IndexedRule[];
    identifierSites: IdentifierSites;
    gate: GateRules;
  };
  export default catalogue;
}

declare module 'virtual:levelmate/word-model' {
  import type { WordModelData } from '../recognition/word-model';
  const model: WordModelData;
  export default model;
}

declare module 'virtual:levelmate/resources' {
  import type { ResourceSummary } from '../schemas/resource-summary';
  const resources: ResourceSummary[];
  export default resources;
}

declare module 'virtual:levelmate/learning-site-groups' {
  import type { SiteGroup } from '../site-access/site-groups';
  const groups: SiteGroup[];
  export default groups;
}

declare module 'virtual:levelmate/learning-site-origins' {
  const origins: string[];
  export default origins;
}
