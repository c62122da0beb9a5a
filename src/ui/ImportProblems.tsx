import { useViewerStore } from '../state/viewerStore';

/** Files that could not be used (problems) and valid non-image objects that were skipped. */
export function ImportProblems() {
  const notes = useViewerStore((s) => s.notes);
  if (notes.length === 0) return <p className="muted">Every file loaded.</p>;
  const problems = notes.filter((n) => n.severity === 'problem');
  const skipped = notes.filter((n) => n.severity === 'skipped');
  return (
    <div className="import-problems" data-testid="import-problems">
      {problems.length > 0 && (
        <>
          <h3>Not loaded ({problems.length})</h3>
          <ul>
            {problems.map((note, i) => (
              <li key={`p${i}`} data-testid="import-problem">
                <span className="file-name">{note.fileName}</span>
                <span className="reason">{note.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <>
          <h3>Skipped ({skipped.length})</h3>
          <ul>
            {skipped.map((note, i) => (
              <li key={`s${i}`} data-testid="import-skipped">
                <span className="file-name">{note.fileName}</span>
                <span className="reason">{note.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
