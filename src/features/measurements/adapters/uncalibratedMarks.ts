import { withUncalibratedMarks } from '../../../lesions';
import { useMeasurementStore } from '../../../state/measurementStore';
import { allSeries, useViewerStore } from '../../../state/viewerStore';

/** Marks the stored measurements on a loaded series without a valid Pixel Spacing, so none of them counts px as mm. */
function markUncalibrated(): void {
  const { state } = useMeasurementStore.getState();
  const marked = withUncalibratedMarks(state, allSeries(useViewerStore.getState().patients));
  if (marked !== state) useMeasurementStore.setState({ state: marked });
}

/**
 * Measurements saved before the uncalibrated mark was kept, or read from an SR or a case file, lack it: they are
 * marked when their series arrives, and when a case is loaded or imported onto series already there.
 */
export function startUncalibratedMarks(): () => void {
  const stopSeries = useViewerStore.subscribe((s, prev) => {
    if (s.patients !== prev.patients) markUncalibrated();
  });
  const stopState = useMeasurementStore.subscribe((s, prev) => {
    if (s.state !== prev.state) markUncalibrated();
  });
  return () => {
    stopSeries();
    stopState();
  };
}
