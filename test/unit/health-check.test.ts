/** The whole plan-health check: ordering, counts, repairs, the sample plan and large plans. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  applyRepair,
  checkPlanHealth,
  countBySeverity,
  HEALTH_INPUTS,
  problemCount,
} from '../../shared/health/check';
import { readPlanFile } from '../../shared/plan/plan-file';
import { healthyPlan, indicator } from './health-fixtures';
import { english } from './health-english';

const samplePath = join(
  import.meta.dirname,
  '..',
  '..',
  'resources',
  'sample-plans',
  'youth-digital-skills.upskill.json',
);

describe('checkPlanHealth', () => {
  it('reads only the parts of the plan it declares (so findings can be reused after other edits)', () => {
    const result = readPlanFile(readFileSync(samplePath, 'utf8'));
    if (!result.ok) throw new Error(result.message);
    const read = new Set<string>();
    const watched = new Proxy(result.plan, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    checkPlanHealth(watched);
    expect([...read].sort()).toEqual([...HEALTH_INPUTS].sort());
  });

  it('finds nothing in a healthy plan', () => {
    expect(checkPlanHealth(healthyPlan())).toEqual([]);
  });

  it('lists errors first, then warnings, then info, and counts them', () => {
    const plan = produce(healthyPlan(), (draft) => {
      draft.theoryOfChange.links[0]!.rationale = '';
      draft.indicators = draft.indicators.filter((i) => i.id !== 'i-out');
      draft.logicModel.links.push({ id: 'loop', source: 'lto', target: 'in' });
    });
    const findings = checkPlanHealth(plan);
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'logic-model-cycle'],
      ['warning', 'outcome-without-indicator'],
      ['info', 'link-without-rationale'],
    ]);
    expect(countBySeverity(findings)).toEqual({ error: 1, warning: 1, info: 1 });
    expect(problemCount(findings)).toBe(2);
  });

  it('gives every finding a unique id and a sentence that ends with a full stop', () => {
    const result = readPlanFile(readFileSync(samplePath, 'utf8'));
    if (!result.ok) throw new Error(result.message);
    const findings = checkPlanHealth(result.plan);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    for (const f of findings) expect(english(f.message)).toMatch(/^[A-Z].*\.$/);
  });

  it('checks the sample plan: a sound model with a few honest gaps', () => {
    const result = readPlanFile(readFileSync(samplePath, 'utf8'));
    if (!result.ok) throw new Error(result.message);
    const findings = checkPlanHealth(result.plan);
    const rules = new Set(findings.map((f) => f.rule));
    // The sample's structure is sound; what is left to do is measurement.
    for (const rule of [
      'logic-model-cycle',
      'dangling-reference',
      'no-impact',
      'orphan-node',
      'leads-nowhere',
      'not-traced',
    ])
      expect(rules.has(rule as never)).toBe(false);
    expect(countBySeverity(findings).error).toBe(0);
  });
});

describe('applyRepair', () => {
  it('removes what a dangling reference points from, and the finding goes away', () => {
    const broken = produce(healthyPlan(), (draft) => {
      draft.indicators.push(indicator({ id: 'ghost', subjectId: 'deleted' }));
      draft.logicModel.links.push({ id: 'ghost-arrow', source: 'out', target: 'deleted' });
      draft.theoryOfChange.links.push({
        id: 'ghost-link',
        source: 'deleted',
        target: 'impact',
        rationale: 'x',
        assumptions: [],
        evidence: 'none',
      });
    });
    const findings = checkPlanHealth(broken);
    expect(findings).toHaveLength(3);
    const repaired = produce(broken, (draft) => {
      for (const f of findings) if (f.repair) applyRepair(draft, f.repair);
    });
    expect(checkPlanHealth(repaired)).toEqual([]);
    expect(repaired.indicators.map((i) => i.id)).not.toContain('ghost');
  });
});
