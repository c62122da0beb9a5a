import type { GroundTruth, SeriesTruth } from './groundTruth';
import { SERIES } from './protocol';
import { CT_HU, MR_T2, TISSUE_NAMES } from './tissues';

const fmt = (v: readonly number[]): string => `(${v.map((x) => x.toFixed(1)).join(', ')})`;

const tableRow = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;

function seriesRow(s: SeriesTruth): string {
  const g = s.grid;
  return tableRow([
    `\`${s.directory}/\``,
    s.modality,
    s.seriesDescription,
    s.images,
    `${g.columns}×${g.rows}`,
    `${g.pixelSpacing[0]} mm`,
    `${g.sliceSpacing} mm`,
    `\`${g.imageOrientationPatient.join('\\')}\``,
  ]);
}

function lesionRows(gt: GroundTruth): string {
  const rows: string[] = [];
  for (const [tp, t] of Object.entries(gt.timepoints)) {
    for (const [id, s] of Object.entries(t.series)) {
      const d = s.lesion.diameters;
      rows.push(
        tableRow([
          tp,
          id,
          t.lesion.volumeMl,
          [d.lr, d.ap, d.si].map((x) => x.lengthMm.toFixed(1)).join(' × '),
          s.lesion.boundingBox.size.map((x) => x.toFixed(1)).join(' × '),
          fmt(s.lesion.centroid),
          fmt(s.vertebralBodyCentres.C2 ?? []),
          fmt(s.vertebralBodyCentres.C3 ?? []),
        ]),
      );
    }
  }
  return rows.join('\n');
}

function tissueRows(): string {
  return TISSUE_NAMES.map((name, t) => tableRow([name, CT_HU[t] ?? '', MR_T2[t] ?? ''])).join('\n');
}

/** sample-dicom/README.md, with the numbers taken from the ground truth so it cannot drift. */
export function renderReadme(gt: GroundTruth): string {
  const { baseline, followup } = gt.timepoints;
  const series = Object.values(gt.timepoints).flatMap((t) => Object.values(t.series));
  const ct = SERIES.find((s) => s.modality === 'CT');
  const mr = SERIES.find((s) => s.modality === 'MR');
  const move = gt.followupPatientTransform;
  return `# SpineLens sample case: synthetic cervical-spine phantom

**Everything in this folder is synthetic.** The patient \`${gt.patient.name}\` (ID \`${gt.patient.id}\`) is fictitious;
the images are sampled from an analytic phantom, not acquired from a person. Do not use them for anything clinical.

The case is one patient with a lesion arising from the posterior elements of C2–C3, imaged twice:

| Folder | Modality | Series | Images | Matrix | Pixel | Slice spacing | ImageOrientationPatient |
|---|---|---|---|---|---|---|---|
${series.map(seriesRow).join('\n')}

* **Baseline study** ${baseline.studyDate} (accession ${baseline.accessionNumber}): axial CT and sagittal T2 MR. Both
  series share one FrameOfReferenceUID: they were sampled in the same patient coordinates, so they are registered.
* **Follow-up study** ${followup.studyDate}, about three months later (accession ${followup.accessionNumber}): sagittal
  T2 MR with the same protocol. The patient lies differently (rotation of ${move.rotationDeg}° about the left–right axis
  through the origin, then a shift of (${move.translationMm.join(', ')}) mm), so this study has its own
  StudyInstanceUID and FrameOfReferenceUID. Same image grid, different anatomy position.

All files are DICOM Part 10 (128-byte preamble, \`DICM\`, file meta group), Explicit VR Little Endian, one frame per
file, \`MONOCHROME2\`, 16 bits allocated, 12 bits stored, unsigned (PixelRepresentation 0). CT pixels are stored as
HU + 1024 (RescaleIntercept −1024, RescaleSlope 1, RescaleType HU) with window presets 40/400 (soft tissue) and
500/2000 (bone). MR pixels are raw signal (window 950/1900). Manufacturer is "SpineLens Phantom".

## Regenerating

\`\`\`sh
npm run make-sample          # writes sample-dicom/ (about 4–10 s)
npx vitest run tests/sample  # reproducibility, DICOM validity, ground truth vs images
\`\`\`

The generator (\`scripts/make-sample.ts\`, code in \`scripts/sample/\`) is deterministic: the same bytes on every run.
Noise comes from a seeded PRNG (sfc32; seed \`${gt.generator.seed}\`), every UID is \`2.25.<decimal>\` made from
sha256 of the seed and a name, and no date, time or random value is taken from the machine. Running it replaces the
three series folders, \`ground-truth.json\` and this README.

## How the images are made

1. **Anatomy** (\`anatomy.ts\`, \`vertebrae.ts\`, \`softTissues.ts\`): a union of analytic primitives – ellipsoids,
   elliptic cylinders, boxes, capsules and z-parametrised tubes – each with a tissue and a priority. \`labelAt(p)\`
   returns the tissue of the highest-priority primitive containing p. Bones are a cortical shell (1 mm) around a
   cancellous core. The spine follows a mild lordosis (the body line is a parabola in the sagittal plane, most
   anterior at C4) and every vertebra is tilted with it.
   * C1: ring (anterior and posterior arch) with lateral masses, transverse processes and tubercles, no body.
   * C2: body with the dens rising into the C1 ring, pars, facets, thick laminae and a large bifid spinous process.
   * C3–C7, T1: body, pedicles, articular pillars, transverse processes with a foramen (the vertebral artery runs
     through it), laminae and spinous processes (bifid C3–C6, long C7), T2 body at the bottom edge.
   * Intervertebral discs C2–3 to T1–2; spinal canal (CSF) with the cord (cervical enlargement at C5–C6).
   * Neck: skin, subcutaneous fat, muscle (including the paraspinal muscles), pharynx/trachea (air), carotid arteries
     and jugular veins. Air outside.
2. **Sampling** (\`rasterize.ts\`): every voxel centre is labelled; voxels whose six neighbours disagree with them
   (boundary voxels) are supersampled (CT ${ct?.grid.supersample.join('×')}, MR ${mr?.grid.supersample.join('×')} sub-samples over the voxel, the
   MR ones spread over the 3 mm slice thickness) and get the mean tissue value: realistic partial-volume edges.
   For the follow-up each sample point is mapped back through the patient transform before labelling.
3. **Noise** (\`pixels.ts\`): CT adds approximately Gaussian noise (σ = ${ct?.noiseSigma} HU; a sum of four uniform
   deviates, so it is bit-reproducible). MR adds the same noise (σ = ${mr?.noiseSigma}) to a real and an imaginary
   channel and stores the magnitude (Rician; Rayleigh background).
4. **Files** (\`writeDicom.ts\`): written with dcmjs (\`DicomDict.write()\`), one file per slice, \`IM0001.dcm\`… in
   acquisition order (CT head → feet, MR patient right → left).

### Tissue values

| Tissue | CT (HU) | MR T2 (a.u.) |
|---|---|---|
${tissueRows()}

The CT is a venous-phase contrast study: the lesion enhances (85 HU) above muscle (50 HU); vessels are 160 HU.
On MR the vessels are flow voids.

## The lesion

An expansile soft-tissue mass arising from the C2–C3 laminae and spinous processes (it replaces the bone it
overlaps), made of three overlapping ellipsoidal lobes (see \`lesion.ts\`):

* a **posterior-element lobe** centred on the C2–C3 laminar junction,
* an **epidural lobe** in the dorsal canal that narrows it and pushes the cord anteriorly and to the right (the cord is
  shifted 2.5 mm anteriorly and 2.5 mm to the right and flattened, fading out over ±14 mm; a thin CSF rim remains),
* a **paraspinal lobe** in the left paraspinal muscles.

Because it is lobulated, the ellipsoid formula over-estimates its volume: baseline true volume
${baseline.lesion.volumeMl} mL, π/6·LR·AP·SI from the caliper diameters ${baseline.lesion.ellipsoidFromDiametersMl} mL,
from the bounding box ${baseline.lesion.ellipsoidFromBoundingBoxMl} mL.

At follow-up every lobe is scaled about the C2–C3 laminar junction by ∛${gt.followupToBaselineVolumeRatio} so the
volume is exactly ${(gt.followupToBaselineVolumeRatio * 100).toFixed(0)} % of baseline (${followup.lesion.volumeMl} mL);
the cord displacement falls to 35 %.

| Timepoint | Series | Volume (mL) | Diameters LR × AP × SI (mm) | Bounding box (mm) | Centroid | C2 body centre | C3 body centre |
|---|---|---|---|---|---|---|---|
${lesionRows(gt)}

### Segmenting it

The lesion touches muscle, CSF and bone; every step is large compared with the noise. A 6-connected region grow from
the centroid voxel recovers the volume within about 1 % on the CT with [65, 250] HU and within about 3 % on the MR with
[700, 1300]. On the 3 mm sagittal MR, windows that reach much above 1300 leak into CSF/cord/bone partial-volume voxels
at the lateral edges of the canal (a real thick-slice effect).

## ground-truth.json

All coordinates are DICOM patient coordinates in mm (LPS: +x patient left, +y posterior, +z head) **of the series
they are listed under**: for the follow-up they are after the patient move. Numbers are rounded to 0.001.

* \`followupPatientTransform\`: p_followup = R·p_baseline + t for a point of the anatomy. \`rotationAxis\`,
  \`rotationDeg\`, \`rotationCentre\` (origin), \`translationMm\`, and the same as \`matrix4x4RowMajor\`.
* \`timepoints.baseline\` / \`timepoints.followup\`: \`studyInstanceUID\`, \`studyDate\`, \`studyTime\`,
  \`studyDescription\`, \`accessionNumber\`, and
  * \`lesion.volumeMm3\`, \`lesion.volumeMl\`: the true volume of the analytic shape (union of lobes). Computed on a
    fine grid: lines parallel to x every ${gt.generator.fineGridStepMm} mm in y and z across the bounding box, the
    inside length of each line solved exactly from the ellipsoid equations, summed × ${gt.generator.fineGridStepMm}².
    Not a count of image voxels. Independent of the frame (rigid motion).
  * \`lesion.ellipsoidFromDiametersMl\`, \`lesion.ellipsoidFromBoundingBoxMl\`: π/6 × the three diameters / the
    three bounding-box sizes – for comparison with ellipsoid estimates.
  * \`lesion.lobes\`: the analytic shape in baseline (anatomy) coordinates: \`centre\`, \`semiAxesMm\`, and \`axes\`
    (rows: the unit principal axes matching the semi-axes). A point p is inside a lobe when
    Σₖ (axesₖ·(p − centre) / semiₖ)² ≤ 1; the lesion is the union of lobes.
  * \`series.<series-id>\` (\`baseline-ct\`, \`baseline-mr\`, \`followup-mr\`): \`seriesInstanceUID\`,
    \`frameOfReferenceUID\`, \`modality\`, \`seriesDescription\`, \`directory\`, \`images\`, \`grid\` (rows, columns,
    pixelSpacing [row, column], sliceSpacing, sliceThickness, imageOrientationPatient, first/last
    ImagePositionPatient), and in that series' coordinates:
    * \`lesion.centroid\`: centre of mass of the true shape; \`lesion.centroidImage\`: the file, 0-based column, row
      and sliceIndex of the voxel nearest to it.
    * \`lesion.boundingBox\`: \`min\`, \`max\`, \`centre\`, \`size\` – the axis-aligned box of the true shape
      (exact, from the ellipsoid equations). \`size\` = maximum extent along LR (x), AP (y), SI (z).
    * \`lesion.diameters.lr|ap|si\`: the longest caliper line parallel to that patient axis: over all lines
      parallel to the axis, the longest distance from where the line enters the lesion to where it finally leaves it.
      \`from\` and \`to\` are those two surface points, so \`lengthMm\` = |to − from|; a measuring tool placed on them
      must read \`lengthMm\`. (The diameters are ≤ the bounding-box sizes, which may be reached on different lines.)
    * \`vertebralBodyCentres\`: centre of each vertebral body (C2–T2; C2 without the dens; C1 has no body).
* \`followupToBaselineVolumeRatio\`: follow-up volume / baseline volume.
`;
}
