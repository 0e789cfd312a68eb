/*
 * Which learning resources to suggest for an item, in what order: the guide's own references
 * first (the books and papers the guide is built on), then the kinds of resource the person
 * actually uses (if they read documentation and watch talks, those come before books), then
 * focused resources before whole sites.
 */

export interface Suggestible {
  id: string;
  kind: string;
  /** The guide reference it is, if any. */
  reference?: string;
  /** A whole documentation site or a learning source, rather than one resource. */
  broad: boolean;
}

export function suggestedOrder<T extends Suggestible>(
  resources: readonly T[],
  /** How many visits the person made to resources of each kind. */
  kindsUsed: ReadonlyMap<string, number> = new Map(),
): T[] {
  return resources
    .map((resource, index) => ({ resource, index }))
    .sort(
      (a, b) =>
        Number(b.resource.reference !== undefined) - Number(a.resource.reference !== undefined) ||
        (kindsUsed.get(b.resource.kind) ?? 0) - (kindsUsed.get(a.resource.kind) ?? 0) ||
        Number(a.resource.broad) - Number(b.resource.broad) ||
        a.index - b.index,
    )
    .map(({ resource }) => resource);
}
