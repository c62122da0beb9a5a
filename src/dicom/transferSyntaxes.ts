/** Transfer syntaxes the viewer can decode (Cornerstone's DICOM image loader), with readable names. */

export const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_BIG_ENDIAN = '1.2.840.10008.1.2.2';

const SUPPORTED: Record<string, string> = {
  [IMPLICIT_LITTLE_ENDIAN]: 'Implicit VR Little Endian',
  [EXPLICIT_LITTLE_ENDIAN]: 'Explicit VR Little Endian',
  [DEFLATED_EXPLICIT_LITTLE_ENDIAN]: 'Deflated Explicit VR Little Endian',
  [EXPLICIT_BIG_ENDIAN]: 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
  // HTJ2K: the standard UIDs plus the pre-standard one Cornerstone still decodes.
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '3.2.840.10008.1.2.4.96': 'HTJ2K (pre-standard UID)',
};

/** Names of syntaxes we recognise but cannot decode, to make the message say what the file is. */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '1.2.840.10008.1.2.4.100': 'MPEG-2',
  '1.2.840.10008.1.2.4.101': 'MPEG-2 High Level',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 BD',
  '1.2.840.10008.1.2.4.107': 'HEVC/H.265',
  '1.2.840.10008.1.2.4.110': 'JPEG XL Lossless',
  '1.2.840.10008.1.2.4.112': 'JPEG XL',
  '1.2.840.10008.1.2.4.94': 'JPIP Referenced',
  '1.2.840.10008.1.2.8.1': 'Deflated Image Frame Compression',
  '1.2.840.10008.1.2.1.98': 'Encapsulated Uncompressed Explicit VR Little Endian',
};

export function isSupportedTransferSyntax(uid: string): boolean {
  return uid in SUPPORTED;
}

/** Pixel data stored as plain arrays (not encapsulated fragments). */
export function isUncompressedTransferSyntax(uid: string): boolean {
  return (
    uid === IMPLICIT_LITTLE_ENDIAN ||
    uid === EXPLICIT_LITTLE_ENDIAN ||
    uid === DEFLATED_EXPLICIT_LITTLE_ENDIAN ||
    uid === EXPLICIT_BIG_ENDIAN
  );
}

export function transferSyntaxName(uid: string): string {
  return SUPPORTED[uid] ?? KNOWN_UNSUPPORTED[uid] ?? `transfer syntax ${uid}`;
}

/** "1.2.840.10008.1.2 (Implicit VR Little Endian), ..." for the unsupported-syntax message. */
export function describeSupportedTransferSyntaxes(): string {
  return Object.entries(SUPPORTED)
    .map(([uid, name]) => `${uid} (${name})`)
    .join(', ');
}
