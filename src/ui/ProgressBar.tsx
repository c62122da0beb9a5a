import { useViewerStore } from '../state/viewerStore';

export function ProgressBar() {
  const progress = useViewerStore((s) => s.progress);
  if (!progress) return <span className="progress idle" />;
  const percent = Math.round((100 * progress.done) / Math.max(1, progress.total));
  return (
    <span className="progress" role="progressbar" aria-label={progress.label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} data-testid="import-progress">
      <span className="progress-label">
        {progress.label} {progress.done}/{progress.total}
      </span>
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
