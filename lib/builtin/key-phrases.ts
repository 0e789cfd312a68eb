import items from 'virtual:levelmate/key-phrases';
import type { ItemPhrases } from '../schemas/key-phrases';

/** Each item's key phrases. Only the background reads them (the recogniser). */
export const KEY_PHRASES: Readonly<Record<string, ItemPhrases>> = items;
