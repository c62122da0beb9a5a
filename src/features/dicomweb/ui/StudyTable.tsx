import type { StudySummary } from '../core/studySearch';
import { patientLabel } from '../actions';

interface Props {
  title: string;
  studies: StudySummary[];
  loaded: Set<string>;
  busy: boolean;
  onOpen(study: StudySummary): void;
  testId: string;
  openLabel?: string;
}

/** Studies found on the server, newest first; each opens (or is added as a timepoint) by its button. */
export function StudyTable({ title, studies, loaded, busy, onOpen, testId, openLabel = 'Open' }: Props) {
  return (
    <section className="dicomweb-studies">
      <h3>{title}</h3>
      {studies.length === 0 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          No study matches.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Patient · study</th>
              <th title="Modalities">Mod.</th>
              <th title="Images">Img</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {studies.map((study) => {
              const isOpen = loaded.has(study.studyInstanceUid);
              return (
                <tr key={study.studyInstanceUid} data-testid={testId} data-study-uid={study.studyInstanceUid}>
                  <td className="nowrap">{study.studyDate || '—'}</td>
                  <td>
                    <div>{patientLabel(study)}</div>
                    <div className="muted">{study.description || 'No description'}</div>
                  </td>
                  <td>{study.modalities.join(' ')}</td>
                  <td className="num">{study.instanceCount ?? '?'}</td>
                  <td>
                    {isOpen ? (
                      <span className="muted" data-testid={`${testId}-open`}>
                        open
                      </span>
                    ) : (
                      <button type="button" disabled={busy} onClick={() => onOpen(study)} aria-label={`${openLabel} the study of ${study.studyDate || 'unknown date'}`}>
                        {openLabel}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
