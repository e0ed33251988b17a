import { createStore, useStore } from 'zustand';

/** Messages for the layout's `role=status` region: results of actions are announced there. */
interface AnnouncerState {
  message: string;
  /** Bumped on every announcement so repeating the same text is announced again. */
  seq: number;
  announce: (message: string) => void;
  clear: () => void;
}

export const announcer = createStore<AnnouncerState>((set) => ({
  message: '',
  seq: 0,
  announce: (message) => set((s) => ({ message, seq: s.seq + 1 })),
  clear: () => set({ message: '' }),
}));

export function useAnnouncement() {
  return useStore(announcer, (s) => s.message);
}

export function announce(message: string) {
  announcer.getState().announce(message);
}
