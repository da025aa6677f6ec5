/**
 * The Logic model commands on their own, on the sample plan: each command's
 * change, its cascades (lane orders, arrows and indicators of a deleted
 * item), its step name, where it is seen, how it coalesces, and what it
 * refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  addLogicModelItem,
  addLogicModelLink,
  deleteLogicModelItem,
  editLogicItemText,
  moveLogicModelItem,
  removeLogicModelLink,
  renameLogicModelItem,
  reorderLogicModelItem,
  traceLogicModelItem,
} from '../../shared/commands/logic-model';
import type { LaneId } from '../../shared/logic-model/lanes';
import { itemsInLane } from '../../shared/logic-model/operations';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { LogicItem, Plan } from '../../shared/plan/schema';

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

const item = (plan: Plan, id: string): LogicItem => {
  const found = plan.logicModel.items.find((i) => i.id === id);
  if (!found) throw new Error(`No item ${id}`);
  return found;
};

/** Ids of a lane in display order, with their orders (which must be 1..n). */
function lane(plan: Plan, id: LaneId): string[] {
  const items = itemsInLane(plan.logicModel, id);
  expect(items.map((i) => i.order)).toEqual(items.map((_, index) => index + 1));
  return items.map((i) => i.id);
}

describe('logic-model items', () => {
  it('add at the end of a lane with the caller’s id, trimmed, seen in the logic model', () => {
    const outcome = run(
      sample,
      addLogicModelItem({ id: 'lm-new', lane: 'shortTermOutcome', title: '  Learners network  ' }),
    );
    expect(item(outcome.plan, 'lm-new')).toMatchObject({
      lane: 'shortTermOutcome',
      title: 'Learners network',
      order: 4,
      tocOutcomeId: null,
    });
    expect(lane(outcome.plan, 'shortTermOutcome').at(-1)).toBe('lm-new');
    expect(outcome.label).toBe('Add short-term outcome “Learners network”');
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-new' });
    expect(outcome.coalesceKey).toBeNull();
    expect(run(sample, addLogicModelItem({ id: 'lm-x', lane: 'input', title: '' })).label).toBe(
      'Add input',
    );
    // The same id twice is one item.
    expect(
      run(outcome.plan, addLogicModelItem({ id: 'lm-new', lane: 'input', title: 'Other' })).plan,
    ).toBe(outcome.plan);
  });

  it('rename in one step, named after the item before', () => {
    const outcome = run(
      sample,
      renameLogicModelItem({ id: 'lm-act-support', title: 'Provide coaching and support' }),
    );
    expect(item(outcome.plan, 'lm-act-support').title).toBe('Provide coaching and support');
    expect(outcome.label).toBe('Rename activity “Provide learner support”');
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-act-support' });
    expect(outcome.coalesceKey).toBeNull();
    const long = run(
      sample,
      renameLogicModelItem({ id: 'lm-act-support', title: 'x'.repeat(600) }),
    );
    expect(item(long.plan, 'lm-act-support').title).toHaveLength(500);
  });

  it('edit text fields, coalescing typing per item and field', () => {
    const outcome = run(
      sample,
      editLogicItemText({
        id: 'lm-sto-skills',
        field: 'meansOfVerification',
        value: 'Assessment records',
      }),
    );
    expect(item(outcome.plan, 'lm-sto-skills').meansOfVerification).toBe('Assessment records');
    expect(outcome.label).toMatch(/^Edit means of verification of “Learners gain assessed/);
    expect(outcome.coalesceKey).toBe('logicItem.editText:lm-sto-skills:meansOfVerification');
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-sto-skills' });
    const description = editLogicItemText({
      id: 'lm-sto-skills',
      field: 'description',
      value: 'd',
    });
    expect(run(sample, description).coalesceKey).toBe(
      'logicItem.editText:lm-sto-skills:description',
    );
    const other = editLogicItemText({ id: 'lm-sto-completion', field: 'description', value: 'd' });
    expect(run(sample, other).coalesceKey).not.toBe(run(sample, description).coalesceKey);
    // Titles are kept to what a plan file accepts.
    const title = run(
      sample,
      editLogicItemText({ id: 'lm-sto-skills', field: 'title', value: 'y'.repeat(700) }),
    );
    expect(item(title.plan, 'lm-sto-skills').title).toHaveLength(500);
    // The limit counts characters as the plan file does: 450 emoji fit, and a cut never halves one.
    const emoji = (value: string) =>
      item(
        run(sample, editLogicItemText({ id: 'lm-sto-skills', field: 'title', value })).plan,
        'lm-sto-skills',
      ).title;
    expect(emoji('😀'.repeat(450))).toBe('😀'.repeat(450));
    expect(emoji(`a${'👩‍💻'.repeat(200)}`)).toBe(`a${'👩‍💻'.repeat(166)}`);
    const added = run(
      sample,
      addLogicModelItem({ id: 'lm-new', lane: 'activity', title: ` ${'😀'.repeat(501)}` }),
    );
    expect(item(added.plan, 'lm-new').title).toBe('😀'.repeat(500));
    const renamed = run(
      sample,
      renameLogicModelItem({ id: 'lm-act-support', title: `x${'😀'.repeat(500)}` }),
    );
    expect(item(renamed.plan, 'lm-act-support').title).toBe(`x${'😀'.repeat(499)}`);
  });

  it('refuse a field that is not a text field (a command from elsewhere)', () => {
    const command = {
      type: 'logicItem.editText',
      args: { id: 'lm-sto-skills', field: 'lane', value: 'input' },
    };
    expect(runCommand(sample, command)).toEqual({
      ok: false,
      reason: 'That field cannot be edited.',
    });
  });
});

describe('tracing to the theory of change', () => {
  it('link and unlink, with the names the Undo button shows', () => {
    const unlinked = run(
      sample,
      traceLogicModelItem({ id: 'lm-imo-employers', tocOutcomeId: null }),
    );
    expect(item(unlinked.plan, 'lm-imo-employers').tocOutcomeId).toBeNull();
    expect(unlinked.label).toBe('Unlink from theory of change');
    expect(unlinked.location).toEqual({ section: 'logicModel', focus: 'lm-imo-employers' });
    const linked = run(
      unlinked.plan,
      traceLogicModelItem({ id: 'lm-imo-employers', tocOutcomeId: 'toc-impact' }),
    );
    expect(item(linked.plan, 'lm-imo-employers').tocOutcomeId).toBe('toc-impact');
    expect(linked.label).toBe('Link to theory of change');
    // The same outcome again is no change.
    expect(
      run(
        sample,
        traceLogicModelItem({ id: 'lm-imo-employers', tocOutcomeId: 'toc-out-hiring-practice' }),
      ).plan,
    ).toBe(sample);
  });

  it('refuse an element that is not an outcome, or one that is gone', () => {
    expect(
      runCommand(
        sample,
        traceLogicModelItem({ id: 'lm-imo-employers', tocOutcomeId: 'toc-int-employers' }),
      ),
    ).toEqual({
      ok: false,
      reason: 'Only an outcome or the impact of the theory of change can be traced to.',
    });
    expect(
      runCommand(sample, traceLogicModelItem({ id: 'lm-imo-employers', tocOutcomeId: 'toc-gone' })),
    ).toEqual({ ok: false, reason: 'That outcome is no longer in the theory of change.' });
  });
});

describe('moving items', () => {
  it('reorder within a lane, renumbering it; nothing at the ends', () => {
    const up = run(sample, reorderLogicModelItem({ id: 'lm-act-support', delta: -1 }));
    expect(lane(up.plan, 'activity')).toEqual([
      'lm-act-curate',
      'lm-act-outreach',
      'lm-act-support',
      'lm-act-access',
      'lm-act-employers',
    ]);
    expect(up.label).toBe('Move item up');
    expect(up.location).toEqual({ section: 'logicModel', focus: 'lm-act-support' });
    expect(up.coalesceKey).toBeNull();
    expect(run(sample, reorderLogicModelItem({ id: 'lm-act-support', delta: 1 })).label).toBe(
      'Move item down',
    );
    expect(run(sample, reorderLogicModelItem({ id: 'lm-act-curate', delta: -1 })).plan).toBe(
      sample,
    );
    expect(run(sample, reorderLogicModelItem({ id: 'lm-act-employers', delta: 1 })).plan).toBe(
      sample,
    );
  });

  it('move to another lane at a position, renumbering both lanes', () => {
    const outcome = run(
      sample,
      moveLogicModelItem({ id: 'lm-act-support', lane: 'output', index: 1 }),
    );
    expect(item(outcome.plan, 'lm-act-support').lane).toBe('output');
    expect(lane(outcome.plan, 'output')).toEqual([
      'lm-out-invitations',
      'lm-act-support',
      'lm-out-enrolments',
      'lm-out-hours',
      'lm-out-access',
      'lm-out-workshops',
    ]);
    expect(lane(outcome.plan, 'activity')).toEqual([
      'lm-act-curate',
      'lm-act-outreach',
      'lm-act-access',
      'lm-act-employers',
    ]);
    expect(outcome.label).toBe('Move to outputs');
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-act-support' });
    // Without a position: the end of the lane. The same lane: no change.
    const end = run(sample, moveLogicModelItem({ id: 'lm-act-support', lane: 'input' }));
    expect(lane(end.plan, 'input').at(-1)).toBe('lm-act-support');
    expect(run(sample, moveLogicModelItem({ id: 'lm-act-support', lane: 'activity' })).plan).toBe(
      sample,
    );
  });
});

describe('deleting an item', () => {
  it('removes its arrows and its indicators, and closes up its lane', () => {
    const outcome = run(sample, deleteLogicModelItem({ id: 'lm-out-enrolments' }));
    const { logicModel, indicators } = outcome.plan;
    expect(logicModel.items.some((i) => i.id === 'lm-out-enrolments')).toBe(false);
    // lm-link-09 (invitations → enrolments) and lm-link-14 (enrolments → completion) go with it.
    expect(logicModel.links.map((l) => l.id)).not.toContain('lm-link-09');
    expect(logicModel.links.map((l) => l.id)).not.toContain('lm-link-14');
    expect(logicModel.links).toHaveLength(sample.logicModel.links.length - 2);
    expect(
      logicModel.links.some(
        (l) => l.source === 'lm-out-enrolments' || l.target === 'lm-out-enrolments',
      ),
    ).toBe(false);
    // Its two indicators too; indicators of other elements stay.
    expect(indicators.map((i) => i.id)).not.toContain('ind-enrolments');
    expect(indicators.map((i) => i.id)).not.toContain('ind-licence-use');
    expect(indicators).toHaveLength(sample.indicators.length - 2);
    expect(lane(outcome.plan, 'output')).toEqual([
      'lm-out-invitations',
      'lm-out-hours',
      'lm-out-access',
      'lm-out-workshops',
    ]);
    expect(outcome.label).toBe(
      'Delete output “1,900 learners enrolled and active (95% licence use)”',
    );
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-out-enrolments' });
    expect(outcome.coalesceKey).toBeNull();
  });

  it('changes nothing when the item is already gone', () => {
    expect(run(sample, deleteLogicModelItem({ id: 'lm-gone' })).plan).toBe(sample);
  });
});

describe('arrows', () => {
  it('add an arrow with the caller’s id, named after both items', () => {
    const outcome = run(
      sample,
      addLogicModelLink({
        id: 'lm-link-new',
        source: 'lm-act-outreach',
        target: 'lm-out-enrolments',
      }),
    );
    expect(outcome.plan.logicModel.links.at(-1)).toEqual({
      id: 'lm-link-new',
      source: 'lm-act-outreach',
      target: 'lm-out-enrolments',
    });
    expect(outcome.label).toMatch(
      /^Add arrow from activity “Run outreach.*” to output “1,900 learners enrolled/,
    );
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-act-outreach' });
  });

  it.each([
    ['lm-act-outreach', 'lm-act-outreach', 'An item cannot lead to itself.'],
    ['lm-act-outreach', 'lm-gone', 'One of the items no longer exists.'],
    [
      'lm-act-outreach',
      'lm-asm-allowance',
      'Assumptions and external factors are notes; they do not take arrows.',
    ],
    ['lm-act-outreach', 'lm-out-invitations', 'These items are already linked.'],
  ])('refuse an arrow from %s to %s: %s', (source, target, reason) => {
    expect(runCommand(sample, addLogicModelLink({ id: 'lm-link-x', source, target }))).toEqual({
      ok: false,
      reason,
    });
  });

  it('remove an arrow, named after both items; nothing when it is gone', () => {
    const outcome = run(sample, removeLogicModelLink({ id: 'lm-link-08' }));
    expect(outcome.plan.logicModel.links.map((l) => l.id)).not.toContain('lm-link-08');
    expect(outcome.plan.logicModel.links).toHaveLength(sample.logicModel.links.length - 1);
    expect(outcome.label).toMatch(
      /^Remove arrow from activity “Run outreach.*” to output “4,000 invitations/,
    );
    expect(outcome.location).toEqual({ section: 'logicModel', focus: 'lm-act-outreach' });
    const gone = run(sample, removeLogicModelLink({ id: 'lm-link-gone' }));
    expect(gone.plan).toBe(sample);
    expect(gone.label).toBe('Remove arrow');
    expect(gone.location).toEqual({ section: 'logicModel' });
  });
});
