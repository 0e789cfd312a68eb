import { describe, expect, it } from 'vitest';
import { badgeFor } from '@/lib/domain/badge';
import {
  cleanTitle,
  continuesSession,
  recordingBlocked,
  SESSION_GAP_MS,
  tagsFor,
} from '@/lib/domain/visit-policy';

const settings = { pausedUntil: null, excludedSites: ['news.example.com'] };
const T = 1_000_000;

describe('badgeFor', () => {
  it('shows nothing for an unrecognised page', () => {
    expect(badgeFor({ resource: null, levels: [], studiedBefore: false })).toBeNull();
  });

  it('names the lowest level and the resource in the tooltip', () => {
    expect(
      badgeFor({ resource: { title: 'DDIA' }, levels: [6, 2, 4, 2], studiedBefore: false }),
    ).toEqual({
      text: 'L2',
      color: '#3b5bdb',
      title: 'Learning resource: DDIA — counts for levels 2, 4, 6',
    });
  });

  it('differs once the page was studied', () => {
    expect(
      badgeFor({ resource: { title: 'RFC 9110' }, levels: [1], studiedBefore: true }),
    ).toMatchObject({
      text: '✓',
      title: 'Studied before: RFC 9110 — counts for level 1',
    });
  });
});

describe('visit policy', () => {
  it('blocks private windows, pauses, excluded sites and their subdomains, and rejected pages', () => {
    const page = { host: 'dataintensive.net', incognito: false };
    expect(recordingBlocked(settings, page, undefined, T)).toBeNull();
    expect(recordingBlocked(settings, { ...page, incognito: true }, undefined, T)).toBe(
      'incognito',
    );
    expect(recordingBlocked({ ...settings, pausedUntil: T + 1 }, page, undefined, T)).toBe(
      'paused',
    );
    expect(recordingBlocked({ ...settings, pausedUntil: T }, page, undefined, T)).toBeNull();
    expect(
      recordingBlocked(settings, { ...page, host: 'www.news.example.com' }, undefined, T),
    ).toBe('excluded');
    expect(
      recordingBlocked(settings, { ...page, host: 'fakenews.example.com' }, undefined, T),
    ).toBeNull();
    expect(recordingBlocked(settings, page, { notLearning: true }, T)).toBe('not-learning');
  });

  it('continues a session for 30 minutes after the last visit', () => {
    expect(continuesSession(undefined, T)).toBe(false);
    expect(continuesSession({ lastVisitAt: T }, T + SESSION_GAP_MS - 1)).toBe(true);
    expect(continuesSession({ lastVisitAt: T }, T + SESSION_GAP_MS)).toBe(false);
    expect(continuesSession({ lastVisitAt: T }, T - 1)).toBe(false);
  });

  it('leaves out items the person rejected for the page', () => {
    expect(tagsFor(['a', 'b', 'c'], { rejectedItemIds: ['b'] })).toEqual(['a', 'c']);
    expect(tagsFor(['a'], undefined)).toEqual(['a']);
  });

  it('stores titles as folded, capped text', () => {
    expect(cleanTitle('  A\u0000title\n\twith   <b>markup</b> ', 300)).toBe(
      'A title with <b>markup</b>',
    );
    expect(cleanTitle('x'.repeat(500), 300)).toHaveLength(300);
  });
});
