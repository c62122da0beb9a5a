// The production build must carry no test hooks: builds it and looks for every hook name in the output.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const outDir = 'dist-prod-check';
const hookNames = ['__spinelens', 'annotationUids', 'sliceCounts', 'pageToWorld', 'worldToPage', 'viewportInfo'];

execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], { stdio: 'inherit' });
const files = readdirSync(outDir, { recursive: true })
  .map((f) => path.join(outDir, String(f)))
  .filter((f) => /\.(js|mjs|html)$/.test(f));
const found = files.flatMap((f) => {
  const text = readFileSync(f, 'utf8');
  return hookNames.filter((name) => text.includes(name)).map((name) => `${name} in ${f}`);
});
rmSync(outDir, { recursive: true, force: true });
if (found.length > 0) {
  console.error(`The production build contains test hooks:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log(`Production build: ${files.length} files, no test hook (${hookNames.length} names checked).`);
