import { ResourceRule, type ResourceRuleInput } from '@/lib/schemas/resource-rules';

/** A schema-checked rule with defaults, for recogniser tests independent of shipped data. */
export function rule(
  input: Partial<ResourceRuleInput> & Pick<ResourceRuleInput, 'id' | 'match'>,
): ResourceRule {
  return ResourceRule.parse({
    title: `Resource ${input.id}`,
    kind: 'documentation',
    topics: ['http'],
    items: ['item-a'],
    examples: [{ url: 'https://example.org/' }],
    ...input,
  });
}

export const SITES = { isbnInUrl: ['amazon.com', 'oreilly.com'], doiInUrl: ['dl.acm.org'] };
export const LEVELS = new Map([
  ['item-a', 1],
  ['item-b', 4],
  ['item-c', 2],
]);

export const signals = (
  url: string,
  extra: { title?: string; dois?: string[]; isbns?: string[] } = {},
) => ({
  url,
  title: extra.title ?? '',
  dois: extra.dois ?? [],
  isbns: extra.isbns ?? [],
});
