import { create } from 'zustand';

export interface Notice {
  id: number;
  text: string;
}

/**
 * Messages for people about what just happened: a polite announcement for screen readers
 * (a keyboard shortcut changed an item's state) and errors that must be seen, not swallowed.
 */
interface NoticesState {
  announcement: string;
  errors: Notice[];
  announce: (text: string) => void;
  reportError: (text: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotices = create<NoticesState>()((set) => ({
  announcement: '',
  errors: [],
  announce: (announcement) => set({ announcement }),
  reportError: (text) =>
    set(({ errors }) => ({
      // The same failure repeated (a flaky background) is shown once, newest last.
      errors: [...errors.filter((e) => e.text !== text), { id: nextId++, text }].slice(-3),
    })),
  dismiss: (id) => set(({ errors }) => ({ errors: errors.filter((e) => e.id !== id) })),
}));
