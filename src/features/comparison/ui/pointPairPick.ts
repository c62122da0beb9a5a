import type { Types } from '@cornerstonejs/core';
import type { Vec3 } from '../../../geometry/vec3';
import { useComparisonStore } from '../comparisonStore';
import { useMeasurementStore } from '../../../state/measurementStore';
import { useViewerStore, type ToolName } from '../../../state/viewerStore';
import { pointPairAlignment } from '../adapters/alignmentInForce';
import { configureTool } from '../../../viewer/toolGroup';
import { viewportStudy } from '../../labelling';
import { selectTool } from '../../../viewer/toolGroup';
import { currentComparison } from './comparisonController';

let toolBefore: ToolName = 'WindowLevel';

/**
 * "Pick point pair": the next click in the baseline viewport and then one on the same landmark in the follow-up
 * viewport make the alignment (their translation). Clicks in the other viewport at each step are ignored.
 */
export function startPointPick(): boolean {
  if (!currentComparison()) return false;
  const { activeTool } = useViewerStore.getState();
  if (activeTool !== 'PointPick') toolBefore = activeTool;
  configureTool('PointPick', { onClick: (world: Types.Point3, viewport: Types.IViewport) => pickAt([world[0], world[1], world[2]], viewport) });
  selectTool('PointPick');
  useComparisonStore.getState().setPointPick({ step: 'baseline' });
  return true;
}

export function cancelPointPick(): void {
  if (useComparisonStore.getState().pointPick !== null) useComparisonStore.getState().setPointPick(null);
  if (useViewerStore.getState().activeTool === 'PointPick') selectTool(toolBefore);
}

function pickAt(world: Vec3, viewport: Types.IViewport): void {
  const pick = useComparisonStore.getState().pointPick;
  const comparison = currentComparison();
  const study = viewportStudy(viewport)?.studyInstanceUid;
  if (!pick || !comparison || !study) return;
  const { baseline, followup } = comparison;
  if (pick.step === 'baseline' && study === baseline.studyInstanceUid) {
    useComparisonStore.getState().setPointPick({ step: 'followup', baselinePoint: world });
  } else if (pick.step === 'followup' && study === followup.studyInstanceUid) {
    useMeasurementStore.getState().setAlignment(pointPairAlignment(baseline.studyInstanceUid, followup.studyInstanceUid, pick.baselinePoint, world));
    cancelPointPick();
  }
}
