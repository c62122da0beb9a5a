import { useState, type FormEvent } from 'react';
import { useDicomWebStore } from '../store';

/** Choose, add and remove DICOMweb servers; the list is remembered in this browser (addresses only). */
export function ServerPicker() {
  const servers = useDicomWebStore((s) => s.servers);
  const selectedUrl = useDicomWebStore((s) => s.selectedUrl);
  const [adding, setAdding] = useState(servers.length === 0);
  const [url, setUrl] = useState('/pacs');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const reason = useDicomWebStore.getState().addServer({ name, url });
    setProblem(reason);
    if (!reason) {
      setAdding(false);
      setName('');
    }
  };

  return (
    <section className="dicomweb-servers">
      {servers.length > 0 && (
        <div className="dicomweb-row">
          <label>
            Server
            <select data-testid="pacs-server" value={selectedUrl ?? ''} onChange={(e) => useDicomWebStore.getState().selectServer(e.target.value)}>
              {servers.map((s) => (
                <option key={s.url} value={s.url}>
                  {s.name} — {s.url}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding} data-testid="pacs-add-toggle">
            Add…
          </button>
          {selectedUrl && (
            <button type="button" onClick={() => useDicomWebStore.getState().removeServer(selectedUrl)} title="Remove this server from the list">
              Remove
            </button>
          )}
        </div>
      )}
      {adding && (
        <form className="dicomweb-add" onSubmit={add} aria-label="Add a DICOMweb server">
          <label>
            DICOMweb address
            <input data-testid="pacs-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="/pacs or https://pacs.example.org/dicom-web" />
          </label>
          <label>
            Name (optional)
            <input data-testid="pacs-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Hospital PACS" />
          </label>
          <button type="submit" data-testid="pacs-add">
            Add server
          </button>
          <p className="muted hint">/pacs is this site's proxy to its configured PACS; another origin must allow this page (CORS).</p>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
