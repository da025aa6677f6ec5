/**
 * Today's follow-up list at 100,000 learners (issue 14), in the built browser
 * app: a synthetic roster (obviously fake people) is stored for the sample
 * plan in the local database the way the roster API stores it (chunks of
 * 2,000 learners as encodeLearners text), the Engagement & follow-ups
 * section is opened, and the page's own User Timing entry 'followups.list'
 * (FollowUpsToday.tsx: followUpList over the roster in memory, the sample's
 * six rules) is read:
 *
 * - roster.followups_ms.n100000: the first computation after the roster is
 *   read (cold): the roster's dates turned into typed-array columns (the
 *   page's 'followups.columns' measure) plus the one pass and the sort
 *   ('followups.list');
 * - roster.followups_warm_ms.n100000 (information): the list computed again
 *   after a rule's days change (columns cached per roster).
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newBenchPage, seedRoster, waitQuiet } from '../app';
import {
  measured,
  notMeasured,
  reasonOf,
  round1,
  type BenchSuite,
  type Metric,
  type MetricSpec,
} from '../metrics';
import { encodeLearners } from '../../../shared/manage/roster';
import { syntheticRoster } from '../../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../../shared/plan/plan-file';
import { localToday } from '../../../shared/stakeholders/schedule';

const SAMPLE_ID = 'sample-youth-digital-skills';
const LEARNERS = 100_000;
const CHUNK = 2000;
const STEP_TIMEOUT_MS = 300_000;

const SPECS = {
  cold: { name: 'roster.followups_ms.n100000', unit: 'ms', limit: 200 },
  warm: { name: 'roster.followups_warm_ms.n100000', unit: 'ms' },
} as const satisfies Record<string, MetricSpec>;

/** The sample plan as the app ships it. */
function samplePlan() {
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

/** Durations of the page's measures of a name so far. */
function measures(page: Page, name = 'followups.list'): Promise<number[]> {
  return page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').map((e) => e.duration),
    name,
  );
}

/** roster.followups_ms (cold) and roster.followups_warm_ms at 100,000 learners. */
export const followUpsSuite: BenchSuite = {
  name: 'followups',
  metrics: Object.values(SPECS),
  async run({ browser, url }) {
    const metrics: Metric[] = [];
    const plan = samplePlan();
    const today = localToday();
    const roster = syntheticRoster(plan, {
      learners: LEARNERS,
      seed: 3,
      asOf: today,
      courseRows: false,
    });
    const chunks: string[] = [];
    for (let i = 0; i < LEARNERS; i += CHUNK)
      chunks.push(encodeLearners(roster.learners.slice(i, i + CHUNK)));
    const rules = plan.manage.followUps.filter((r) => r.active).length;
    const { context, page } = await newBenchPage(browser);
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    try {
      await page.goto(`${url}#/plan/${SAMPLE_ID}/engagement`);
      await page.getByRole('heading', { level: 1, name: 'Engagement & follow-ups' }).waitFor();
      await seedRoster(page, SAMPLE_ID, chunks, LEARNERS);
      await page.reload();
      await page.getByTestId('followup-total').waitFor();
      const cold = await measures(page);
      const columns = await measures(page, 'followups.columns');
      if (cold.length === 0 || columns.length === 0)
        throw new Error('The page recorded no followups.list or followups.columns measure.');
      const total = (await page.getByTestId('followup-total').textContent()) ?? '';
      metrics.push(
        measured(
          SPECS.cold,
          columns.at(-1)! + cold[0]!,
          `first computation after the roster is read: ${LEARNERS.toLocaleString('en-GB')} learners, ${rules} active rules (the sample's) — typed-array columns built ${round1(columns.at(-1)!)} ms + one pass and one sort ${round1(cold[0]!)} ms; "${total}" (one run, in the page)`,
        ),
      );
      try {
        await waitQuiet(page, 1000);
        // A rule's days change: the list is computed again on the cached columns.
        await page.getByRole('button', { name: /^1\. / }).first().click();
        const days = page.getByLabel(/^Days (after registering|without activity|after enrolling)$/);
        await days.first().fill('9');
        await days.first().blur();
        await page.waitForFunction(
          (before) => performance.getEntriesByName('followups.list', 'measure').length > before,
          cold.length,
        );
        const all = await measures(page);
        metrics.push(
          measured(
            SPECS.warm,
            all[all.length - 1]!,
            'computed again after the first rule’s days changed (columns cached per roster; one run)',
          ),
        );
      } catch (error) {
        metrics.push(notMeasured(SPECS.warm, reasonOf(error)));
      }
    } catch (error) {
      const reason = reasonOf(error);
      metrics.push(notMeasured(SPECS.cold, reason), notMeasured(SPECS.warm, reason));
    } finally {
      await context.close();
    }
    return metrics;
  },
};
