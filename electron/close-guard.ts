/**
 * Closing without losing the last edit: when the renderer reported unsaved
 * changes, the first close is held back, the renderer is asked to flush its
 * pending saves, and the window closes once it answers — or after a timeout,
 * so a hung renderer can never keep the app open.
 */

/** How long we wait for the renderer to flush before closing anyway. */
export const FLUSH_TIMEOUT_MS = 3000;

/** Asks the renderer to flush and tracks its answer. */
export type FlushCoordinator = {
  /** Resolves when the renderer reported 'app:flush-done', or after the timeout. */
  flush(): Promise<'flushed' | 'timeout'>;
  /** Called for 'app:flush-done'. */
  done(): void;
};

/** Creates the coordinator; `requestFlush` sends 'app:flush-request' to the renderer. */
export function createFlushCoordinator(options: {
  requestFlush: () => void;
  timeoutMs?: number;
}): FlushCoordinator {
  const timeoutMs = options.timeoutMs ?? FLUSH_TIMEOUT_MS;
  let pending: {
    promise: Promise<'flushed' | 'timeout'>;
    finish: (how: 'flushed' | 'timeout') => void;
  } | null = null;

  return {
    flush() {
      // A second close while waiting joins the first wait instead of asking again.
      if (pending) return pending.promise;
      let finish!: (how: 'flushed' | 'timeout') => void;
      const promise = new Promise<'flushed' | 'timeout'>((resolve) => {
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        finish = (how) => {
          clearTimeout(timer);
          pending = null;
          resolve(how);
        };
      });
      pending = { promise, finish };
      try {
        options.requestFlush();
      } catch {
        pending.finish('timeout'); // renderer gone: nothing to wait for
      }
      return promise;
    },
    done() {
      pending?.finish('flushed');
    },
  };
}

/** The parts of a BrowserWindow the close guard uses. */
export type GuardedWindow = {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
};

/**
 * Holds back a window's close while the document is edited — or whenever
 * `askRenderer` says the page wants a word first (it writes the open plan's
 * quit backup) — flushes, then closes for real, or, if the app was quitting,
 * resumes the quit.
 */
export function guardWindowClose(
  window: GuardedWindow,
  options: {
    isEdited: () => boolean;
    /** True when the renderer must be asked even with nothing unsaved (quit backup). */
    askRenderer?: () => boolean;
    coordinator: FlushCoordinator;
    isQuitting: () => boolean;
    quit: () => void;
  },
): void {
  let flushedAndClosing = false;
  window.on('close', (event) => {
    if (flushedAndClosing) return;
    if (!options.isEdited() && !(options.askRenderer?.() ?? false)) return;
    event.preventDefault();
    void options.coordinator.flush().then(() => {
      flushedAndClosing = true;
      if (window.isDestroyed()) return;
      // A prevented close also cancels app.quit(); resume it instead of just closing.
      if (options.isQuitting()) options.quit();
      else window.close();
    });
  });
}
