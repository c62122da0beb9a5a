import { execFileSync, spawnSync } from 'node:child_process';

/** Whether a command-line tool is on the PATH (dciodvfy, dcmdump, dsrdump). */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** dciodvfy's error lines for a file (warnings ignored). */
export function dciodvfyErrors(path: string): string[] {
  const result = spawnSync('dciodvfy', [path], { encoding: 'utf8' });
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.startsWith('Error'));
}

/** One attribute's value as dcmtk's dcmdump reads it (an independent parser). */
export function dcmdumpValue(path: string, keyword: string): string {
  return execFileSync('dcmdump', ['+P', keyword, '-q', path], { encoding: 'utf8' }).trim();
}
