/** The sample plan shipped in resources/ is what every new user sees first. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { readPlanFile } from '../../shared/plan/plan-file';
import { english } from './health-english';

const text = readFileSync(
  join(
    import.meta.dirname,
    '..',
    '..',
    'resources',
    'sample-plans',
    'youth-digital-skills.upskill.json',
  ),
  'utf8',
);

describe('the sample plan', () => {
  it('is a valid current-version plan file', () => {
    const result = readPlanFile(text);
    expect(result.ok ? [] : [result.message, ...result.details]).toEqual([]);
  });

  it('is complete enough to show every section', () => {
    const result = readPlanFile(text);
    if (!result.ok) throw new Error(result.message);
    const plan = result.plan;
    expect(plan.indicators.filter((i) => i.successMeasure !== null).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(plan.theoryOfChange.nodes.some((n) => n.kind === 'impact')).toBe(true);
    expect(plan.logicModel.items.length).toBeGreaterThan(15);
    expect(plan.stakeholders.entries.length).toBeGreaterThanOrEqual(15);
    expect(plan.learners.length).toBeGreaterThanOrEqual(3);
    expect(plan.content.catalog.length).toBeGreaterThanOrEqual(25);
    expect(plan.content.decisions.length).toBeGreaterThanOrEqual(2);
    expect(plan.content.pathways.length).toBeGreaterThanOrEqual(2);
  });

  it('passes its own plan-health checks (no errors or warnings)', () => {
    const result = readPlanFile(text);
    if (!result.ok) throw new Error(result.message);
    const findings = checkPlanHealth(result.plan).filter((f) => f.severity !== 'info');
    expect(findings.map((f) => english(f.message))).toEqual([]);
  });
});
