import type { ImportNote } from '../../loading/importFiles';
import { useViewerStore } from '../../state/viewerStore';

function NoteList({ title, notes, testId }: { title: string; notes: ImportNote[]; testId: string }) {
  if (notes.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({notes.length})
      </h3>
      <ul>
        {notes.map((note, i) => (
          <li key={`${testId}${i}`} data-testid={testId}>
            <span className="file-name">{note.fileName}</span>
            <span className="reason">{note.reason}</span>
            {note.details && <span className="details muted">Details: {note.details}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Files that could not be used (problems), loaded with a warning, and valid non-image objects that were skipped. */
export function ImportProblems() {
  const notes = useViewerStore((s) => s.notes);
  if (notes.length === 0) return <p className="muted">Every file loaded.</p>;
  return (
    <div className="import-problems" data-testid="import-problems">
      <NoteList title="Not loaded" notes={notes.filter((n) => n.severity === 'problem')} testId="import-problem" />
      <NoteList title="Loaded with a warning" notes={notes.filter((n) => n.severity === 'warning')} testId="import-warning" />
      <NoteList title="Skipped" notes={notes.filter((n) => n.severity === 'skipped')} testId="import-skipped" />
    </div>
  );
}
