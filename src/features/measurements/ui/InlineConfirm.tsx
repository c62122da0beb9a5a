import { useEffect, useRef } from 'react';

interface Props {
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A question asked in place, in the panel (never over the image, never the browser's confirm): Enter on a button, Escape cancels. */
export function InlineConfirm({ message, confirmLabel, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-label={message}
      className="inline-confirm"
      data-testid="confirm-dialog"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <p>{message}</p>
      <div className="inline-confirm-buttons">
        <button type="button" className="danger" onClick={onConfirm} data-testid="confirm-yes">
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={onCancel} data-testid="confirm-no">
          Cancel
        </button>
      </div>
    </div>
  );
}
