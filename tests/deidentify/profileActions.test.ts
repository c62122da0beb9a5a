import { describe, expect, it } from 'vitest';
import {
  BASIC_PROFILE_TABLE,
  deidentifyDataset,
  profileRowFor,
  shiftDicomDate,
  shiftDicomDateTime,
  type DicomDataset,
} from '../../src/deidentify';
import { testSession } from './helpers';

const str = (vr: string, value: string) => ({ vr, Value: [value] });
const pn = (name: string) => ({ vr: 'PN', Value: [{ Alphabetic: name }] });

describe('Table E.1-1 transcription', () => {
  it('holds the standard rows with their Basic Profile actions (spot checks from PS3.15 2025)', () => {
    expect(BASIC_PROFILE_TABLE.length).toBeGreaterThan(600);
    const action = (tag: string) => profileRowFor(tag)?.[1];
    expect(action('00100010')).toBe('Z'); // Patient's Name
    expect(action('00100020')).toBe('Z/D'); // Patient ID
    expect(action('00100030')).toBe('Z'); // Patient's Birth Date
    expect(action('00080050')).toBe('Z'); // Accession Number
    expect(action('00080080')).toBe('X/Z/D'); // Institution Name
    expect(action('00080018')).toBe('U'); // SOP Instance UID
    expect(action('0020000D')).toBe('U'); // Study Instance UID
    expect(action('00081140')).toBe('X/Z/U*'); // Referenced Image Sequence
    expect(action('0008103E')).toBe('X'); // Series Description
    expect(action('0040A730')).toBe('D'); // Content Sequence
    expect(action('60023000')).toBe('X'); // Overlay Data, repeating group 60xx
    expect(action('50041234')).toBe('X'); // Curve Data, 50xx
    expect(profileRowFor('00280010')).toBeUndefined(); // Rows: not identifying
    expect(profileRowFor('00080020')?.[2]).toBe(1); // Study Date: modified-dates option applies
  });
});

describe('each action of the profile on a data set', () => {
  const input: DicomDataset = {
    '00080050': str('SH', 'ACC12345'), // Z
    '00120010': str('LO', 'Sponsor Pharma'), // D
    '00080080': str('LO', 'St Elsewhere Hospital'), // X/Z/D
    '00081070': pn('Operator^Olga'), // X/Z/D
    '001021B0': str('LT', 'fell from a ladder'), // X
    '00080090': pn('Referrer^Rita'), // Z
    '00081030': str('LO', 'CT CERVICAL SPINE'), // X
    '00080018': str('UI', '1.2.3.4.5.6'), // U
    '0020000D': str('UI', '1.2.3.4.5'), // U
    '00080016': str('UI', '1.2.840.10008.5.1.4.1.1.2'), // standard UID, kept
    '00280010': { vr: 'US', Value: [512] }, // not in table: kept
    '00080020': str('DA', '20240315'), // shifted
    '0008002A': str('DT', '20240315101530.123456+0100'), // shifted, time kept
    '00100030': str('DA', '19610704'), // Z
    '00091010': str('LO', 'private secret'), // private: removed
    '00090010': str('LO', 'ACME PRIVATE CREATOR'), // private creator: removed
    '60003000': { vr: 'OW', Value: [new ArrayBuffer(8)] }, // overlay data: removed
    '00081140': { vr: 'SQ', Value: [{ '00081150': str('UI', '1.2.840.10008.5.1.4.1.1.2'), '00081155': str('UI', '1.2.3.4.5.7') }] },
    '00081111': { vr: 'SQ', Value: [{ '00081155': str('UI', '1.2.3.4.5.8') }] }, // X/Z/D sequence: removed
    '00400275': { vr: 'SQ', Value: [{ '00401001': str('SH', 'REQ1') }] }, // X sequence
  };
  const out = deidentifyDataset(input, testSession(-1000));

  it('Z: empties (Accession Number, Referring Physician, Birth Date)', () => {
    expect(out['00080050']).toEqual({ vr: 'SH', Value: [] });
    expect(out['00080090']).toEqual({ vr: 'PN', Value: [] });
    expect(out['00100030']).toEqual({ vr: 'DA', Value: [] });
  });
  it('D and X/Z/D: dummy values of the right VR', () => {
    expect(out['00120010']).toEqual({ vr: 'LO', Value: ['ANONYMOUS'] });
    expect(out['00080080']).toEqual({ vr: 'LO', Value: ['ANONYMOUS'] });
    expect(out['00081070']).toEqual({ vr: 'PN', Value: [{ Alphabetic: 'ANONYMOUS' }] });
  });
  it('X: removes (history, study description), private tags and overlays too', () => {
    for (const tag of ['001021B0', '00081030', '00091010', '00090010', '60003000', '00400275']) expect(out[tag]).toBeUndefined();
  });
  it('U: replaces instance UIDs by 2.25 UIDs, standard UIDs and other attributes kept', () => {
    expect(out['00080018']?.Value?.[0]).toMatch(/^2\.25\.\d+$/);
    expect(out['0020000D']?.Value?.[0]).toMatch(/^2\.25\.\d+$/);
    expect(out['00080018']?.Value?.[0]).not.toBe(out['0020000D']?.Value?.[0]);
    expect(out['00080016']?.Value).toEqual(['1.2.840.10008.5.1.4.1.1.2']);
    expect(out['00280010']?.Value).toEqual([512]);
  });
  it('X/Z/U*: keeps the reference sequence with its UIDs remapped; X/Z/D sequence removed', () => {
    const item = (out['00081140']?.Value?.[0] ?? {}) as DicomDataset;
    expect(item['00081150']?.Value).toEqual(['1.2.840.10008.5.1.4.1.1.2']);
    expect(item['00081155']?.Value?.[0]).toMatch(/^2\.25\./);
    expect(out['00081111']).toBeUndefined();
  });
  it('X/Z/D: a sequence that came empty stays empty (its IOD may require it, Type 2)', () => {
    const empty = deidentifyDataset({ '00081111': { vr: 'SQ', Value: [] } }, testSession());
    expect(empty['00081111']).toEqual({ vr: 'SQ', Value: [] });
  });
  it('dates shift by the session shift (1000 days back), date-times keep their time', () => {
    expect(out['00080020']?.Value).toEqual(['20210619']);
    expect(out['0008002A']?.Value).toEqual(['20210619101530.123456+0100']);
  });
  it('records the pseudonym, Patient Identity Removed and the method with codes 113100 and 113107', () => {
    expect(out['00100010']?.Value).toEqual([{ Alphabetic: 'ANONYMOUS^TEACHING CASE' }]);
    expect(out['00100020']?.Value).toEqual(['TEACHING-CASE-1']);
    expect(out['00120062']?.Value).toEqual(['YES']);
    expect(String(out['00120063']?.Value?.[0])).toContain('PS3.15 Basic Profile');
    const codes = (out['00120064']?.Value ?? []) as DicomDataset[];
    expect(codes.map((c) => c['00080100']?.Value?.[0])).toEqual(['113100', '113107']);
    expect(out['00280303']?.Value).toEqual(['MODIFIED']);
  });
  it('leaves the input untouched', () => {
    expect(input['00080050']?.Value).toEqual(['ACC12345']);
  });
});

describe('consistency across files of one session', () => {
  it('the same UID maps to the same new UID in every file; a date shift keeps intervals', () => {
    const session = testSession(-400);
    const a = deidentifyDataset({ '0020000D': str('UI', '1.2.3'), '00080020': str('DA', '20240101') }, session);
    const b = deidentifyDataset({ '0020000D': str('UI', '1.2.3'), '00080020': str('DA', '20240401') }, session);
    expect(a['0020000D']?.Value).toEqual(b['0020000D']?.Value);
    const days = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8)) / 86_400_000;
    expect(days(String(b['00080020']?.Value?.[0])) - days(String(a['00080020']?.Value?.[0]))).toBe(91);
  });
  it('shifts across month, leap day and year ends; rejects impossible dates', () => {
    expect(shiftDicomDate('20240301', -1)).toBe('20240229');
    expect(shiftDicomDate('20230101', -1)).toBe('20221231');
    expect(shiftDicomDate('20230230', 0)).toBeUndefined();
    expect(shiftDicomDateTime('2023', 5)).toBeUndefined();
  });
});
