/**
 * Puts a Part-10 preamble and file meta in front of a raw data set, so the image loader (which
 * reads only Part-10 files) takes files our parser read without one.
 */
const IMPLEMENTATION_CLASS_UID = '1.2.826.0.1.3680043.10.1520.1';

function element(tag: [number, number], vr: string, value: Uint8Array): Uint8Array {
  const long = vr === 'OB';
  const out = new Uint8Array(8 + (long ? 4 : 0) + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, tag[0], true);
  view.setUint16(2, tag[1], true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, long ? 12 : 8);
  return out;
}

function uid(value: string): Uint8Array {
  const ascii = new TextEncoder().encode(value.replace(/[^0-9.]/g, ''));
  const padded = new Uint8Array(ascii.length + (ascii.length % 2));
  padded.set(ascii);
  return padded;
}

export interface Part10Identity {
  transferSyntaxUid: string;
  sopClassUid: string;
  sopInstanceUid: string;
}

export function withPart10Header(dataSet: Uint8Array, identity: Part10Identity): Uint8Array {
  const meta = [
    element([2, 1], 'OB', new Uint8Array([0, 1])),
    element([2, 2], 'UI', uid(identity.sopClassUid)),
    element([2, 3], 'UI', uid(identity.sopInstanceUid)),
    element([2, 0x10], 'UI', uid(identity.transferSyntaxUid)),
    element([2, 0x12], 'UI', uid(IMPLEMENTATION_CLASS_UID)),
  ];
  const metaLength = meta.reduce((n, e) => n + e.length, 0);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, metaLength, true);
  const parts = [new Uint8Array(128), new TextEncoder().encode('DICM'), element([2, 0], 'UL', groupLength), ...meta, dataSet];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
