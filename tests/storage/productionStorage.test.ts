import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const storageDir = path.resolve(__dirname, '../../src/storage');

describe('production storage code', () => {
  it('carries no test-only behaviour (holding other tabs\' saves lives in src/testing)', () => {
    const offending = readdirSync(storageDir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /holdOtherTabsSaves|test builds? only/i.test(readFileSync(path.join(storageDir, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});
