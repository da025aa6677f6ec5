/**
 * Commands of Engagement & follow-ups (Manage), without React: adding an
 * activity from a suggestion, editing, deleting with undo; follow-up rules
 * added, reordered and switched off; the licence release days refused out
 * of range; a deleted segment or partner leaves no reference behind.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  engagementActivities,
  followUpRules,
  recordFollowUpCounts,
  setLicenceReleaseAfterDays,
} from '../../shared/commands/engagement';
import { learnerSegments } from '../../shared/commands/learners';
import { stakeholders } from '../../shared/commands/stakeholders';
import { commit, createHistory, redo, undo } from '../../shared/history';
import {
  ENGAGEMENT_SUGGESTIONS,
  FOLLOW_UP_SUGGESTIONS,
  activityFrom,
  ruleFrom,
} from '../../shared/manage/engagement-suggestions';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('engagement activities', () => {
  it('adds a suggested study hall in one undoable step, seen in the section', () => {
    const hall = ENGAGEMENT_SUGGESTIONS.find((s) => s.title === 'Virtual study hall')!;
    const item = activityFrom(hall, 'eng-hall');
    const out = run(sample, engagementActivities.add({ item }));
    expect(out.plan.manage.engagement.at(-1)).toEqual(item);
    expect(item.kind).toBe('community');
    expect(item.cadence).not.toBe('');
    expect(out.label).toBe('Add engagement activity “Virtual study hall”');
    expect(out.location).toEqual({ section: 'engagement', focus: 'eng-hall' });

    let history = createHistory(sample);
    history = commit(history, out.plan, { ...out, name: out.label }, 0);
    const undone = undo(history);
    expect(undone.present.manage.engagement).toEqual(sample.manage.engagement);
    expect(redo(undone).present.manage.engagement.at(-1)).toEqual(item);
  });

  it('every kind has suggestions with a title, description and cadence', () => {
    for (const kind of ['community', 'monitoring', 'workshop', 'wraparound'] as const) {
      const of = ENGAGEMENT_SUGGESTIONS.filter((s) => s.kind === kind);
      expect(of.length).toBeGreaterThan(0);
      for (const s of of) {
        expect(s.title && s.description && s.cadence).toBeTruthy();
      }
    }
  });

  it('edits the owner (coalesced per field) and deletes an activity', () => {
    const item = activityFrom({ kind: 'wraparound' }, 'eng-x');
    const added = run(sample, engagementActivities.add({ item })).plan;
    const edited = run(
      added,
      engagementActivities.update({ id: 'eng-x', patch: { owner: 'Ana' } }),
    );
    expect(edited.plan.manage.engagement.find((a) => a.id === 'eng-x')!.owner).toBe('Ana');
    expect(edited.label).toBe('Edit owner of “New wraparound service”');
    expect(edited.coalesceKey).toBe('engagementActivity.update::eng-x:owner');
    const removed = run(edited.plan, engagementActivities.remove({ ids: ['eng-x'] }));
    expect(removed.plan.manage.engagement.some((a) => a.id === 'eng-x')).toBe(false);
  });

  it('a deleted partner no longer delivers; a deleted segment leaves activities and rules', () => {
    const partner = sample.stakeholders.entries[0]!;
    const segment = sample.learners[0]!;
    const item = {
      ...activityFrom({ kind: 'workshop' }, 'eng-p'),
      partnerId: partner.id,
      segmentIds: [segment.id],
    };
    const rule = { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-s'), segmentIds: [segment.id] };
    let plan = run(sample, engagementActivities.add({ item })).plan;
    plan = run(plan, followUpRules.add({ item: rule })).plan;
    const noPartner = run(plan, stakeholders.remove({ ids: [partner.id] })).plan;
    expect(noPartner.manage.engagement.find((a) => a.id === 'eng-p')!.partnerId).toBeNull();
    const noSegment = run(plan, learnerSegments.remove({ ids: [segment.id] })).plan;
    expect(noSegment.manage.engagement.find((a) => a.id === 'eng-p')!.segmentIds).toEqual([]);
    expect(noSegment.manage.followUps.find((r) => r.id === 'fu-s')!.segmentIds).toEqual([]);
  });
});

describe('follow-up rules', () => {
  it('adds the suggestions, reorders them, and switches one off', () => {
    let plan = sample;
    FOLLOW_UP_SUGGESTIONS.forEach((s, i) => {
      plan = run(plan, followUpRules.add({ item: ruleFrom(s, `fu-${i}`) })).plan;
    });
    const before = plan.manage.followUps.map((r) => r.id);
    expect(before.slice(-3)).toEqual(['fu-0', 'fu-1', 'fu-2']);
    const moved = run(plan, followUpRules.move({ id: 'fu-2', to: 0 }));
    expect(moved.plan.manage.followUps[0]!.id).toBe('fu-2');
    expect(moved.label).toBe('Reorder follow-up rules');
    const off = run(plan, followUpRules.update({ id: 'fu-1', patch: { active: false } }));
    expect(off.plan.manage.followUps.find((r) => r.id === 'fu-1')!.active).toBe(false);
    expect(off.label).toBe('Edit on/off of “Quiet for two weeks”');
  });

  it('suggested messages use only merge fields the Launch communications know', () => {
    for (const s of FOLLOW_UP_SUGGESTIONS) {
      for (const m of s.message.matchAll(/\{([^}]+)\}/g))
        expect([
          'firstName',
          'lastName',
          'programName',
          'pathway',
          'supportContact',
          'registrationLink',
        ]).toContain(m[1]);
    }
  });
});

describe('licence release days', () => {
  it('sets 1–365 whole days and refuses anything else', () => {
    const out = run(sample, setLicenceReleaseAfterDays({ days: 45 }));
    expect(out.plan.manage.licenceReleaseAfterDays).toBe(45);
    expect(out.location).toEqual({ section: 'engagement', focus: 'licence-release' });
    for (const days of [0, 366, 2.5, Number.NaN]) {
      const refused = runCommand(sample, setLicenceReleaseAfterDays({ days }));
      expect(refused.ok).toBe(false);
    }
  });
});

describe('follow-up counts kept for reports', () => {
  it('keeps one record per day, in date order, undoable', () => {
    const day = (date: string, total: number) => ({
      date,
      total,
      byRule: { 'fu-1': total },
      licencesFreeable: 2,
    });
    let plan = run(sample, recordFollowUpCounts({ counts: day('2027-05-02', 10) })).plan;
    plan = run(plan, recordFollowUpCounts({ counts: day('2027-05-01', 7) })).plan;
    const out = run(plan, recordFollowUpCounts({ counts: day('2027-05-02', 12) }));
    expect(out.plan.manage.followUpCounts.map((c) => [c.date, c.total])).toEqual([
      ['2027-05-01', 7],
      ['2027-05-02', 12],
    ]);
    expect(out.label).toBe('Keep follow-up counts of 2027-05-02');
    expect(out.location).toEqual({ section: 'engagement' });
  });
});
