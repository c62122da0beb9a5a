import { describe, expect, it } from 'vitest';
import { parseInstance } from '../../src/dicom';
import type { InstanceMeta, ParseResult } from '../../src/dicom/types';
import { ctElements, encapsulated, headerless, part10, raw, seq, str, us } from './writeDicom';

function image(result: ParseResult): InstanceMeta {
  if (result.kind !== 'image') throw new Error(`expected an image, got ${result.kind}: ${result.reason}`);
  return result.instance;
}

function reasonOf(result: ParseResult, kind: 'skipped' | 'problem'): string {
  expect(result.kind).toBe(kind);
  return result.kind === kind ? result.reason : '';
}

describe('parseInstance: readable files', () => {
  it('reads a Part-10 explicit little endian CT', () => {
    const meta = image(parseInstance('ct.dcm', part10(ctElements())));
    expect(meta.fileName).toBe('ct.dcm');
    expect(meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(meta.patientName).toBe('DOE^JOHN');
    expect(meta.patientId).toBe('PID-7');
    expect(meta.studyDate).toBe('20260105');
    expect([meta.rows, meta.columns, meta.numberOfFrames]).toEqual([4, 4, 1]);
    expect([meta.bitsAllocated, meta.bitsStored, meta.highBit, meta.pixelRepresentation]).toEqual([16, 12, 11, 1]);
    expect([meta.rescaleSlope, meta.rescaleIntercept]).toEqual([1, -1024]);
    expect(meta.windowCenters).toEqual([40, 300]);
    expect(meta.windowWidths).toEqual([400, 1500]);
    expect(meta.seriesNumber).toBe(3);
    expect(meta.instanceNumber).toBe(12);
    expect(meta.imageType).toEqual(['ORIGINAL', 'PRIMARY', 'AXIAL']);
    expect(meta.frames).toEqual([
      {
        imagePositionPatient: [-100, -120.5, 30.25],
        imageOrientationPatient: [1, 0, 0, 0, 1, 0],
        pixelSpacing: [0.7, 0.8],
        sliceThickness: 2.5,
        pixelSpacingSource: 'pixel',
      },
    ]);
    expect(JSON.parse(JSON.stringify(meta))).toEqual(meta);
  });

  it('decodes names with the Specific Character Set', () => {
    const utf8 = ctElements({ '00080005': str('00080005', 'CS', 'ISO_IR 192'), '00100010': str('00100010', 'PN', 'MÜLLER^JOSÉ') });
    expect(image(parseInstance('utf8.dcm', part10(utf8))).patientName).toBe('MÜLLER^JOSÉ');
    // 'MÜLLER' in ISO 8859-1: Ü is the single byte 0xDC.
    const latin1Name = new Uint8Array([0x4d, 0xdc, 0x4c, 0x4c, 0x45, 0x52]);
    const latin1 = ctElements({ '00080005': str('00080005', 'CS', 'ISO_IR 100'), '00100010': raw('00100010', 'PN', latin1Name) });
    expect(image(parseInstance('latin1.dcm', part10(latin1))).patientName).toBe('MÜLLER');
  });

  it('reads a raw implicit VR data set without preamble or meta', () => {
    const meta = image(parseInstance('raw', headerless(ctElements(), false)));
    expect(meta.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(meta.rows).toBe(4);
    expect(meta.parseNotes).toEqual(['no preamble or file meta: read as 1.2.840.10008.1.2']);
  });

  it('reads a raw explicit VR data set without preamble or meta', () => {
    const meta = image(parseInstance('raw', headerless(ctElements(), true)));
    expect(meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(meta.frames[0]?.imagePositionPatient).toEqual([-100, -120.5, 30.25]);
  });

  it('inflates deflated explicit little endian', () => {
    const meta = image(parseInstance('dfl.dcm', part10(ctElements(), { transferSyntax: '1.2.840.10008.1.2.1.99' })));
    expect(meta.transferSyntaxUid).toBe('1.2.840.10008.1.2.1.99');
    expect(meta.patientName).toBe('DOE^JOHN');
    expect(meta.columns).toBe(4);
  });

  it('reads enhanced multi-frame functional groups, per frame before shared', () => {
    const frame = (z: number, slope: string): ReturnType<typeof str>[][] => [
      [
        seq('00209113', [str('00200032', 'DS', `0\\0\\${z}`)]),
        seq('00289145', [str('00281052', 'DS', '0'), str('00281053', 'DS', slope), str('00281054', 'LO', 'US')]),
      ],
    ];
    const elements = ctElements({
      '00080016': str('00080016', 'UI', '1.2.840.10008.5.1.4.1.1.4.1'),
      '00200032': null,
      '00200037': null,
      '00280030': null,
      '00281052': null,
      '00281053': null,
      '00180050': null,
      '00280008': str('00280008', 'IS', '3'),
      '7FE00010': raw('7FE00010', 'OW', new Uint8Array(96)),
      '52009229': seq('52009229', [
        seq('00209116', [str('00200037', 'DS', '0\\1\\0\\0\\0\\-1')]),
        seq('00289110', [str('00280030', 'DS', '1.1\\1.2'), str('00180050', 'DS', '4')]),
      ]),
      '52009230': seq('52009230', ...[frame(10, '2'), frame(14.5, '3'), frame(19, '4')].flat()),
    });
    const meta = image(parseInstance('enh.dcm', part10(elements)));
    expect(meta.numberOfFrames).toBe(3);
    expect(meta.frames.map((f) => f.imagePositionPatient)).toEqual([[0, 0, 10], [0, 0, 14.5], [0, 0, 19]]);
    expect(meta.frames.map((f) => f.imageOrientationPatient)).toEqual(Array(3).fill([0, 1, 0, 0, 0, -1]));
    expect(meta.frames.map((f) => f.pixelSpacing)).toEqual(Array(3).fill([1.1, 1.2]));
    expect(meta.frames.map((f) => f.sliceThickness)).toEqual([4, 4, 4]);
    expect(meta.frames.map((f) => f.rescaleSlope)).toEqual([2, 3, 4]);
    expect(meta.rescaleSlope).toBe(2);
    expect(meta.rescaleType).toBe('US');
  });

  it('places legacy multi-frame (RT dose) frames with the Grid Frame Offset Vector', () => {
    const elements = ctElements({
      '00080016': str('00080016', 'UI', '1.2.840.10008.5.1.4.1.1.481.2'),
      '00280008': str('00280008', 'IS', '3'),
      '00200032': str('00200032', 'DS', '5\\6\\-700'),
      '3004000C': str('3004000C', 'DS', '-700\\-697.5\\-695'),
      '7FE00010': raw('7FE00010', 'OW', new Uint8Array(96)),
    });
    const meta = image(parseInstance('dose.dcm', part10(elements)));
    expect(meta.frames.map((f) => f.imagePositionPatient)).toEqual([[5, 6, -700], [5, 6, -697.5], [5, 6, -695]]);
  });
});

describe('parseInstance: skipped and problem files', () => {
  it('says a text file is not DICOM', () => {
    const bytes = new TextEncoder().encode('# README\nThese are test files, not images.\n'.repeat(10));
    expect(reasonOf(parseInstance('README', bytes), 'problem')).toBe('not DICOM: no DICM marker and not a readable dataset');
  });

  it('says an empty file is empty', () => {
    expect(reasonOf(parseInstance('empty.dcm', new Uint8Array()), 'problem')).toBe('empty file (0 bytes)');
  });

  it('reports a file cut inside Pixel Data with the byte counts', () => {
    const bytes = part10(ctElements());
    const reason = reasonOf(parseInstance('cut.dcm', bytes.subarray(0, bytes.length - 12)), 'problem');
    expect(reason).toBe('truncated: file ends inside element (7FE0,0010) Pixel Data: expected 32 bytes, found 20 (CT Image object)');
  });

  it('reports pixel data shorter than rows × columns × frames × bytes', () => {
    const bytes = part10(ctElements({ '7FE00010': raw('7FE00010', 'OW', new Uint8Array(16)) }));
    expect(reasonOf(parseInstance('short.dcm', bytes), 'problem')).toBe(
      'pixel data too short: 4 rows × 4 columns × 1 frame(s) × 1 sample(s) at 16 bits need 32 bytes, Pixel Data holds 16',
    );
  });

  it('reports missing Rows/Columns', () => {
    const bytes = part10(ctElements({ '00280010': null }));
    expect(reasonOf(parseInstance('norows.dcm', bytes), 'problem')).toContain('missing Rows/Columns');
  });

  it('lists the supported syntaxes for an unsupported one', () => {
    const mpeg = '1.2.840.10008.1.2.4.100';
    const bytes = part10(ctElements({ '7FE00010': null }), { transferSyntax: mpeg, trailer: encapsulated([new Uint8Array(8)]) });
    const reason = reasonOf(parseInstance('video.dcm', bytes), 'problem');
    expect(reason).toMatch(/^unsupported transfer syntax: CT Image object uses MPEG-2 \(1\.2\.840\.10008\.1\.2\.4\.100\); supported are /);
    for (const uid of ['1.2.840.10008.1.2 ', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.5', '1.2.840.10008.1.2.4.201']) {
      expect(reason).toContain(uid);
    }
  });

  it('accepts encapsulated JPEG pixel data but not fewer fragments than frames', () => {
    const jpeg = '1.2.840.10008.1.2.4.50';
    const one = part10(ctElements({ '7FE00010': null }), { transferSyntax: jpeg, trailer: encapsulated([new Uint8Array(8)]) });
    expect(image(parseInstance('one.dcm', one)).transferSyntaxUid).toBe(jpeg);
    const three = part10(ctElements({ '7FE00010': null, '00280008': str('00280008', 'IS', '3') }), {
      transferSyntax: jpeg,
      trailer: encapsulated([new Uint8Array(8)]),
    });
    expect(reasonOf(parseInstance('three.dcm', three), 'problem')).toBe(
      'frames missing: compressed Pixel Data (7FE0,0010) holds 1 fragment(s) for 3 frames',
    );
  });

  it('skips a structured report without pixel data', () => {
    const sr = '1.2.840.10008.5.1.4.1.1.88.11';
    const bytes = part10(ctElements({ '00080016': str('00080016', 'UI', sr), '7FE00010': null }), { sopClassUid: sr });
    expect(reasonOf(parseInstance('sr.dcm', bytes), 'skipped')).toBe('no Pixel Data (7FE0,0010): Basic Text SR object');
  });

  it('calls an image class without pixel data a problem', () => {
    const bytes = part10(ctElements({ '7FE00010': null }));
    expect(reasonOf(parseInstance('nopix.dcm', bytes), 'problem')).toBe('no Pixel Data (7FE0,0010): CT Image object');
  });

  it('skips a DICOMDIR with a note', () => {
    const dir = '1.2.840.10008.1.3.10';
    const bytes = part10([str('00041130', 'CS', 'DISK'), us('00041212', 0), seq('00041220', [str('00041430', 'CS', 'PATIENT')])], { sopClassUid: dir });
    expect(reasonOf(parseInstance('DICOMDIR', bytes), 'skipped')).toBe('DICOMDIR index file: the images it lists are loaded from their own files');
  });
});
