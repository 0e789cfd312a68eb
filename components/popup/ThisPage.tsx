import { LIMITS } from '@/lib/schemas/constants';
import { useEffect, useState } from 'react';
import { MAX_URL_LENGTH } from '@/lib/web/url';
import type { Guide } from '@/lib/schemas/guide';
import { describeFailure, request } from '@/lib/ui/send';
import type { PageInfo } from '@/lib/ui/types';
import type { ActiveTab, ActiveTabState } from '@/lib/ui/active-tab';
import { AllowSite } from './AllowSite';
import { RecognisedPage } from './RecognisedPage';
import { TagPageForm } from './TagPageForm';

export interface PageRef {
  url: string;
  title: string;
  tabId?: number;
}

type Check =
  { kind: 'checking' } | { kind: 'checked'; info: PageInfo } | { kind: 'failed'; message: string };

/** Asks the background what it makes of the page; `refresh` asks again after a change. */
function usePageCheck(page: PageRef): [Check, () => void] {
  const [check, setCheck] = useState<Check>({ kind: 'checking' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    request('recognisePage', page).then(
      (info) => live && setCheck({ kind: 'checked', info }),
      (error: unknown) =>
        live && setCheck({ kind: 'failed', message: describeFailure('check this page', error) }),
    );
    return () => {
      live = false;
    };
  }, [page, round]);
  return [check, () => setRound((n) => n + 1)];
}

function WebPage({ guide, page }: { guide: Guide; page: PageRef }) {
  const [check, refresh] = usePageCheck(page);
  if (check.kind === 'checking') return <p className="hint">Checking this page…</p>;
  if (check.kind === 'failed') return <p className="field-error">{check.message}</p>;
  const { info } = check;
  const allow = info.siteAccess?.state === 'needed' && (
    <AllowSite origin={info.siteAccess.origin} onAllowed={refresh} />
  );
  return info.resource ? (
    <>
      <RecognisedPage
        guide={guide}
        page={page}
        info={{ ...info, resource: info.resource }}
        onChange={refresh}
      />
      {allow}
    </>
  ) : (
    <>
      {allow}
      <p className="page-verdict">
        {info.studied ? 'You tagged this page before.' : 'Not a learning resource Levelmate knows.'}
      </p>
      <details className="tag-page">
        <summary>
          {info.studied ? 'Tag it to another item' : 'Studied something here? Tag it'}
        </summary>
        <TagPageForm guide={guide} page={page} onTagged={refresh} />
      </details>
    </>
  );
}

function TabBody({ guide, tab }: { guide: Guide; tab: ActiveTab }) {
  const [page] = useState<PageRef | null>(() =>
    tab.url ? { url: tab.url, title: tab.title.slice(0, LIMITS.title), tabId: tab.id } : null,
  );
  if (tab.incognito) {
    return <p className="page-verdict">Private windows are never recorded.</p>;
  }
  if (!page) {
    return (
      <p className="page-verdict">
        The browser did not tell Levelmate this tab's address, so there is nothing to say about it.
      </p>
    );
  }
  if (!/^https?:\/\//i.test(page.url)) {
    return (
      <p className="page-verdict">
        This is a browser page, not a web page. Levelmate only looks at web pages (http and https).
      </p>
    );
  }
  if (page.url.length > MAX_URL_LENGTH) {
    return <p className="page-verdict">This page’s address is too long to record.</p>;
  }
  return <WebPage guide={guide} page={page} />;
}

export function ThisPage({ guide, tab }: { guide: Guide; tab: ActiveTabState }) {
  return (
    <section className="card this-page" aria-labelledby="this-page-heading">
      <h2 id="this-page-heading" className="sr-only">
        This page
      </h2>
      {tab.kind === 'loading' && <p className="hint">Looking at this tab…</p>}
      {tab.kind === 'failed' && (
        <p className="field-error">{describeFailure('read this tab', new Error(tab.message))}</p>
      )}
      {tab.kind === 'ready' && <TabBody guide={guide} tab={tab.tab} />}
    </section>
  );
}
