import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { Icon } from '../../shared/Icon';

/** Searches the items of every level; Escape clears and brings the level tabs back. */
export function SearchBox() {
  const query = useSidepanelUi((state) => state.query);
  const setQuery = useSidepanelUi((state) => state.setQuery);
  return (
    <div className="search" role="search">
      <Icon name="search" />
      <input
        type="search"
        className="search-input"
        aria-label="Search all levels"
        placeholder="Search all levels, e.g. “caching”"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            setQuery('');
          }
        }}
      />
    </div>
  );
}
