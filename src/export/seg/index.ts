export { SEGMENTATION_STORAGE, segmentationDataset, writeSegmentation, type SegIds, type SegInput, type SegSegment, type SegSourceSeries, type SegSourceSlice } from './writeSegmentation';
export { readSegmentation, segmentationHeader, type ReadSegment, type ReadSegResult, type SegContents, type SegTarget } from './readSegmentation';
