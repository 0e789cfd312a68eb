import { groupByTopic } from '@/lib/guides/guide-model';
import type { ChecklistItem as Item } from '@/lib/schemas/guide';
import type { SavedProgress } from '@/lib/progress/queries';
import { topicLabel } from '@/lib/ui/topics';
import { useVisitCounts } from '@/lib/visits/use-visit-queries';
import { ChecklistItem } from './ChecklistItem';
import { MarkDone } from './MarkDone';

interface TopicGroupsProps {
  guideId: string;
  items: readonly Item[];
  saved: SavedProgress;
  emptyText: string;
}

/** A level's (filtered) items under their topic headings. */
export function TopicGroups({ guideId, items, saved, emptyText }: TopicGroupsProps) {
  const pages = useVisitCounts(items.map((item) => item.id));
  if (items.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <div className="topic-groups" data-item-list>
      {groupByTopic(items).map((group) => (
        <section key={group.topic} className="topic-group" aria-labelledby={`topic-${group.topic}`}>
          <div className="topic-heading-row">
            <h3 id={`topic-${group.topic}`} className="topic-heading">
              {topicLabel(group.topic)}
            </h3>
            <MarkDone
              guideId={guideId}
              items={group.items}
              saved={saved}
              label={`Mark topic done`}
              said={`${topicLabel(group.topic)} marked done`}
            />
          </div>
          <ul className="items">
            {group.items.map((item) => (
              <ChecklistItem
                key={item.id}
                guideId={guideId}
                item={item}
                saved={saved.byItem.get(item.id)}
                pages={pages?.get(item.id) ?? 0}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
