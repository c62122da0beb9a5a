import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { burnedInRisk, createDeidentifySession, deidentifyFile } from '../../src/deidentify';

const cs = (value: string) => ({ vr: 'CS', Value: [value] });
const US_FILE = join(__dirname, '../../../shared/dicom-real/pydicom__pydicom-data/data_store/data/gdcm-US-ALOKA-16.dcm');

describe('burned-in annotation warning', () => {
  it('says yes when Burned In Annotation is YES, unknown when absent for a modality that burns in, no for CT', () => {
    expect(burnedInRisk({ '00280301': cs('YES'), '00080060': cs('CT') })).toBe('yes');
    expect(burnedInRisk({ '00080060': cs('US') })).toBe('unknown');
    expect(burnedInRisk({ '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.7'] }, '00080060': cs('OT') })).toBe('unknown');
    expect(burnedInRisk({ '00280301': cs('NO'), '00080060': cs('US') })).toBe('no');
    expect(burnedInRisk({ '00080060': cs('CT') })).toBe('no');
  });

  it.skipIf(!existsSync(US_FILE))('leaves a real ultrasound file out with a plain reason unless the reader opts in', () => {
    const bytes = readFileSync(US_FILE);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const refused = deidentifyFile('us.dcm', buffer, createDeidentifySession());
    expect(refused).toMatchObject({ ok: false, burnedIn: 'unknown' });
    expect(refused.ok ? '' : refused.reason).toMatch(/^us\.dcm is of a kind whose pixels often carry burned-in text/);
    expect(deidentifyFile('us.dcm', buffer, createDeidentifySession(), { includeBurnedIn: true }).ok).toBe(true);
  });

  it('refuses a file that is not DICOM with a plain reason naming it', () => {
    const result = deidentifyFile('notes.txt', new TextEncoder().encode('hello').buffer, createDeidentifySession());
    expect(result).toEqual({ ok: false, name: 'notes.txt', reason: 'notes.txt could not be read as a DICOM file, so it was left out.' });
  });
});
