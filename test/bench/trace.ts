/**
 * Chrome traces of one page, read into what the bench needs:
 *
 * - main-thread tasks: the `toplevel` category records one
 *   `ThreadControllerImpl::RunTask` per task the scheduler runs, so every task
 *   on the page's renderer main thread (CrRendererMain) is there with its
 *   exact start and duration — at a far smaller cost to the page than the
 *   full `devtools.timeline` set;
 * - key latency: the `input` category records Chromium's `EventLatency` for
 *   each key press, from the moment the browser created the key event to the
 *   presentation of the first frame that includes its effect — what a user
 *   sees, in microseconds (Event Timing reports the same span rounded to
 *   8 ms and only from 16 ms up).
 *
 * `blink.user_timing` is always on: a mark placed when the trace stops finds
 * the page's renderer process and main thread, and converts trace time to the
 * page's `performance.now()` time.
 */
import type { Browser, Page } from 'playwright-core';

/** One task on the renderer main thread, in the page's `performance.now()` time. */
export interface MainThreadTask {
  start: number;
  duration: number;
}

/** One key press: when the browser created it and how long until its frame was presented. */
export interface KeyLatency {
  start: number;
  latency: number;
}

/** What to record: main-thread tasks, key latencies, or both. */
export type TraceKind = 'tasks' | 'keys';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id2?: { local?: string; global?: string };
  id?: string;
  args?: { event_latency?: { event_type?: string } };
}

/** A stopped trace of one page. */
export interface PageTrace {
  tasks: MainThreadTask[];
  keys: KeyLatency[];
}

const SYNC_MARK = 'bench:trace-sync';
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const CATEGORIES: Record<TraceKind, string> = { tasks: 'toplevel', keys: 'input' };

/** Starts tracing `page` (one trace per browser at a time). */
export async function startTrace(
  browser: Browser,
  page: Page,
  kinds: readonly TraceKind[],
): Promise<void> {
  await browser.startTracing(page, {
    categories: [...kinds.map((k) => CATEGORIES[k]), 'blink.user_timing'],
  });
}

/** Stops the trace and reads the page's main-thread tasks and key latencies. */
export async function stopTrace(browser: Browser, page: Page): Promise<PageTrace> {
  const markTime = await page.evaluate((name) => performance.mark(name).startTime, SYNC_MARK);
  const events = (
    JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
  ).traceEvents;
  const sync = events.filter((e) => e.name === SYNC_MARK).at(-1);
  if (!sync) throw new Error('The trace has no sync mark: the page was not traced.');
  const offset = sync.ts / 1000 - markTime;
  return {
    tasks: mainThreadTasks(events, sync, offset),
    keys: keyLatencies(events, sync.pid, offset),
  };
}

function mainThreadTasks(events: TraceEvent[], sync: TraceEvent, offset: number) {
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === sync.pid &&
        e.tid === sync.tid &&
        TASK_EVENTS.has(e.name) &&
        e.dur !== undefined,
    )
    .map((e) => ({ start: e.ts / 1000 - offset, duration: e.dur! / 1000 }))
    .sort((a, b) => a.start - b.start || b.duration - a.duration);
  // Keep outermost tasks only: RunTask and ThreadControllerImpl::RunTask nest,
  // as do tasks run inside a nested run loop.
  const outer: MainThreadTask[] = [];
  for (const task of tasks) {
    const last = outer.at(-1);
    if (last && task.start + task.duration <= last.start + last.duration + 0.001) continue;
    outer.push(task);
  }
  return outer;
}

/**
 * KEY_PRESSED EventLatency spans of the renderer: async begin/end pairs
 * matched by id (ids are reused, so each end closes the latest open begin).
 */
function keyLatencies(events: TraceEvent[], pid: number, offset: number): KeyLatency[] {
  const open = new Map<string, TraceEvent[]>();
  const keys: KeyLatency[] = [];
  const spans = events
    .filter((e) => e.name === 'EventLatency' && e.pid === pid && (e.ph === 'b' || e.ph === 'e'))
    .sort((a, b) => a.ts - b.ts);
  for (const e of spans) {
    const id = e.id2?.local ?? e.id2?.global ?? e.id ?? '';
    if (e.ph === 'b') {
      const list = open.get(id) ?? [];
      list.push(e);
      open.set(id, list);
      continue;
    }
    const begin = open.get(id)?.pop();
    if (begin?.args?.event_latency?.event_type === 'KEY_PRESSED')
      keys.push({ start: begin.ts / 1000 - offset, latency: (e.ts - begin.ts) / 1000 });
  }
  return keys.sort((a, b) => a.start - b.start);
}

/** Tasks that overlap [from, to] (page time, ms). */
export function tasksOverlapping(
  tasks: readonly MainThreadTask[],
  from: number,
  to: number,
): MainThreadTask[] {
  return tasks.filter((t) => t.start <= to && t.start + t.duration >= from);
}
