import { useMemo } from 'react';
import type { SeriesInfo, SeriesLookup } from '../../../response';
import { useViewerStore } from '../../../state/viewerStore';

/** Modality and description of every loaded series, by series key. */
export function useSeriesLookup(): SeriesLookup {
  const patients = useViewerStore((s) => s.patients);
  return useMemo(() => {
    const byKey = new Map<string, SeriesInfo>(
      patients.flatMap((p) => p.studies.flatMap((st) => st.series.map((s) => [s.key, { modality: s.modality, description: s.description }] as const))),
    );
    return (key: string) => byKey.get(key);
  }, [patients]);
}
