import { create } from 'zustand';
import { useViewerStore } from '../../../state/viewerStore';

/** A text the app asks for (the label of an arrow), typed in the lesions panel instead of a browser prompt. */
export interface TextRequest {
  title: string;
  initial: string;
  /** Called once: the text, or null when the reader cancels. */
  answer(text: string | null): void;
}

export const useTextRequestStore = create<{ request: TextRequest | null }>()(() => ({ request: null }));

/** Opens the lesions panel with a text field; the answer goes to done (null when cancelled). */
export function askForText(title: string, initial: string, done: (text: string | null) => void): void {
  useTextRequestStore.getState().request?.answer(null);
  useViewerStore.getState().setPanel('lesions');
  useTextRequestStore.setState({
    request: {
      title,
      initial,
      answer: (text) => {
        useTextRequestStore.setState({ request: null });
        done(text);
      },
    },
  });
}

/** Cancels a pending text request (Escape); false when there was none. */
export function cancelTextRequest(): boolean {
  const request = useTextRequestStore.getState().request;
  request?.answer(null);
  return request !== null;
}

/** The arrow tool's text callbacks, in place of Cornerstone's window.prompt. */
export const arrowTextConfiguration = {
  // An empty or cancelled text removes the new arrow (Cornerstone's rule for an empty label).
  getTextCallback: (done: (text: string) => void) => askForText('Text of the arrow', '', (text) => done(text ?? '')),
  changeTextCallback: (annotation: { data?: { label?: string } }, _event: unknown, done: (text: string) => void) => {
    const before = annotation.data?.label ?? '';
    askForText('Change the text of the arrow', before, (text) => done(text ?? before));
  },
};
