/** A learning resource as the side panel lists it (built from a rule at build time). */
export interface ResourceSummary {
  id: string;
  title: string;
  kind: string;
  authors?: string[];
  /** The guide reference this resource is, if any. */
  reference?: string;
  /** Every item the resource serves, as a whole or in one of its parts. */
  items: string[];
  /** A page of it (its first example). */
  url: string;
  /** A whole documentation site or a learning source: listed after specific resources. */
  broad: boolean;
}
