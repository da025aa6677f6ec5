import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { blankIndicator } from '../../shared/indicators/format';
import { describe, expect, it } from 'vitest';
import { copyName, copyPlan, createBlankPlan, summarisePlan } from '../../shared/plan/create';
import { readPlanFile } from '../../shared/plan/plan-file';
import { preserveUnknownFields } from '../../shared/plan/preserve-unknown';
import { Plan, PLAN_SCHEMA_VERSION } from '../../shared/plan/schema';

const root = join(import.meta.dirname, '..', '..');

describe('the plan model', () => {
  it('creates a blank plan with every section present', () => {
    const plan = createBlankPlan('New', new Date('2026-01-02T03:04:05Z'));
    expect(Plan.parse(plan)).toEqual(plan);
    expect(plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(Object.keys(plan)).toEqual(
      expect.arrayContaining([
        'objective',
        'theoryOfChange',
        'logicModel',
        'indicators',
        'stakeholders',
        'learners',
        'content',
        'launch',
        'manage',
        'skillsMap',
      ]),
    );
    expect(plan.createdAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('gives every new plan its own arrays (schema defaults are not shared)', () => {
    const a = createBlankPlan('A');
    const b = createBlankPlan('B');
    a.theoryOfChange.nodes.push({
      id: 'n',
      kind: 'impact',
      horizon: null,
      title: 'I',
      description: '',
      position: { x: 0, y: 0 },
    });
    expect(b.theoryOfChange.nodes).toEqual([]);
    expect(a.objective).not.toBe(b.objective);
    expect(a.stakeholders.questions).not.toBe(b.stakeholders.questions);
  });

  it('copies a plan under a new id without sharing objects', () => {
    const plan = createBlankPlan('Original');
    plan.indicators.push(blankIndicator('m', null, 'wages'));
    plan.indicators[0]!.name = 'Wage';
    const copy = copyPlan(plan, 'Copy');
    expect(copy.id).not.toBe(plan.id);
    copy.indicators[0]!.name = 'changed';
    expect(plan.indicators[0]!.name).toBe('Wage');
  });

  it('picks a copy name that is not taken', () => {
    expect(copyName('Plan', [])).toBe('Copy of Plan');
    expect(copyName('Plan', ['Copy of Plan', 'Copy of Plan (2)'])).toBe('Copy of Plan (3)');
  });

  it('summarises a plan for the library', () => {
    const plan = createBlankPlan('P');
    plan.objective.region = 'Lower Valley';
    expect(summarisePlan(plan)).toMatchObject({ id: plan.id, name: 'P', region: 'Lower Valley' });
  });

  it('does not let unknown fields overwrite the prototype', () => {
    const result = preserveUnknownFields(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'), {
      a: 1,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result).toEqual({ a: 1 });
  });
});

describe('plan files from every schema version', () => {
  const dir = join(root, 'test', 'fixtures', 'plan-files');
  const fixtures = readdirSync(dir).filter((f) => /^v\d+-.*\.upskill\.json$/.test(f));

  it('has a fixture for every version up to the current one', () => {
    const versions = new Set(fixtures.map((f) => Number(/^v(\d+)/.exec(f)?.[1])));
    for (let v = 1; v <= PLAN_SCHEMA_VERSION; v++) expect(versions.has(v)).toBe(true);
  });

  it.each(fixtures)('opens %s at the current version', (file) => {
    const result = readPlanFile(readFileSync(join(dir, file), 'utf8'));
    expect(result.ok ? [] : [result.message, ...result.details]).toEqual([]);
    if (result.ok) expect(result.plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
  });
});
