/**
 * Item use for the Content in use chapter and sheet of an export, counted
 * from the open plan's learner roster in memory (useRoster's copy; counts
 * per item only, no learner leaves this computer's database). Undefined
 * when the plan has no roster with per-course rows: the chapter then gives
 * the content audit alone.
 */
import { contentUseSlices, type ContentUse } from '../../../../shared/manage/content-use';
import { runInSlices } from '../../../../shared/plan/freeze';
import type { Plan } from '../../../../shared/plan/schema';
import { yieldToPage } from '../../store/yield-to-page';
import { rosterState } from '../manage-roster/use-roster';

/** Counts item use on `asOf` from the roster in memory (read first if needed). */
export async function countContentUse(plan: Plan, asOf: string): Promise<ContentUse | undefined> {
  let roster = rosterState(plan.id);
  for (let waited = 0; roster.status === 'loading' && waited < 100; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    roster = rosterState(plan.id);
  }
  if (roster.status !== 'ready' || roster.courseRows.length === 0) return undefined;
  return runInSlices(contentUseSlices(plan, roster.learners, roster.courseRows, asOf), yieldToPage);
}
