import { useMeasurementStore } from '../state/measurementStore';
import { useViewerStore } from '../state/viewerStore';

/** Opens the measurement panel in front of help and import problems, or closes it. */
export function toggleMeasurementPanel(): void {
  const measurements = useMeasurementStore.getState();
  const viewer = useViewerStore.getState();
  const showing = measurements.panelOpen && !viewer.helpOpen && !viewer.problemsOpen;
  if (showing) return measurements.setPanelOpen(false);
  viewer.setHelpOpen(false);
  viewer.setProblemsOpen(false);
  measurements.setPanelOpen(true);
}
