import { ITEM_STATES, type ItemState } from '@/lib/progress/item-state';
import type { ChecklistItem } from '@/lib/schemas/guide';
import { STATE_LABELS } from '@/lib/ui/labels';
import { Segmented } from '../../shared/Segmented';
import { NoteEditor } from './NoteEditor';
import { StudiedPages } from './StudiedPages';
import { SuggestedResources } from './SuggestedResources';

interface ItemDetailsProps {
  id: string;
  guideId: string;
  item: ChecklistItem;
  state: ItemState;
  note: string;
  onStateChange: (state: ItemState) => void;
}

const STATE_OPTIONS = ITEM_STATES.map((value) => ({ value, label: STATE_LABELS[value] }));

export function ItemDetails({ id, guideId, item, state, note, onStateChange }: ItemDetailsProps) {
  return (
    <div id={id} className="item-details">
      <Segmented legend="Status" options={STATE_OPTIONS} value={state} onChange={onStateChange} />
      <NoteEditor guideId={guideId} itemId={item.id} savedNote={note} />
      <SuggestedResources itemId={item.id} />
      <StudiedPages itemId={item.id} />
    </div>
  );
}
