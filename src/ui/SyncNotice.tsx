import { useSyncNotice } from '../storage/syncNotice';

/** Says when another tab's saved work was merged into this one (never a silent overwrite). */
export function SyncNotice() {
  const notice = useSyncNotice((s) => s.notice);
  const conflict = useSyncNotice((s) => s.conflict);
  if (!notice) return null;
  const why = conflict
    ? 'The same item was changed in two tabs before either saw the other: the later change is kept in both tabs'
    : 'Another browser tab on these studies saved work; it was added here, nothing was overwritten';
  return (
    <span className={conflict ? 'warning' : 'muted'} role="status" data-testid="sync-notice" title={why}>
      {notice}{' '}
      <button type="button" className="link" onClick={() => useSyncNotice.getState().setNotice(null)} title="Dismiss this notice">
        Dismiss
      </button>
    </span>
  );
}
