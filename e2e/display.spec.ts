import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesIn, hasSharedDicom, loadFiles, openEmpty, openSample, pageAt, SHARED_SKIP_REASON, sharedPath, showSeries, viewportPixelStats, type Vec3 } from './helpers';
import { dumpImage, hasDcmdump, inPositionOrder, type DumpedImage } from './displayTruth';

const MR_DIR = 'neurolabusc__dcm_qa_decubitus/In/HFS/3_t1_fl2d_sag';
const CT_DIR = 'neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010';

/** What the overlay must say for an acquired image: its Instance Number, its place in the stack beside it when they differ. */
function imageText(image: DumpedImage, place: number, count: number): string {
  return image.instanceNumber === place ? `Im ${place}/${count}` : `Im ${image.instanceNumber} · ${place}/${count}`;
}

/** One decimal, and 0.0 for a value that rounds to zero from below (a reading-room overlay never says "-0.0"). */
const oneDecimal = (mm: number) => (Math.round(mm * 10) === 0 ? 0 : mm).toFixed(1);

const slice = (viewport: Locator) => viewport.getByTestId('overlay-slice');

async function placeInStack(viewport: Locator): Promise<number> {
  const text = (await slice(viewport).textContent()) ?? '';
  const match = /(\d+)\/\d+$/.exec(text);
  if (!match) throw new Error(`no place in "${text}"`);
  return Number(match[1]);
}

test.describe('what the overlay says is what the files say (real files, read by dcmdump)', () => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);
  test.skip(!hasDcmdump(), 'dcmdump (dcmtk) not installed: the independent reading of the tags is missing');

  test('Im is the Instance Number of the image on screen, with its place in the stack; W/L and Loc are that file’s', async ({ page }) => {
    const files = filesIn(sharedPath(MR_DIR));
    const ordered = inPositionOrder(files.map(dumpImage));
    // This series is stored right to left: position order runs against instance order, so the two numbers differ.
    expect(ordered[0]!.instanceNumber).not.toBe(1);
    await openEmpty(page);
    await loadFiles(page, files);
    await showSeries(page, 't1_fl2d_sag');
    await page.getByTestId('mode-stack').click();
    const viewport = page.getByTestId('viewport-0');
    await expect(viewport).toContainText('MR · Stack');

    const place = await placeInStack(viewport);
    const shown = ordered[place - 1]!;
    await expect(slice(viewport)).toHaveText(imageText(shown, place, 35));
    // The first window shown is the file's own (0028,1051)/(0028,1050), to the unit.
    await expect(viewport.getByTestId('overlay-wl')).toHaveText(`W ${shown.windowWidth} L ${shown.windowCenter}`);
    // A sagittal slice's location is its x (left +), the file's Image Position.
    await expect(viewport.getByTestId('overlay-location')).toHaveText(`Loc L ${oneDecimal(shown.position[0])} mm`);

    await page.keyboard.press('Home');
    await expect(slice(viewport)).toHaveText(imageText(ordered[0]!, 1, 35));
    await page.keyboard.press('End');
    await expect(slice(viewport)).toHaveText(imageText(ordered[34]!, 35, 35));
    await page.keyboard.press('ArrowUp');
    await expect(slice(viewport)).toHaveText(imageText(ordered[33]!, 34, 35));

    // Sagittal MPR of a sagittal acquisition shows acquired planes: the same Instance Number and Loc as that file.
    await page.getByTestId('mode-sagittal').click();
    await expect(viewport).toContainText('MR · MPR sagittal');
    await expect(slice(viewport)).toHaveText(/^Im \d+/);
    const mprPlace = await placeInStack(viewport);
    const mprShown = ordered[mprPlace - 1]!;
    await expect(slice(viewport)).toHaveText(imageText(mprShown, mprPlace, 35));
    await expect(viewport.getByTestId('overlay-location')).toHaveText(`Loc L ${oneDecimal(mprShown.position[0])} mm`);
    // An axial plane of it cuts across the acquired images: numbered as a reconstruction, never as an image.
    await page.getByTestId('mode-axial').click();
    await expect(slice(viewport)).toHaveText(/^Slice \d+\/\d+$/);
  });

  test('a series that is not a volume (a gap, a single image) offers no MPR, says why, and never says MPR', async ({ page }) => {
    const ct = filesIn(sharedPath(CT_DIR)).filter((f) => !/I140$/.test(f));
    const scout = sharedPath('neurolabusc__dcm_qa_ct/In/Philips/S21570/S1000/I10');
    await openEmpty(page);
    await loadFiles(page, [...ct, scout]);
    const viewport = page.getByTestId('viewport-0');

    await showSeries(page, 'STD BRAIN 5MM');
    for (const m of ['axial', 'sagittal', 'coronal']) {
      await expect(page.getByTestId(`mode-${m}`)).toBeDisabled();
      await expect(page.getByTestId(`mode-${m}`)).toHaveAttribute('title', /gap of 10\.0 mm.*missing/);
    }
    await expect(viewport).toContainText('CT · Stack');
    // The MPR key is refused too: still the acquired slices, and the overlay never says MPR.
    await page.keyboard.press('Alt+3');
    await expect(viewport).toContainText('CT · Stack');
    await expect(viewport.getByTestId('viewport-overlay')).not.toContainText('MPR');
    await expect(slice(viewport)).toHaveText(/^Im \d+ · \d+\/27$|^Im \d+\/27$/);

    await showSeries(page, /SCOUT|SURVEY|^(?!.*STD BRAIN)/);
    await expect(page.getByTestId('mode-sagittal')).toBeDisabled();
    await expect(page.getByTestId('mode-sagittal')).toHaveAttribute('title', /single image/);
    await expect(viewport.getByTestId('viewport-overlay')).not.toContainText('MPR');
  });
});

test.describe('the sample case', () => {
  test.skip(!hasDcmdump(), 'dcmdump (dcmtk) not installed: the independent reading of the tags is missing');

  test('first W/L is the file’s, Loc never reads -0.0, presets follow the modality, W/L kept across Stack and MPR', async ({ page }) => {
    const mr = dumpImage('sample-dicom/baseline/mr/IM0001.dcm');
    const ct = dumpImage('sample-dicom/baseline/ct/IM0001.dcm');
    await openSample(page);
    const left = page.getByTestId('viewport-0');
    await expect(left.getByTestId('overlay-wl')).toHaveText(`W ${mr.windowWidth} L ${mr.windowCenter}`);
    await expect(left.getByTestId('overlay-location')).not.toContainText('-0.0');
    await expect(left.getByTestId('overlay-location')).toHaveText(/^Loc L -?\d+\.\d mm$/);

    // MR presets: from the file, tissue windows for spine and brain, auto; no CT windows in HU.
    const presets = page.getByTestId('preset-select');
    await expect(presets).toContainText('Spine T1/T2');
    await expect(presets).toContainText('Brain T1/T2');
    await expect(presets).toContainText('From file');
    await expect(presets).toContainText('Auto');
    await expect(presets).not.toContainText('Lung');
    await page.keyboard.press('1');
    await expect(left.getByTestId('overlay-wl')).not.toHaveText(`W ${mr.windowWidth} L ${mr.windowCenter}`);
    await page.keyboard.press('5');
    await expect(left.getByTestId('overlay-wl')).toHaveText(`W ${mr.windowWidth} L ${mr.windowCenter}`);

    await page.getByTestId('series-item').filter({ hasText: 'C-SPINE AXIAL' }).click();
    await expect(left).toContainText('CT · MPR sagittal');
    // A sagittal plane of an axial CT is a reconstruction: no image of the PACS has its number.
    await expect(slice(left)).toHaveText(/^Slice \d+\/256$/);
    await expect(left.getByTestId('overlay-wl')).toHaveText(`W ${ct.windowWidth} L ${ct.windowCenter}`);
    await expect(presets).toContainText('Spine: discs and canal (W 250 L 50)');
    await expect(presets).toContainText('Bone (W 2000 L 500)');
    await presets.selectOption({ label: 'Spine: discs and canal (W 250 L 50) (3)' });
    await expect(left.getByTestId('overlay-wl')).toHaveText('W 250 L 50');
    await page.keyboard.press('2');
    await expect(left.getByTestId('overlay-wl')).toHaveText('W 2000 L 500');
    await page.getByTestId('mode-stack').click();
    await expect(left).toContainText('CT · Stack');
    await expect(left.getByTestId('overlay-wl')).toHaveText('W 2000 L 500');
    await page.getByTestId('mode-axial').click();
    await expect(left).toContainText('CT · MPR axial');
    await expect(left.getByTestId('overlay-wl')).toHaveText('W 2000 L 500');
    // Axial planes of the axial CT are its acquired images: numbered as the files are.
    await expect(slice(left)).toHaveText(/^Im \d+( · \d+)?\/73$/);
  });

  test('while the sample loads, the browser and the viewports say "Opening…", never "No images loaded"', async ({ page }) => {
    // What each painted frame says (sampled before every paint), from the first one on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __emptyTexts: string[] }).__emptyTexts = seen;
      const look = () => {
        const text = document.body?.innerText ?? '';
        for (const phrase of ['No images loaded', 'Choose a series']) if (text.includes(phrase) && !seen.includes(phrase)) seen.push(phrase);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.dcm', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('/');
    await expect(page.getByTestId('study-browser-opening')).toContainText('Opening…');
    await expect(page.getByTestId('viewport-0')).toContainText('Opening…');
    release();
    for (const slot of [0, 1]) await expect(page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __emptyTexts: string[] }).__emptyTexts)).toEqual([]);
  });

  test('Lesions, Segment and Timeline open from the toolbar; at 1280×800 with a panel open the overlay lines never collide', async ({ page }) => {
    await openSample(page);
    for (const [panel, label] of [['lesions', 'Lesions'], ['segmentation', 'Segment'], ['timeline', 'Timeline']] as const) {
      const button = page.getByRole('toolbar').getByRole('button', { name: label, exact: true });
      await button.click();
      await expect(page.getByTestId(`panel-${panel}`)).toBeVisible();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await expectNoOverlayCollision(page);
      await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? 'test-results'}/display-panel-${panel}.png` });
    }
    await page.getByRole('toolbar').getByRole('button', { name: 'Timeline', exact: true }).click();
    await expect(page.getByTestId('panel-timeline')).toHaveCount(0);
    await expect(page.getByTestId('measurements-toggle')).toHaveText('0 measurements');
    await expect(page.getByTestId('lesions-count')).toHaveText('0 lesions');
    await expect(page.getByTestId('problems-toggle')).toHaveText('All files loaded');
  });
});

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<'baseline' | 'followup', { series: Record<string, { vertebralBodyCentres: Record<string, Vec3>; grid: { firstImagePosition: Vec3; lastImagePosition: Vec3 } }> }>;
};
const ctCentres = truth.timepoints.baseline.series['baseline-ct']!.vertebralBodyCentres;

test('vertebral labels are drawn on the slices through their vertebra only: on axial CT, C2, C3 and C4 never pile up', async ({ page }) => {
  await openSample(page);
  const viewport = page.getByTestId('viewport-0');
  // Labelled on the baseline MR, sagittal; the CT of the same study shares its patient coordinates.
  await page.getByTestId('panel-button-lesions').click();
  const panel = page.getByTestId('measurement-panel');
  await page.getByTestId('tool-VertebraLabel').click();
  await expect(page.getByTestId('tool-VertebraLabel')).toHaveAttribute('aria-pressed', 'true');
  await panel.getByTestId('next-vertebra').selectOption('C2');
  for (const [level, next] of [['C2', 'C3'], ['C3', 'C4'], ['C4', 'C5']] as const) {
    await page.mouse.click(...(await pageAt(page, 0, ctCentres[level]!)));
    await expect(panel.getByTestId('next-vertebra')).toHaveValue(next);
  }
  // The mid-sagittal plane passes through all three bodies.
  await expect(viewport.getByTestId('vertebra-label')).toHaveCount(3);

  await page.getByTestId('series-item').filter({ hasText: 'C-SPINE AXIAL' }).click();
  await expect(viewport).toContainText('CT · MPR sagittal');
  await expect(viewport.getByTestId('vertebra-label')).toHaveCount(3);
  await page.getByTestId('mode-axial').click();
  await expect(viewport).toContainText('CT · MPR axial');
  for (const level of ['C2', 'C3', 'C4']) {
    await pageAt(page, 0, ctCentres[level]!);
    await expect(viewport.getByTestId('vertebra-label')).toHaveCount(1);
    await expect(viewport.getByTestId('vertebra-label')).toHaveText(level);
  }
  // Half-way between C2 (z 19.5) and C3 (z 0), 9.75 mm from both: neither is drawn.
  await pageAt(page, 0, [0, -7, 9.75]);
  await expect(viewport.getByTestId('vertebra-label')).toHaveCount(0);
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? 'test-results'}/display-labels-axial.png` });
});

test('compare before alignment never scrolls a viewport off its volume: it stops at its last slice', async ({ page }) => {
  await openSample(page);
  const left = page.getByTestId('viewport-0');
  const right = page.getByTestId('viewport-1');
  await page.keyboard.press('c');
  await expect(page.getByTestId('alignment-status')).toHaveText('Not aligned: place labels in both studies');
  // The CT reaches 63.75 mm to either side, the follow-up MR 27 mm: scrolling the CT to its edge drags the MR with it.
  await page.getByTestId('series-item').filter({ hasText: 'C-SPINE AXIAL' }).click();
  await expect(left).toContainText('CT · MPR sagittal');
  await left.click({ position: { x: 5, y: 5 } });
  // The follow-up MR's outer slices, from the ground truth (x of its first and last Image Position).
  const followupGrid = truth.timepoints.followup.series['followup-mr']!.grid;
  const edges = [['End', followupGrid.lastImagePosition[0]], ['Home', followupGrid.firstImagePosition[0]]] as const;
  for (const [key, x] of edges) {
    const mm = x.toFixed(1);
    await page.keyboard.press(key);
    await expect(right.getByTestId('overlay-location')).toHaveText(new RegExp(`^Loc L ${mm} mm$`));
    await expect(right.getByTestId('overlay-slice')).not.toHaveText('outside this series');
    await expect(right.getByTestId('overlay-slice')).toHaveText(/^Im \d+/);
    expect((await viewportPixelStats(page, 1)).sd).toBeGreaterThan(3);
  }
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? 'test-results'}/display-compare-edge.png` });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every corner text and orientation letter of every viewport: inside its viewport, none over another. */
async function expectNoOverlayCollision(page: Page): Promise<void> {
  for (const slot of [0, 1]) {
    const viewport = page.getByTestId(`viewport-${slot}`);
    const pane = (await viewport.boundingBox())!;
    const boxes: { name: string; box: Box }[] = [];
    for (const line of await viewport.locator('.corner > div, .marker').all()) {
      const box = await line.boundingBox();
      if (box && box.width > 0) boxes.push({ name: (await line.textContent()) ?? '', box });
    }
    expect(boxes.length).toBeGreaterThan(8);
    for (const { name, box } of boxes) {
      expect(box.x, `${name} inside viewport ${slot}`).toBeGreaterThanOrEqual(pane.x - 0.5);
      expect(box.x + box.width, `${name} inside viewport ${slot}`).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i]!.box, boxes[j]!.box), `"${boxes[i]!.name}" over "${boxes[j]!.name}" in viewport ${slot}`).toBe(false);
  }
}
