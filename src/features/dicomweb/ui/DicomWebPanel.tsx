import type { FormEvent } from 'react';
import { useViewerStore } from '../../../state/viewerStore';
import { loadedStudyUids, openStudy, runSearch } from '../actions';
import { useDicomWebStore } from '../store';
import { ServerPicker } from './ServerPicker';
import { StudyTable } from './StudyTable';
import { PendingStores } from './PendingStores';
import './dicomweb.css';

const MODALITIES = ['', 'CT', 'MR', 'PT', 'CR', 'DX', 'NM', 'SR', 'SEG'];

/** Search a DICOMweb server (QIDO-RS), open a study, pull in the patient's priors, see stores of the reading. */
export function DicomWebPanel() {
  const server = useDicomWebStore((s) => s.servers.find((x) => x.url === s.selectedUrl) ?? null);
  const search = useDicomWebStore((s) => s.search);
  const results = useDicomWebStore((s) => s.results);
  const priors = useDicomWebStore((s) => s.priors);
  const busy = useDicomWebStore((s) => s.busy);
  const error = useDicomWebStore((s) => s.error);
  const setSearch = useDicomWebStore((s) => s.setSearch);
  // Re-render when studies load, so rows show "open".
  useViewerStore((s) => s.patients);
  const loaded = loadedStudyUids();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runSearch();
  };
  const otherPriors = priors.filter((p) => !loaded.has(p.studyInstanceUid));

  return (
    <div className="dicomweb-panel" data-testid="dicomweb-panel">
      <ServerPicker />
      {server && (
        <form className="dicomweb-search" onSubmit={submit} aria-label="Search studies">
          <label>
            Patient name
            <input data-testid="pacs-patient-name" value={search.patientName ?? ''} onChange={(e) => setSearch({ patientName: e.target.value })} placeholder="e.g. SMITH^J" />
          </label>
          <label>
            Patient ID
            <input data-testid="pacs-patient-id" value={search.patientId ?? ''} onChange={(e) => setSearch({ patientId: e.target.value })} />
          </label>
          <label>
            From
            <input type="date" data-testid="pacs-date-from" value={search.dateFrom ?? ''} onChange={(e) => setSearch({ dateFrom: e.target.value })} />
          </label>
          <label>
            To
            <input type="date" data-testid="pacs-date-to" value={search.dateTo ?? ''} onChange={(e) => setSearch({ dateTo: e.target.value })} />
          </label>
          <label>
            Modality
            <select data-testid="pacs-modality" value={search.modality ?? ''} onChange={(e) => setSearch({ modality: e.target.value })}>
              {MODALITIES.map((m) => (
                <option key={m} value={m}>
                  {m || 'Any'}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="pacs-search" disabled={busy !== null}>
            {busy === 'search' ? 'Searching…' : 'Search'}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert" data-testid="pacs-error">
          {error}
        </p>
      )}
      {results && <StudyTable title={`Studies (${results.length})`} studies={results} loaded={loaded} busy={busy !== null} onOpen={(s) => void openStudy(s)} testId="pacs-result" />}
      {priors.length > 0 && (
        <StudyTable
          title={otherPriors.length > 0 ? `Other studies of this patient (${otherPriors.length})` : 'Every study of this patient is open'}
          studies={priors}
          loaded={loaded}
          busy={busy !== null}
          onOpen={(s) => void openStudy(s)}
          testId="pacs-prior"
          openLabel="Add"
        />
      )}
      <PendingStores />
    </div>
  );
}
