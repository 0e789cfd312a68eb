import type { ItemState } from '../progress/item-state';
import { useNotices } from '../stores/notices';
import { plural } from './labels';
import { send } from './send';

/**
 * Sets several items at once (a topic, a level, a placement) and offers to take it all back
 * in one step. Returns whether the change was saved.
 */
export async function setItemsUndoably(
  guideId: string,
  changes: { itemId: string; state: ItemState }[],
  said: string,
): Promise<boolean> {
  const sent = await send('setItemStates', { guideId, changes }, 'save the items');
  if (!sent.ok) return false;
  const before = sent.value;
  useNotices
    .getState()
    .offerUndo(`${said} (${plural(changes.length, 'item')}).`, () =>
      send('setItemStates', { guideId, changes: before }, 'undo the change'),
    );
  return true;
}
