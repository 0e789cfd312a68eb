import model from 'virtual:levelmate/word-model';
import type { WordModelData } from '../recognition/word-model';

/**
 * What the items' words are, as the background's recogniser reads pages: the word model learnt
 * at build time from each item's text and key phrases, the rules and the development set.
 */
export const WORD_MODEL: WordModelData = model;
