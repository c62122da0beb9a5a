import { setSaveDelivery } from '../storage/autosave';

let held: (() => void)[] | null = null;

/** Autosave across tabs: hold another tab's saves back so two edits can cross, as they do when both tabs are busy. */
export const storageHooks = {
  holdOtherTabsSaves(hold: boolean): void {
    if (hold) {
      if (held) return;
      const queue: (() => void)[] = (held = []);
      setSaveDelivery((merge) => queue.push(merge));
      return;
    }
    const merges = held ?? [];
    held = null;
    setSaveDelivery(null);
    for (const merge of merges) merge();
  },
};
