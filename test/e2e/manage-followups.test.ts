/**
 * Engagement & follow-ups (issue 14), in the browser. A synthetic roster
 * (obviously fake learners, "Learner 00001", learner00001@example.org) is
 * stored for the sample plan in the local database the way the roster API
 * stores it (chunks of encodeLearners text); then a suggested follow-up rule
 * is added through the UI and moved to the top, today's list shows the count the shared logic
 * computes for the same plan and roster, the list is exported as CSV for
 * the SMS tool and read back (one row per listed learner, Phone then Email
 * columns, the message in Brevo's merge syntax), a learner is marked as a top
 * learner, and the licences that can be freed are counted. The list shows the
 * current cohorts (the sample's pilot has ended: its learners are left out
 * until "Every cohort" is chosen), keeps the chosen rule when the rules are
 * reordered (by id), and leaves out the learners just exported for contact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { FOLLOW_UP_SUGGESTIONS, ruleFrom } from '../../shared/manage/engagement-suggestions';
import { filterFollowUps, followUpList, licenceRelease } from '../../shared/manage/follow-ups';
import { sampleAsOf } from '../../shared/plan/sample';
import { encodeLearners } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { localToday } from '../../shared/stakeholders/schedule';
import { longDate } from '../../shared/long-date';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const LEARNERS = 600;
const CHUNK = 200;

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  // As the app opens it: its dates moved to lie ahead of today.
  return sampleAsOf(result.plan, localToday());
})();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Stores a roster for a plan in chunks, as renderer/src/db/roster.ts storeRosterChunks does. */
async function seedRoster(page: Page, planId: string, chunks: string[], count: number) {
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

/** A screenshot of what the window shows, with `heading` scrolled to the top. */
async function viewShot(page: Page, name: string, heading: string) {
  await page
    .getByRole('heading', { name: heading, exact: true })
    .evaluate((el) => el.scrollIntoView());
  await screenshot(page, name, { fullPage: false });
}

/** axe-core's serious and critical findings, and any width beyond the window. */
async function problems(page: Page): Promise<string[]> {
  const found = (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  if (overflow > 0) found.push(`page ${overflow} px wider than the window`);
  return found;
}

function planIdOf(page: Page): string {
  const m = /#\/plan\/([^/]+)\//.exec(page.url());
  if (!m) throw new Error(`No plan in ${page.url()}`);
  return decodeURIComponent(m[1]!);
}

describe('Engagement & follow-ups', () => {
  it('adds a rule, shows today’s list, exports it as CSV for the mail tool and reads it back', async () => {
    const today = localToday();
    const roster = syntheticRoster(sample, { learners: LEARNERS, seed: 11, asOf: today });
    const learners = roster.learners;
    const chunks: string[] = [];
    for (let i = 0; i < learners.length; i += CHUNK)
      chunks.push(encodeLearners(learners.slice(i, i + CHUNK)));

    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    await page.getByRole('link', { name: /^Engagement & follow-ups/ }).click();
    await page.getByRole('heading', { name: 'Engagement & follow-ups', level: 1 }).waitFor();
    await seedRoster(page, planIdOf(page), chunks, learners.length);
    await page.reload();
    await page.getByRole('heading', { name: 'Engagement & follow-ups', level: 1 }).waitFor();

    // An activity from a suggestion, with an owner.
    await page
      .getByLabel('Suggested activity')
      .selectOption({ label: 'Learner help desk (Weekdays, office hours)' });
    await page.getByRole('button', { name: 'Add activity' }).click();
    await page.getByLabel('Owner').fill('Support team');

    // A suggested rule (no activity for two weeks, by text message), moved to the top:
    // a learner is listed under the first rule that holds.
    const existing = sample.manage.followUps.length;
    await page.getByLabel('Suggested rule').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add rule' }).click();
    for (let i = 0; i < existing; i++)
      await page.getByRole('button', { name: 'Move “Quiet for two weeks” up' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Move “Quiet for two weeks” up' }).isDisabled())
      .toBe(true);
    const rule = ruleFrom(FOLLOW_UP_SUGGESTIONS[1]!, 'fu-e2e');
    const plan: Plan = {
      ...sample,
      manage: { ...sample.manage, followUps: [rule, ...sample.manage.followUps] },
    };
    const list = followUpList(plan, learners, today);
    // Current cohorts: the sample's day falls between its pilot, which has ended, and
    // Cohort 1, which has not started — its roster is the pilot's, so nobody is listed
    // until "Every cohort" is chosen.
    const view = filterFollowUps(plan, list, learners, { ruleId: null, cohort: 'current' });
    expect(view.inEndedCohorts).toBeGreaterThan(0);
    const every = filterFollowUps(plan, list, learners, { ruleId: null, cohort: 'all' });
    const mine = every.countByRule[0]!;
    expect(mine).toBeGreaterThan(0);

    const total = page.getByTestId('followup-total');
    await expect
      .poll(() => total.textContent())
      .toBe(
        `${view.total.toLocaleString('en-GB')} ${view.total === 1 ? 'learner' : 'learners'} to contact on ${longDate(today)}.`,
      );
    await expect
      .poll(() => page.getByTestId('followup-left-out').textContent())
      .toMatch(
        new RegExp(
          `^${view.inEndedCohorts} learners? of a cohort that has ended \\(Pilot 2026\\) left out`,
        ),
      );
    // Every cohort: the whole list.
    await page.getByLabel('Cohort', { exact: true }).selectOption('all');
    await expect
      .poll(() => total.textContent())
      .toMatch(new RegExp(`^${every.total.toLocaleString('en-GB')} learners`));
    const counts = page.getByRole('table', { name: 'Learners to contact per rule' });
    await expect
      .poll(() => counts.getByRole('row').nth(1).textContent())
      .toBe(`Quiet for two weeksText message${mine.toLocaleString('en-GB')}`);
    await page.getByRole('region', { name: 'Learners to contact today' }).waitFor();
    await waitUntilSaved(page);
    await screenshot(page, 'manage-followups-1280');
    expect(await problems(page)).toEqual([]);
    await viewShot(page, 'manage-followups-rules-1280', 'Follow-up rules');
    await viewShot(page, 'manage-followups-today-1280', 'Today’s follow-ups');

    // The sample's rules are in escalation order; the rule moved above them hides its
    // month-long escalation, which is flagged beside it.
    const hidden = page.getByText(
      /^The follow-up rule “No activity for a month: last call before pausing” never lists anyone: “Quiet for two weeks”, before it/,
    );
    await hidden.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'manage-followups-hidden-rule-1280', { fullPage: false });

    // The counts (no person) kept in the plan for the reports.
    await page.getByRole('button', { name: 'Keep today’s counts in the plan' }).click();
    await page
      .getByText(
        `Kept today’s follow-up counts in the plan (${view.total.toLocaleString('en-GB')} learners, no names) for the Word and Excel reports.`,
      )
      .waitFor();

    // Export the rule's learners for Brevo and read the file back. The rule is chosen by
    // id: moving it down and back up keeps the choice.
    const learnersOf = page.getByLabel('Learners of');
    await learnersOf.selectOption({ index: 1 });
    const chosen = await learnersOf.inputValue();
    const checked = () => learnersOf.locator('option:checked').textContent();
    await page.getByRole('button', { name: 'Move “Quiet for two weeks” down' }).click();
    await expect.poll(checked).toMatch(/^Quiet for two weeks \(/);
    await page.getByRole('button', { name: 'Move “Quiet for two weeks” up' }).click();
    await expect.poll(checked).toMatch(/^Quiet for two weeks \(/);
    expect(await learnersOf.inputValue()).toBe(chosen);
    await page.getByLabel('Mail tool (merge syntax of the message)').selectOption('brevo');
    await page.getByText(/it is a local export for your mail or SMS tool/).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV for the mail or SMS tool' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(['Phone', 'Email', 'First name', 'Last name', 'Message']);
    expect(parsed.data).toHaveLength(mine);
    // No segment (a learner group can be a sensitive status) goes to the mail tool.
    for (const s of plan.learners) if (s.name) expect(text).not.toContain(s.name);
    const listed = new Set<string>();
    const ofRule = filterFollowUps(plan, list, learners, { ruleId: rule.id, cohort: 'all' });
    for (const row of ofRule.rows) listed.add(learners[list.learner[row]!]!.email);
    expect(new Set(parsed.data.map((r) => r.Email))).toEqual(listed);
    // Exported for contact: marked contacted today, so left out of the list for 14 days.
    await expect
      .poll(() => page.getByTestId('followup-left-out').textContent())
      .toContain(`${mine} learners contacted in the last 14 days left out.`);
    await expect
      .poll(() => total.textContent())
      .toMatch(new RegExp(`^${(every.total - mine).toLocaleString('en-GB')} learners? to contact`));
    for (const r of parsed.data.slice(0, 20)) {
      expect(r.Phone).toBe('');
      expect(r.Message).toContain('{{ contact.FIRSTNAME }}');
      expect(r.Message).not.toContain('{programName}');
    }

    // Mark a top learner (kept in the local roster).
    await page.getByLabel('Rank learners by').selectOption('hours');
    const top = page.getByRole('table', { name: 'Top learners' });
    const marked = learners.filter((l) => l.topLearner).length + 1;
    // The mark is written to the local database, then shown: a click, not check().
    await top.getByRole('checkbox', { checked: false }).first().click();
    await page
      .getByText(
        new RegExp(`^For recognition and learner stories.*${marked} learners? (is|are) marked\\.`),
      )
      .waitFor();
    await expect
      .poll(() => top.getByRole('checkbox', { checked: true }).count())
      .toBeGreaterThan(0);

    // Licences that can be freed, against the shared logic.
    const release = licenceRelease(plan, learners, today, 'all');
    await expect
      .poll(() => page.getByTestId('licence-summary').textContent())
      .toMatch(
        new RegExp(
          `^${release.length.toLocaleString('en-GB')} licences? can be freed: .* ${release.holding.toLocaleString('en-GB')} learners? holds? a licence now`,
        ),
      );

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('heading', { name: 'Today’s follow-ups' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'manage-followups-1920');
    expect(await problems(page)).toEqual([]);
    await viewShot(page, 'manage-followups-activities-1920', 'Engagement activities');
    await viewShot(page, 'manage-followups-today-1920', 'Today’s follow-ups');
    await viewShot(page, 'manage-followups-top-1920', 'Top learners');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
