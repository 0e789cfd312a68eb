import resources from 'virtual:levelmate/resources';
import type { ResourceSummary } from '../schemas/resource-summary';

/** The learning resources Levelmate knows, as the side panel lists them. */
export const RESOURCES: readonly ResourceSummary[] = resources;

const KINDS = new Map(RESOURCES.map((r) => [r.id, r.kind]));

/** A resource's kind by its id. */
export const kindOfResource = (resourceId: string) => KINDS.get(resourceId);

/** Each resource's title, by id. */
export const RESOURCE_TITLES: ReadonlyMap<string, string> = new Map(
  RESOURCES.map((r) => [r.id, r.title]),
);
