import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import type { PlanMigration } from '../../shared/plan/migrations';
import {
  planFileName,
  readPlanFile,
  utf8ByteLength,
  writePlanFile,
} from '../../shared/plan/plan-file';
import { PLAN_SCHEMA_VERSION, type Plan } from '../../shared/plan/schema';

const text = fc.string({ unit: 'grapheme', maxLength: 60 });
const optionalNumber = fc.option(
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
  {
    nil: null,
  },
);
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Plans with arbitrary (Unicode, RTL, emoji) text and numbers in the parts users type. */
const planArbitrary: fc.Arbitrary<Plan> = fc
  .record({
    name: text,
    programName: text,
    problem: fc.string({ unit: 'binary', maxLength: 200 }),
    measures: fc.array(
      fc.record({
        name: text,
        unit: text,
        baseline: optionalNumber,
        target: optionalNumber,
        targetDate: fc.option(isoDate, { nil: null }),
      }),
      { maxLength: 5 },
    ),
    stakeholders: fc.array(
      fc.record({
        name: text,
        power: fc.integer({ min: 0, max: 100 }),
        interest: fc.double({ min: 0, max: 100, noNaN: true }).map((n) => n + 0),
      }),
      { maxLength: 5 },
    ),
  })
  .map((r) => {
    const plan = createBlankPlan(r.name, new Date('2026-11-22T10:00:00Z'));
    plan.objective.programName = r.programName;
    plan.objective.problemStatement = r.problem;
    plan.objective.successMeasures = r.measures.map((m, i) => ({
      id: `m${i}`,
      kind: 'other',
      ...m,
    }));
    plan.stakeholders.entries = r.stakeholders.map((s, i) => ({
      ...plan.stakeholders.entries[0],
      id: `s${i}`,
      organisation: '',
      role: '',
      relation: 'stakeholder',
      partnerType: null,
      currentStance: 'neutral',
      desiredStance: 'supportive',
      owner: '',
      contact: '',
      nextCheckpoint: null,
      notes: '',
      desiredPosition: null,
      interventionIds: [],
      actions: [],
      history: [],
      ...s,
    }));
    return plan;
  });

describe('plan file round trip', () => {
  it('reads back exactly what it wrote, for any plan', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const result = readPlanFile(writePlanFile(plan));
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.plan).toEqual(plan);
          expect(result.migratedFrom).toBeNull();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps fields it does not know, at every level', () => {
    fc.assert(
      fc.property(planArbitrary, fc.jsonValue(), (plan, extra) => {
        const raw = JSON.parse(writePlanFile(plan));
        raw.futureSection = extra;
        raw.objective.futureField = extra;
        raw.objective.successMeasures.forEach(
          (m: Record<string, unknown>) => (m.futureNote = 'kept'),
        );
        const result = readPlanFile(JSON.stringify(raw));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const back = JSON.parse(writePlanFile(result.plan));
        const expected = JSON.parse(JSON.stringify(extra));
        expect(back.futureSection).toEqual(expected);
        expect(back.objective.futureField).toEqual(expected);
        back.objective.successMeasures.forEach((m: Record<string, unknown>) =>
          expect(m.futureNote).toBe('kept'),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary input, and accepts only valid plans', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (input) => {
          const result = readPlanFile(input);
          if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reading bad plan files', () => {
  const valid = () => JSON.parse(writePlanFile(createBlankPlan('Test'))) as Record<string, unknown>;

  it('refuses an empty file', () => {
    expect(readPlanFile('  \n')).toMatchObject({ ok: false, message: 'This file is empty.' });
  });

  it('refuses text that is not JSON and says so', () => {
    const result = readPlanFile('{"schemaVersion": 1, "name": ');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
  });

  it('refuses JSON that is not a plan', () => {
    expect(readPlanFile('[1,2,3]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not an Upskill Workbench plan'),
    });
    expect(readPlanFile('{"hello": "world"}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('schemaVersion'),
    });
  });

  it('refuses a plan from a newer version with a message naming both versions', () => {
    const raw = { ...valid(), schemaVersion: PLAN_SCHEMA_VERSION + 1 };
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('newer version');
      expect(result.message).toContain(String(PLAN_SCHEMA_VERSION + 1));
    }
  });

  it('names the field that is wrong', () => {
    const raw = valid();
    (raw.objective as Record<string, unknown>).successMeasures = [
      { id: 'x', name: 'Placement', target: 'lots' },
    ];
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.details.join('\n')).toContain('objective.successMeasures[0].target');
  });

  it('refuses absurd numbers', () => {
    const raw = valid();
    (raw.stakeholders as { entries: unknown[] }).entries = [
      { id: 's', name: 'Ministry', power: 1e9 },
    ];
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details.join()).toContain('stakeholders.entries[0].power');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `{"schemaVersion":1,"pad":"${'x'.repeat(2048)}"}`;
    const result = readPlanFile(big, { maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('at most') });
  });

  it('reads a file with a byte-order mark', () => {
    expect(readPlanFile(`\uFEFF${writePlanFile(createBlankPlan('BOM'))}`).ok).toBe(true);
  });
});

describe('migrations', () => {
  it('applies each step in order and reports where the plan came from', () => {
    // A hypothetical format 0 kept the program name at the top level.
    const migrations: PlanMigration[] = [
      {
        from: 0,
        name: 'addObjective',
        up: (p) => ({ ...p, objective: { programName: p.program } }),
      },
    ];
    const old = {
      ...JSON.parse(writePlanFile(createBlankPlan('Old'))),
      schemaVersion: 0,
      program: 'Youth Digital',
    };
    delete old.objective;
    const result = readPlanFile(JSON.stringify(old), { migrations });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.migratedFrom).toBe(0);
      expect(result.plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
      expect(result.plan.objective.programName).toBe('Youth Digital');
    }
  });

  it('refuses a version it has no migration for', () => {
    const old = { ...JSON.parse(writePlanFile(createBlankPlan('Old'))), schemaVersion: 0 };
    expect(readPlanFile(JSON.stringify(old))).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown plan format'),
    });
  });
});

describe('file names and sizes', () => {
  it('sanitises plan names into safe file names', () => {
    expect(planFileName('Lower Valley: 2027/28')).toBe('Lower Valley 2027 28.upskill.json');
    expect(planFileName('  ..  ')).toBe('Untitled plan.upskill.json');
    expect(planFileName('CON')).toBe('Untitled plan.upskill.json');
    expect(planFileName('a\u0000b\u000bc')).toBe('a b c.upskill.json');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const file = planFileName(name);
        expect(file).toMatch(/\.upskill\.json$/);
        // eslint-disable-next-line no-control-regex
        expect(file).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
      }),
    );
  });

  it('counts UTF-8 bytes like TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
  });
});
