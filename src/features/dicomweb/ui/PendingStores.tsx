import { retryStore } from '../pendingStores';
import { useDicomWebStore } from '../store';

/** Stores of the reading to the server: stored, storing, or failed with the reason and a retry. */
export function PendingStores() {
  const stores = useDicomWebStore((s) => s.pendingStores);
  if (stores.length === 0) return null;
  return (
    <section className="dicomweb-stores">
      <h3>Stores of the reading to the PACS</h3>
      <ul>
        {stores.map((store) => (
          <li key={store.id} data-testid="pacs-store" data-state={store.state}>
            <span>{store.label}: </span>
            <span className={store.state === 'failed' ? 'error' : 'muted'}>{store.message}</span>
            {store.state === 'failed' && (
              <button type="button" data-testid="pacs-store-retry" onClick={() => void retryStore(store.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
