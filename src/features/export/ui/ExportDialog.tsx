import { useEffect, useRef, useState } from 'react';
import { exportCaseJson, exportMeasurementsCsv, exportStructuredReports, exportTeachingCase } from '../actions';
import { importReadings } from '../importReading';
import { canStoreToPacs, storeReadingToPacs } from '../pacsReading';
import { ReportSection } from '../report/ReportSection';
import './export.css';

interface Props {
  onClose(): void;
  onPrint(): void;
}

interface TeachingOutcome {
  written: number;
  leftOut: { fileName: string; reason: string; burnedIn: boolean }[];
}

/** The export choices in an in-app dialog: Escape or Close returns to the images. */
export function ExportDialog({ onClose, onPrint }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState('');
  const [includeBurnedIn, setIncludeBurnedIn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<TeachingOutcome | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  // Escape closes the dialog wherever the focus is (a button that turned disabled leaves it on the page),
  // before the app's own Escape (cancel the tool) sees it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      if (!busy) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [busy, onClose]);

  const teaching = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await exportTeachingCase(includeBurnedIn, (done, total) => setStatus(`De-identifying ${done} of ${total} files…`));
      setOutcome(result);
      setStatus(result.written > 0 ? `Teaching case saved: ${result.written} files de-identified, ${result.leftOut.length} left out.` : 'No file could be de-identified: nothing was saved.');
    } catch (error) {
      setStatus(`The teaching case could not be made: ${error instanceof Error ? error.message : 'unknown problem'}.`);
    } finally {
      setBusy(false);
    }
  };
  const saveStructuredReports = async () => {
    setBusy(true);
    setStatus('Writing the SR and SEG…');
    try {
      const { reports, segmentations, problems } = await exportStructuredReports();
      const saved = reports + segmentations > 0 ? `Saved ${reports} DICOM SR report(s) and ${segmentations} DICOM SEG segmentation(s).` : 'No measurement or volume yet: no report to save.';
      setStatus([saved, ...problems].join(' '));
    } catch (error) {
      setStatus(`The SR and SEG could not be written: ${error instanceof Error ? error.message : 'unknown problem'}.`);
    } finally {
      setBusy(false);
    }
  };
  const storePacs = async () => {
    setBusy(true);
    setStatus('Storing the reading on the PACS…');
    try {
      const result = await storeReadingToPacs();
      setStatus(result === null ? 'No lesion has a measurement or volume yet: nothing to store.' : result.message);
    } finally {
      setBusy(false);
    }
  };
  const burnedInLeftOut = outcome?.leftOut.filter((f) => f.burnedIn).length ?? 0;

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby="export-title"
      data-testid="export-dialog"
      // The modal owns the keyboard: Tab moves between its buttons and no key reaches the viewer's shortcuts.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') e.stopPropagation();
      }}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="export-title">Export the reading</h2>
      <section>
        <h3>Measurements (CSV)</h3>
        <p>One row per value: patient, study date, timepoint, lesion, level, kind, value, unit, series.</p>
        <button type="button" data-testid="export-csv" onClick={() => setStatus(`Saved ${exportMeasurementsCsv()} rows as CSV.`)}>
          Save CSV
        </button>
      </section>
      <section>
        <h3>Whole case (JSON)</h3>
        <p>Lesions, labels, measurements and segmentation volumes, versioned; the images are referenced by UID.</p>
        <button
          type="button"
          data-testid="export-json"
          onClick={() => {
            exportCaseJson();
            setStatus('Saved the case as JSON.');
          }}
        >
          Save case JSON
        </button>
      </section>
      <section>
        <h3>DICOM SR and SEG (for a PACS)</h3>
        <p>One measurement report (TID 1500) per study: each lesion with its name, level and tracking UID, lengths, axes, areas and volumes; one segmentation (SEG) per segmented series, a segment per lesion.</p>
        <button
          type="button"
          data-testid="export-sr"
          disabled={busy}
          onClick={() => void saveStructuredReports()}
        >
          Save DICOM SR and SEG
        </button>
      </section>
      <section>
        <h3>Store to PACS</h3>
        <p>The same SR and SEG stored in their studies on the PACS chosen in the PACS panel (STOW-RS). A failed store is kept there with Retry.</p>
        <button
          type="button"
          data-testid="export-store-pacs"
          disabled={busy || !canStoreToPacs()}
          title={canStoreToPacs() ? 'Store the reading on the PACS' : 'Choose a PACS server in the PACS panel (Shift+O) first'}
          onClick={() => void storePacs()}
        >
          Store to PACS
        </button>
      </section>
      <section>
        <h3>Teaching case (zip, de-identified)</h3>
        <p>The images with names, IDs and free text removed, UIDs replaced and dates moved (DICOM PS3.15 Basic Profile), with the reading. Lesion names and notes go as typed: keep patient details out of them.</p>
        <label>
          <input type="checkbox" checked={includeBurnedIn} onChange={(e) => setIncludeBurnedIn(e.target.checked)} data-testid="export-burned-in" />
          <span>Include images that may show patient details burned into the pixels (ultrasound, screen captures, X-ray…); I have checked them.</span>
        </label>
        <button type="button" data-testid="export-teaching" disabled={busy} onClick={() => void teaching()}>
          Save teaching zip
        </button>
        {burnedInLeftOut > 0 && (
          <p className="warning" role="alert" data-testid="export-burned-in-warning">
            {burnedInLeftOut} image(s) may show burned-in patient text and were left out. Check them, tick the box above and save again to include them.
          </p>
        )}
        {outcome && outcome.leftOut.length > 0 && (
          <ul data-testid="export-left-out">
            {outcome.leftOut.map((f) => (
              <li key={f.fileName}>{f.reason}</li>
            ))}
          </ul>
        )}
      </section>
      <ReportSection onPrint={onPrint} setStatus={setStatus} />
      <section>
        <h3>Open a reading</h3>
        <p>A case JSON, a DICOM SR or SEG saved by SpineLens (several at once), for the images open now: its lesions, measurements and segmentations are added.</p>
        <label className="export-file">
          <span className="visually-hidden">Reading file</span>
          <input
            type="file"
            accept=".json,.dcm,application/json,application/dicom"
            data-testid="import-reading"
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length === 0) return;
              setStatus('Opening the reading…');
              void importReadings(files).then((results) => setStatus(results.map((r) => (r.ok ? r.message : r.reason)).join(' ')));
            }}
          />
        </label>
      </section>
      <p className="export-status" role="status" data-testid="export-status">
        {status}
      </p>
      <footer>
        <button type="button" onClick={onClose} disabled={busy} data-testid="export-close">
          Close
        </button>
      </footer>
    </dialog>
  );
}
