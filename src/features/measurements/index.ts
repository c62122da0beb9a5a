export * from './adapters/annotationSync';
export * from './adapters/annotationEdits';
export * from './adapters/annotationText';
export * from './ui/MeasurementPanel';
export * from './adapters/importedDrawings';
export * from './adapters/drawingRelease';
export * from './adapters/uncalibratedMarks';
