import type * as ResourcesModule from './resources';

/** What lib/builtin/resources.ts holds: the resource list (about 120 kB) and its titles. */
export type Resources = typeof ResourcesModule;

let loading: Promise<Resources> | undefined;

/** The learning resources Levelmate knows, loaded once, when a view or a report first asks. */
export const loadResources = (): Promise<Resources> => (loading ??= import('./resources'));
