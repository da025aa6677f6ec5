/**
 * The learner rosters of the bundled example plans, stored in the local
 * database when an example is added (and the sample on first start), so
 * their Manage sections (Learner progress, Engagement & follow-ups, KPIs,
 * Content in use) have learners to show.
 *
 * SYNTHETIC: fake people only — "Learner 00001", learner00001@example.org,
 * platform id L00001 — made deterministically from each example's story
 * (shared/manage/story-roster.ts; the sample's is its 2026 pilot cohort,
 * shared/manage/sample-roster.ts), whose aggregates the plan holds. No real
 * person is in them. Their dates move forward with the plan's
 * (shared/plan/sample.ts), so both stay as of the same day.
 */
import { SAMPLE_ROSTER_STORY } from '../../../shared/manage/sample-roster';
import {
  shiftRoster,
  storyRoster,
  storyRosterDate,
  type RosterStory,
} from '../../../shared/manage/story-roster';
import { monthsSinceSample, shiftDate } from '../../../shared/plan/sample';
import type { Plan } from '../../../shared/plan/schema';
import { storeRoster } from '../db/roster';

/** The name the sample's seeded roster is listed under, saying what it is. */
export const SAMPLE_ROSTER_FILE = 'Sample roster (synthetic, fake learners).csv';

/**
 * Stores the synthetic roster told by `story` for `plan` (an example already
 * moved to `today`, under any id), listed as `fileName`.
 */
export async function seedExampleRoster(
  plan: Plan,
  story: RosterStory,
  fileName: string,
  today: string,
): Promise<void> {
  const months = monthsSinceSample(today);
  const { learners, courseRows } = shiftRoster(storyRoster(plan, story), months);
  await storeRoster(plan.id, learners, courseRows, {
    fileName,
    date: shiftDate(storyRosterDate(story), months),
  });
}

/** Stores the synthetic roster of the sample plan `plan` (already moved to `today`). */
export function seedSampleRoster(plan: Plan, today: string): Promise<void> {
  return seedExampleRoster(plan, SAMPLE_ROSTER_STORY, SAMPLE_ROSTER_FILE, today);
}
