/** Lesion values over time with change and response (issue 6): filled in by the timeline work. */
export function TimelinePanel() {
  return <p className="muted">The timeline is not available yet.</p>;
}
