import type { SeriesNode } from '../../dicom/types';
import type { VolumeGrid } from './types';

/**
 * The voxel grid of a volumetric series, from its DICOM geometry: i runs along the rows
 * (column spacing), j down the columns (row spacing), k through the sorted slices.
 */
export function seriesGrid(series: SeriesNode): VolumeGrid | null {
  const g = series.geometry;
  if (!g?.isVolume || g.sliceSpacing === null) return null;
  return {
    dimensions: [series.columns, series.rows, series.frames.length],
    spacing: [g.pixelSpacing[1], g.pixelSpacing[0], g.sliceSpacing],
    origin: g.origin,
    direction: [g.rowCosines, g.columnCosines, g.normal],
  };
}
