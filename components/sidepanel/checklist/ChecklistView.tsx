import { useEffect } from 'react';
import { levelByNumber } from '@/lib/guides/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { useProgressData } from '@/lib/progress/queries';
import { Loading } from '../../shared/Loading';
import { LevelPanel } from './LevelPanel';
import { LevelTabs } from './LevelTabs';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { Placement } from '../placement/Placement';
import { AllNotes } from './AllNotes';
import { sitePrompt } from '@/lib/site-access/site-prompt';
import { useSiteAccess } from '@/lib/site-access/use-site-access';
import { SiteAccessPrompt } from '../site-access/SiteAccessPrompt';
import { Welcome } from './Welcome';

export function ChecklistView({ guide }: { guide: Guide }) {
  const data = useProgressData(guide);
  const selectedLevel = useSidepanelUi((state) => state.selectedLevel);
  const query = useSidepanelUi((state) => state.query);
  const selectLevel = useSidepanelUi((state) => state.selectLevel);
  const placing = useSidepanelUi((state) => state.placing);
  const openPlacement = useSidepanelUi((state) => state.openPlacement);
  const showNotes = useSidepanelUi((state) => state.showNotes);
  const toggleNotes = useSidepanelUi((state) => state.toggleNotes);
  const access = useSiteAccess();
  const asking = access === undefined || sitePrompt(access) === 'first-ask';
  const currentLevel = data?.current.number;
  // Open on the current level, then stay put: ticking items may change the suggested level,
  // and the list must not jump away from the person while they work through it.
  useEffect(() => {
    if (selectedLevel === null && currentLevel !== undefined) selectLevel(currentLevel);
  }, [selectedLevel, currentLevel, selectLevel]);
  if (!data) return <Loading what="your checklist" />;

  const level = levelByNumber(guide, selectedLevel ?? data.current.number) ?? guide.levels[0]!;
  if (placing) return <Placement guide={guide} data={data} />;
  if (showNotes) return <AllNotes guide={guide} data={data} />;
  const notes = [...data.saved.byItem.values()].filter((s) => s.note.trim() !== '').length;
  return (
    <>
      <SearchBox />
      {query.trim() !== '' ? (
        <SearchResults guide={guide} data={data} query={query} />
      ) : (
        <>
          <SiteAccessPrompt />
          {data.saved.count === 0 && !asking ? (
            // One first-run card at a time: the learning sites first, then where to start.
            <Welcome firstLevel={guide.levels[0]!} />
          ) : (
            <div className="checklist-tools">
              <button type="button" className="btn btn-quiet btn-small" onClick={openPlacement}>
                Place yourself…
              </button>
              {notes > 0 && (
                <button type="button" className="btn btn-quiet btn-small" onClick={toggleNotes}>
                  All notes ({notes})
                </button>
              )}
            </div>
          )}
          <LevelTabs guide={guide} data={data} selected={level.number} />
          <LevelPanel guide={guide} level={level} data={data} />
        </>
      )}
    </>
  );
}
