/** Theory-of-change commands without React: changes, cascades, step names, refusals. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  addLinkAssumption,
  addTocElement,
  connectTocElements,
  deleteTocSelection,
  editLinkAssumption,
  layOutToc,
  moveTocElements,
  pasteTocElements,
  removeLinkAssumption,
  setTocNarrative,
  updateTocElement,
  updateTocLink,
} from '../../shared/commands/toc';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { copyTocSelection, makeTocNode } from '../../shared/toc/operations';

const sample = (() => {
  const result = readPlanFile(
    readFileSync(
      join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
      'utf8',
    ),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

const toc = sample.theoryOfChange;
const intervention = toc.nodes.find(
  (n) =>
    n.kind === 'intervention' &&
    sample.stakeholders.entries.some((e) => e.interventionIds.includes(n.id)),
)!;
const tracedOutcome = toc.nodes.find((n) =>
  sample.logicModel.items.some((i) => i.tocOutcomeId === n.id),
)!;

describe('theory-of-change commands', () => {
  it('add an element made by the caller, and refuse a second with the same id', () => {
    const node = makeTocNode({
      kind: 'outcome',
      title: 'Graduates hired',
      position: { x: 1, y: 2 },
      id: 'toc-new',
    });
    const added = run(sample, addTocElement({ node }));
    expect(added.label).toBe('Add short-term outcome');
    expect(added.location).toEqual({ section: 'theoryOfChange', focus: 'toc-new' });
    expect(added.plan.theoryOfChange.nodes.at(-1)).toEqual(node);
    expect(runCommand(added.plan, addTocElement({ node }))).toMatchObject({ ok: false });
  });

  it('edit an element: a kind change sets or clears the horizon; typing coalesces', () => {
    const outcome = toc.nodes.find((n) => n.kind === 'outcome')!;
    const asIntervention = run(
      sample,
      updateTocElement({ id: outcome.id, patch: { kind: 'intervention' } }),
    );
    expect(
      asIntervention.plan.theoryOfChange.nodes.find((n) => n.id === outcome.id)?.horizon,
    ).toBeNull();
    const back = run(
      asIntervention.plan,
      updateTocElement({ id: outcome.id, patch: { kind: 'outcome' } }),
    );
    expect(back.plan.theoryOfChange.nodes.find((n) => n.id === outcome.id)?.horizon).toBe('short');
    const renamed = run(
      sample,
      updateTocElement({ id: outcome.id, patch: { title: 'x'.repeat(600) } }),
    );
    expect(renamed.label).toBe('Rename element');
    expect(renamed.coalesceKey).toBe(`toc.updateElement:${outcome.id}:title`);
    expect(renamed.plan.theoryOfChange.nodes.find((n) => n.id === outcome.id)?.title).toHaveLength(
      500,
    );
  });

  it('keep titles and assumptions to the limit the plan file counts, in whole characters', () => {
    const node = toc.nodes[0]!;
    const titleOf = (title: string) =>
      run(
        sample,
        updateTocElement({ id: node.id, patch: { title } }),
      ).plan.theoryOfChange.nodes.find((n) => n.id === node.id)!.title;
    // 400 emoji are 400 characters to the schema (800 UTF-16 units): kept whole.
    expect(titleOf('😀'.repeat(400))).toBe('😀'.repeat(400));
    // Over the limit: cut to 500 characters, never half an emoji or half a flag.
    expect(titleOf(`a${'😀'.repeat(600)}`)).toBe(`a${'😀'.repeat(499)}`);
    expect(titleOf(`a${'🇩🇪'.repeat(300)}`)).toBe(`a${'🇩🇪'.repeat(249)}`);
    const link = toc.links[0]!;
    const added = run(sample, addLinkAssumption({ id: link.id, text: `b${'𠀀'.repeat(600)}` }));
    const assumptions = added.plan.theoryOfChange.links.find((l) => l.id === link.id)!.assumptions;
    expect(assumptions.at(-1)).toBe(`b${'𠀀'.repeat(499)}`);
    const edited = run(
      added.plan,
      editLinkAssumption({ id: link.id, index: assumptions.length - 1, text: 'c'.repeat(501) }),
    );
    expect(edited.plan.theoryOfChange.links.find((l) => l.id === link.id)!.assumptions.at(-1)).toBe(
      'c'.repeat(500),
    );
  });

  it('move elements as one coalescing step, and lay out without coalescing', () => {
    const node = toc.nodes[0]!;
    const moved = run(sample, moveTocElements({ positions: [[node.id, { x: 10.4, y: 20.6 }]] }));
    expect(moved.coalesceKey).toBe('toc.moveElements');
    expect(moved.plan.theoryOfChange.nodes[0]!.position).toEqual({ x: 10, y: 21 });
    // Unmoved elements keep their identity.
    expect(moved.plan.theoryOfChange.nodes[1]).toBe(toc.nodes[1]);
    const laidOut = run(
      sample,
      layOutToc({ positions: [[node.id, { x: 0, y: 0 }]], selection: true }),
    );
    expect(laidOut).toMatchObject({ label: 'Lay out selection', coalesceKey: null });
  });

  it('connect two elements, refusing a self-link, a duplicate and a link out of the impact', () => {
    const [a, b] = toc.nodes.filter((n) => n.kind === 'intervention');
    const linked = run(
      sample,
      connectTocElements({ id: 'link-new', source: a!.id, target: b!.id }),
    );
    expect(linked.plan.theoryOfChange.links.at(-1)).toMatchObject({
      id: 'link-new',
      source: a!.id,
      target: b!.id,
    });
    expect(
      runCommand(sample, connectTocElements({ id: 'x', source: a!.id, target: a!.id })),
    ).toEqual({
      ok: false,
      reason: 'An element cannot lead to itself.',
    });
    expect(
      runCommand(linked.plan, connectTocElements({ id: 'y', source: a!.id, target: b!.id })),
    ).toMatchObject({
      ok: false,
      reason: 'These two are already linked.',
    });
    const impact = toc.nodes.find((n) => n.kind === 'impact')!;
    expect(
      runCommand(sample, connectTocElements({ id: 'z', source: impact.id, target: a!.id })),
    ).toMatchObject({
      ok: false,
    });
  });

  it('delete an element with its links, indicators, logic-model traces and stakeholder links', () => {
    const outcome = run(
      sample,
      deleteTocSelection({ nodeIds: [tracedOutcome.id, intervention.id], linkIds: [] }),
    );
    const plan = outcome.plan;
    expect(outcome.label).toBe('Delete elements');
    const gone = new Set([tracedOutcome.id, intervention.id]);
    expect(plan.theoryOfChange.nodes.some((n) => gone.has(n.id))).toBe(false);
    expect(plan.theoryOfChange.links.some((l) => gone.has(l.source) || gone.has(l.target))).toBe(
      false,
    );
    expect(plan.indicators.some((i) => i.subjectIds.some((id) => gone.has(id)))).toBe(false);
    expect(plan.logicModel.items.some((i) => i.tocOutcomeId && gone.has(i.tocOutcomeId))).toBe(
      false,
    );
    expect(
      plan.stakeholders.entries.some((e) => e.interventionIds.some((id) => gone.has(id))),
    ).toBe(false);
    const oneLink = run(sample, deleteTocSelection({ nodeIds: [], linkIds: [toc.links[0]!.id] }));
    expect(oneLink.label).toBe('Delete link');
    expect(oneLink.plan.theoryOfChange.links).toHaveLength(toc.links.length - 1);
    expect(oneLink.plan.indicators).toBe(sample.indicators);
  });

  it('paste copied elements under the ids given, deterministically', () => {
    const clip = copyTocSelection(sample, [tracedOutcome.id]);
    const ids = {
      nodes: ['toc-copy'],
      links: clip.links.map((_, i) => `link-copy-${i}`),
      indicators: clip.indicators.map((_, i) => `ind-copy-${i}`),
    };
    const first = run(sample, pasteTocElements({ clip, ids }));
    const second = run(sample, pasteTocElements({ clip, ids }));
    expect(JSON.stringify(first.plan)).toBe(JSON.stringify(second.plan));
    const copy = first.plan.theoryOfChange.nodes.find((n) => n.id === 'toc-copy')!;
    expect(copy.title).toBe(tracedOutcome.title);
    expect(copy.position).toEqual({
      x: tracedOutcome.position.x + 40,
      y: tracedOutcome.position.y + 40,
    });
    expect(first.plan.indicators.filter((i) => i.subjectIds.includes('toc-copy'))).toHaveLength(
      clip.indicators.length,
    );
  });

  it('edit the narrative and a link: rationale, evidence and its assumptions', () => {
    expect(run(sample, setTocNarrative({ text: 'Because…' })).plan.theoryOfChange.narrative).toBe(
      'Because…',
    );
    const link = toc.links[0]!;
    const rationale = run(
      sample,
      updateTocLink({ id: link.id, patch: { rationale: 'Because pilots showed it.' } }),
    );
    expect(rationale).toMatchObject({
      label: 'Edit rationale',
      location: { section: 'theoryOfChange', focus: link.id },
    });
    const evidence = run(sample, updateTocLink({ id: link.id, patch: { evidence: 'weak' } }));
    expect(evidence.label).toBe('Change evidence');
    const added = run(
      sample,
      addLinkAssumption({ id: link.id, text: '  Employers accept online certificates  ' }),
    );
    expect(added.label).toBe('Add assumption “Employers accept online certificates”');
    const assumptions = added.plan.theoryOfChange.links[0]!.assumptions;
    expect(assumptions.at(-1)).toBe('Employers accept online certificates');
    const index = assumptions.length - 1;
    const edited = run(
      added.plan,
      editLinkAssumption({ id: link.id, index, text: 'Employers accept them' }),
    );
    expect(edited.coalesceKey).toBe(`toc.editAssumption:${link.id}:${index}`);
    const removed = run(edited.plan, removeLinkAssumption({ id: link.id, index }));
    expect(removed.plan.theoryOfChange.links[0]!.assumptions).toEqual(link.assumptions);
    expect(runCommand(sample, addLinkAssumption({ id: link.id, text: '   ' }))).toMatchObject({
      ok: false,
    });
  });
});
