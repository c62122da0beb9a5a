import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Keeps the page from going blank: a render error shows a message and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h1>SpineLens hit an error</h1>
        <p>{this.state.error.message}</p>
        <p>Your measurements are saved in this browser. Reload to continue.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
