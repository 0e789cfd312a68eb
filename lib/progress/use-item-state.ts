import { useState } from 'react';
import type { ItemState } from './item-state';
import { send } from '../ui/send';

/**
 * An item's state with the person's change shown at once: the requested state stands in
 * until the database reports it (the write travels through the background), and is dropped
 * if the write is refused, so the box never flickers back and never lies.
 */
export function useItemState(guideId: string, itemId: string, saved: ItemState) {
  const [requested, setRequested] = useState<ItemState | null>(null);
  if (requested !== null && requested === saved) setRequested(null);

  const setState = async (next: ItemState): Promise<boolean> => {
    setRequested(next);
    const sent = await send('setItemState', { guideId, itemId, state: next }, 'save the item');
    if (!sent.ok) setRequested(null);
    return sent.ok;
  };

  return { state: requested ?? saved, setState };
}
