/**
 * The sample plan's learner roster, stored in the local database when the
 * sample is first seeded, so its Manage sections (Learner progress,
 * Engagement & follow-ups, KPIs, Content in use) have learners to show.
 *
 * SYNTHETIC: fake people only — "Learner 00001", learner00001@example.org,
 * platform id L00001 — made deterministically by shared/manage/sample-roster.ts
 * (the sample's 2026 pilot cohort, whose aggregates the sample plan holds).
 * No real person is in it. Its dates move forward with the sample plan's
 * (shared/plan/sample.ts), so both stay as of the same day.
 */
import {
  SAMPLE_ROSTER_DATE,
  sampleRoster,
  shiftRoster,
} from '../../../shared/manage/sample-roster';
import { monthsSinceSample, shiftDate } from '../../../shared/plan/sample';
import type { Plan } from '../../../shared/plan/schema';
import { storeRoster } from '../db/roster';

/** The name the seeded roster is listed under, saying what it is. */
export const SAMPLE_ROSTER_FILE = 'Sample roster (synthetic, fake learners).csv';

/** Stores the synthetic roster of the sample plan `plan` (already moved to `today`). */
export async function seedSampleRoster(plan: Plan, today: string): Promise<void> {
  const months = monthsSinceSample(today);
  const { learners, courseRows } = shiftRoster(sampleRoster(plan), months);
  await storeRoster(plan.id, learners, courseRows, {
    fileName: SAMPLE_ROSTER_FILE,
    date: shiftDate(SAMPLE_ROSTER_DATE, months),
  });
}
