import { describe, expect, it } from 'vitest';
import { decideVolumeBudget, estimateVolume, type RenderLimits, type VolumeShape } from '../../src/dicom/volumeBudget';

const GB = 1024 ** 3;
// Headless Chromium's SwiftShader here: 3D textures up to 2048 per side, no norm16.
const SWIFTSHADER: RenderLimits = { max3DTextureSize: 2048, norm16Textures: false, memoryBudgetBytes: 3 * GB };
const ct = (slices: number, size = 512): VolumeShape => ({
  columns: size,
  rows: size,
  slices,
  bitsAllocated: 16,
  samplesPerPixel: 1,
  floatAfterRescale: false,
});

describe('volume memory estimate', () => {
  it('counts 2 bytes a voxel for int16 and a 4-byte float texture without norm16', () => {
    const e = estimateVolume(ct(300), SWIFTSHADER);
    expect(e.voxels).toBe(512 * 512 * 300);
    expect(e.scalarBytes).toBe(157_286_400); // 512·512·300·2
    expect(e.textureBytes).toBe(314_572_800);
  });

  it('keeps the texture at 2 bytes when the GPU has norm16, and uses float32 for fractional rescale', () => {
    expect(estimateVolume(ct(300), { norm16Textures: true }).textureBytes).toBe(157_286_400);
    const pet = { ...ct(300), floatAfterRescale: true };
    expect(estimateVolume(pet, { norm16Textures: true }).scalarBytes).toBe(314_572_800);
  });

  it('counts 8-bit RGB as 3 bytes a voxel', () => {
    const rgb = { ...ct(10, 100), bitsAllocated: 8, samplesPerPixel: 3 };
    expect(estimateVolume(rgb, SWIFTSHADER).scalarBytes).toBe(100 * 100 * 10 * 3);
  });
});

describe('MPR budget decision', () => {
  it('allows MPR up to the 3D texture depth and refuses one slice more, naming both numbers', () => {
    expect(decideVolumeBudget(ct(2048, 64), SWIFTSHADER).kind).toBe('mpr');
    const tall = decideVolumeBudget(ct(2049, 64), SWIFTSHADER);
    expect(tall.kind).toBe('stackOnly');
    expect(tall.kind === 'stackOnly' && tall.reason).toMatch(/2,049 slices.*limit of 2,048.*stack only/);
  });

  it('refuses images wider than the texture limit', () => {
    expect(decideVolumeBudget(ct(10, 4096), SWIFTSHADER).kind).toBe('stackOnly');
  });

  it('refuses a volume whose scalars and texture exceed the memory budget, with the size in MB', () => {
    // 1,000 slices of 512²: 500 MB of int16 + 1,000 MB of float texture = 1,500 MB.
    expect(decideVolumeBudget(ct(1000), SWIFTSHADER).kind).toBe('mpr');
    const small = decideVolumeBudget(ct(1000), { ...SWIFTSHADER, memoryBudgetBytes: GB });
    expect(small.kind).toBe('stackOnly');
    expect(small.kind === 'stackOnly' && small.reason).toMatch(/about 1,500 MB.*1,024 MB/);
  });
});
