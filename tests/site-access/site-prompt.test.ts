import { describe, expect, it } from 'vitest';
import { sitePrompt } from '@/lib/site-access/site-prompt';

const A = '*://*.a.org/*';
const B = '*://*.b.org/*';

describe('what the side panel asks about the learning sites', () => {
  it('asks first when nothing is allowed or answered', () => {
    expect(sitePrompt({ granted: [], missing: [A, B], declined: [] })).toBe('first-ask');
  });

  it('asks quietly for sites an update brought, once some are allowed', () => {
    expect(sitePrompt({ granted: [A], missing: [B], declined: [] })).toBe('more-sites');
  });

  it('asks nothing once every missing site was answered "not now", or all are allowed', () => {
    expect(sitePrompt({ granted: [], missing: [A, B], declined: [A, B] })).toBe('none');
    expect(sitePrompt({ granted: [A], missing: [B], declined: [B] })).toBe('none');
    expect(sitePrompt({ granted: [A, B], missing: [], declined: [] })).toBe('none');
  });
});
