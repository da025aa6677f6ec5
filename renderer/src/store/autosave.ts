/**
 * Debounced autosave: writes ~300 ms after the last edit, and never later than
 * `maxWaitMs` after the first edit not yet being written, so a user typing
 * without pause is still on disk within a second. Writes are serialised; a
 * write takes the pending version, so edits typed during a slow write start a
 * new wait (they never make every later key save at once); a failed write
 * keeps the edit pending and reports the error.
 */

/** Where the document stands with respect to storage. */
export type SaveStatus =
  | { state: 'saved'; at: Date | null }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'error'; message: string };

/** Options for an Autosaver. */
export interface AutosaveOptions<T> {
  write: (doc: T) => Promise<void>;
  describeError: (error: unknown) => string;
  onStatus: (status: SaveStatus) => void;
  debounceMs?: number;
  maxWaitMs?: number;
}

/** Saves the latest version of a document shortly after each change. */
export class Autosaver<T> {
  private pending: { doc: T } | null = null;
  private inFlight: { doc: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 700;
  }

  /** True while an edit has not reached storage. */
  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Notes a new version; it will be written soon. */
  schedule(doc: T): void {
    const now = Date.now();
    if (!this.pending) this.firstPendingAt = now;
    this.pending = { doc };
    this.report({ state: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private lastReported: SaveStatus['state'] | null = null;

  /** Reports a status; a repeated 'pending' or 'saving' is not reported again (one change per burst of typing, not one per key). */
  private report(status: SaveStatus): void {
    if (
      (status.state === 'pending' || status.state === 'saving') &&
      status.state === this.lastReported
    ) {
      return;
    }
    this.lastReported = status.state;
    this.options.onStatus(status);
  }

  /** Writes any pending version now; resolves when storage has it (or failed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running = this.running.then(() => this.writePending());
    return this.running;
  }

  private async writePending(): Promise<void> {
    const job = this.pending;
    if (!job) return;
    this.pending = null;
    this.inFlight = job;
    this.report({ state: 'saving' });
    try {
      await this.options.write(job.doc);
      this.inFlight = null;
      if (this.pending === null) this.report({ state: 'saved', at: new Date() });
      else this.report({ state: 'pending' });
    } catch (error) {
      this.inFlight = null;
      // Keep the edit for a retry unless a newer version (which includes it) is waiting.
      if (this.pending === null) {
        this.pending = job;
        this.firstPendingAt = Date.now();
      }
      this.report({ state: 'error', message: this.options.describeError(error) });
    }
  }

  /**
   * Forgets every edit not yet written (pending or failed) and the timer:
   * the document was replaced from storage, so an older edit must never be
   * written over it. A write already in flight still completes or fails.
   */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.lastReported = null;
    this.report({ state: 'saved', at: null });
  }

  /** Stops the timer (the caller flushes first if it wants the edit kept). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
