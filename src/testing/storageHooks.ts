import { holdOtherTabsSaves } from '../storage/autosave';

/** Autosave across tabs: hold another tab's saves back so two edits can cross, as they do when both tabs are busy. */
export const storageHooks = {
  holdOtherTabsSaves,
};
