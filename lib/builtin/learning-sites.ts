import groups from 'virtual:levelmate/learning-site-groups';
import origins from 'virtual:levelmate/learning-site-origins';
import type { SiteGroup } from '../site-access/site-groups';

/** The host permissions the person is asked for: one per learning site. */
export const LEARNING_SITE_ORIGINS: readonly string[] = origins;

/** The same sites by kind (documentation, courses, videos…), each with its sites. */
export const LEARNING_SITE_GROUPS: readonly SiteGroup[] = groups;
