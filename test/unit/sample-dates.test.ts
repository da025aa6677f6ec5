/** The sample plan's dates lie ahead of whoever opens it first (issue 10: nothing overdue). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { readPlanFile } from '../../shared/plan/plan-file';
import { monthsSinceSample, sampleAsOf, SAMPLE_AS_OF, shiftDate } from '../../shared/plan/sample';
import { Plan } from '../../shared/plan/schema';
import { english } from './health-english';

const sample = (() => {
  const result = readPlanFile(
    readFileSync(
      join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
      'utf8',
    ),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

describe('the sample plan as of today', () => {
  it('moves dates by whole months, month ends staying month ends', () => {
    expect(shiftDate('2028-06-30', 1)).toBe('2028-07-31');
    expect(shiftDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(shiftDate('2026-12-09', 14)).toBe('2028-02-09');
    expect(shiftDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(monthsSinceSample(SAMPLE_AS_OF)).toBe(0);
    expect(monthsSinceSample('2026-12-19')).toBe(0);
    expect(monthsSinceSample('2026-12-20')).toBe(1);
    expect(monthsSinceSample('2025-01-01')).toBe(0);
  });

  it('is unchanged on its own day and valid, healthy and not overdue two years later', () => {
    expect(sampleAsOf(sample, SAMPLE_AS_OF)).toBe(sample);
    const today = '2028-12-03';
    const later = Plan.parse(sampleAsOf(sample, today));
    expect(later.objective.timeline.launch.start! > today).toBe(true);
    for (const entry of later.stakeholders.entries)
      for (const action of entry.actions)
        if (!action.done && action.when) expect(action.when > today, action.what).toBe(true);
    expect(checkPlanHealth(later).map((f) => english(f.message))).toEqual([]);
    // Texts are kept; only dates move.
    expect(later.name).toBe(sample.name);
  });
});
