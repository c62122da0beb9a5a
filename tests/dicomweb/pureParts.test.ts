import { describe, expect, it } from 'vitest';
import { parseSavedServers, serverUrlProblem, withServer } from '../../src/features/dicomweb/core/serverList';
import { searchProblem, studyQueryParams } from '../../src/features/dicomweb/core/studySearch';
import { retrievalOrder } from '../../src/features/dicomweb/core/studySources';

describe('study search', () => {
  it('sends QIDO date ranges, prefix names and modality as the standard spells them', () => {
    const params = studyQueryParams({ patientName: 'smith', dateFrom: '2026-01-01', modality: 'mr' });
    expect(params.get('PatientName')).toBe('smith*');
    expect(params.get('StudyDate')).toBe('20260101-');
    expect(params.get('ModalitiesInStudy')).toBe('MR');
    expect(studyQueryParams({ patientName: 'SM?TH', dateTo: '2026-02-03' }).get('PatientName')).toBe('SM?TH');
    expect(studyQueryParams({ dateTo: '2026-02-03' }).get('StudyDate')).toBe('-20260203');
  });
  it('names a reversed or malformed date range', () => {
    expect(searchProblem({ dateFrom: '2026-05-01', dateTo: '2026-01-01' })).toMatch(/From date is after/);
    expect(searchProblem({ dateFrom: '5/1/2026' })).toMatch(/not a date/);
    expect(searchProblem({ dateFrom: '2026-01-01', dateTo: '2026-01-01' })).toBeNull();
  });
});

describe('server list', () => {
  it('accepts this origin paths and http(s) roots, refuses others and passwords in the address', () => {
    expect(serverUrlProblem('/pacs')).toBeNull();
    expect(serverUrlProblem('https://pacs.example.org/dicom-web')).toBeNull();
    expect(serverUrlProblem('pacs.example.org')).toMatch(/not a web address/);
    expect(serverUrlProblem('ftp://pacs')).toMatch(/http or https/);
    expect(serverUrlProblem('https://u:p@pacs')).toMatch(/no user or password/);
  });
  it('adds by address once, renaming, and drops invalid saved entries', () => {
    const one = withServer([], { name: '', url: '/pacs/' });
    expect(one).toEqual([{ name: 'This site /pacs', url: '/pacs' }]);
    const renamed = withServer(one, { name: 'Main', url: '/pacs' });
    expect(renamed).toEqual([{ name: 'Main', url: '/pacs' }]);
    expect(withServer(renamed, { name: '', url: '/pacs' })).toEqual([{ name: 'Main', url: '/pacs' }]);
    expect(parseSavedServers('[{"name":"a","url":"/x"},{"name":"b","url":"nope"},3]')).toEqual([{ name: 'a', url: '/x' }]);
    expect(parseSavedServers('not json')).toEqual([]);
  });
});

describe('middle slice first', () => {
  it('starts with the middle of the largest series, then the rest of it, then the smaller series, each from its middle', () => {
    const ref = (series: string, n: number) => ({ studyInstanceUid: 's', seriesInstanceUid: series, sopInstanceUid: `${series}${n}`, instanceNumber: n, modality: 'CT' });
    const refs = [ref('scout', 1), ref('sr', 1), ...[1, 2, 3, 4, 5, 6, 7].map((n) => ref('axial', n)), ...[1, 2, 3].map((n) => ref('sag', n))];
    expect(retrievalOrder(refs).map((r) => r.sopInstanceUid)).toEqual(['axial4', 'axial5', 'axial3', 'axial6', 'axial2', 'axial7', 'axial1', 'sag2', 'sag3', 'sag1', 'scout1', 'sr1']);
  });
  it('orders each series from its middle instance outwards', () => {
    const refs = [5, 1, 3, 2, 4].map((n) => ({ studyInstanceUid: 's', seriesInstanceUid: 'a', sopInstanceUid: `i${n}`, instanceNumber: n, modality: 'MR' }));
    expect(retrievalOrder(refs).map((r) => r.instanceNumber)).toEqual([3, 4, 2, 5, 1]);
  });
});
