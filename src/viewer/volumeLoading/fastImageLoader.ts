import { Enums, imageLoader, metaData, utilities, type Types } from '@cornerstonejs/core';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import { scaledFrameWithRange, type ScalarArrayType } from '../../pixels/scaledFrame';
import { instanceForImageId } from '../imageRegistry';
import { checkedLoad } from './checkedLoad';

const LITTLE_ENDIAN = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);
const SCALAR_TYPES = new Set<string>(['Int16Array', 'Uint16Array', 'Float32Array', 'Uint8Array']);

interface LoadOptions {
  targetBuffer?: { type?: string; arrayBuffer?: ArrayBuffer };
  preScale?: { enabled?: boolean };
}

interface ModalityLut {
  rescaleSlope?: number;
  rescaleIntercept?: number;
  modalityLUTSequence?: unknown[];
}
interface VoiLut {
  windowCenter?: number[];
  windowWidth?: number[];
  voiLUTFunction?: string[] | string;
  voiLUTSequence?: unknown[];
}

/**
 * Array types to try for a stack image, smallest first, as the decoder picks one for pre-scaled values; a
 * volume slice takes its volume's type.
 */
function candidateTypes(requested: string | undefined, bitsAllocated: number): ScalarArrayType[] {
  if (requested) return [requested as ScalarArrayType];
  return bitsAllocated === 8 ? ['Uint8Array', 'Int16Array', 'Float32Array'] : ['Int16Array', 'Uint16Array', 'Float32Array'];
}

/**
 * An image (a volume slice or a stack image) built on the main thread from the bytes we already hold: for
 * uncompressed little-endian grayscale files, this is one copy with the rescale, where the decoder's path
 * costs a worker round trip per slice. Null when the file or the request is anything else.
 */
function fastImage(imageId: string, options: LoadOptions): Types.IImage | null {
  const requested = options.targetBuffer?.type;
  if ((requested && !SCALAR_TYPES.has(requested)) || options.targetBuffer?.arrayBuffer || options.preScale?.enabled === false) return null;
  const found = instanceForImageId(imageId);
  if (!found || found.instance.numberOfFrames !== 1) return null;
  const { instance } = found;
  const grey = instance.photometricInterpretation === 'MONOCHROME1' || instance.photometricInterpretation === 'MONOCHROME2';
  if (!LITTLE_ENDIAN.has(instance.transferSyntaxUid) || instance.samplesPerPixel !== 1 || !grey) return null;
  if (instance.modality === 'PT' || instance.modality === 'RTDOSE') return null;
  const { wadouri } = dicomImageLoader;
  const dataSet = wadouri.dataSetCacheManager.get(wadouri.parseImageId(imageId).url);
  const element = dataSet?.elements.x7fe00010;
  if (!dataSet || !element || element.encapsulatedPixelData || dataSet.elements.x00283000) return null;

  const modalityLut = (metaData.get('modalityLutModule', imageId) ?? {}) as ModalityLut;
  const { rescaleSlope, rescaleIntercept } = modalityLut;
  if (typeof rescaleSlope !== 'number' || typeof rescaleIntercept !== 'number') return null;
  const bytes = new Uint8Array(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset + element.dataOffset, element.length);
  let type: ScalarArrayType | null = null;
  let scaled: ReturnType<typeof scaledFrameWithRange> = null;
  for (const candidate of candidateTypes(requested, instance.bitsAllocated)) {
    scaled = scaledFrameWithRange(bytes, { ...instance, rescaleSlope, rescaleIntercept }, candidate);
    if (scaled) {
      type = candidate;
      break;
    }
  }
  if (!scaled || !type) return null;
  const { values, min, max } = scaled;
  const plane = (metaData.get('imagePlaneModule', imageId) ?? {}) as { rowPixelSpacing?: number; columnPixelSpacing?: number };
  const voi = (metaData.get('voiLutModule', imageId) ?? {}) as VoiLut;
  const calibration = (metaData.get('calibrationModule', imageId) ?? {}) as Types.IImageCalibration;
  const { rows, columns } = instance;
  const window = voi.windowCenter?.[0] !== undefined && voi.windowWidth?.[0] !== undefined
    ? { windowCenter: voi.windowCenter[0], windowWidth: voi.windowWidth[0] }
    : utilities.windowLevel.toWindowLevel(min, max);
  const scalingParameters = { rescaleSlope, rescaleIntercept, modality: instance.modality };
  const image = {
    imageId,
    dataType: type,
    color: false,
    calibration,
    columnPixelSpacing: plane.columnPixelSpacing ?? 1,
    rowPixelSpacing: plane.rowPixelSpacing ?? 1,
    columns,
    rows,
    width: columns,
    height: rows,
    preScale: { enabled: true, scaled: true, scalingParameters },
    intercept: rescaleIntercept,
    slope: rescaleSlope,
    invert: instance.photometricInterpretation === 'MONOCHROME1',
    minPixelValue: min,
    maxPixelValue: max,
    sizeInBytes: values.byteLength,
    windowCenter: window.windowCenter,
    windowWidth: window.windowWidth,
    voiLUTFunction: (Array.isArray(voi.voiLUTFunction) ? voi.voiLUTFunction[0] : voi.voiLUTFunction) as Types.IImage['voiLUTFunction'],
    voiLUT: voi.voiLUTSequence?.[0] as Types.IImage['voiLUT'],
    voxelManager: utilities.VoxelManager.createImageVoxelManager({ scalarData: values, width: columns, height: rows, numberOfComponents: 1 }),
    rgba: false,
    getPixelData: () => values,
    getCanvas: undefined as unknown as Types.IImage['getCanvas'],
    numberOfComponents: 1,
    imageQualityStatus: Enums.ImageQualityStatus.FULL_RESOLUTION,
    data: dataSet,
  };
  return image as unknown as Types.IImage;
}

let installed = false;

/**
 * Takes over the `dicomfile:` scheme: images and volume slices of uncompressed grayscale files are built here,
 * everything else (compressed syntaxes, colour, big endian, multi-frame) goes to Cornerstone's own loader.
 */
export function installFastImageLoader(): void {
  if (installed) return;
  installed = true;
  const stock = dicomImageLoader.wadouri.loadImage;
  imageLoader.registerImageLoader('dicomfile', (imageId: string, options?: Record<string, unknown>) => {
    let image: Types.IImage | null;
    try {
      image = fastImage(imageId, (options ?? {}) as LoadOptions);
    } catch {
      image = null;
    }
    if (!image) return checkedLoad(stock as unknown as Parameters<typeof checkedLoad>[0], imageId, options);
    return { promise: Promise.resolve(image) };
  });
}
