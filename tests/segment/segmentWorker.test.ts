import { describe, expect, it } from 'vitest';
import { pasteMask, regionGrow } from '../../src/segment/core';
import type { SegmentRequest } from '../../src/features/segmentation/worker/segmentMessages';
import { createSegmentClient } from '../../src/features/segmentation/worker/segmentClient';
import { createSegmentHandler } from '../../src/features/segmentation/worker/segmentWorkerHandler';
import { insideEllipsoid, makeGrid, volumeFrom } from './synthetic';

/** In-process stand-in for a Worker: structured-clones messages (with transfer) and runs the real handler. */
class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  received: SegmentRequest[] = [];
  terminated = false;
  private readonly handle = createSegmentHandler();

  postMessage(message: SegmentRequest, transfer: Transferable[] = []): void {
    const copy = structuredClone(message, { transfer: transfer as Transferable[] });
    this.received.push(copy);
    setTimeout(() => {
      const { response, transfer: back } = this.handle(copy);
      this.onmessage?.({ data: structuredClone(response, { transfer: back }) });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('segmentation worker protocol', () => {
  const g = makeGrid([40, 36, 20], [0.8, 0.8, 2]);
  const inside = insideEllipsoid([16, 14, 20], 9, 7, 12);
  const s = volumeFrom(g, (n) => new Int16Array(n), (p) => (inside(p) ? 150 : 40));

  it('client → handler → client gives the same labelmap as the core, sending the volume once', async () => {
    const fake = new FakeWorker();
    const client = createSegmentClient(() => fake as unknown as Worker);
    const direct = regionGrow(s, g, [20, 17, 10]);
    const r1 = await client.regionGrow(s, g, [20, 17, 10]);
    const r2 = await client.regionGrow(s, g, [19, 18, 10], { tolerance: 5 });
    expect(r1.voxelCount).toBe(direct.voxelCount);
    expect(r2.voxelCount).toBe(direct.voxelCount);
    const labelmap = new Uint8Array(s.length);
    pasteMask(labelmap, g, r1.bounds!, r1.mask, 4);
    expect(Buffer.from(labelmap.map((v) => (v === 4 ? 1 : 0))).equals(Buffer.from(direct.labelmap))).toBe(true);
    expect(fake.received[0]!.scalars).toBeDefined();
    expect(fake.received[1]!.scalars).toBeUndefined();
    expect(s[0]).toBe(40); // the caller's volume is copied, not transferred away
    client.dispose();
    expect(fake.terminated).toBe(true);
    await expect(client.regionGrow(s, g, [20, 17, 10])).rejects.toThrow(/disposed/);
  });

  it('errors come back as rejected promises', async () => {
    const client = createSegmentClient(() => new FakeWorker() as unknown as Worker);
    await expect(client.regionGrow(s, g, [99, 0, 0])).rejects.toThrow(/outside/);
    client.dispose();
  });
});
