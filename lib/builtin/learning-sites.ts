import groups from 'virtual:levelmate/learning-site-groups';
import type { SiteGroup } from '../site-access/site-groups';

/** The learning sites by kind (documentation, courses, videos…), each with its sites. */
export const LEARNING_SITE_GROUPS: readonly SiteGroup[] = groups;

/** The host permissions the person is asked for: one per learning site, each in one group. */
export const LEARNING_SITE_ORIGINS: readonly string[] = groups.flatMap((group) => group.origins);
