import { describe, expect, it } from 'vitest';
import { compilePathPattern, pathSegments } from '@/lib/recognition/path-pattern';

const matches = (pattern: string, path: string) =>
  compilePathPattern(pattern).matches(pathSegments(path));

describe('path patterns', () => {
  it('match a whole path, ignoring case and a trailing slash', () => {
    expect(matches('/docs/current/indexes.html', '/docs/current/Indexes.html')).toBe(true);
    expect(matches('/sfia-8', '/sfia-8/')).toBe(true);
    expect(matches('/sfia-8', '/sfia-8/levels')).toBe(false);
  });

  it('treat * as exactly one segment', () => {
    expect(matches('/docs/*/indexes.html', '/docs/16/indexes.html')).toBe(true);
    expect(matches('/docs/*/indexes.html', '/docs/indexes.html')).toBe(false);
    expect(matches('/docs/*/indexes.html', '/docs/16/x/indexes.html')).toBe(false);
  });

  it('treat a trailing ** as any rest, including none', () => {
    expect(matches('/*/docs/Web/HTTP/**', '/en-US/docs/Web/HTTP/Reference/Methods/GET')).toBe(true);
    expect(matches('/*/docs/Web/HTTP/**', '/en-US/docs/Web/HTTP')).toBe(true);
    expect(matches('/*/docs/Web/HTTP/**', '/en-US/docs/Web/CSS/color')).toBe(false);
  });

  it('rank literal segments above wildcards', () => {
    expect(compilePathPattern('/a/b/c').specificity).toBeGreaterThan(
      compilePathPattern('/a/*/c').specificity,
    );
    expect(compilePathPattern('/a/b').specificity).toBeGreaterThan(
      compilePathPattern('/a/b/**').specificity,
    );
  });

  it('tell a pattern that names one page from one that covers many', () => {
    expect(compilePathPattern('/docs/*/tutorial-fk.html').pinned).toBe(true);
    expect(compilePathPattern('/questions/211').pinned).toBe(true);
    expect(compilePathPattern('/docs/**').pinned).toBe(false);
    expect(compilePathPattern('/wiki/*').pinned).toBe(false);
    expect(compilePathPattern('/').pinned).toBe(false);
  });

  it("know the root of what an open pattern covers (a book's own page)", () => {
    const book = compilePathPattern('/titles/mnee2/**');
    expect(book.atRoot(pathSegments('/titles/mnee2/'))).toBe(true);
    expect(book.atRoot(pathSegments('/titles/mnee2/chapter-4'))).toBe(false);
    expect(compilePathPattern('/titles/mnee2').atRoot(pathSegments('/titles/mnee2'))).toBe(false);
  });

  it('decode percent-escapes before comparing', () => {
    expect(matches('/wiki/Dreyfus_model', '/wiki/%44reyfus_model')).toBe(true);
  });
});
