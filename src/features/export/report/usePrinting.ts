import { useEffect } from 'react';

/** While `printing`, the page prints only the report (print CSS keys on the body class), then calls `done`. */
export function usePrinting(printing: boolean, done: () => void): void {
  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('printing-report');
    const after = () => done();
    window.addEventListener('afterprint', after);
    // After React has put the report in the page.
    const timer = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', after);
      document.body.classList.remove('printing-report');
    };
  }, [printing, done]);
}
