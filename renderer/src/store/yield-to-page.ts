/**
 * Lets the page breathe between slices of long work: `scheduler.yield()`
 * where the browser has it (input and frames go first, and the work resumes
 * ahead of other tasks), else a timeout.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
