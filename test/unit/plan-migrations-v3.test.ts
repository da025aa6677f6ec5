/**
 * Version 2 → 3: the Launch phase gets its screens (launch dates relative to
 * the launch start, task status, the invitation planner). Every earlier
 * fixture is opened at the current version by plan-model.test.ts; this file
 * checks what the step does to the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLaunchDate } from '../../shared/launch/onboarding';
import { migratePlan, PLAN_MIGRATIONS, type RawPlan } from '../../shared/plan/migrations';
import { readPlanFile } from '../../shared/plan/plan-file';

const dir = join(__dirname, '..', 'fixtures', 'plan-files');
const toV3 = (raw: RawPlan) => migratePlan(raw, PLAN_MIGRATIONS, 3);

describe('plan migration 2 → 3', () => {
  it('is registered after 1 → 2', () => {
    expect(PLAN_MIGRATIONS.map((m) => m.from).slice(0, 2)).toEqual([1, 2]);
  });

  it('makes dates relative to the launch start, status from done, and keeps the audience text', () => {
    const raw = JSON.parse(readFileSync(join(dir, 'v2-launch.upskill.json'), 'utf8')) as RawPlan;
    const result = readPlanFile(JSON.stringify(raw));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { launch } = result.plan;
    const [tested, helpDesk, farOff] = launch.checklist;
    expect(tested).toMatchObject({
      status: 'done',
      due: { anchor: 'launch', offsetDays: -14 },
      step: null,
      partnerIds: [],
      notes: 'Tested on two phones.',
    });
    expect(helpDesk).toMatchObject({ status: 'notStarted', due: null });
    // Too far from the launch to be a launch task: the fixed date is kept.
    expect(farOff).toMatchObject({
      status: 'notStarted',
      due: { anchor: 'date', date: '2045-06-01' },
    });
    const start = result.plan.objective.timeline.launch.start;
    expect(resolveLaunchDate(tested!.due, start)).toBe('2027-02-15');
    expect(launch.communications[0]).toMatchObject({
      audienceNote: 'Everyone registered',
      send: { anchor: 'launch', offsetDays: 7 },
      segmentIds: [],
      subject: '',
      status: 'ready',
    });
    expect(resolveLaunchDate(launch.communications[0]!.send, start)).toBe('2027-03-08');
    expect(launch.communications[1]).toMatchObject({ send: null, audienceNote: '' });
    // Filled by the schema: the planner's defaults, nothing invented.
    expect(launch.invitations).toEqual({
      ratio: 2,
      rates: { registered: 60, active: 75, completing: 60 },
      waves: [],
      csvLayout: 'generic',
    });
    expect(launch.details).toEqual({ registrationLink: '', supportContact: '' });
    expect(launch.marketing.stories[0]).toMatchObject({ consentGiven: true, consentDate: null });
    expect(launch.marketing.licenses).toBe(300);
  });

  it('keeps fixed dates when the timeline has no launch start', () => {
    const result = toV3({
      schemaVersion: 2,
      id: 'p',
      name: 'P',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      launch: { checklist: [{ id: 'c', label: 'x', done: false, dueDate: '2027-01-10' }] },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const launch = result.plan.launch as { checklist: unknown[] };
    expect(launch.checklist[0]).toEqual({
      id: 'c',
      label: 'x',
      status: 'notStarted',
      due: { anchor: 'date', date: '2027-01-10' },
    });
  });

  it('leaves what it does not understand for validation to report', () => {
    const raw: RawPlan = {
      schemaVersion: 2,
      id: 'p',
      name: 'P',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      launch: { checklist: ['not an item'], communications: 'nope' },
    };
    const result = toV3(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.launch).toEqual(raw.launch);
  });
});
