import origins from 'virtual:levelmate/learning-site-origins';

/** The host permissions the person is asked for: one per learning site. */
export const LEARNING_SITE_ORIGINS: readonly string[] = origins;
