/**
 * Driving the built app like a user for the bench, and the in-page probes
 * that time what the user sees. Probes are installed before the app's own
 * scripts run and only listen (plus one counting wrapper around
 * `IDBDatabase.transaction`); they never change what the app does.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { isolateTimers, sleep } from './metrics';

/**
 * The in-page probes, as a string (tsx would wrap named functions in a
 * `__name` helper the page does not have, so bench code that runs in the
 * page is plain JavaScript or simple arrow functions).
 *
 * - `keys`: each trusted keystroke in a text field: `down` is the keydown
 *   event's timeStamp (when the browser received the key, so time the key
 *   spent queued behind a busy main thread is counted); `input` when its
 *   input event reached the page; `painted` when the first frame after that
 *   input event has been rendered on the main thread: a requestAnimationFrame
 *   callback runs just before the frame's style, layout and paint, and a
 *   message posted from it is delivered after them. This sees only the main
 *   thread: it also counts tasks queued ahead of the message (React's
 *   scheduler, say) and misses compositor and presentation delays, so the
 *   bench uses Chromium's own EventLatency (trace.ts) and keeps this as a
 *   cross-check and a fallback.
 * - `clicks`, `fileChanges`: trusted clicks and file-input changes (timeStamps).
 * - `longTasks`: every main-thread task ≥ 50 ms (Long Tasks API).
 * - `events`: Event Timing entries ≥ 16 ms (keydown → next paint as Chromium
 *   measures it, rounded to 8 ms), a cross-check on `keys`.
 * - `idbWrites`: every read-write IndexedDB transaction (created, completed).
 */
export const PROBES = `(() => {
  window.__name = (f) => f;
  const b = (window.__bench = { keys: [], clicks: [], fileChanges: [], longTasks: [], events: [], idbWrites: [] });
  const afterNextPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  b.afterNextPaint = afterNextPaint;
  const isTextField = (el) =>
    !!el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && ['text', 'search', ''].includes(el.type)));
  addEventListener('keydown', (e) => {
    if (e.isTrusted && isTextField(e.target))
      b.keys.push({ key: e.key, down: e.timeStamp, input: null, painted: null });
  }, true);
  addEventListener('input', (e) => {
    if (!e.isTrusted || !isTextField(e.target)) return;
    const key = b.keys[b.keys.length - 1];
    if (!key || key.input !== null) return;
    key.input = performance.now();
    afterNextPaint((t) => { key.painted = t; });
  }, true);
  addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    const el = e.target instanceof Element ? e.target.closest('button, a, [role]') : null;
    b.clicks.push({ at: e.timeStamp, label: ((el && (el.getAttribute('aria-label') || el.textContent)) || '').trim().slice(0, 100) });
  }, true);
  addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') b.fileChanges.push(e.timeStamp);
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) b.longTasks.push({ start: t.startTime, duration: t.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const t of list.getEntries())
        b.events.push({ name: t.name, start: t.startTime, duration: t.duration, processingEnd: t.processingEnd });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    if (mode === 'readwrite') {
      const write = { start: performance.now(), end: null };
      b.idbWrites.push(write);
      tx.addEventListener('complete', () => { write.end = performance.now(); });
    }
    return tx;
  };
})()`;

/** One keystroke as the probes saw it (page time, ms). */
export interface KeyRecord {
  key: string;
  down: number;
  input: number | null;
  painted: number | null;
}

/** What the probes have collected so far. */
export interface ProbeLog {
  keys: KeyRecord[];
  clicks: { at: number; label: string }[];
  fileChanges: number[];
  longTasks: { start: number; duration: number }[];
  events: { name: string; start: number; duration: number; processingEnd: number }[];
  idbWrites: { start: number; end: number | null }[];
}

/** A fresh browser profile (empty IndexedDB) with the probes installed. */
export async function newBenchPage(
  browser: Browser,
  options: { isolate?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  if (options.isolate) await isolateTimers(context);
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  return { context, page };
}

/**
 * A copy of the probe log (page time). Lists with a count in `from` start at
 * that entry, so a call made while something is being measured copies only
 * what is new (serialising the whole log for the bench is a long task of its
 * own on the page's main thread, which the trace would then blame on the app).
 */
export function probeLog(
  page: Page,
  from: Partial<Record<keyof ProbeLog, number>> = {},
): Promise<ProbeLog> {
  return page.evaluate((from) => {
    const b = (window as unknown as { __bench: ProbeLog }).__bench;
    return {
      keys: b.keys.slice(from.keys ?? 0),
      clicks: b.clicks.slice(from.clicks ?? 0),
      fileChanges: b.fileChanges.slice(from.fileChanges ?? 0),
      longTasks: b.longTasks.slice(from.longTasks ?? 0),
      events: b.events.slice(from.events ?? 0),
      idbWrites: b.idbWrites.slice(from.idbWrites ?? 0),
    };
  }, from);
}

/** How many entries each list of a probe log holds (for `probeLog(page, from)`). */
export function probeCounts(log: ProbeLog): Record<keyof ProbeLog, number> {
  return {
    keys: log.keys.length,
    clicks: log.clicks.length,
    fileChanges: log.fileChanges.length,
    longTasks: log.longTasks.length,
    events: log.events.length,
    idbWrites: log.idbWrites.length,
  };
}

/** Loads the app's library page. */
export async function openLibrary(page: Page, url: string, timeout = 120_000): Promise<void> {
  await page.goto(`${url}#/`);
  await page.getByRole('heading', { name: 'Your plans' }).waitFor({ timeout });
}

/**
 * Imports a plan file through "Open plan file…" on the library page (the app
 * then opens it) and waits for its Objective section.
 */
export async function importPlanFile(page: Page, file: string, timeout = 300_000): Promise<void> {
  const chooser = page.waitForEvent('filechooser', { timeout });
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor({ timeout });
}

/**
 * Resolves once the page has gone `quietMs` without a long task (≥ 50 ms),
 * so the next measurement does not inherit earlier work; returns the page
 * time it became quiet from.
 */
export function waitQuiet(page: Page, quietMs = 1000, timeout = 300_000): Promise<number> {
  return page.evaluate(
    ({ quietMs, timeout }) =>
      new Promise<number>((resolve, reject) => {
        const b = (window as unknown as { __bench: ProbeLog }).__bench;
        const began = performance.now();
        const check = () => {
          const now = performance.now();
          const lastEnd = Math.max(began, ...b.longTasks.map((t) => t.start + t.duration));
          if (now - lastEnd >= quietMs) resolve(lastEnd);
          else if (now - began > timeout)
            reject(new Error(`The page did not go quiet in ${timeout} ms.`));
          else setTimeout(check, 50);
        };
        check();
      }),
    { quietMs, timeout },
  );
}

/**
 * Waits until the open plan says "All changes saved" (the SaveIndicator's
 * text) and a save that started after `after` (page time) has finished,
 * known from the app's `upskill:autosave-commit` measure or, failing that, a
 * completed read-write IndexedDB transaction; returns the page time of the
 * first animation frame that showed it.
 */
export async function waitSaved(page: Page, after: number, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction(
    (after) => {
      const b = (window as unknown as { __bench: ProbeLog }).__bench;
      const saved = [...document.querySelectorAll('[role="status"]')].some(
        (el) => el.textContent?.trim() === 'All changes saved',
      );
      const committed =
        performance.getEntriesByName('upskill:autosave-commit').some((e) => e.startTime > after) ||
        b.idbWrites.some((w) => w.start > after && w.end !== null);
      return saved && committed && performance.now();
    },
    after,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Types `text` one character at a time, a key every `intervalMs` from the
 * first (a schedule, not a pause after each key: when the page is slow to
 * take a key the next follows at once, as a typist's fingers would).
 * Playwright waits for the browser to accept each key, so a page that
 * blocks for longer than the interval still delays the following keys.
 */
export async function typePaced(page: Page, text: string, intervalMs: number): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < text.length; i++) {
    const wait = started + i * intervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    await page.keyboard.type(text[i]!);
  }
}

/**
 * Chooses `file` in an import dialog (its "Choose file…" button and the file
 * chooser) as a user does; resolves with the page time the file input
 * changed (the probe's record), where an import's timing starts.
 */
export async function chooseImportFile(page: Page, dialog: Locator, file: string): Promise<number> {
  const before = (await probeLog(page)).fileChanges.length;
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(file);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const changes = (await probeLog(page, { fileChanges: before })).fileChanges;
    if (changes.length) return changes.at(-1)!;
    if (Date.now() > deadline) throw new Error('The file input never changed.');
    await sleep(20);
  }
}

/**
 * Page time of the first frame in which a dialog holds an enabled button
 * whose whole text matches `pattern` (e.g. /^Import [\d,]+ learners$/): when
 * an import's preview is ready to confirm.
 */
export async function dialogButtonReady(
  page: Page,
  pattern: RegExp,
  timeout = 300_000,
): Promise<number> {
  const handle = await page.waitForFunction(
    ({ source, flags }) => {
      const re = new RegExp(source, flags);
      return (
        [...document.querySelectorAll('[role="dialog"] button, dialog button')].some(
          (b) => re.test(b.textContent?.trim() ?? '') && !(b as HTMLButtonElement).disabled,
        ) && performance.now()
      );
    },
    { source: pattern.source, flags: pattern.flags },
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Stores a plan's roster chunks (texts of shared/manage/roster.ts encodeLearners) straight
 * into the page's database, as renderer/src/db/roster.ts stores them, for the suites that
 * measure a screen over a large roster without timing its import.
 */
export async function seedRoster(page: Page, planId: string, chunks: string[], count: number) {
  await page.evaluate(
    async ({ planId, chunks, count }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('upskill-workbench');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['rosterChunks', 'rosters'], 'readwrite');
        chunks.forEach((learners, n) =>
          tx.objectStore('rosterChunks').put({ planId, n, count: 0, learners }),
        );
        tx.objectStore('rosters').put({
          planId,
          count,
          courseRows: 0,
          fileName: 'synthetic-roster.csv',
          importedAt: new Date().toISOString(),
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { planId, chunks, count },
  );
}
