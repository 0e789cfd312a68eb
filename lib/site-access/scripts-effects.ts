import { browser } from 'wxt/browser';
import { scriptsProblem } from './scripts-problem-store';
import { ANY_SITE_ORIGINS } from '../schemas/constants';
import { originCovers } from './site-matches';

/** Our content scripts, registered at run time: never listed in the manifest. */
const SCRIPTS = { learningSites: 'levelmate-learning-sites', anySite: 'levelmate-any-site' };

/** What should be registered: the learning sites granted, and every site if opted in. */
export interface ScriptPlan {
  learningSites: string[];
  anySite: boolean;
}

/**
 * The content scripts the person's grants and settings call for: one match pattern per
 * learning site granted (which pages of it are learning pages is the background's to judge),
 * and every site only while "recognise on any site" is on and granted. So an update that adds
 * sites changes no required permission.
 */
export async function planScripts(
  siteOrigins: readonly string[],
  anySiteWanted: boolean,
): Promise<ScriptPlan> {
  const { origins = [] } = await browser.permissions.getAll();
  const granted = new Set(origins);
  const anySite =
    anySiteWanted && (await browser.permissions.contains({ origins: ANY_SITE_ORIGINS }));
  return { learningSites: siteOrigins.filter((o) => granted.has(o)), anySite };
}

/** Brings the browser's registered content scripts in line with a plan. */
export async function applyScripts(plan: ScriptPlan, contentScriptFile: string): Promise<void> {
  const registered = new Map(
    (await browser.scripting.getRegisteredContentScripts()).map((s) => [s.id, s]),
  );
  const wanted = new Map<string, string[]>();
  if (plan.learningSites.length > 0) wanted.set(SCRIPTS.learningSites, plan.learningSites);
  if (plan.anySite) wanted.set(SCRIPTS.anySite, ANY_SITE_ORIGINS);
  const stale = [...registered.keys()].filter((id) => {
    const matches = wanted.get(id);
    return (
      !matches ||
      [...(registered.get(id)!.matches ?? [])].sort().join() !== [...matches].sort().join()
    );
  });
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted].filter(([id]) => !registered.has(id) || stale.includes(id));
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map(([id, matches]) => ({
      id,
      matches,
      js: [contentScriptFile],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    })),
  );
}

export interface ScriptRegistrar {
  /** Brings the registered scripts in line with the grants and this setting, one run at a time. */
  apply(recogniseAnySite: boolean): Promise<void>;
  /** Runs the content script in open tabs a new grant now covers (they were loaded without it). */
  injectInto(origins: readonly string[]): Promise<void>;
  /** The last failure, in words, or null when the last run went well. */
  problem(): string | null;
}

/**
 * Registration, serialised: start-up, grants, settings and sync all ask for it, and each run
 * reads the registered scripts before changing them, so two at once could register a script
 * twice. Each run waits for the one before (as uBlock Origin Lite does); failures are kept
 * and said, never dropped.
 */
export function scriptRegistrar(
  siteOrigins: readonly string[],
  contentScriptFile: string,
): ScriptRegistrar {
  let line = Promise.resolve();
  let lastProblem: string | null = null;
  return {
    apply(recogniseAnySite) {
      const run = line.then(async () => {
        try {
          await applyScripts(await planScripts(siteOrigins, recogniseAnySite), contentScriptFile);
          lastProblem = null;
          await scriptsProblem.set(null);
        } catch (error) {
          lastProblem = (error as Error).message;
          await scriptsProblem.set(lastProblem).catch(() => undefined);
          console.warn('Levelmate could not register its page script:', lastProblem);
          throw new Error(`the browser did not set up page recognition (${lastProblem})`);
        }
      });
      line = run.catch(() => undefined);
      return run;
    },
    async injectInto(origins) {
      if (origins.length === 0) return;
      const tabs = await browser.tabs.query({});
      const covered = tabs.filter((t) => t.url && origins.some((o) => originCovers(o, t.url!)));
      await Promise.all(
        covered.map((tab) =>
          tab.id === undefined || tab.incognito
            ? undefined
            : browser.scripting
                .executeScript({ target: { tabId: tab.id }, files: [contentScriptFile as never] })
                // A tab the browser will not script (a store page, an error page) stays as it is.
                .catch(() => undefined),
        ),
      );
    },
    problem: () => lastProblem,
  };
}
