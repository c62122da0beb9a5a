import { useSyncNotice } from '../storage/syncNotice';

/** Says when another tab's saved work was merged into this one (never a silent overwrite). */
export function SyncNotice() {
  const notice = useSyncNotice((s) => s.notice);
  if (!notice) return null;
  return (
    <span className="muted" role="status" data-testid="sync-notice" title="Another browser tab on these studies saved work; it was added here, nothing was overwritten">
      {notice}{' '}
      <button type="button" className="link" onClick={() => useSyncNotice.getState().setNotice(null)} title="Dismiss this notice">
        Dismiss
      </button>
    </span>
  );
}
