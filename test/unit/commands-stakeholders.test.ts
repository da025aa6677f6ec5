/**
 * The Stakeholders & partners commands on their own, on the sample plan:
 * each command's change, its cascades, its step name, where it is seen,
 * how it coalesces, and what it refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  answerQuestion,
  blankCheckpoint,
  blankEngagementAction,
  blankStakeholder,
  engagementActions,
  industryCheckpoints,
  linkIntervention,
  markCheckpointHeld,
  moveStakeholder,
  setActionDone,
  setStakeholderType,
  stakeholders,
  takeSnapshot,
  workshopSnapshots,
} from '../../shared/commands/stakeholders';
import { readPlanFile } from '../../shared/plan/plan-file';
import {
  movementBetween,
  movementSince,
  summariseMovement,
} from '../../shared/stakeholders/movement';
import { countByQuadrant, isPlaced, placedQuadrant } from '../../shared/stakeholders/register';
import type { Plan, Stakeholder } from '../../shared/plan/schema';

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

const entry = (plan: Plan, id: string): Stakeholder => {
  const found = plan.stakeholders.entries.find((e) => e.id === id);
  if (!found) throw new Error(`No stakeholder ${id}`);
  return found;
};

const AT = '2027-01-25T09:30:00.000Z';
const TODAY = '2027-01-25';

describe('stakeholder register commands', () => {
  it('add an entry with the caller’s id, at the end, seen on the matrix', () => {
    const fresh = blankStakeholder('Regional Broadband Alliance', undefined, 'sh-new');
    const outcome = run(sample, stakeholders.add({ item: fresh }));
    expect(outcome.plan.stakeholders.entries.at(-1)).toEqual(fresh);
    expect(fresh).toMatchObject({ power: 50, interest: 50, relation: 'stakeholder' });
    expect(outcome.label).toBe('Add stakeholder “Regional Broadband Alliance”');
    expect(outcome.location).toEqual({ section: 'stakeholders', focus: 'sh-new' });
    expect(outcome.coalesceKey).toBeNull();
    // Adding the same id again changes nothing.
    expect(run(outcome.plan, stakeholders.add({ item: fresh })).plan).toBe(outcome.plan);
  });

  it('edit a field, named after the field and the entry, coalescing typing per entry and field', () => {
    const outcome = run(
      sample,
      stakeholders.update({ id: 'sh-chamber', patch: { owner: 'Programme lead' } }),
    );
    expect(entry(outcome.plan, 'sh-chamber').owner).toBe('Programme lead');
    expect(outcome.label).toBe('Edit owner of “Chamber of Commerce”');
    expect(outcome.location).toEqual({ section: 'stakeholders', focus: 'sh-chamber' });
    expect(outcome.coalesceKey).toBe('stakeholder.update::sh-chamber:owner');
    const name = run(sample, stakeholders.update({ id: 'sh-chamber', patch: { name: 'C' } }));
    expect(name.label).toBe('Edit name of “Chamber of Commerce”');
    expect(name.coalesceKey).not.toBe(outcome.coalesceKey);
    expect(
      run(sample, stakeholders.update({ id: 'sh-radio', patch: { currentStance: 'leading' } }))
        .label,
    ).toBe('Edit stance of “Community Radio”');
    expect(
      run(
        sample,
        stakeholders.update({ id: 'sh-radio', patch: { desiredPosition: null } }),
      ).plan.stakeholders.entries.find((e) => e.id === 'sh-radio')?.desiredPosition,
    ).toBeNull();
  });

  it('delete an entry with its actions; snapshots keep its recorded position', () => {
    const outcome = run(sample, stakeholders.remove({ ids: ['sh-radio'] }));
    expect(outcome.plan.stakeholders.entries.some((e) => e.id === 'sh-radio')).toBe(false);
    expect(outcome.plan.stakeholders.entries).toHaveLength(sample.stakeholders.entries.length - 1);
    expect(outcome.label).toBe('Delete stakeholder “Community Radio”');
    expect(outcome.location).toEqual({ section: 'stakeholders' });
    // A snapshot records the room at that moment (comparisons skip deleted entries).
    expect(outcome.plan.stakeholders.snapshots[0]!.positions['sh-radio']).toEqual(
      sample.stakeholders.snapshots[0]!.positions['sh-radio'],
    );
    expect(run(sample, stakeholders.remove({ ids: ['sh-radio', 'sh-union'] })).label).toBe(
      'Delete 2 stakeholders',
    );
    // Deleting what is already gone changes nothing.
    expect(run(sample, stakeholders.remove({ ids: ['sh-gone'] })).plan).toBe(sample);
  });

  it('delete a partner: onboarding checklist items stop naming it (issue 13)', () => {
    const outcome = run(sample, stakeholders.remove({ ids: ['sh-platform'] }));
    const signup = outcome.plan.launch.checklist.find((i) => i.id === 'lc-signup-test')!;
    expect(sample.launch.checklist.find((i) => i.id === 'lc-signup-test')!.partnerIds).toEqual([
      'sh-platform',
      'sh-telecom',
    ]);
    expect(signup.partnerIds).toEqual(['sh-telecom']);
    expect(outcome.plan.launch.checklist.some((i) => i.partnerIds.includes('sh-platform'))).toBe(
      false,
    );
    // Items that did not name it are untouched.
    const goals = sample.launch.checklist.find((i) => i.id === 'lc-goals')!;
    expect(outcome.plan.launch.checklist.find((i) => i.id === 'lc-goals')).toBe(goals);
  });

  it('change type between stakeholder and partner types', () => {
    const partner = run(sample, setStakeholderType({ id: 'sh-union', category: 'wraparound' }));
    expect(entry(partner.plan, 'sh-union')).toMatchObject({
      relation: 'partner',
      partnerType: 'wraparound',
    });
    expect(partner.label).toBe('Change type of “Trades Council” to wraparound partner');
    expect(partner.location).toEqual({ section: 'stakeholders', focus: 'sh-union' });
    const back = run(sample, setStakeholderType({ id: 'sh-chamber', category: 'stakeholder' }));
    expect(entry(back.plan, 'sh-chamber')).toMatchObject({
      relation: 'stakeholder',
      partnerType: null,
    });
    expect(back.label).toBe('Change type of “Chamber of Commerce” to stakeholder');
    // The same type again is no change.
    expect(run(sample, setStakeholderType({ id: 'sh-chamber', category: 'outreach' })).plan).toBe(
      sample,
    );
  });
});

describe('moving a stakeholder on the matrix', () => {
  it('records a change of quadrant in its history, at the time given, and names the quadrant', () => {
    const outcome = run(
      sample,
      moveStakeholder({ id: 'sh-ministry', to: { power: 80, interest: 75 }, at: AT }),
    );
    const moved = entry(outcome.plan, 'sh-ministry');
    expect(moved).toMatchObject({ power: 80, interest: 75 });
    // No history before: the starting position is recorded first, then the new one.
    expect(moved.history).toEqual([
      { at: AT, power: 95, interest: 30 },
      { at: AT, power: 80, interest: 75 },
    ]);
    expect(outcome.label).toBe('Move “Youth Employment Unit” to Manage closely');
    expect(outcome.location).toEqual({ section: 'stakeholders', focus: 'sh-ministry' });
    // A drag is dispatched once, on release: its own step.
    expect(outcome.coalesceKey).toBeNull();
    // The same command twice gives the same plan: nothing depends on the clock.
    expect(
      run(sample, moveStakeholder({ id: 'sh-ministry', to: { power: 80, interest: 75 }, at: AT }))
        .plan,
    ).toEqual(outcome.plan);
  });

  it('keeps the history for moves within a quadrant, and names a single typed score', () => {
    const power = run(
      sample,
      moveStakeholder({ id: 'sh-union', to: { power: 60, interest: 40 }, at: AT }),
    );
    expect(entry(power.plan, 'sh-union')).toMatchObject({ power: 60, interest: 40, history: [] });
    expect(power.label).toBe('Set power of “Trades Council”');
    const interest = run(
      sample,
      moveStakeholder({ id: 'sh-union', to: { power: 55, interest: 45 }, at: AT }),
    );
    expect(interest.label).toBe('Set interest of “Trades Council”');
    expect(
      run(sample, moveStakeholder({ id: 'sh-union', to: { power: 60, interest: 45 }, at: AT }))
        .label,
    ).toBe('Move “Trades Council” on the matrix');
  });

  it('coalesces a burst of arrow-key moves of one card into one step', () => {
    const first = run(
      sample,
      moveStakeholder({ id: 'sh-radio', to: { power: 25, interest: 46 }, at: AT, burst: true }),
    );
    expect(first.coalesceKey).toBe('stakeholder.moveOnMatrix:sh-radio');
    expect(first.label).toBe('Move “Community Radio” on the matrix');
    const other = moveStakeholder({
      id: 'sh-union',
      to: { power: 56, interest: 40 },
      at: AT,
      burst: true,
    });
    expect(run(sample, other).coalesceKey).toBe('stakeholder.moveOnMatrix:sh-union');
  });

  it('clamps to the matrix, and changes nothing for no move or a stakeholder that is gone', () => {
    const clamped = run(
      sample,
      moveStakeholder({ id: 'sh-radio', to: { power: 140.4, interest: -3 }, at: AT }),
    );
    expect(entry(clamped.plan, 'sh-radio')).toMatchObject({ power: 100, interest: 0 });
    expect(
      run(sample, moveStakeholder({ id: 'sh-radio', to: { power: 25, interest: 45 }, at: AT }))
        .plan,
    ).toBe(sample);
    expect(
      run(sample, moveStakeholder({ id: 'sh-gone', to: { power: 5, interest: 5 }, at: AT })).plan,
    ).toBe(sample);
    // A score that is not a number keeps the old one.
    expect(
      entry(
        run(sample, moveStakeholder({ id: 'sh-radio', to: { power: NaN, interest: 60 }, at: AT }))
          .plan,
        'sh-radio',
      ),
    ).toMatchObject({ power: 25, interest: 60 });
  });
});

describe('interventions a stakeholder delivers', () => {
  it('link and unlink, named after both', () => {
    const linked = run(
      sample,
      linkIntervention({ id: 'sh-union', interventionId: 'toc-int-employers', linked: true }),
    );
    expect(entry(linked.plan, 'sh-union').interventionIds).toEqual(['toc-int-employers']);
    expect(linked.label).toMatch(/^Link “Trades Council” to “Engage employers/);
    expect(linked.location).toEqual({ section: 'stakeholders', focus: 'sh-union' });
    const unlinked = run(
      sample,
      linkIntervention({ id: 'sh-chamber', interventionId: 'toc-int-outreach', linked: false }),
    );
    expect(entry(unlinked.plan, 'sh-chamber').interventionIds).toEqual(['toc-int-employers']);
    expect(unlinked.label).toMatch(/^Unlink “Chamber of Commerce” from “/);
    // Linking what is linked already is no change.
    expect(
      run(
        sample,
        linkIntervention({ id: 'sh-chamber', interventionId: 'toc-int-outreach', linked: true }),
      ).plan,
    ).toBe(sample);
  });

  it('refuse to link what is not an intervention, but unlink a dangling id', () => {
    expect(
      runCommand(
        sample,
        linkIntervention({ id: 'sh-union', interventionId: 'toc-out-skills', linked: true }),
      ),
    ).toEqual({ ok: false, reason: 'That intervention is no longer in the theory of change.' });
    const dangling = run(
      sample,
      stakeholders.update({ id: 'sh-union', patch: { interventionIds: ['toc-gone'] } }),
    ).plan;
    const cleaned = run(
      dangling,
      linkIntervention({ id: 'sh-union', interventionId: 'toc-gone', linked: false }),
    );
    expect(entry(cleaned.plan, 'sh-union').interventionIds).toEqual([]);
    expect(cleaned.label).toBe('Unlink “Trades Council” from an intervention');
  });
});

describe('engagement actions', () => {
  it('add to a stakeholder, seen at the stakeholder; refused when the stakeholder is gone', () => {
    const action = blankEngagementAction('act-new');
    const outcome = run(sample, engagementActions.add({ parentId: 'sh-union', item: action }));
    expect(entry(outcome.plan, 'sh-union').actions.at(-1)).toEqual(action);
    expect(outcome.label).toBe('Add engagement action');
    expect(outcome.location).toEqual({ section: 'stakeholders', focus: 'sh-union' });
    const refused = runCommand(
      sample,
      engagementActions.add({ parentId: 'sh-gone', item: action }),
    );
    expect(refused.ok).toBe(false);
  });

  it('edit a field, coalescing typing per action and field', () => {
    const outcome = run(
      sample,
      engagementActions.update({
        parentId: 'sh-union',
        id: 'act-tu-01',
        patch: { who: 'Amira' },
      }),
    );
    expect(entry(outcome.plan, 'sh-union').actions[0]!.who).toBe('Amira');
    expect(outcome.label).toMatch(/^Edit owner of “Share work-trial principles/);
    expect(outcome.coalesceKey).toBe('engagementAction.update:sh-union:act-tu-01:who');
    expect(outcome.location).toEqual({ section: 'stakeholders', focus: 'sh-union' });
  });

  it('remove one action and leave the others', () => {
    const outcome = run(
      sample,
      engagementActions.remove({ parentId: 'sh-chamber', ids: ['act-cc-01'] }),
    );
    expect(entry(outcome.plan, 'sh-chamber').actions.map((a) => a.id)).toEqual(['act-cc-02']);
    expect(outcome.label).toMatch(/^Delete engagement action “Co-design/);
  });

  it('complete a one-off action; a recurring one moves to its next date instead; reopen', () => {
    const oneOff = run(
      sample,
      setActionDone({ stakeholderId: 'sh-union', actionId: 'act-tu-01', done: true, today: TODAY }),
    );
    expect(entry(oneOff.plan, 'sh-union').actions[0]).toMatchObject({
      done: true,
      when: '2026-12-04',
    });
    expect(oneOff.label).toMatch(/^Complete “Share work-trial/);
    expect(oneOff.location).toEqual({ section: 'stakeholders', focus: 'sh-union' });

    const recurring = run(
      sample,
      setActionDone({
        stakeholderId: 'sh-chamber',
        actionId: 'act-cc-02',
        done: true,
        today: TODAY,
      }),
    );
    // Every 91 days from 20 January 2027, kept in rhythm.
    expect(entry(recurring.plan, 'sh-chamber').actions[1]).toMatchObject({
      done: false,
      when: '2027-04-21',
    });
    expect(recurring.label).toMatch(/^Mark “Quarterly employer advisory pa.*” held$/);

    const reopened = run(
      oneOff.plan,
      setActionDone({
        stakeholderId: 'sh-union',
        actionId: 'act-tu-01',
        done: false,
        today: TODAY,
      }),
    );
    expect(entry(reopened.plan, 'sh-union').actions[0]!.done).toBe(false);
    expect(reopened.label).toMatch(/^Reopen “Share work-trial/);
  });
});

describe('industry checkpoints', () => {
  it('add, edit (coalescing per field), and remove', () => {
    const added = run(sample, industryCheckpoints.add({ item: blankCheckpoint('cp-new') }));
    expect(added.plan.stakeholders.checkpoints.at(-1)).toEqual({
      id: 'cp-new',
      title: '',
      repeatEveryDays: 91,
      nextDate: null,
      notes: '',
    });
    expect(added.label).toBe('Add industry checkpoint');
    expect(added.location).toEqual({ section: 'stakeholders', focus: 'cp-new' });

    const titled = run(
      added.plan,
      industryCheckpoints.update({ id: 'cp-new', patch: { title: 'Employer breakfast' } }),
    );
    expect(titled.plan.stakeholders.checkpoints.at(-1)!.title).toBe('Employer breakfast');
    expect(titled.label).toBe('Edit industry checkpoint title');
    expect(titled.coalesceKey).toBe('industryCheckpoint.update::cp-new:title');

    const removed = run(sample, industryCheckpoints.remove({ ids: ['cp-lmi-review'] }));
    expect(removed.plan.stakeholders.checkpoints.map((c) => c.id)).toEqual([
      'cp-advisory-panel',
      'cp-skills-survey',
    ]);
    expect(removed.label).toBe(
      'Delete industry checkpoint “Biannual labour-market intelligence review”',
    );
  });

  it('mark held: a recurring one is scheduled for its next date, a one-off loses its date', () => {
    const held = run(sample, markCheckpointHeld({ id: 'cp-advisory-panel', today: TODAY }));
    expect(held.plan.stakeholders.checkpoints[0]!.nextDate).toBe('2027-04-21');
    expect(held.label).toMatch(/^Mark “Quarterly employer advisory panel.*” held$/);
    expect(held.location).toEqual({ section: 'stakeholders', focus: 'cp-advisory-panel' });

    const oneOff = run(
      sample,
      industryCheckpoints.update({ id: 'cp-lmi-review', patch: { repeatEveryDays: null } }),
    ).plan;
    const done = run(oneOff, markCheckpointHeld({ id: 'cp-lmi-review', today: TODAY }));
    expect(done.plan.stakeholders.checkpoints[1]!.nextDate).toBeNull();
  });

  it('refuse to mark held a checkpoint with neither a date nor a repeat', () => {
    const bare = run(
      sample,
      industryCheckpoints.add({
        item: { ...blankCheckpoint('cp-bare'), repeatEveryDays: null },
      }),
    ).plan;
    expect(runCommand(bare, markCheckpointHeld({ id: 'cp-bare', today: TODAY }))).toEqual({
      ok: false,
      reason: 'Give the checkpoint a date or a repeat before marking it held.',
    });
  });
});

describe('mapping questions', () => {
  it('answer a question, coalescing typing per question', () => {
    const outcome = run(sample, answerQuestion({ question: 'jobsNeededSoon', answer: 'Nurses' }));
    expect(outcome.plan.stakeholders.questions.jobsNeededSoon).toBe('Nurses');
    expect(outcome.plan.stakeholders.questions.keyBuyIn).toBe(
      sample.stakeholders.questions.keyBuyIn,
    );
    expect(outcome.label).toBe('Edit answer on jobs needed soon');
    expect(outcome.coalesceKey).toBe('stakeholders.answerQuestion:jobsNeededSoon');
    expect(outcome.location).toEqual({ section: 'stakeholders' });
    expect(run(sample, answerQuestion({ question: 'keyBuyIn', answer: 'x' })).coalesceKey).not.toBe(
      outcome.coalesceKey,
    );
  });

  it('refuse a question that does not exist (a command from elsewhere)', () => {
    const command = {
      type: 'stakeholders.answerQuestion',
      args: { question: 'toString', answer: 'x' },
    };
    expect(runCommand(sample, command)).toEqual({
      ok: false,
      reason: 'There is no such mapping question.',
    });
  });
});

describe('workshop snapshots', () => {
  it('take a snapshot of every position now, with the caller’s id, name and time', () => {
    const moved = run(
      sample,
      moveStakeholder({ id: 'sh-radio', to: { power: 60, interest: 60 }, at: AT }),
    ).plan;
    const outcome = run(
      moved,
      takeSnapshot({ id: 'snap-2', name: 'Snapshot 2 · 25 Jan, 09:30', takenAt: AT }),
    );
    const snapshot = outcome.plan.stakeholders.snapshots.at(-1)!;
    expect(snapshot).toMatchObject({
      id: 'snap-2',
      name: 'Snapshot 2 · 25 Jan, 09:30',
      takenAt: AT,
    });
    expect(Object.keys(snapshot.positions)).toHaveLength(sample.stakeholders.entries.length);
    expect(snapshot.positions['sh-radio']).toEqual({ power: 60, interest: 60 });
    expect(outcome.label).toBe('Take workshop snapshot “Snapshot 2 · 25 Jan, 09:30”');
    expect(outcome.location).toEqual({ section: 'stakeholders' });
    // The same id twice is one snapshot.
    expect(run(outcome.plan, takeSnapshot({ id: 'snap-2', name: 'again', takenAt: AT })).plan).toBe(
      outcome.plan,
    );
  });

  it('delete a snapshot, and nothing else', () => {
    const outcome = run(sample, workshopSnapshots.remove({ ids: ['snap-kickoff-workshop'] }));
    expect(outcome.plan.stakeholders.snapshots).toEqual([]);
    expect(outcome.plan.stakeholders.entries).toBe(sample.stakeholders.entries);
    expect(outcome.label).toBe('Delete workshop snapshot “Kick-off mapping workshop · 12 Nov”');
    expect(outcome.location).toEqual({ section: 'stakeholders' });
  });
});

describe('new stakeholders wait in the Unplaced tray', () => {
  it('a new entry without a position is unplaced: counted in no quadrant and in no snapshot', () => {
    const fresh = blankStakeholder('Regional Broadband Alliance', undefined, 'sh-new');
    expect(fresh.placed).toBe(false);
    expect(blankStakeholder('Placed', { power: 80, interest: 20 }, 'sh-placed').placed).toBe(
      undefined,
    );
    const plan = run(sample, stakeholders.add({ item: fresh })).plan;
    expect(countByQuadrant(plan.stakeholders.entries)).toEqual(
      countByQuadrant(sample.stakeholders.entries),
    );
    expect(placedQuadrant(entry(plan, 'sh-new'))).toBeNull();
    const snap = run(plan, takeSnapshot({ id: 'snap-x', name: 'x', takenAt: AT })).plan;
    expect(snap.stakeholders.snapshots.at(-1)!.positions['sh-new']).toBeUndefined();
    expect(movementSince({}, plan.stakeholders.entries).some((m) => m.id === 'sh-new')).toBe(false);
  });

  it('moving it places it (even at 50/50), named as placing, with no quadrant change recorded', () => {
    const plan = run(
      sample,
      stakeholders.add({ item: blankStakeholder('New', undefined, 'sh-new') }),
    ).plan;
    const here = run(
      plan,
      moveStakeholder({ id: 'sh-new', to: { power: 50, interest: 50 }, at: AT }),
    );
    expect(here.label).toBe('Place “New” in Manage closely');
    expect(entry(here.plan, 'sh-new').placed).toBeUndefined();
    expect(placedQuadrant(entry(here.plan, 'sh-new'))).toBe('manageClosely');
    expect(entry(here.plan, 'sh-new').history).toEqual([]);
    const low = run(
      plan,
      moveStakeholder({ id: 'sh-new', to: { power: 20, interest: 30 }, at: AT }),
    );
    expect(entry(low.plan, 'sh-new')).toMatchObject({ power: 20, interest: 30 });
    expect(placedQuadrant(entry(low.plan, 'sh-new'))).toBe('monitor');
  });

  it('older files (no flag) count as placed', () => {
    expect(isPlaced({})).toBe(true);
    expect(isPlaced({ placed: true })).toBe(true);
    expect(isPlaced({ placed: false })).toBe(false);
  });
});

describe('naming and comparing snapshots', () => {
  it('rename a snapshot, named after the old name', () => {
    const outcome = run(
      sample,
      workshopSnapshots.update({
        id: 'snap-kickoff-workshop',
        patch: { name: 'Before the board' },
      }),
    );
    expect(outcome.plan.stakeholders.snapshots[0]!.name).toBe('Before the board');
    expect(outcome.label).toMatch(/name/);
  });

  it('compare two snapshots: movement from one to the other, new ones counted', () => {
    const moved = run(
      sample,
      moveStakeholder({ id: 'sh-radio', to: { power: 60, interest: 60 }, at: AT }),
    ).plan;
    const later = run(moved, takeSnapshot({ id: 'snap-2', name: 'Later', takenAt: AT })).plan;
    const [first, second] = later.stakeholders.snapshots;
    const moves = movementBetween(first!.positions, second!.positions);
    const radio = moves.find((m) => m.id === 'sh-radio')!;
    expect(radio).toMatchObject({ to: { power: 60, interest: 60 }, quadrantChanged: true });
    expect(summariseMovement(movementBetween(second!.positions, second!.positions))).toEqual({
      moved: 0,
      quadrantChanged: 0,
      added: 0,
    });
  });
});
