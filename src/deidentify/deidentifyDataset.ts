import { isPrivateTag, sequenceItems, type DicomDataset, type DicomElement } from './dataset';
import { shiftDicomDate, shiftDicomDateTime } from './dateShift';
import { dummyValue } from './dummyValues';
import { profileRowFor } from './profile';
import { resolveAction, type ElementAction } from './resolveAction';
import type { DeidentifySession } from './session';

export const TAG = {
  patientName: '00100010',
  patientId: '00100020',
  patientIdentityRemoved: '00120062',
  deidentificationMethod: '00120063',
  deidentificationMethodCodes: '00120064',
  longitudinalTemporalInformationModified: '00280303',
  sopInstanceUid: '00080018',
  mediaStorageSopInstanceUid: '00020003',
  transferSyntaxUid: '00020010',
  sourceApplicationEntityTitle: '00020016',
  sendingApplicationEntityTitle: '00020017',
  receivingApplicationEntityTitle: '00020018',
} as const;

/** LO: at most 64 characters; the codes in the sequence below say the same thing precisely. */
const DEFLATED_EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

export const DEIDENTIFICATION_METHOD = 'SpineLens: PS3.15 Basic Profile, Modified Dates Option';

const code = (value: string, meaning: string): DicomDataset => ({
  '00080100': { vr: 'SH', Value: [value] },
  '00080102': { vr: 'SH', Value: ['DCM'] },
  '00080104': { vr: 'LO', Value: [meaning] },
});

/** Applies the profile to one data set (nested sequences included); returns a new data set. */
export function deidentifyDataset(dataset: DicomDataset, session: DeidentifySession): DicomDataset {
  const result = cleanItem(dataset, session);
  result[TAG.patientName] = { vr: 'PN', Value: [{ Alphabetic: session.patientName }] };
  result[TAG.patientId] = { vr: 'LO', Value: [session.patientId] };
  result[TAG.patientIdentityRemoved] = { vr: 'CS', Value: ['YES'] };
  result[TAG.deidentificationMethod] = { vr: 'LO', Value: [DEIDENTIFICATION_METHOD] };
  result[TAG.deidentificationMethodCodes] = {
    vr: 'SQ',
    Value: [
      code('113100', 'Basic Application Confidentiality Profile'),
      code('113107', 'Retain Longitudinal Temporal Information Modified Dates Option'),
    ],
  };
  result[TAG.longitudinalTemporalInformationModified] = { vr: 'CS', Value: ['MODIFIED'] };
  return result;
}

/** The file meta information: instance UID follows the data set, no application entity titles. */
export function deidentifyFileMeta(meta: DicomDataset, session: DeidentifySession): DicomDataset {
  const result: DicomDataset = { ...meta };
  delete result[TAG.sourceApplicationEntityTitle];
  delete result[TAG.sendingApplicationEntityTitle];
  delete result[TAG.receivingApplicationEntityTitle];
  // dcmjs writes the data set uncompressed: a deflated file is written as explicit VR little endian.
  if (result[TAG.transferSyntaxUid]?.Value?.[0] === DEFLATED_EXPLICIT_LITTLE_ENDIAN) {
    result[TAG.transferSyntaxUid] = { vr: 'UI', Value: [EXPLICIT_LITTLE_ENDIAN] };
  }
  const uid = result[TAG.mediaStorageSopInstanceUid]?.Value?.[0];
  if (typeof uid === 'string') result[TAG.mediaStorageSopInstanceUid] = { vr: 'UI', Value: [session.uids.remap(uid)] };
  return result;
}

/**
 * Overlay Data (60xx,3000) and Curve Data (50xx,xxxx) are removed (X); the rest of an overlay group
 * goes with its data, else the Overlay Plane module would be left without its Type 1 data.
 */
const isOverlayOrCurve = (tag: string): boolean => tag.startsWith('50') || tag.startsWith('60');

function cleanItem(item: DicomDataset, session: DeidentifySession): DicomDataset {
  const result: DicomDataset = {};
  for (const [tag, element] of Object.entries(item)) {
    if (tag.endsWith('0000')) continue; // group lengths are recomputed by the writer
    if (isOverlayOrCurve(tag)) continue;
    const action = resolveAction(profileRowFor(tag), element.vr, isPrivateTag(tag), (element.Value ?? []).length === 0);
    const cleaned = applyAction(action, element, session);
    if (cleaned) result[tag] = cleaned;
  }
  return result;
}

function applyAction(action: ElementAction, element: DicomElement, session: DeidentifySession): DicomElement | undefined {
  const { vr } = element;
  switch (action) {
    case 'remove':
      return undefined;
    case 'empty':
      return { vr, Value: [] };
    case 'dummy':
      return vr === 'UI' ? remapUids(element, session) : { vr, Value: dummyValue(vr) };
    case 'remapUid':
      return vr === 'UI' ? remapUids(element, session) : { vr, Value: dummyValue(vr) };
    case 'shiftDate':
      return shiftDates(element, session.dayShift);
    case 'cleanItems':
      return { vr: 'SQ', Value: sequenceItems(element).map((child) => cleanItem(child, session)) };
    case 'keep':
      return element;
  }
}

function remapUids(element: DicomElement, session: DeidentifySession): DicomElement {
  const values = (element.Value ?? []).map((uid) => (typeof uid === 'string' ? session.uids.remap(uid) : uid));
  return { vr: 'UI', Value: values };
}

/** Dates move by the session's day shift; a date that cannot be read is emptied, never kept. */
function shiftDates(element: DicomElement, days: number): DicomElement {
  const shift = element.vr === 'DT' ? shiftDicomDateTime : shiftDicomDate;
  const values = (element.Value ?? []).flatMap((value) => {
    if (typeof value !== 'string' || value.trim() === '') return [];
    const shifted = shift(value, days);
    return shifted === undefined ? [] : [shifted];
  });
  return { vr: element.vr, Value: values };
}
