import { execFileSync } from 'node:child_process';

/** Tags read by dcmtk's dcmdump: an independent reading of the files, not our parser's. */
export interface DumpedImage {
  file: string;
  instanceNumber: number;
  position: [number, number, number];
  orientation: number[];
  windowCenter: number;
  windowWidth: number;
}

function tag(dump: string, tagId: string): string {
  const line = dump.split('\n').find((l) => l.startsWith(`(${tagId})`));
  const value = line ? /\[(.*?)\]/.exec(line)?.[1] : undefined;
  if (value === undefined) throw new Error(`dcmdump: no (${tagId})`);
  return value;
}

export function dumpImage(file: string): DumpedImage {
  const dump = execFileSync('dcmdump', ['+P', '0020,0013', '+P', '0020,0032', '+P', '0020,0037', '+P', '0028,1050', '+P', '0028,1051', file], { encoding: 'utf8' });
  const numbers = (id: string) => tag(dump, id).split('\\').map(Number);
  return {
    file,
    instanceNumber: numbers('0020,0013')[0]!,
    position: numbers('0020,0032') as [number, number, number],
    orientation: numbers('0020,0037'),
    windowCenter: numbers('0028,1050')[0]!,
    windowWidth: numbers('0028,1051')[0]!,
  };
}

/** The images in position order along the slice normal (row × column cosines), as DICOM defines it. */
export function inPositionOrder(images: readonly DumpedImage[]): DumpedImage[] {
  const [rx, ry, rz, cx, cy, cz] = images[0]!.orientation as [number, number, number, number, number, number];
  const normal = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
  const depth = (p: number[]) => p[0]! * normal[0]! + p[1]! * normal[1]! + p[2]! * normal[2]!;
  return [...images].sort((a, b) => depth(a.position) - depth(b.position));
}

export function hasDcmdump(): boolean {
  try {
    execFileSync('dcmdump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
