import { useMemo, useState } from 'react';
import { kindLabel } from '@/lib/ui/labels';
import { resourcesForItem } from '@/lib/ui/resources';
import { useResources, type Resources } from '@/lib/ui/use-resources';
import { useKindsUsed } from '@/lib/visits/use-visit-queries';
import { Icon } from '../../shared/Icon';

const SHOWN = 5;

/**
 * Learning resources the recognition rules know serve this item: the guide's references
 * first, then the kinds the person studies with; the rest one click away.
 */
export function SuggestedResources({ itemId }: { itemId: string }) {
  const catalogue = useResources();
  return (
    <section className="detail-section">
      <h4 className="detail-heading">Suggested resources</h4>
      {catalogue && <Suggestions itemId={itemId} catalogue={catalogue} />}
    </section>
  );
}

function Suggestions({ itemId, catalogue }: { itemId: string; catalogue: Resources }) {
  const kindsUsed = useKindsUsed(catalogue.kindOfResource);
  const resources = useMemo(
    () => resourcesForItem(catalogue.RESOURCES, itemId, kindsUsed),
    [catalogue, itemId, kindsUsed],
  );
  const [all, setAll] = useState(false);
  const shown = all ? resources : resources.slice(0, SHOWN);
  return resources.length === 0 ? (
    <p className="hint">
      No resource is suggested for this item yet. Studied something useful? Tag the page to this
      item from the Levelmate toolbar button.
    </p>
  ) : (
    <ul className="link-list">
      {shown.map((resource) => {
        return (
          <li key={resource.id}>
            <a href={resource.url} target="_blank" rel="noreferrer" className="link">
              {resource.title}
              <Icon name="external" size={12} />
            </a>
            <span className="link-meta">
              {kindLabel(resource.kind)}
              {resource.authors &&
                resource.authors.length > 0 &&
                ` · ${resource.authors.join(', ')}`}
            </span>
          </li>
        );
      })}
      {!all && resources.length > SHOWN && (
        <li>
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Show {resources.length - SHOWN} more
          </button>
        </li>
      )}
    </ul>
  );
}
