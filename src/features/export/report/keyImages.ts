import { create } from 'zustand';

export interface KeyImage {
  id: string;
  /** PNG of the viewport with its annotations burned in. */
  dataUrl: string;
  caption: string;
}

interface KeyImageState {
  images: KeyImage[];
  add(image: KeyImage): void;
  remove(id: string): void;
}

/** The key images the reader chose for the tumour-board page (this session only). */
export const useKeyImages = create<KeyImageState>()((set) => ({
  images: [],
  add: (image) => set((s) => ({ images: [...s.images, image] })),
  remove: (id) => set((s) => ({ images: s.images.filter((i) => i.id !== id) })),
}));
