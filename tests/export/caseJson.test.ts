import { describe, expect, it } from 'vitest';
import { createDeidentifySession } from '../../src/deidentify';
import { caseFile, caseJson, deidentifyCase, measurementRows, parseCaseJson } from '../../src/export';
import { lesionSummary } from '../../src/lesions';
import { BASE_UID, FOLLOW_UID, sampleContext, sampleState } from './fixtures';

describe('JSON case file', () => {
  const file = caseFile(sampleState(), sampleContext, new Date('2024-05-01T12:00:00Z'));

  it('round-trips: the imported case equals the exported one, value by value', () => {
    const text = caseJson(file);
    const back = parseCaseJson(text, 'case.json');
    if (!back.ok) throw new Error(back.reason);
    expect(back.file).toEqual(file);
    expect(lesionSummary(back.file.state, 'lesion-1', BASE_UID)).toEqual(lesionSummary(file.state, 'lesion-1', BASE_UID));
    expect(measurementRows(back.file.state, back.file.context)).toEqual(measurementRows(file.state, file.context));
  });

  it('records the versions of the case envelope and of the saved-state schema', () => {
    const raw = JSON.parse(caseJson(file)) as Record<string, unknown>;
    expect(raw).toMatchObject({ format: 'spinelens-case', formatVersion: 1, stateVersion: 1 });
  });

  it('refuses other files with a plain reason naming the file', () => {
    expect(parseCaseJson('not json', 'notes.txt')).toEqual({ ok: false, reason: 'notes.txt is not a JSON file.' });
    expect(parseCaseJson('{"a":1}', 'other.json')).toMatchObject({ ok: false, reason: expect.stringContaining('other.json is not a SpineLens case') });
    const broken = JSON.parse(caseJson(file)) as { state: { measurements: unknown[] } };
    broken.state.measurements.push({ kind: 'length' });
    expect(parseCaseJson(JSON.stringify(broken), 'broken.json')).toMatchObject({ ok: false, reason: expect.stringContaining('broken.json: The saved SpineLens state is invalid') });
  });

  it('de-identified: UIDs through the images\' map, dates shifted, patient replaced, values unchanged', () => {
    const session = createDeidentifySession({ dayShift: -100 });
    const baseUidInImages = session.uids.remap(BASE_UID);
    const out = deidentifyCase(file, session);
    const text = caseJson(out);
    for (const secret of [BASE_UID, FOLLOW_UID, 'Doe^Jane', 'PID-0042', '20240110', '20240410', 'MR C-SPINE']) expect(text).not.toContain(secret);
    expect(out.state.baselineStudyUid).toBe(baseUidInImages);
    expect(out.context.studies.map((s) => s.date).sort()).toEqual(['20231002', '20240101']);
    const values = (rows: ReturnType<typeof measurementRows>) => rows.map((r) => [r.timepoint, r.kind, r.value, r.unit]);
    expect(values(measurementRows(out.state, out.context))).toEqual(values(measurementRows(file.state, file.context)));
    expect(parseCaseJson(text, 'teaching.json').ok).toBe(true);
  });
});
