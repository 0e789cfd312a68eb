/* The build-time data modules served by lib/cli/shipped-data-plugin.ts. */
/* The background reads the recognition data from a file (recognition.json.gz); tests import it. */
declare module 'virtual:levelmate/recognition' {
  import type { ShippedRecognition } from '../recognition/recogniser-shipped';
  const recognition: ShippedRecognition;
  export default recognition;
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

declare module 'virtual:levelmate/reference-resources' {
  /** Each guide reference's id: the resource ids its visits are recorded under. */
  const resources: Record<string, string[]>;
  export default resources;
}
