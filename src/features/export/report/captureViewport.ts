import { formatDicomDate } from '../../../dicom';
import { contentBox } from '../../../export';
import { useViewerStore } from '../../../state/viewerStore';

/**
 * The active viewport as a PNG with what is drawn over it burned in: the image canvas, then the SVG
 * layer Cornerstone draws annotations on. Null when no viewport shows an image.
 */
export async function captureActiveViewport(): Promise<{ dataUrl: string; caption: string } | null> {
  const pane = document.querySelector<HTMLElement>('.viewport-pane.active') ?? document.querySelector<HTMLElement>('.viewport-pane');
  const canvas = pane?.querySelector<HTMLCanvasElement>('.viewport-element canvas');
  if (!pane || !canvas || canvas.width === 0) return null;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const context = out.getContext('2d');
  if (!context) return null;
  context.drawImage(canvas, 0, 0);
  const svg = pane.querySelector<SVGSVGElement>('.viewport-element svg');
  if (svg) {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', String(svg.clientWidth));
    copy.setAttribute('height', String(svg.clientHeight));
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    context.drawImage(image, 0, 0, out.width, out.height);
  }
  return { dataUrl: croppedToContent(out, context).toDataURL('image/png'), caption: activeSeriesCaption() };
}

/** The capture without the black around the image and its drawings (the anatomy shows larger on the page). */
function croppedToContent(canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): HTMLCanvasElement {
  const box = contentBox(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
  if (box.width === canvas.width && box.height === canvas.height) return canvas;
  const cropped = document.createElement('canvas');
  cropped.width = box.width;
  cropped.height = box.height;
  cropped.getContext('2d')?.drawImage(canvas, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
  return cropped;
}

/** "2026-01-05 · MR SAG T2 TSE · sagittal": what the key image shows. */
function activeSeriesCaption(): string {
  const { patients, slots, activeSlot } = useViewerStore.getState();
  const slot = slots[activeSlot];
  for (const study of patients.flatMap((p) => p.studies)) {
    const series = study.series.find((s) => s.key === slot?.seriesKey);
    if (series) return [formatDicomDate(study.date), `${series.modality} ${series.description}`.trim(), slot?.mode].filter(Boolean).join(' · ');
  }
  return '';
}
