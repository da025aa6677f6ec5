import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../shared/plan/plan-file';
import {
  applyPlanRecords,
  bucketOf,
  diffPlanRecords,
  diffPlanRecordsInSlices,
  DIFF_SLICE,
  elementKeys,
  PLAN_LISTS,
  planToRecords,
  readPlanRecord,
  recordsToPlan,
  type PlanRecord,
} from '../../shared/plan/records';
import type { Plan } from '../../shared/plan/schema';

const sampleText = readFileSync(
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
function sample(): Plan {
  const result = readPlanFile(sampleText);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

/** Applies record changes to a record map, as storage would. */
function store(records: Map<string, unknown>, changes: readonly PlanRecord[]) {
  const next = new Map(records);
  for (const { key, value } of changes) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
const asMap = (records: PlanRecord[]) => new Map(records.map((r) => [r.key, r.value]));
/** Records in a form that ignores the order of elements inside a bucket (which does not matter). */
function canonical(records: Map<string, unknown>) {
  const out = new Map<string, unknown>();
  for (const [key, value] of records) {
    if (!key.startsWith('b:')) out.set(key, value);
    else {
      const { keys, elements } = value as { keys: string[]; elements: unknown[] };
      const pairs = keys.map((k, i) => [k, elements[i]] as const);
      out.set(
        key,
        pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      );
    }
  }
  return out;
}
const asRecords = (map: Map<string, unknown>) => [...map].map(([key, value]) => ({ key, value }));

type Edit = (plan: Plan, pick: number) => Plan;

function listAt(draft: Plan, i: number): { id?: string }[] {
  const [section, field] = PLAN_LISTS[i % PLAN_LISTS.length]! as readonly string[];
  const value = (draft as unknown as Record<string, unknown>)[section!];
  return (field ? (value as Record<string, unknown>)[field] : value) as { id?: string }[];
}

/** Edits a planner can make, each as an immutable update. */
const EDITS: Edit[] = [
  (plan, n) => produce(plan, (d) => void (d.objective.region = `Region ${n}`)),
  (plan, n) => produce(plan, (d) => void (d.name = `Plan ${n}`)),
  (plan, n) =>
    produce(plan, (d) => {
      const list = listAt(d, n);
      if (list.length) list.splice(n % list.length, 1);
    }),
  (plan, n) =>
    produce(plan, (d) => {
      const list = listAt(d, n);
      if (list.length) list.push({ ...list[n % list.length]!, id: `new-${n}-${list.length}` });
    }),
  (plan, n) =>
    produce(plan, (d) => {
      const list = listAt(d, n);
      if (list.length > 1) list.reverse();
    }),
  (plan, n) =>
    produce(plan, (d) => {
      const item = d.content.catalog[n % Math.max(1, d.content.catalog.length)];
      if (item) item.title = `Course ${n}`;
    }),
  (plan, n) =>
    produce(plan, (d) => {
      (d as unknown as Record<string, unknown>)[`x-extra-${n % 3}`] = { n };
      (d.theoryOfChange as unknown as Record<string, unknown>).futureField = n;
    }),
  (plan, n) => produce(plan, (d) => void (d.theoryOfChange.narrative = `Narrative ${n}`)),
  (plan, n) =>
    produce(plan, (d) => {
      const list = listAt(d, n);
      // Move one element a few places, and insert a new one in the middle.
      if (list.length > 2) {
        const [moved] = list.splice(n % list.length, 1);
        list.splice((n * 7) % list.length, 0, moved!);
        list.splice(n % list.length, 0, { ...list[0]!, id: `mid-${n}-${list.length}` });
      }
    }),
  (plan, n) =>
    produce(plan, (d) => {
      const list = listAt(d, n);
      // A duplicated id, as a hand-merged file might hold.
      if (list.length) list.push(list[0]!);
    }),
];

describe('plan records', () => {
  it('rebuilds a plan exactly from its records, key order included', () => {
    const plan = sample();
    const rebuilt = recordsToPlan(planToRecords(plan));
    expect(rebuilt).toEqual(plan);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(plan));
  });

  it(
    'finds exactly the changed records, and applying them gives the new plan',
    { timeout: 120_000 },
    () => {
      const base = sample();
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat(1000)), {
            minLength: 1,
            maxLength: 6,
          }),
          (steps) => {
            let before = base;
            let records = asMap(planToRecords(base));
            for (const [edit, n] of steps) {
              const after = EDITS[edit]!(before, n);
              const changes = diffPlanRecords(before, after);
              records = store(
                records,
                changes.map((c) => ({ key: c.key, value: c.after })),
              );
              // Storage now holds exactly the new plan's records.
              expect(canonical(records)).toEqual(canonical(asMap(planToRecords(after))));
              expect(JSON.stringify(recordsToPlan(asRecords(records)))).toBe(JSON.stringify(after));
              // Applying the changes to the old plan in memory gives the new plan.
              const applied = applyPlanRecords(
                before,
                changes.map((c) => ({ key: c.key, value: c.after })),
              );
              expect(JSON.stringify(applied)).toBe(JSON.stringify(after));
              // …and reverting them gives the old plan back.
              const reverted = applyPlanRecords(
                after,
                changes.map((c) => ({ key: c.key, value: c.before })),
              );
              expect(JSON.stringify(reverted)).toBe(JSON.stringify(before));
              before = after;
            }
          },
        ),
        { numRuns: 80 },
      );
    },
  );

  it('touches one record when one field of one element changes, in a 10,000-item catalog', () => {
    const base = produce(sample(), (d) => {
      const template = d.content.catalog[0]!;
      for (let i = 0; i < 10_000; i++) d.content.catalog.push({ ...template, id: `big-${i}` });
    });
    const after = produce(base, (d) => void (d.content.catalog[5000]!.title = 'Renamed'));
    const changes = diffPlanRecords(base, after);
    expect(changes.map((c) => c.key)).toEqual([
      `b:content.catalog:${bucketOf(after.content.catalog[5000]!.id)}`,
    ]);
    // The bucket holds about 1/256 of the catalog, not all of it.
    expect((changes[0]!.after as { elements: unknown[] }).elements.length).toBeLessThan(120);
    const typed = produce(base, (d) => void (d.objective.region = 'North'));
    expect(diffPlanRecords(base, typed).map((c) => c.key)).toEqual(['s:objective']);
  });

  it('keeps untouched sections and elements when applying records', () => {
    const base = sample();
    const after = produce(base, (d) => void (d.stakeholders.entries[1]!.name = 'Renamed'));
    const changes = diffPlanRecords(base, after);
    const applied = applyPlanRecords(
      base,
      changes.map((c) => ({ key: c.key, value: c.after })),
    );
    expect(applied.content).toBe(base.content);
    expect(applied.stakeholders.entries[0]).toBe(base.stakeholders.entries[0]);
    expect(applied.stakeholders.questions).toBe(base.stakeholders.questions);
    const bucket = readPlanRecord(applied, changes[0]!.key) as {
      keys: string[];
      elements: unknown[];
    };
    const at = bucket.keys.indexOf(after.stakeholders.entries[1]!.id);
    expect(bucket.elements[at]).toEqual(after.stakeholders.entries[1]);
  });

  it('opens a list whose order record is missing or stale', () => {
    const plan = sample();
    const records = planToRecords(plan).filter((r) => r.key !== 'o:content.catalog');
    expect(recordsToPlan(records).content.catalog).toHaveLength(plan.content.catalog.length);
    const stale = planToRecords(plan).map((r) =>
      r.key === 'o:indicators' ? { key: r.key, value: [...(r.value as string[]), 'gone'] } : r,
    );
    expect(recordsToPlan(stale).indicators).toEqual(plan.indicators);
  });

  it('keys elements without a usable id by position, never colliding with an id', () => {
    const plan = produce(sample(), (d) => {
      const list = d.skillsMap.assessments as unknown as { id?: string }[];
      list.length = 0;
      // No id, an id that looks like a position key, a duplicate, an empty id.
      list.push({}, { id: '\u00000' }, { id: 'a' }, { id: 'a' }, { id: '' });
    });
    expect(elementKeys(plan.skillsMap.assessments)).toEqual([
      '\u00000',
      '\u00001',
      'a',
      '\u00003',
      '\u00004',
    ]);
    expect(JSON.stringify(recordsToPlan(planToRecords(plan)))).toBe(JSON.stringify(plan));
  });

  it('writes only the new elements and the order when elements are appended', () => {
    const base = sample();
    const after = produce(base, (d) => {
      d.content.catalog.push({ ...d.content.catalog[0]!, id: 'new-1' });
      d.content.catalog.push({ ...d.content.catalog[0]!, id: 'new-2' });
    });
    expect(diffPlanRecords(base, after).map((c) => c.key)).toEqual([
      ...[bucketOf('new-1'), bucketOf('new-2')]
        .sort((a, b) => a - b)
        .map((b) => `b:content.catalog:${b}`),
      'o:content.catalog',
    ]);
  });

  it('diffs a big change in slices that give the same records as one pass', () => {
    const base = sample();
    const template = base.content.catalog[0]!;
    const added = Array.from({ length: 20_000 }, (_, i) => ({ ...template, id: `imp-${i}` }));
    const edited = (plan: Plan) =>
      produce(plan, (d) => {
        d.content.catalog.push(...added);
        d.content.catalog[3]!.title = 'Renamed';
      });
    const after = edited(base);
    const slices = diffPlanRecordsInSlices(base, after);
    let pauses = 0;
    let step = slices.next();
    for (; !step.done; step = slices.next()) pauses++;
    // Each pause comes after DIFF_SLICE elements visited: several for 20,000 new items.
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(20_000 / DIFF_SLICE));
    // A fresh pair of lists (no cached keys), diffed in one pass, gives the same records.
    const again = sample();
    expect(step.value).toEqual(diffPlanRecords(again, edited(again)));
    // A small edit never pauses.
    const small = produce(base, (d) => void (d.objective.region = 'North'));
    expect(diffPlanRecordsInSlices(base, small).next().done).toBe(true);
  });

  it('refuses records without a header', () => {
    expect(() => recordsToPlan([])).toThrow(/no header/);
  });
});
