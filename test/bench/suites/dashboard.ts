/**
 * The Manage dashboard at 100,000 learners with 12 months of actuals (issue
 * 14), in the built browser app. The sample plan gets twelve monthly roster
 * snapshots counted from 100,000 synthetic learners (obviously fake people;
 * the plan keeps only the aggregates, as a roster import does) and the roster
 * KPIs' actuals recorded from them; it is opened through "Open plan file…"
 * and its 100,000 learners are stored in the local database the way the
 * roster API stores them (chunks of encodeLearners text), so the app has the
 * whole roster, as a user's would.
 *
 * - dashboard.render_ms.n100000: from the click on "Dashboard" in the plan's
 *   sections to the first frame painted with every chart of the dashboard
 *   drawn (ECharts SVG) — median of five opens, from the Objective each time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { importPlanFile, newBenchPage, openLibrary, seedRoster, waitQuiet } from '../app';
import {
  measured,
  median,
  notMeasured,
  reasonOf,
  round1,
  type BenchSuite,
  type MetricSpec,
} from '../metrics';
import { dashboardCharts } from '../../../shared/manage/charts';
import { dashboardOf } from '../../../shared/manage/dashboard';
import { syncRosterActuals } from '../../../shared/manage/kpis';
import { encodeLearners, snapshotOf } from '../../../shared/manage/roster';
import { syntheticRoster } from '../../../shared/manage/synthetic-roster';
import { readPlanFile, writePlanFile } from '../../../shared/plan/plan-file';
import type { Plan } from '../../../shared/plan/schema';

const LEARNERS = 100_000;
const MONTHS = 12;
const CHUNK = 2000;
const OPENS = 5;
const PLAN_ID = 'bench-dashboard-100000';

const SPEC = {
  name: 'dashboard.render_ms.n100000',
  unit: 'ms',
  limit: 500,
} as const satisfies MetricSpec;

function samplePlan(): Plan {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'resources/sample-plans/youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

/** Month ends, oldest first, ending on `last` (YYYY-MM-DD, a month's last day). */
function monthEnds(last: string, n: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - (n - 1 - i), 0));
    return d.toISOString().slice(0, 10);
  });
}

/** The plan with twelve monthly snapshots of the roster and the roster KPIs' actuals. */
function planWithActuals(): {
  plan: Plan;
  learners: ReturnType<typeof syntheticRoster>['learners'];
} {
  const sample = samplePlan();
  const dates = monthEnds('2027-12-31', MONTHS);
  const roster = syntheticRoster(sample, {
    learners: LEARNERS,
    seed: 11,
    asOf: dates.at(-1)!,
    spanDays: 365,
    courseRows: false,
  });
  const progress = dates.map((date, i) =>
    snapshotOf(roster.learners, date, `${date}T08:00:${String(i).padStart(2, '0')}.000Z`),
  );
  // A plan id of its own: the sample is already in the library (importing it would ask to replace it).
  const plan = structuredClone({
    ...sample,
    id: PLAN_ID,
    name: 'Dashboard bench (100,000 learners)',
    manage: { ...sample.manage, progress },
  }) as Plan;
  syncRosterActuals(plan);
  return { plan, learners: roster.learners };
}

/** Clicks "Dashboard" and resolves with the time to the first frame painted with `charts` charts drawn. */
function openDashboard(page: Page, charts: number): Promise<number> {
  return page.evaluate(
    (charts) =>
      new Promise<number>((resolve, reject) => {
        const nav = document.querySelector('nav[aria-label="Plan sections"]');
        const link = [...(nav?.querySelectorAll('a') ?? [])].find(
          (a) => a.textContent?.trim() === 'Dashboard',
        );
        if (!link) return reject(new Error('No Dashboard link.'));
        const start = performance.now();
        link.click();
        const check = () => {
          const drawn = document.querySelectorAll('[data-chart] .chart-box svg').length;
          if (drawn >= charts)
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - start);
              channel.port2.postMessage(null);
            });
          else if (performance.now() - start > 60_000)
            reject(new Error(`Only ${drawn} of ${charts} charts drawn.`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    charts,
  );
}

/** dashboard.render_ms.n100000. */
export const dashboardSuite: BenchSuite = {
  name: 'dashboard',
  metrics: [SPEC],
  async run({ browser, url }) {
    const scratch = mkdtempSync(join(tmpdir(), 'upskill-bench-dashboard-'));
    const { context, page } = await newBenchPage(browser, { isolate: true });
    page.setDefaultTimeout(300_000);
    try {
      const { plan, learners } = planWithActuals();
      const specs = dashboardCharts(dashboardOf(plan));
      const charts = 3 + specs.kpis.length;
      const actuals = plan.manage.kpis.reduce((n, k) => n + k.actuals.length, 0);
      const file = join(scratch, 'dashboard-100000.upskill.json');
      writeFileSync(file, writePlanFile(plan));
      const chunks: string[] = [];
      for (let i = 0; i < learners.length; i += CHUNK)
        chunks.push(encodeLearners(learners.slice(i, i + CHUNK)));

      await openLibrary(page, url);
      await importPlanFile(page, file);
      const planId = PLAN_ID;
      await seedRoster(page, planId, chunks, LEARNERS);
      await page.goto(`${url}#/plan/${encodeURIComponent(planId)}/objective`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
      const times: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        await waitQuiet(page, 800);
        times.push(await openDashboard(page, charts));
        await page
          .getByRole('navigation', { name: 'Plan sections' })
          .getByRole('link', { name: 'Objective', exact: true })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
      }
      return [
        measured(
          SPEC,
          median(times),
          `click on Dashboard → first frame with all ${charts} charts drawn; ${LEARNERS.toLocaleString('en-GB')} learners in the local database, ${MONTHS} monthly snapshots, ${actuals} KPI actuals; median of ${OPENS} opens (${times.map(round1).join(', ')} ms)`,
        ),
      ];
    } catch (error) {
      return [notMeasured(SPEC, reasonOf(error))];
    } finally {
      await context.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
