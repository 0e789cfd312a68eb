import { create } from 'zustand';

export interface Notice {
  id: number;
  text: string;
}

/** A change that can be taken back: said once, with an Undo button, until the next one. */
export interface UndoNotice extends Notice {
  undo: () => Promise<unknown>;
}

/**
 * Messages for people about what just happened: a polite announcement for screen readers
 * (a keyboard shortcut changed an item's state) and errors that must be seen, not swallowed.
 */
interface NoticesState {
  announcement: string;
  errors: Notice[];
  undoable: UndoNotice | null;
  announce: (text: string) => void;
  offerUndo: (text: string, undo: () => Promise<unknown>) => void;
  clearUndo: () => void;
  reportError: (text: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotices = create<NoticesState>()((set) => ({
  announcement: '',
  errors: [],
  undoable: null,
  announce: (announcement) => set({ announcement }),
  offerUndo: (text, undo) => set({ undoable: { id: nextId++, text, undo }, announcement: text }),
  clearUndo: () => set({ undoable: null }),
  reportError: (text) =>
    set(({ errors }) => ({
      // The same failure repeated (a flaky background) is shown once, newest last.
      errors: [...errors.filter((e) => e.text !== text), { id: nextId++, text }].slice(-3),
    })),
  dismiss: (id) => set(({ errors }) => ({ errors: errors.filter((e) => e.id !== id) })),
}));
