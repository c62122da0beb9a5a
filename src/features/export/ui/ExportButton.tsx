import { useCallback, useEffect, useState } from 'react';
import { tumourBoardReport } from '../../../export';
import { loadedCase } from '../adapters/loadedCase';
import { useKeyImages } from '../report/keyImages';
import { TumourBoardReport } from '../report/TumourBoardReport';
import { usePrinting } from '../report/usePrinting';
import { ExportDialog } from './ExportDialog';

/** Shift+E, free in the app's key table. */
const isExportKey = (e: KeyboardEvent) => e.key === 'E' && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey;

/** The toolbar's Export button; Shift+E opens the same dialog. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const images = useKeyImages((s) => s.images);
  const donePrinting = useCallback(() => setPrinting(false), []);
  usePrinting(printing, donePrinting);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (!isExportKey(e)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" aria-haspopup="dialog" aria-pressed={open} onClick={() => setOpen(true)} title="Export: measurements CSV, case JSON, de-identified teaching zip (Shift+E)" data-testid="export-button">
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
