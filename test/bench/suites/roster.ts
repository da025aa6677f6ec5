/**
 * The learner roster at 100,000 learners (issue 14), in the built browser
 * app: a 100,000-row learner activity export (CSV, one row per learner,
 * the generic layout; synthetic learners from shared/manage/synthetic-
 * roster.ts over the sample plan's segments, cohorts and pathways) imported
 * through the Learner progress section's Import dialog as a user does it
 * (file chooser, the guessed mapping and value matches, confirm): read and
 * checked in the import worker, merged into the local roster, stored, and
 * the section showing the new roster.
 */
import { readFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticRoster } from '../../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../../shared/plan/plan-file';
import { chooseImportFile, dialogButtonReady, newBenchPage, probeLog, waitQuiet } from '../app';
import { startTrace, stopTrace } from '../trace';
import {
  measured,
  notMeasured,
  reasonOf,
  round1,
  type BenchSuite,
  type Metric,
  type MetricSpec,
} from '../metrics';

const SAMPLE_ID = 'sample-youth-digital-skills';
const ROWS = Number(process.env.ROSTER_BENCH_ROWS ?? 100_000);
const FILE_NAME = `roster-${ROWS}.csv`;
const STEP_TIMEOUT_MS = 300_000;

const SPECS = {
  importMs: { name: 'roster.import_ms.rows100000', unit: 'ms', limit: 5000 },
  longest: { name: 'roster.import_longest_task_ms.rows100000', unit: 'ms', limit: 50 },
} as const satisfies Record<string, MetricSpec>;

const OUTCOMES = {
  none: '',
  placed: 'Placed',
  promoted: 'Promoted',
  retained: 'Retained',
  selfEmployed: 'Self-employed',
} as const;

/** A 100,000-learner export of the sample plan, as of its day: the generic layout's headings. */
function rosterCsv(rows: number): string {
  const root = join(import.meta.dirname, '..', '..', '..');
  const read = readPlanFile(
    readFileSync(
      join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
      'utf8',
    ),
  );
  if (!read.ok) throw new Error(read.message);
  const plan = read.plan;
  const asOf = new Date().toISOString().slice(0, 10);
  const { learners } = syntheticRoster(plan, { learners: rows, seed: 14, asOf, courseRows: false });
  const segment = new Map(plan.learners.map((s) => [s.id, s.name]));
  const cohort = new Map(plan.manage.cohorts.map((c) => [c.id, c.name]));
  const pathway = new Map(plan.content.pathways.map((p) => [p.id, p.name]));
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'Learner ID,Email,Name,Segment,Cohort,Pathway,Invited,Registered,Enrolled,Courses enrolled,Courses completed,Learning hours,Last activity,Completed,Job outcome',
  ];
  for (const l of learners)
    lines.push(
      [
        l.learnerId,
        l.email,
        l.name,
        segment.get(l.segmentId ?? '') ?? '',
        cohort.get(l.cohortId ?? '') ?? '',
        pathway.get(l.pathwayId ?? '') ?? '',
        l.invited ?? '',
        l.registered ?? '',
        l.enrolled ?? '',
        String(l.coursesEnrolled),
        String(l.coursesCompleted),
        String(l.hours),
        l.lastActivity ?? '',
        l.completed ?? '',
        OUTCOMES[l.jobOutcome],
      ]
        .map(cell)
        .join(','),
    );
  const file = join(mkdtempSync(join(tmpdir(), 'upskill-bench-roster-')), FILE_NAME);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

/** Page time of the first frame in which the dialog is gone and the section names the imported file. */
async function rosterShown(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (name) =>
      !document.querySelector('dialog[open], [role="dialog"]') &&
      [...document.querySelectorAll('[role="status"]')].some((s) =>
        (s.textContent ?? '').includes(`from “${name}”`),
      ) &&
      performance.now(),
    FILE_NAME,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/** roster.import_ms and roster.import_longest_task_ms at 100,000 rows. */
export const rosterSuite: BenchSuite = {
  name: 'roster',
  metrics: Object.values(SPECS),
  async run({ browser, url }) {
    const file = rosterCsv(ROWS);
    const sizeMB = statSync(file).size / 2 ** 20;
    const { context, page } = await newBenchPage(browser);
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const metrics: Metric[] = [];
    try {
      await page.goto(`${url}#/plan/${SAMPLE_ID}/roster`);
      await page.getByRole('heading', { level: 1, name: 'Learner progress' }).waitFor();
      await page.getByRole('button', { name: 'Import learner progress…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import learner progress' });
      await dialog.waitFor();
      await waitQuiet(page, 1000);
      // BENCH_TRACE_DETAIL=1: say what ran in the longest tasks of the import.
      const detail = Boolean(process.env.BENCH_TRACE_DETAIL);
      if (detail) await startTrace(browser, page, ['tasks']);
      const chosen = await chooseImportFile(page, dialog, file);
      const ready = await dialogButtonReady(page, /^Import [\d,]+ learners$/, STEP_TIMEOUT_MS);
      const confirm = dialog.getByRole('button', { name: /^Import [\d,]+ learners$/ });
      const count = Number((await confirm.textContent())!.replace(/\D/g, ''));
      if (count !== ROWS) throw new Error(`The preview offered ${count} of ${ROWS} learners.`);
      await confirm.click();
      const clicked = (await probeLog(page)).clicks.at(-1)!.at;
      const done = await rosterShown(page);
      if (detail) {
        const trace = await stopTrace(browser, page);
        const during = trace.tasks
          .filter((t) => t.start + t.duration > chosen && t.start < done)
          .sort((a, b) => b.duration - a.duration);
        for (const task of during.slice(0, 3))
          console.log(
            `  task ${round1(task.duration)} ms at +${round1(task.start - chosen)} ms after the file was chosen (click at +${round1(clicked - chosen)}):\n    ${trace.inside(task).slice(0, 8).join('\n    ')}`,
          );
      }
      const tasks = (await probeLog(page)).longTasks.filter(
        (t) => t.start + t.duration > chosen && t.start < done,
      );
      metrics.push(
        measured(
          SPECS.importMs,
          ready - chosen + (done - clicked),
          `${ROWS.toLocaleString('en-GB')} rows, ${sizeMB.toFixed(1)} MB CSV through the Import dialog: file chosen → Import enabled (read and checked in the worker) ${round1(ready - chosen)} ms + Import clicked → merged in the worker, stored, the plan's snapshot recorded and the section showing the roster ${round1(done - clicked)} ms (one run)`,
        ),
        measured(
          SPECS.longest,
          Math.max(0, ...tasks.map((t) => t.duration)),
          `longest main-thread task (Long Tasks API, so 0 = none ≥ 50 ms) from file chosen to the roster shown; ${tasks.length} long tasks`,
        ),
      );
    } catch (error) {
      const reason = reasonOf(error);
      metrics.push(notMeasured(SPECS.importMs, reason), notMeasured(SPECS.longest, reason));
    } finally {
      await context.close();
      rmSync(dirname(file), { recursive: true, force: true });
    }
    return metrics;
  },
};
