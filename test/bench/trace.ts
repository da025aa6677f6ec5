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
  args?: { event_latency?: { event_type?: string }; data?: unknown };
}

/** A stopped trace of one page. */
export interface PageTrace {
  tasks: MainThreadTask[];
  keys: KeyLatency[];
  /**
   * With BENCH_TRACE_DETAIL=1 only: what ran inside a task (devtools.timeline
   * events on the main thread, longest first, as "name 3.2 ms"). Off by
   * default, since the extra categories cost the page time of their own.
   */
  inside: (task: MainThreadTask) => string[];
}

/** Extra categories for finding out what a long task was (BENCH_TRACE_DETAIL=1). */
const DETAIL_CATEGORIES = process.env.BENCH_TRACE_DETAIL
  ? [
      'devtools.timeline',
      'v8.execute',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-v8.cpu_profiler',
    ]
  : [];

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
    categories: [...kinds.map((k) => CATEGORIES[k]), 'blink.user_timing', ...DETAIL_CATEGORIES],
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
  const onMain = events.filter(
    (e) => e.ph === 'X' && e.pid === sync.pid && e.tid === sync.tid && e.dur !== undefined,
  );
  const samples = cpuSamples(events, sync, offset);
  return {
    tasks: mainThreadTasks(events, sync, offset),
    keys: keyLatencies(events, sync.pid, offset),
    inside: (task) =>
      [
        ...selfTimeByFunction(
          samples.filter((x) => x.at >= task.start && x.at < task.start + task.duration),
        ),
      ].concat(
        onMain
          .filter((e) => !TASK_EVENTS.has(e.name))
          .map((e) => ({ e, start: e.ts / 1000 - offset, ms: e.dur! / 1000 }))
          .filter((x) => x.start >= task.start - 0.01 && x.start < task.start + task.duration)
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 12)
          .map(
            (x) =>
              `${x.e.name}${(x.e.args as { data?: { functionName?: string; url?: string; type?: string } } | undefined)?.data?.functionName ? `(${(x.e.args as { data: { functionName: string } }).data.functionName})` : ''}${(x.e.args as { data?: { type?: string } } | undefined)?.data?.type ? `[${(x.e.args as { data: { type: string } }).data.type}]` : ''} ${x.ms.toFixed(1)} ms @+${(x.start - task.start).toFixed(1)}`,
          ),
      ),
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

interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** V8 CPU profile samples of the page's main thread (detail mode), with the sampled stack. */
function cpuSamples(events: TraceEvent[], sync: TraceEvent, offset: number) {
  const profile = events.find(
    (e) => e.name === 'Profile' && e.pid === sync.pid && e.tid === sync.tid,
  );
  if (!profile) return [];
  const data = (profile.args as { data: { startTime: number } }).data;
  let t = data.startTime;
  const nodes = new Map<number, CpuNode>();
  const out: { at: number; stack: string[] }[] = [];
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id !== profile.id || e.pid !== sync.pid) continue;
    const chunk = (
      e.args as {
        data: { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] };
      }
    ).data;
    for (const n of chunk.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = chunk.cpuProfile?.samples ?? [];
    const deltas = chunk.timeDeltas ?? [];
    ids.forEach((id, i) => {
      t += deltas[i] ?? 0;
      const stack: string[] = [];
      for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent))
        stack.push(
          `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`,
        );
      out.push({ at: t / 1000 - offset, stack });
    });
  }
  return out;
}

/** The functions that took the most samples, with the stack of one sample (detail mode). */
function selfTimeByFunction(samples: { at: number; stack: string[] }[]): string[] {
  const counts = new Map<string, { n: number; stack: string[] }>();
  for (const s of samples) {
    const key = s.stack[0] ?? '(none)';
    const c = counts.get(key) ?? { n: 0, stack: s.stack };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n)
    .slice(0, 6)
    .map(([k, c]) => `[${c.n} samples] ${k} <- ${c.stack.slice(1, 8).join(' <- ')}`);
}
