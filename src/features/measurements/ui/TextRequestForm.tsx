import { useEffect, useRef, useState } from 'react';
import { useTextRequestStore, type TextRequest } from '../adapters/annotationText';

/** The text the viewer asks for (an arrow's label), typed here: Enter keeps it, Escape cancels. */
export function TextRequestForm() {
  const request = useTextRequestStore((s) => s.request);
  return request ? <TextField key={request.title + request.initial} request={request} /> : null;
}

function TextField({ request }: { request: TextRequest }) {
  const [text, setText] = useState(request.initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="inline-confirm"
      data-testid="text-request"
      onSubmit={(e) => {
        e.preventDefault();
        request.answer(text);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        request.answer(null);
      }}
    >
      <label>
        {request.title}{' '}
        <input ref={input} aria-label={request.title} data-testid="text-request-input" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="inline-confirm-buttons">
        <button type="submit" data-testid="text-request-ok">
          OK
        </button>
        <button type="button" onClick={() => request.answer(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
