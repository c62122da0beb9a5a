import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { hasSharedDicom, loadFiles, openEmpty, SHARED_SKIP_REASON, sharedPath } from './helpers';
import { fnv1a, referencePixels } from './referencePixels';

import type { DecodedStats } from '../src/testing/inspectionHooks';

/** Encodings of one image: the first is uncompressed and is checked against Node's read of the file. */
interface Family {
  name: string;
  frames: number[];
  reference: string;
  lossless: string[];
  lossy?: { file: string; meanTolerance: number }[];
  /** false where the rescale gives non-integer values, which the Node reference does not reproduce bit for bit. */
  nodeCheck?: boolean;
}

const P = 'pydicom__pydicom/src/pydicom/data/test_files';
const PD = 'pydicom__pydicom-data/data_store/data';
const CS = 'cornerstonejs__dicomParser/testImages';

const FAMILIES: Family[] = [
  {
    name: 'Siemens MR slice in 9 transfer syntaxes (dcm_qa_ts)',
    frames: [0],
    reference: 'neurolabusc__dcm_qa_ts/In/1.dcm',
    lossless: [2, 3, 4, 5, 6, 7, 8, 9].map((n) => `neurolabusc__dcm_qa_ts/In/${n}.dcm`),
  },
  {
    name: 'CT1_UNC: implicit, big endian, JPEG-LS with and without offset table',
    frames: [0],
    reference: `${CS}/CT1_UNC.explicit_little_endian.dcm`,
    lossless: [
      `${CS}/CT1_UNC.implicit_little_endian.dcm`,
      `${CS}/CT1_UNC.explicit_big_endian.dcm`,
      `${CS}/encapsulated/single-frame/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm`,
      `${CS}/encapsulated/single-frame/CT1_UNC.fragmented_no_bot_jpeg_ls.80.dcm`,
      `${CS}/encapsulated/single-frame/CT1_UNC.not_fragmented_bot_jpeg_ls.80.dcm`,
      `${CS}/encapsulated/single-frame/CT1_UNC.not_fragmented_no_bot_jpeg_ls.80.dcm`,
    ],
  },
  {
    name: 'CT0012 enhanced multi-frame (HU from functional groups): JPEG lossless, JPEG-LS, RLE, near-lossless JPEG-LS',
    frames: [0, 1],
    reference: `${CS}/encapsulated/multi-frame/CT0012.explicit_little_endian.dcm`,
    lossless: [
      `${CS}/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.57.dcm`,
      `${CS}/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm`,
      `${CS}/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm`,
      `${CS}/encapsulated/multi-frame/CT0012.not_fragmented_bot_jpeg_ls.80.dcm`,
      `${CS}/encapsulated/multi-frame/CT0012.not_fragmented_no_bot_jpeg_ls.80.dcm`,
      `${CS}/encapsulated/multi-frame/CT0012.not_fragmented_bot_rle.dcm`,
      `${CS}/encapsulated/multi-frame/CT0012.not_fragmented_no_bot_rle.dcm`,
    ],
    lossy: [
      { file: `${CS}/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.81.dcm`, meanTolerance: 2 },
    ],
  },
  {
    name: 'MR_small: RLE, big endian, implicit, JPEG 2000 lossless, JPEG-LS',
    frames: [0],
    reference: `${P}/MR_small.dcm`,
    lossless: [`${P}/MR_small_RLE.dcm`, `${P}/MR_small_bigendian.dcm`, `${P}/MR_small_implicit.dcm`, `${P}/MR_small_jp2klossless.dcm`, `${P}/MR_small_jpeg_ls_lossless.dcm`],
  },
  {
    name: 'emri_small 10-frame MR: RLE, big endian, JPEG 2000, JPEG-LS',
    frames: [0, 9],
    reference: `${PD}/emri_small.dcm`,
    lossless: [`${PD}/emri_small_RLE.dcm`, `${PD}/emri_small_big_endian.dcm`, `${PD}/emri_small_jpeg_2k_lossless.dcm`, `${PD}/emri_small_jpeg_ls_lossless.dcm`],
  },
  {
    name: 'JPEG 2000 lossless and lossy MR (rescale slope 3.774)',
    frames: [0],
    reference: `${PD}/MR2_UNCR.dcm`,
    lossless: [`${PD}/MR2_J2KR.dcm`],
    lossy: [{ file: `${PD}/MR2_J2KI.dcm`, meanTolerance: 20 }],
    nodeCheck: false,
  },
  {
    name: 'JPEG baseline 8-bit colour (YBR_FULL) against its uncompressed RGB original',
    frames: [0],
    reference: `${CS}/encapsulated/multi-frame/IM00001.implicit_little_endian.dcm`,
    lossless: [],
    lossy: [{ file: `${CS}/encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm`, meanTolerance: 3 }],
  },
  {
    name: 'Deflated explicit VR little endian, checked against zlib in Node',
    frames: [0],
    reference: `${P}/image_dfl.dcm`,
    lossless: [],
  },
  {
    name: 'JPEG 2000 lossless (693)',
    frames: [0],
    reference: `${PD}/693_UNCR.dcm`,
    lossless: [`${PD}/693_J2KR.dcm`],
  },
];

/**
 * Decodes frames of one file in a fresh page: encodings of one image share a SOP Instance UID,
 * and the viewer (rightly) loads a repeated UID only once.
 */
async function decodeAlone(page: Page, file: string, frames: number[]): Promise<DecodedStats[]> {
  await openEmpty(page);
  await loadFiles(page, [sharedPath(file)]);
  await expect(page.getByTestId('import-problem')).toHaveCount(0);
  const name = path.basename(file);
  const out: DecodedStats[] = [];
  for (const frame of frames) {
    out.push(
      await page.evaluate(
        ([n, f]) => (window as unknown as { __spinelens: { decode(n: string, f: number): Promise<DecodedStats> } }).__spinelens.decode(n, f),
        [name, frame] as const,
      ),
    );
  }
  return out;
}

test('12-bit JPEG Extended with a rescale is refused with a reason, not shown with wrong HU', async ({ page }) => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);
  await openEmpty(page);
  await loadFiles(page, [sharedPath(`${CS}/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm`)]);
  await expect(page.getByTestId('import-problem')).toHaveCount(1);
  await expect(page.getByTestId('import-problem')).toContainText('JPEG Extended (12-bit)');
});

test.describe('every transfer syntax decodes to the right pixel values', () => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);

  for (const family of FAMILIES) {
    test(family.name, async ({ page }) => {
      const references = await decodeAlone(page, family.reference, family.frames);
      for (const [i, frame] of family.frames.entries()) {
        const reference = references[i]!;
        if (family.nodeCheck !== false) {
          const expected = referencePixels(sharedPath(family.reference), frame, reference.preScaled);
          expect(reference.length).toBe(expected.length);
          expect(reference.hash, `${family.reference} frame ${frame} against Node's read of the file`).toBe(fnv1a(expected));
        }
        expect(reference.max).toBeGreaterThan(reference.min);
      }
      for (const file of family.lossless) {
        const decoded = await decodeAlone(page, file, family.frames);
        for (const [i, frame] of family.frames.entries()) {
          expect(decoded[i]!.hash, `${file} frame ${frame} must equal the uncompressed image`).toBe(references[i]!.hash);
        }
      }
      for (const { file, meanTolerance } of family.lossy ?? []) {
        const decoded = await decodeAlone(page, file, family.frames);
        for (const [i, frame] of family.frames.entries()) {
          expect(decoded[i]!.length).toBe(references[i]!.length);
          expect(Math.abs(decoded[i]!.mean - references[i]!.mean), `${file} frame ${frame} mean`).toBeLessThan(meanTolerance);
          expect(decoded[i]!.max).toBeGreaterThan(decoded[i]!.min);
        }
      }
    });
  }
});
