import { useState } from 'react';
import { download, todayStamp } from '../download';
import { captureActiveViewport } from './captureViewport';
import { useKeyImages } from './keyImages';

interface Props {
  onPrint(): void;
  setStatus(status: string): void;
}

/** Key images chosen by the reader, a PNG of the active viewport, and the printable tumour-board page. */
export function ReportSection({ onPrint, setStatus }: Props) {
  const images = useKeyImages((s) => s.images);
  const [capturing, setCapturing] = useState(false);
  const capture = async (then: (image: { dataUrl: string; caption: string }) => void) => {
    setCapturing(true);
    try {
      const image = await captureActiveViewport();
      if (image) then(image);
      else setStatus('No image in the active viewport.');
    } finally {
      setCapturing(false);
    }
  };
  return (
    <section>
      <h3>Tumour-board report (print or PDF)</h3>
      <p>Patient and studies, the key images you add (annotations burned in), each lesion&apos;s table and chart, and the response with its rule.</p>
      <div className="export-buttons">
        <button
          type="button"
          data-testid="export-key-image"
          disabled={capturing}
          onClick={() =>
            void capture((image) => {
              useKeyImages.getState().add({ id: crypto.randomUUID(), ...image });
              setStatus(`Key image added (${useKeyImages.getState().images.length} in the report).`);
            })
          }
        >
          Add active view as key image
        </button>
        <button
          type="button"
          data-testid="export-png"
          disabled={capturing}
          onClick={() =>
            void capture((image) => {
              download(`spinelens-view-${todayStamp()}.png`, [dataUrlBytes(image.dataUrl)], 'image/png');
              setStatus('Saved the active view as PNG.');
            })
          }
        >
          Save view as PNG
        </button>
        <button type="button" data-testid="export-print" onClick={onPrint}>
          Print report…
        </button>
      </div>
      {images.length > 0 && (
        <ul className="export-key-images" data-testid="export-key-images">
          {images.map((image, i) => (
            <li key={image.id}>
              Key image {i + 1}: {image.caption || 'view'}{' '}
              <button type="button" className="link" onClick={() => useKeyImages.getState().remove(image.id)} aria-label={`Remove key image ${i + 1}`}>
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
