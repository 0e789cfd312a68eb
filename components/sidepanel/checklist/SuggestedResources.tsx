import { useMemo } from 'react';
import { kindLabel } from '@/lib/ui/labels';
import { resourcesForItem } from '@/lib/ui/resources';
import { Icon } from '../../shared/Icon';

const SHOWN = 5;

/** Learning resources the recognition rules know serve this item. */
export function SuggestedResources({ itemId }: { itemId: string }) {
  const resources = useMemo(() => resourcesForItem(itemId), [itemId]);
  return (
    <section className="detail-section">
      <h4 className="detail-heading">Suggested resources</h4>
      {resources.length === 0 ? (
        <p className="hint">
          No resource is suggested for this item yet. Studied something useful? Tag the page to this
          item from the Levelmate toolbar button.
        </p>
      ) : (
        <ul className="link-list">
          {resources.slice(0, SHOWN).map((resource) => {
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
          {resources.length > SHOWN && (
            <li className="hint">and {resources.length - SHOWN} more</li>
          )}
        </ul>
      )}
    </section>
  );
}
