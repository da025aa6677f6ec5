/**
 * The command layer on its own, without React: each command's change, its
 * cascades, its step name, where it is seen and how it coalesces; refusals
 * change nothing; commands are plain data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CommandRefusal,
  commandDefinition,
  defineCommand,
  quoted,
  registeredCommandTypes,
  runCommand,
  type Command,
} from '../../shared/commands/command';
import {
  blankSegment,
  incentives,
  learnerSegments,
  setBarrier,
  setPersona,
} from '../../shared/commands/learners';
import {
  renamePlan,
  setPhaseDate,
  updateBaseline,
  updateObjective,
} from '../../shared/commands/objective';
import {
  addIndicator,
  removeIndicators,
  setIndicatorValue,
  setSuccessMeasure,
} from '../../shared/commands/indicators';
import { blankIndicator } from '../../shared/indicators/format';
import { importWorkbook, repairFinding, withRowIds } from '../../shared/commands/plan-io';
import { restoreBackup } from '../../shared/commands/restore-backup';
import { undoStep } from '../../shared/commands/undo-step';
import { commit, createHistory, seal } from '../../shared/history';
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

describe('commands', () => {
  it('are plain data that survive JSON and run from their type alone', () => {
    const command = updateObjective({ patch: { region: 'North' } });
    const copy = JSON.parse(JSON.stringify(command)) as Command;
    expect(copy).toEqual({ type: 'objective.update', args: { patch: { region: 'North' } } });
    expect(run(sample, copy).plan.objective.region).toBe('North');
  });

  it('each have a unique type and are refused when defined twice', () => {
    const types = registeredCommandTypes();
    expect(new Set(types).size).toBe(types.length);
    expect(() =>
      defineCommand({
        type: 'objective.update',
        label: () => '',
        locate: () => ({ section: 'objective' }),
        apply: () => undefined,
      }),
    ).toThrow(/defined twice/);
    expect(() => commandDefinition('no.such')).toThrow(/Unknown command/);
  });

  it('never change the plan they are given, and return it unchanged when nothing changes', () => {
    const before = JSON.stringify(sample);
    const outcome = run(sample, learnerSegments.remove({ ids: [sample.learners[0]!.id] }));
    expect(outcome.plan).not.toBe(sample);
    expect(JSON.stringify(sample)).toBe(before);
    const same = run(sample, updateObjective({ patch: { region: sample.objective.region } }));
    expect(same.plan).toBe(sample);
  });

  it('report a refusal without a change', () => {
    const refuse = defineCommand<{ why: string }>({
      type: 'test.refuse',
      label: () => 'Refuse',
      locate: () => ({ section: 'objective' }),
      apply(draft, { why }) {
        draft.objective.region = 'changed';
        throw new CommandRefusal(why);
      },
    });
    expect(runCommand(sample, refuse({ why: 'Not now.' }))).toEqual({
      ok: false,
      reason: 'Not now.',
    });
  });

  it('quote titles for step names, shortened', () => {
    expect(quoted('  Young   parents ')).toBe('“Young parents”');
    expect(quoted('')).toBe('');
    expect(quoted('x'.repeat(100), 10)).toBe('“xxxxxxxxx…”');
  });
});

describe('objective commands', () => {
  it('set text fields, coalescing typing per field', () => {
    const region = run(sample, updateObjective({ patch: { region: 'Coast' } }));
    expect(region).toMatchObject({
      label: 'Edit region',
      coalesceKey: 'objective.update:region',
      location: { section: 'objective' },
    });
    expect(region.plan.objective.region).toBe('Coast');
    expect(run(sample, updateObjective({ patch: { changeSought: 'x' } })).label).toBe(
      'Edit change sought',
    );
  });

  it('rename the plan, set the baseline and phase dates', () => {
    expect(run(sample, renamePlan({ name: 'New name' })).plan.name).toBe('New name');
    const baseline = run(sample, updateBaseline({ patch: { date: '2026-01-15' } }));
    expect(baseline.label).toBe('Edit baseline date');
    expect(baseline.plan.objective.baseline.date).toBe('2026-01-15');
    const phase = run(sample, setPhaseDate({ phase: 'launch', end: 'start', date: '2027-05-01' }));
    expect(phase.plan.objective.timeline.launch.start).toBe('2027-05-01');
    expect(phase.label).toBe('Edit launch start');
    // Typing a date segment by segment is one undo step.
    expect(phase.coalesceKey).toBe('objective.setPhaseDate:launch:start');
  });

  it('add, edit, count and remove success measures (indicators)', () => {
    const measure = {
      id: 'm-new',
      kind: 'wages' as const,
      name: 'Median wage',
      unit: 'EUR',
      baseline: 1400,
      target: 1700,
      targetDate: null,
    };
    // Success measures are indicators (one measurement framework, issue 10).
    const indicator = { ...blankIndicator(measure.id, null, measure.kind), name: measure.name };
    let plan = run(sample, addIndicator({ indicator })).plan;
    expect(plan.indicators.at(-1)).toEqual(indicator);
    const edited = run(
      plan,
      setIndicatorValue({ id: 'm-new', which: 'target', patch: { value: 1800 } }),
    );
    expect(edited.label).toBe('Edit target of “Median wage”');
    expect(edited.location).toEqual({ section: 'objective' });
    plan = run(edited.plan, setSuccessMeasure({ id: 'm-new', kind: null })).plan;
    expect(plan.indicators.at(-1)?.successMeasure).toBeNull();
    plan = run(plan, setSuccessMeasure({ id: 'm-new', kind: 'wages' })).plan;
    const removed = run(plan, removeIndicators({ ids: ['m-new'] }));
    expect(removed.label).toBe('Remove indicator “Median wage”');
    expect(removed.plan.indicators).toEqual(sample.indicators);
  });
});

describe('learner commands', () => {
  const segment = sample.learners.find((s) =>
    sample.content.pathways.some((p) => p.segmentIds.includes(s.id)),
  )!;

  it('delete a segment and every reference to it', () => {
    expect(sample.indicators.some((i) => i.disaggregation.includes(segment.id))).toBe(true);
    const outcome = run(sample, learnerSegments.remove({ ids: [segment.id] }));
    const plan = outcome.plan;
    expect(outcome.label).toBe(`Delete learner segment ${quoted(segment.name)}`);
    expect(plan.learners.some((s) => s.id === segment.id)).toBe(false);
    expect(plan.content.pathways.some((p) => p.segmentIds.includes(segment.id))).toBe(false);
    expect(plan.indicators.some((i) => i.disaggregation.includes(segment.id))).toBe(false);
    expect(plan.launch.marketing.channels.some((c) => c.segmentIds.includes(segment.id))).toBe(
      false,
    );
    expect(plan.launch.marketing.stories.some((s) => s.segmentId === segment.id)).toBe(false);
  });

  it('add a segment, tick barriers, and manage incentives and the persona', () => {
    const fresh = blankSegment('Carers', 'seg-carers');
    let plan = run(sample, learnerSegments.add({ item: fresh })).plan;
    plan = run(
      plan,
      setBarrier({ segmentId: fresh.id, barrier: 'caregiving', present: true }),
    ).plan;
    plan = run(
      plan,
      setBarrier({ segmentId: fresh.id, barrier: 'caregiving', present: true }),
    ).plan;
    expect(plan.learners.at(-1)?.barriers).toEqual(['caregiving']);
    const item = {
      id: 'inc-1',
      type: 'stipend' as const,
      description: 'Weekly',
      costPerLearner: 40,
    };
    plan = run(plan, incentives.add({ parentId: fresh.id, item })).plan;
    const cost = run(
      plan,
      incentives.update({ parentId: fresh.id, id: 'inc-1', patch: { costPerLearner: 50 } }),
    );
    expect(cost.location).toEqual({ section: 'learners', focus: fresh.id });
    plan = cost.plan;
    expect(plan.learners.at(-1)?.incentives[0]?.costPerLearner).toBe(50);
    plan = run(plan, setPersona({ segmentId: fresh.id, persona: {} })).plan;
    const named = run(plan, setPersona({ segmentId: fresh.id, persona: { name: 'Ama' } }));
    expect(named.label).toBe('Edit persona name');
    expect(named.plan.learners.at(-1)?.persona).toEqual({
      name: 'Ama',
      situation: '',
      goals: '',
      quote: '',
    });
    expect(
      run(named.plan, setPersona({ segmentId: fresh.id, persona: null })).plan.learners.at(-1)
        ?.persona,
    ).toBeNull();
    // A nested list whose parent is gone: refused, nothing changes.
    expect(runCommand(plan, incentives.add({ parentId: 'gone', item }))).toMatchObject({
      ok: false,
    });
  });
});

describe('plan-wide commands', () => {
  it('repair a broken indicator from Plan health', () => {
    const indicator = sample.indicators[0]!;
    const outcome = run(
      sample,
      repairFinding({
        repair: {
          kind: 'removeIndicator',
          id: indicator.id,
          label: 'Remove the indicator',
          labelKey: 'removeIndicator',
        },
      }),
    );
    expect(outcome.label).toBe('Remove broken indicator');
    expect(outcome.plan.indicators.some((i) => i.id === indicator.id)).toBe(false);
  });

  it('apply an edited workbook only when every added row has an id', () => {
    const preview = {
      stakeholders: {
        sheet: 'stakeholders' as const,
        present: true,
        added: [{ id: null, name: 'New partner', values: {} }],
        changed: [],
        unmatched: [],
        missing: [],
        removed: [],
        unchanged: 0,
      },
      indicators: {
        sheet: 'indicators' as const,
        present: false,
        added: [],
        changed: [],
        unmatched: [],
        missing: [],
        removed: [],
        unchanged: 0,
      },
      notes: [],
    };
    expect(runCommand(sample, importWorkbook({ preview: preview as never }))).toMatchObject({
      ok: false,
    });
    const withIds = withRowIds(preview as never, (prefix) => `${prefix}-fixed`);
    const outcome = run(sample, importWorkbook({ preview: withIds }));
    expect(outcome.plan.stakeholders.entries.at(-1)).toMatchObject({
      id: 'sh-fixed',
      name: 'New partner',
    });
    expect(outcome.location.section).toBe('stakeholders');
  });

  it('restore a backup as one step, keeping the plan id', () => {
    const older = { ...sample, id: 'other-id', name: 'Older name' };
    const outcome = run(sample, restoreBackup({ plan: older, when: '30 Nov, 10:00' }));
    expect(outcome.plan.id).toBe(sample.id);
    expect(outcome.plan.name).toBe('Older name');
  });
});

describe('undoing one step', () => {
  it('reverts an earlier step as a new step when nothing later touched it', () => {
    let history = createHistory(sample);
    const step = (command: Command, now: number) => {
      const outcome = run(history.present, command);
      history = seal(commit(history, outcome.plan, { name: outcome.label }, now));
      return history.past.at(-1)!.id;
    };
    const deletion = step(learnerSegments.remove({ ids: [sample.learners[0]!.id] }), 1);
    step(updateObjective({ patch: { region: 'Elsewhere' } }), 2);
    const result = undoStep(history, deletion, 3);
    expect(result.kind).toBe('reverted');
    if (result.kind !== 'reverted') return;
    expect(result.history.present.learners).toEqual(sample.learners);
    expect(result.history.present.objective.region).toBe('Elsewhere');
    expect(result.history.past.at(-1)?.action).toBe(
      `Undo delete learner segment ${quoted(sample.learners[0]!.name)}`,
    );
    expect(undoStep(history, 999, 4)).toEqual({ kind: 'gone' });
  });
});
