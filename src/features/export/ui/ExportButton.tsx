import { useCallback, useEffect, useState } from 'react';
import { tumourBoardReport } from '../../../export';
import { loadedCase } from '../adapters/loadedCase';
import { useKeyImages } from '../report/keyImages';
import { TumourBoardReport } from '../report/TumourBoardReport';
import { usePrinting } from '../report/usePrinting';
import { ExportDialog } from './ExportDialog';

/** Sent by the app's Shift+E command (its key table lists the key in Help). */
const OPEN_EXPORT_EVENT = 'spinelens:open-export';

export function openExportDialog(): void {
  window.dispatchEvent(new Event(OPEN_EXPORT_EVENT));
}

/** The toolbar's Export button; Shift+E opens the same dialog. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const images = useKeyImages((s) => s.images);
  const donePrinting = useCallback(() => setPrinting(false), []);
  usePrinting(printing, donePrinting);
  useEffect(() => {
    const onOpen = () => setOpen(true);
    window.addEventListener(OPEN_EXPORT_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_EXPORT_EVENT, onOpen);
  }, []);
  return (
    <>
      <button type="button" aria-haspopup="dialog" aria-pressed={open} onClick={() => setOpen(true)} title="Export: measurements CSV, case JSON, DICOM SR and SEG, store to the PACS, teaching zip (Shift+E)" data-testid="export-button">
        Export
      </button>
      {open && (
        <ExportDialog
          onClose={() => setOpen(false)}
          onPrint={() => {
            setOpen(false);
            setPrinting(true);
          }}
        />
      )}
      {printing && <TumourBoardReport report={reportOfLoadedCase()} images={images} />}
    </>
  );
}

function reportOfLoadedCase() {
  const { state, context } = loadedCase();
  return tumourBoardReport(state, context);
}
