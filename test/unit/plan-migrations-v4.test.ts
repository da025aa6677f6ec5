/**
 * Version 3 → 4: the Manage phase. The step renames the follow-up trigger
 * `stalled` to `inactive`; the schema fills every new field with its default.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratePlan, PLAN_MIGRATIONS, type RawPlan } from '../../shared/plan/migrations';
import { readPlanFile } from '../../shared/plan/plan-file';

const dir = join(__dirname, '..', 'fixtures', 'plan-files');
const toV4 = (raw: RawPlan) => migratePlan(raw, PLAN_MIGRATIONS, 4);

describe('plan migration 3 → 4', () => {
  it('calls a stalled follow-up rule inactive and leaves other rules alone', () => {
    const result = toV4({
      schemaVersion: 3,
      manage: {
        followUps: [
          { id: 'a', trigger: 'stalled', afterDays: 21 },
          { id: 'b', trigger: 'notStarted', afterDays: 7 },
          'not a rule',
        ],
      },
    });
    expect(result.ok && result.plan.manage).toEqual({
      followUps: [
        { id: 'a', trigger: 'inactive', afterDays: 21 },
        { id: 'b', trigger: 'notStarted', afterDays: 7 },
        'not a rule',
      ],
    });
  });

  it('leaves a plan without a Manage phase as it was', () => {
    const result = toV4({ schemaVersion: 3, name: 'x' });
    expect(result.ok && result.plan).toEqual({ schemaVersion: 4, name: 'x' });
  });

  it('opens the version 3 Manage fixture with its data kept and the new fields filled', () => {
    const result = readPlanFile(readFileSync(join(dir, 'v3-manage-phase.upskill.json'), 'utf8'));
    if (!result.ok) throw new Error(result.message);
    const manage = result.plan.manage;
    expect(manage.followUps.map((r) => [r.id, r.trigger, r.active])).toEqual([
      ['fu-1', 'notStarted', true],
      ['fu-2', 'inactive', false],
    ]);
    expect(manage.followUps[1]).toMatchObject({
      pacePercent: 50,
      segmentIds: [],
      channel: 'email',
    });
    expect(manage.kpis[0]).toMatchObject({
      source: 'manual',
      segmentId: null,
      baselineDate: null,
      actuals: [{ id: 'a-1', value: 120, origin: 'typed' }],
    });
    expect(manage.reviews[0]).toMatchObject({
      summary: 'Sign-ups slower than planned.',
      lessons: 'Send reminders earlier.',
      decisions: '',
      assumptions: [],
      actions: [],
      cohortId: null,
    });
    expect(manage.engagement[0]).toMatchObject({ partnerId: null, segmentIds: [] });
    expect(manage.iteration).toEqual({
      versionNumber: 1,
      versionName: '',
      previousVersions: [],
      carriedActions: [],
    });
    expect(result.plan.content.audit).toEqual([]);
  });
});
