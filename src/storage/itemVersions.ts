import type { CaseItems } from './caseItems';
import { stableJson } from './stableJson';

/** Who changed an item last, and when; a deletion is kept as a version too (a tombstone), so it is not undone by a merge. */
export interface ItemVersion {
  /** Milliseconds since 1970 when the tab saved the change. */
  at: number;
  /** The tab that made the change. */
  by: string;
  /** The version this one replaced, as the tab that made it knew it: tells an edit of the other's version from a concurrent one. */
  prev: VersionId | null;
  deleted?: true;
}

export type VersionId = Pick<ItemVersion, 'at' | 'by'>;
export type ItemVersions = Readonly<Record<string, ItemVersion>>;

const sameVersion = (a: VersionId | null | undefined, b: VersionId | null | undefined): boolean => !!a && !!b && a.at === b.at && a.by === b.by;
const idOf = (v: ItemVersion | undefined): VersionId | null => (v ? { at: v.at, by: v.by } : null);
const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

/**
 * New versions, by `tab` at `at`, for the items that changed, appeared or went between `before` and `after`.
 * `sameItem` says when two values of an item are the same edit (a measurement redrawn by Cornerstone is).
 */
export function stampChanges(before: CaseItems, after: CaseItems, versions: ItemVersions, tab: string, at: number, sameItem: (key: string, a: unknown, b: unknown) => boolean = (_k, a, b) => same(a, b)): ItemVersions {
  const next: Record<string, ItemVersion> = { ...versions };
  for (const [key, value] of after) {
    if (before.has(key) && sameItem(key, before.get(key), value) && versions[key] && !versions[key].deleted) continue;
    next[key] = { at, by: tab, prev: idOf(versions[key]) };
  }
  for (const key of before.keys()) if (!after.has(key)) next[key] = { at, by: tab, prev: idOf(versions[key]), deleted: true };
  return next;
}

export interface CaseSide {
  items: CaseItems;
  versions: ItemVersions;
}

/** An item both sides changed from the same version: the later change is kept, and the reader is told. */
export interface Conflict {
  key: string;
  keptIncoming: boolean;
  /** The value the reader would recognise (the kept one, or the deleted one). */
  value: unknown;
}

/** Versions of items an older record holds without one: older than any change made since. */
const UNVERSIONED: ItemVersion = { at: 0, by: '', prev: null };

const later = (a: ItemVersion, b: ItemVersion): boolean => a.at > b.at || (a.at === b.at && a.by > b.by);

/**
 * Merges another tab's saved case into this tab's, item by item: an item changed (or deleted) on one side only
 * takes that change; one changed on both sides keeps the later change and is reported. `localTab` is this tab:
 * only its own unseen changes can conflict (an older copy it merely received is simply replaced).
 */
export function mergeSides(local: CaseSide, incoming: CaseSide, localTab: string): { merged: CaseSide; changed: boolean; conflicts: Conflict[] } {
  const items = new Map(local.items);
  const versions: Record<string, ItemVersion> = { ...local.versions };
  const conflicts: Conflict[] = [];
  let changed = false;
  const keys = new Set([...incoming.items.keys(), ...Object.keys(incoming.versions)]);
  for (const key of keys) {
    const theirs = incoming.versions[key] ?? (incoming.items.has(key) ? UNVERSIONED : undefined);
    if (!theirs) continue;
    const ours = local.versions[key] ?? (local.items.has(key) ? UNVERSIONED : undefined);
    const theirValue = incoming.items.get(key);
    const take = () => {
      versions[key] = theirs;
      if (theirs.deleted || !incoming.items.has(key)) {
        if (items.delete(key)) changed = true;
      } else if (!items.has(key) || !same(items.get(key), theirValue)) {
        items.set(key, theirValue);
        changed = true;
      }
    };
    if (!ours) take();
    // Ours is theirs, or replaced it: nothing new.
    else if (sameVersion(ours, theirs) || sameVersion(ours.prev, theirs)) continue;
    // Theirs replaced ours (or ours predates versions): take it.
    else if (ours === UNVERSIONED || sameVersion(theirs.prev, ours)) take();
    else if (theirs === UNVERSIONED) continue;
    else {
      const theirsWins = later(theirs, ours);
      const bothDeleted = !!theirs.deleted && !!ours.deleted;
      const sameValue = !theirs.deleted && !ours.deleted && same(theirValue, local.items.get(key));
      if (ours.by === localTab && !bothDeleted && !sameValue) {
        conflicts.push({ key, keptIncoming: theirsWins, value: theirsWins ? (theirValue ?? local.items.get(key)) : (local.items.get(key) ?? theirValue) });
      }
      if (theirsWins) take();
    }
  }
  return { merged: { items, versions }, changed, conflicts };
}
