import { useState } from 'react';
import { LESION_SITES, LESION_STATUSES, lesionSummary, type Lesion, type LesionSite, type LesionStatus } from '../../../lesions';
import { formatMl, formatMm, formatPercent, type Measurement } from '../../../measure';
import type { StudyNode } from '../../../dicom/types';
import { formatDicomDate } from '../../../dicom';
import { useMeasurementStore } from '../../../state/measurementStore';
import { MeasurementRow } from './MeasurementRow';
import { KIND_NAMES } from './measurementValue';
import { InlineConfirm } from './InlineConfirm';
import { deleteLesion, lesionContents } from '../lesionDeletion';

interface Props {
  lesion: Lesion;
  lesions: readonly Lesion[];
  studies: readonly StudyNode[];
}

/** A lesion: name, level, site, status, notes, and its measurements and volumes per timepoint. */
export function LesionCard({ lesion, lesions, studies }: Props) {
  const state = useMeasurementStore((s) => s.state);
  const store = useMeasurementStore.getState;
  /** What the lesion holds, while its deletion waits for the reader's answer. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const measurements = state.measurements.filter((m) => m.lesionId === lesion.id);
  const studyUids = studies.map((s) => s.studyInstanceUid).filter((uid) => measurements.some((m) => m.studyInstanceUid === uid) || state.segmentationSummaries.some((x) => x.lesionId === lesion.id && x.studyInstanceUid === uid));
  return (
    <section className="lesion-card" data-testid="lesion-card">
      <div className="lesion-head">
        <input aria-label="Lesion name" data-testid="lesion-name" value={lesion.name} onChange={(e) => store().renameLesion(lesion.id, e.target.value)} />
        <input
          aria-label="Level"
          className="lesion-level"
          data-testid="lesion-level"
          title={lesion.levelSource === 'auto' ? 'From the vertebral labels; type to override' : 'Set by you; clear to use the labels'}
          placeholder="level"
          value={lesion.level}
          onChange={(e) => store().setLesionLevel(lesion.id, e.target.value)}
        />
        <button
          type="button"
          aria-label={`Delete lesion ${lesion.name}`}
          data-testid="lesion-delete"
          onClick={() => {
            const contents = lesionContents(lesion.id);
            if (contents) setConfirming(contents);
            else deleteLesion(lesion.id);
          }}
        >
          ×
        </button>
      </div>
      {confirming && (
        <InlineConfirm
          message={`Delete ${lesion.name || 'this lesion'} with its ${confirming}? Ctrl+Z brings it back.`}
          confirmLabel="Delete lesion"
          onConfirm={() => {
            setConfirming(null);
            deleteLesion(lesion.id);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
      <div className="lesion-fields">
        <select aria-label="Site" data-testid="lesion-site" value={lesion.site} onChange={(e) => store().setLesionSite(lesion.id, e.target.value as LesionSite)}>
          {LESION_SITES.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={lesion.status} onChange={(e) => store().setLesionStatus(lesion.id, e.target.value as LesionStatus)}>
          {LESION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <textarea aria-label="Notes" placeholder="Notes" rows={1} value={lesion.notes} onChange={(e) => store().setLesionNotes(lesion.id, e.target.value)} />
      {studyUids.map((uid) => {
        const study = studies.find((s) => s.studyInstanceUid === uid);
        const summary = lesionSummary(state, lesion.id, uid);
        const byId = new Map(measurements.map((m) => [m.id, m]));
        return (
          <div key={uid} className="lesion-timepoint" data-testid="lesion-timepoint">
            <h4>{study ? formatDicomDate(study.date) : uid}</h4>
            <ul>
              {measurements
                .filter((m) => m.studyInstanceUid === uid)
                .map((m) => (
                  <MeasurementRow key={m.id} measurement={m} lesions={lesions} />
                ))}
            </ul>
            {summary.diameters ? (
              <p className="lesion-volume" data-testid="lesion-ellipsoid">
                {formatMm(summary.diameters.transverseMm).replace(' mm', '')} × {formatMm(summary.diameters.apMm).replace(' mm', '')} ×{' '}
                {formatMm(summary.diameters.ccMm)} (T × AP × CC), ellipsoid {formatMl(summary.diameters.volumeMl)}
                <span className="muted"> · from {sourceText(summary.diameters.sources, byId)}</span>
                {summary.diameters.warnings.map((w) => (
                  <span key={w} className="warning">
                    {' '}
                    ⚠ {w}
                  </span>
                ))}
              </p>
            ) : summary.uncalibrated ? (
              <p className="muted" data-testid="lesion-uncalibrated">
                Ellipsoid volume not computed: needs a calibrated series (no valid Pixel Spacing, lengths in px).
              </p>
            ) : (
              <p className="muted">Ellipsoid volume: add an axial bidirectional and a craniocaudal length, or three lengths with axes.</p>
            )}
            {summary.segmentedVolumeMl !== null && (
              <p className="lesion-volume" data-testid="lesion-segmented">
                Segmented {formatMl(summary.segmentedVolumeMl)}
                {summary.segmentedVsEllipsoidPercent !== null && ` (${formatPercent(summary.segmentedVsEllipsoidPercent)} vs ellipsoid)`}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}

function sourceText(sources: { ap: string; transverse: string; cc: string }, byId: ReadonlyMap<string, Measurement>): string {
  const name = (id: string) => {
    const m = byId.get(id);
    return m ? KIND_NAMES[m.kind].toLowerCase() : 'a removed measurement';
  };
  if (sources.ap === sources.transverse) return `${name(sources.ap)} (AP, transverse) and ${name(sources.cc)} (CC)`;
  return `${name(sources.ap)} (AP), ${name(sources.transverse)} (transverse), ${name(sources.cc)} (CC)`;
}
