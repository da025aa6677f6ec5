/**
 * Commands of the onboarding checklist, without React: adding a custom
 * item, editing each field, deleting and reordering, run through
 * `runCommand` on the sample plan, with their step names; and moving the
 * launch start (the Objective's timeline command) moving every relative due
 * date, which one undo puts back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredCommandTypes, runCommand, type Command } from '../../shared/commands/command';
import { blankChecklistItem, checklistItems } from '../../shared/commands/launch-checklist';
import { setPhaseDate } from '../../shared/commands/objective';
import { commit, createHistory, undo } from '../../shared/history';
import { checklistItemDue } from '../../shared/launch/checklist';
import { launchStart, resolveLaunchDate } from '../../shared/launch/onboarding';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

const dueDates = (plan: Plan) =>
  plan.launch.checklist.map((i) => resolveLaunchDate(i.due, launchStart(plan)));

describe('checklist item commands', () => {
  it('are registered under checklistItem.*', () => {
    expect(registeredCommandTypes()).toEqual(
      expect.arrayContaining([
        'checklistItem.add',
        'checklistItem.update',
        'checklistItem.remove',
        'checklistItem.move',
      ]),
    );
  });

  it('add a custom item at the end, due on launch day by default, shown in the onboarding section', () => {
    const item = blankChecklistItem('Print flyers for youth centres', undefined, 'lc-flyers');
    const outcome = run(sample, checklistItems.add({ item }));
    const added = outcome.plan.launch.checklist.at(-1)!;
    expect(added).toEqual({
      id: 'lc-flyers',
      label: 'Print flyers for youth centres',
      step: null,
      status: 'notStarted',
      owner: '',
      due: { anchor: 'launch', offsetDays: 0 },
      notes: '',
      partnerIds: [],
    });
    expect(outcome.plan.launch.checklist).toHaveLength(sample.launch.checklist.length + 1);
    expect(outcome.label).toBe('Add checklist item “Print flyers for youth centres”');
    expect(outcome.location).toEqual({ section: 'onboarding', focus: 'lc-flyers' });
    expect(resolveLaunchDate(added.due, launchStart(outcome.plan))).toBe('2027-04-01');
  });

  it('edit status, owner, due date, notes and partners, each a named step', () => {
    // The goals step (the sample's checklist is in due-date order).
    const k = sample.launch.checklist.findIndex((i) => i.id === 'lc-goals');
    const first = sample.launch.checklist[k]!;
    const status = run(sample, checklistItems.update({ id: first.id, patch: { status: 'done' } }));
    expect(status.plan.launch.checklist[k]!.status).toBe('done');
    expect(status.label).toMatch(/^Edit status of “Program goals/);

    const due = run(
      sample,
      checklistItems.update({
        id: first.id,
        patch: { due: { anchor: 'date', date: '2027-02-15' } },
      }),
    );
    expect(due.plan.launch.checklist[k]!.due).toEqual({ anchor: 'date', date: '2027-02-15' });
    expect(due.label).toMatch(/^Edit due date of/);

    const partners = run(
      sample,
      checklistItems.update({ id: first.id, patch: { partnerIds: ['sh-platform'] } }),
    );
    expect(partners.plan.launch.checklist[k]!.partnerIds).toEqual(['sh-platform']);
    expect(partners.label).toMatch(/^Edit partners involved of/);

    const owner = run(sample, checklistItems.update({ id: first.id, patch: { owner: 'Ana' } }));
    expect(owner.coalesceKey).toBe(`checklistItem.update::${first.id}:owner`);
    // Other items are untouched (structural sharing).
    expect(owner.plan.launch.checklist[1]).toBe(sample.launch.checklist[1]);
  });

  it('delete an item, and one undo brings it back in its place', () => {
    const k = sample.launch.checklist.findIndex((i) => i.id === 'lc-source-list');
    const target = sample.launch.checklist[k]!;
    const outcome = run(sample, checklistItems.remove({ ids: [target.id] }));
    expect(outcome.plan.launch.checklist.map((i) => i.id)).not.toContain(target.id);
    expect(outcome.label).toMatch(/^Delete checklist item “Invitation source list/);
    const history = commit(createHistory(sample), outcome.plan, { name: outcome.label }, 0);
    expect(undo(history).present.launch.checklist[k]).toEqual(target);
  });

  it('reorder an item (Move up / Move down), clamped to the list', () => {
    const ids = sample.launch.checklist.map((i) => i.id);
    const down = run(sample, checklistItems.move({ id: ids[0]!, to: 1 }));
    expect(down.plan.launch.checklist.map((i) => i.id)).toEqual([ids[1], ids[0], ...ids.slice(2)]);
    expect(down.label).toBe('Reorder checklist items');
    const last = run(sample, checklistItems.move({ id: ids[0]!, to: 999 }));
    expect(last.plan.launch.checklist.at(-1)!.id).toBe(ids[0]);
    expect(run(sample, checklistItems.move({ id: ids[0]!, to: -1 })).plan).toBe(sample);
  });
});

describe('moving the launch start', () => {
  it('moves every launch-relative due date with it, leaves fixed dates, and one undo puts them back', () => {
    const fixed = run(
      sample,
      checklistItems.add({
        item: blankChecklistItem(
          'Book launch venue',
          { anchor: 'date', date: '2027-03-10' },
          'lc-venue',
        ),
      }),
    ).plan;
    const before = dueDates(fixed);
    const goals = fixed.launch.checklist.findIndex((i) => i.id === 'lc-goals');
    expect(before[goals]).toBe('2027-03-12'); // 20 days before 1 April 2027
    const moved = run(fixed, setPhaseDate({ phase: 'launch', end: 'start', date: '2027-05-03' }));
    const after = dueDates(moved.plan);
    expect(after[goals]).toBe('2027-04-13'); // still 20 days before the (new) launch
    expect(after.at(-1)).toBe('2027-03-10'); // a fixed date stays
    // Every relative date moved by the same 32 days.
    fixed.launch.checklist.forEach((item, i) => {
      if (item.due?.anchor !== 'launch') return;
      const shift = (Date.parse(after[i]!) - Date.parse(before[i]!)) / 86_400_000;
      expect(shift).toBe(32);
    });
    const history = commit(createHistory(fixed), moved.plan, { name: moved.label }, 0);
    expect(dueDates(undo(history).present)).toEqual(before);
  });

  it('with no launch start, relative items say so instead of a date', () => {
    const cleared = run(sample, setPhaseDate({ phase: 'launch', end: 'start', date: null })).plan;
    const item = cleared.launch.checklist.find((i) => i.status !== 'done')!;
    expect(checklistItemDue(item, launchStart(cleared), '2027-01-10')).toEqual({
      date: null,
      state: 'needsLaunchStart',
      days: null,
    });
  });
});
