/** Segmentation of the lesion at a timepoint (issue 5): filled in by the segmentation work. */
export function SegmentationPanel() {
  return <p className="muted">Segmentation tools are not available yet.</p>;
}
