/** A dummy value consistent with the VR (PS3.15 action D), as a dcmjs Value array. */
export function dummyValue(vr: string): unknown[] {
  switch (vr) {
    case 'PN':
      return [{ Alphabetic: 'ANONYMOUS' }];
    case 'AE':
    case 'CS':
    case 'LO':
    case 'SH':
    case 'LT':
    case 'ST':
    case 'UT':
    case 'UC':
      return ['ANONYMOUS'];
    case 'DA':
      return ['19000101'];
    case 'DT':
      return ['19000101000000'];
    case 'TM':
      return ['000000'];
    case 'AS':
      return ['000D'];
    case 'IS':
    case 'DS':
      return ['0'];
    case 'US':
    case 'SS':
    case 'UL':
    case 'SL':
    case 'FL':
    case 'FD':
      return [0];
    default:
      return [];
  }
}
