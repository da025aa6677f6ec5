import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankIndicator } from '../../shared/indicators/format';
import { createBlankPlan } from '../../shared/plan/create';
import { migratePlan, PLAN_MIGRATIONS, type PlanMigration } from '../../shared/plan/migrations';
import {
  decodePlanFileBytes,
  firstInvalidUtf8Offset,
  MAX_PLAN_DEPTH,
  nestsDeeperThan,
  planFileName,
  readPlanDocument,
  readPlanFile,
  utf8ByteLength,
  writeOpenablePlanFile,
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
    plan.indicators = r.measures.map((m, i) => ({
      ...blankIndicator(`m${i}`, null, 'other'),
      name: m.name,
      unit: m.unit,
      baseline: { value: m.baseline, date: null },
      target: { value: m.target, date: m.targetDate },
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
        raw.indicators.forEach((m: Record<string, unknown>) => (m.futureNote = 'kept'));
        const result = readPlanFile(JSON.stringify(raw));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const back = JSON.parse(writePlanFile(result.plan));
        const expected = JSON.parse(JSON.stringify(extra));
        expect(back.futureSection).toEqual(expected);
        expect(back.objective.futureField).toEqual(expected);
        back.indicators.forEach((m: Record<string, unknown>) => expect(m.futureNote).toBe('kept'));
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
    raw.indicators = [{ id: 'x', name: 'Placement', target: { value: 'lots' } }];
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.details).toContain(
        'Indicators › indicator 1 “Placement” › target › value: should be a number, but it is the text “lots”',
      );
  });

  it('refuses absurd numbers', () => {
    const raw = valid();
    (raw.stakeholders as { entries: unknown[] }).entries = [
      { id: 's', name: 'Ministry', power: 1e9 },
    ];
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.details).toContain(
        'Stakeholders & partners › stakeholder 1 “Ministry” › power: should be at most 100; it is the number 1000000000',
      );
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
      // The shipped steps take it on from version 1.
      ...PLAN_MIGRATIONS,
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
    // At most 120 characters, cut between whole ones (never half a flag or an emoji).
    expect(planFileName(`a${'🇩🇪'.repeat(100)}`)).toBe(`a${'🇩🇪'.repeat(59)}.upskill.json`);
    expect(planFileName(`a${'😀'.repeat(200)}`)).toBe(`a${'😀'.repeat(119)}.upskill.json`);
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

describe('parsing is total: every input gets a message, none throws', () => {
  const valid = () => JSON.parse(writePlanFile(createBlankPlan('Test'))) as Record<string, unknown>;

  /** `{"schemaVersion":1,…,"extra":[[[…]]]}` nested `depth` levels in all, built without recursion. */
  const nestedText = (depth: number) =>
    `{"schemaVersion":1,"extra":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

  it('refuses a file nested thousands of levels deep with a message, not a RangeError', () => {
    for (const depth of [MAX_PLAN_DEPTH + 1, 4_000, 200_000]) {
      expect(readPlanFile(nestedText(depth))).toEqual({
        ok: false,
        message: `This file is nested too deeply to be a plan (more than ${MAX_PLAN_DEPTH} levels).`,
        details: [],
      });
    }
  });

  it('refuses a deep document handed to readPlanDocument directly (database, backups)', () => {
    const raw = valid();
    let inner: unknown[] = [];
    raw.extra = inner;
    for (let i = 0; i < 4_000; i++) {
      const next: unknown[] = [];
      inner.push(next);
      inner = next;
    }
    expect(readPlanDocument(raw)).toMatchObject({ ok: false, message: /nested too deeply/ });
    expect(nestsDeeperThan(raw, MAX_PLAN_DEPTH)).toBe(true);
  });

  it('keeps a deep but reasonable unknown field (depth is counted, not guessed)', () => {
    const raw = valid();
    let extra: unknown = 'bottom';
    for (let i = 0; i < MAX_PLAN_DEPTH - 2; i++) extra = [extra];
    raw.extra = extra;
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.parse(writePlanFile(result.plan)).extra).toEqual(extra);
    // A bracket inside a string is text, not nesting.
    raw.extra = '['.repeat(10_000);
    expect(readPlanFile(JSON.stringify(raw)).ok).toBe(true);
  });

  it('tells a missing schemaVersion from one that is text, fractional or negative', () => {
    const withVersion = (v: unknown) => {
      const raw = valid();
      if (v === undefined) delete raw.schemaVersion;
      else raw.schemaVersion = v;
      const result = readPlanFile(JSON.stringify(raw));
      return result.ok ? 'opened' : result.message;
    };
    expect(withVersion(undefined)).toBe(
      'This file is not an Upskill Workbench plan: it has no "schemaVersion".',
    );
    const bad = (shown: string) =>
      `This file cannot be opened as a plan: its schemaVersion is ${shown}. Plan files from this version of Upskill Workbench have "schemaVersion": ${PLAN_SCHEMA_VERSION}.`;
    expect(withVersion('1')).toBe(bad('"1" (text), not a whole number'));
    expect(withVersion(1.5)).toBe(bad('1.5, not a whole number'));
    expect(withVersion(-1)).toBe(bad('-1, a negative number; plan formats count up from 1'));
    expect(withVersion(null)).toBe(bad('empty (null), not a whole number'));
    expect(withVersion(true)).toBe(bad('true (yes/no), not a whole number'));
    expect(withVersion([1])).toBe(bad('a list, not a whole number'));
    expect(withVersion({ major: 1 })).toBe(bad('a group of fields, not a whole number'));
    expect(readPlanFile('{"schemaVersion": 1e999}')).toMatchObject({
      message: bad('Infinity, not a whole number'),
    });
  });

  it('keeps unknown fields named like built-in methods as plain data that can be saved', () => {
    const raw = valid();
    const odd = {
      toString: 'kept',
      valueOf: 3,
      hasOwnProperty: false,
      constructor: { prototype: { x: 1 } },
      isPrototypeOf: null,
    };
    Object.assign(raw, odd);
    Object.assign(raw.objective as object, odd);
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const holder of [result.plan, result.plan.objective] as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(odd)) {
        expect(Object.getOwnPropertyDescriptor(holder, key)).toMatchObject({ value });
      }
    }
    // What IndexedDB does on save: a function anywhere throws DataCloneError.
    expect(() => structuredClone(result.plan)).not.toThrow();
    expect(Object.getPrototypeOf(result.plan)).toBe(Object.prototype);
  });

  it('round-trips any JSON under odd keys at every level: cloneable, and the data kept', () => {
    const oddKey = fc.oneof(
      fc.constantFrom(
        'toString',
        'valueOf',
        'hasOwnProperty',
        'constructor',
        'prototype',
        'isPrototypeOf',
        'propertyIsEnumerable',
        'toLocaleString',
        '__defineGetter__',
        '__lookupSetter__',
        'then',
      ),
      fc.string({ maxLength: 12 }).filter((k) => k !== '__proto__'),
    );
    const known = new Set(['schemaVersion', 'id', 'name', 'createdAt', 'updatedAt']);
    fc.assert(
      fc.property(fc.dictionary(oddKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), (extra) => {
        const raw = valid();
        const extras = Object.fromEntries(
          Object.entries(extra).filter(([k]) => !known.has(k) && !Object.hasOwn(raw, k)),
        );
        const objectiveKeys = new Set(Object.keys(raw.objective as object));
        const objectiveExtras = Object.fromEntries(
          Object.entries(extra).filter(([k]) => !objectiveKeys.has(k)),
        );
        const text = JSON.stringify({
          ...raw,
          ...extras,
          objective: { ...(raw.objective as object), ...objectiveExtras },
        });
        const result = readPlanFile(text);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const cloned = structuredClone(result.plan);
        const back = JSON.parse(writePlanFile(cloned)) as Record<string, unknown>;
        const expected = JSON.parse(text) as Record<string, unknown>;
        for (const key of Object.keys(extras)) expect(back[key]).toEqual(expected[key]);
        const objective = back.objective as Record<string, unknown>;
        const expectedObjective = expected.objective as Record<string, unknown>;
        for (const key of Object.keys(objectiveExtras))
          expect(objective[key]).toEqual(expectedObjective[key]);
        // And it reads back the same again.
        const again = readPlanFile(writePlanFile(cloned));
        expect(again.ok && JSON.parse(writePlanFile(again.plan))).toEqual(back);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on deeply nested, odd-keyed or binary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 3_000 }).map(nestedText),
          fc.jsonValue().map((v) => JSON.stringify({ schemaVersion: 1, toString: v })),
          fc.uint8Array({ maxLength: 64 }).map((b) => new TextDecoder().decode(b)),
        ),
        (input) => {
          const result = readPlanFile(input);
          if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a migration step that fails', () => {
  const old = () => ({
    ...(JSON.parse(writePlanFile(createBlankPlan('Old'))) as Record<string, unknown>),
    schemaVersion: 0,
  });

  it('refuses the file with a message naming the format and the reason, and changes nothing', () => {
    const throwing: PlanMigration[] = [
      {
        from: 0,
        name: 'splitTimeline',
        up: (plan) => {
          (plan as { touched?: boolean }).touched = true;
          throw new Error('the timeline has no start date.');
        },
      },
      ...PLAN_MIGRATIONS,
    ];
    const raw = old();
    const before = structuredClone(raw);
    expect(readPlanDocument(raw, throwing)).toEqual({
      ok: false,
      message:
        'This plan could not be upgraded from plan format 0: the timeline has no start date.',
      details: [
        'The upgrade step "splitTimeline" (plan format 0 to 1) failed. Nothing was changed.',
      ],
    });
    // The step changed its own copy; the document handed in is as it was.
    expect(raw).toEqual(before);
    expect(migratePlan(raw, throwing)).toEqual({
      ok: false,
      failure: {
        kind: 'stepFailed',
        version: 0,
        step: 'splitTimeline',
        reason: 'the timeline has no start date.',
      },
    });
  });

  it('names the step that failed in a chain, and a step that returns no plan', () => {
    // Format 0 → 1 works, 1 → 2 fails: the message names the second step.
    const chain: PlanMigration[] = [
      { from: 0, name: 'first', up: (p) => ({ ...p, first: true }) },
      {
        from: 1,
        name: 'second',
        up: () => {
          throw new RangeError('too many segments');
        },
      },
    ];
    expect(migratePlan(old(), chain, 2)).toEqual({
      ok: false,
      failure: { kind: 'stepFailed', version: 1, step: 'second', reason: 'too many segments' },
    });
    const empty = readPlanDocument(old(), [
      { from: 0, name: 'broken', up: () => null as never },
      ...PLAN_MIGRATIONS,
    ]);
    expect(empty).toMatchObject({
      ok: false,
      message:
        'This plan could not be upgraded from plan format 0: the upgrade step did not produce a plan.',
    });
    const odd = readPlanDocument(old(), [
      {
        from: 0,
        name: 'odd',
        up: () => {
          // A careless step may throw a string, with a line break in it.
          throw 'bad\nthing';
        },
      },
      ...PLAN_MIGRATIONS,
    ]);
    expect(odd).toMatchObject({ message: expect.stringContaining('plan format 0: bad thing.') });
  });

  it('does not copy a plan that needs no migration', () => {
    const raw = JSON.parse(writePlanFile(createBlankPlan('Now'))) as Record<string, unknown>;
    const result = migratePlan(raw);
    expect(result.ok && result.plan).toBe(raw);
  });
});

describe('decoding plan file bytes', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(
      parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
    );

  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodePlanFileBytes(bytes('{"name":"Zoë 😀"}'))).toEqual({
      ok: true,
      text: '{"name":"Zoë 😀"}',
    });
    expect(decodePlanFileBytes(bytes([0xef, 0xbb, 0xbf], '{}'))).toEqual({ ok: true, text: '{}' });
  });

  it('names the line, column and byte offset of the first sequence that is not UTF-8', () => {
    // "Café" saved as Windows-1252 on line 3.
    const result = decodePlanFileBytes(
      bytes('{\n  "schemaVersion": 1,\n  "name": "Caf', [0xe9], '"\n}'),
      'plan.upskill.json',
    );
    expect(result).toEqual({
      ok: false,
      message:
        'plan.upskill.json is not a UTF-8 text file: the bytes at line 3, column 15 (byte offset 38) are not valid UTF-8. Save it as UTF-8 text and open it again.',
      offset: 38,
      line: 3,
      column: 15,
    });
    // Columns count characters, and a BOM is not one.
    expect(decodePlanFileBytes(bytes([0xef, 0xbb, 0xbf], 'ü', [0xc0, 0x80]))).toMatchObject({
      ok: false,
      line: 1,
      column: 2,
      offset: 5,
    });
    // A sequence cut off at the end of the file.
    expect(decodePlanFileBytes(bytes('ok', [0xf0, 0x9f, 0x98]))).toMatchObject({ offset: 2 });
  });

  it('agrees with the standard strict decoder on any bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc
            .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.uint8Array({ maxLength: 4 }))
            .map(([s, tail]) => bytes(s, [...tail])),
        ),
        (input) => {
          let strict: string | null;
          try {
            strict = new TextDecoder('utf-8', { fatal: true }).decode(input);
          } catch {
            strict = null;
          }
          const offset = firstInvalidUtf8Offset(input);
          expect(offset === -1).toBe(strict !== null);
          const decoded = decodePlanFileBytes(input);
          if (strict !== null) expect(decoded).toEqual({ ok: true, text: strict });
          else {
            expect(decoded).toMatchObject({ ok: false, offset });
            // Everything before the reported offset is valid.
            expect(() =>
              new TextDecoder('utf-8', { fatal: true }).decode(input.subarray(0, offset)),
            ).not.toThrow();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('writeOpenablePlanFile', () => {
  it('writes indented text when it fits, compact text when only that fits, and refuses beyond', () => {
    const plan = createBlankPlan('Size');
    const pretty = writePlanFile(plan);
    expect(writeOpenablePlanFile(plan)).toEqual({ ok: true, text: pretty });
    const compact = `${JSON.stringify(plan)}\n`;
    expect(writeOpenablePlanFile(plan, compact.length)).toEqual({ ok: true, text: compact });
    expect(writeOpenablePlanFile(plan, compact.length - 1)).toEqual({
      ok: false,
      bytes: compact.length,
    });
    // What it writes opens again.
    expect(readPlanFile(compact)).toMatchObject({ ok: true, plan });
  });
});
