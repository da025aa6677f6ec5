/** Repairing duplicate ids in a plan: what is renamed, what is left, and what is said. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { readPlanFile, writePlanFile } from '../../shared/plan/plan-file';
import { hasDuplicateIds, repairDuplicateIds, repairPlan } from '../../shared/plan/repair';
import {
  ContentItem,
  EngagementAction,
  Indicator,
  LogicItem,
  MakeOrBuyDecision,
  Pathway,
  Stakeholder,
  TocLink,
  TocNode,
  type Plan,
} from '../../shared/plan/schema';
import { removeTocElements } from '../../shared/toc/operations';

const node = (id: string, title: string) => TocNode.parse({ id, kind: 'outcome', title });
const link = (id: string, source: string, target: string) =>
  TocLink.parse({ id, source, target, rationale: 'because' });

function planWithNodes(...nodes: TocNode[]): Plan {
  const plan = createBlankPlan('Repairs');
  plan.theoryOfChange.nodes = nodes;
  return plan;
}

describe('repairDuplicateIds', () => {
  it('leaves a plan without duplicates alone: same object, nothing said', () => {
    const plan = planWithNodes(node('a', 'A'), node('b', 'B'));
    expect(hasDuplicateIds(plan)).toBe(false);
    const result = repairDuplicateIds(plan);
    expect(result.plan).toBe(plan);
    expect(result.repairs).toEqual([]);
  });

  it('renames the later duplicate, says so by title, and leaves references on the first', () => {
    const plan = planWithNodes(
      node('toc-3', 'Learners start'),
      node('toc-3', 'Learners finish'),
      node('impact', 'Jobs'),
    );
    plan.theoryOfChange.links = [link('l1', 'toc-3', 'impact')];
    plan.indicators = [Indicator.parse({ id: 'i1', subjectIds: ['toc-3'], name: 'Starts' })];
    const frozen = structuredClone(plan);
    const { plan: repaired, repairs } = repairDuplicateIds(plan);
    expect(repairs).toEqual([
      'Two theory-of-change elements had the id "toc-3"; the second ("Learners finish") now has the id "toc-3-2".',
    ]);
    expect(repaired.theoryOfChange.nodes.map((n) => [n.id, n.title])).toEqual([
      ['toc-3', 'Learners start'],
      ['toc-3-2', 'Learners finish'],
      ['impact', 'Jobs'],
    ]);
    expect(repaired.theoryOfChange.links[0]).toMatchObject({ source: 'toc-3', target: 'impact' });
    expect(repaired.indicators[0]!.subjectIds).toEqual(['toc-3']);
    // The input is never changed.
    expect(plan).toEqual(frozen);
    expect(hasDuplicateIds(repaired)).toBe(false);
  });

  it('deleting one of the former twins leaves the other', () => {
    const { plan } = repairDuplicateIds(planWithNodes(node('n1', 'A'), node('n1', 'B')));
    removeTocElements(plan, ['n1']);
    expect(plan.theoryOfChange.nodes.map((n) => n.title)).toEqual(['B']);
  });

  it('counts three and more, and never hands out an id that is already taken', () => {
    const { plan, repairs } = repairDuplicateIds(
      planWithNodes(node('x', 'One'), node('x-2', 'Taken'), node('x', 'Two'), node('x', 'Three')),
    );
    expect(plan.theoryOfChange.nodes.map((n) => n.id)).toEqual(['x', 'x-2', 'x-3', 'x-4']);
    expect(repairs).toEqual([
      'Three theory-of-change elements had the id "x"; the second ("Two") now has the id "x-3".',
      'Three theory-of-change elements had the id "x"; the third ("Three") now has the id "x-4".',
    ]);
  });

  it('keeps fresh ids within the 100-character limit of the file format', () => {
    const long = 'a'.repeat(100);
    const { plan } = repairDuplicateIds(planWithNodes(node(long, 'A'), node(long, 'B')));
    const fresh = plan.theoryOfChange.nodes[1]!.id;
    expect(fresh).toHaveLength(100);
    expect(fresh.endsWith('-2')).toBe(true);
    expect(readPlanFile(writePlanFile(plan)).ok).toBe(true);
  });

  it('treats theory-of-change elements and logic-model items as one namespace (indicators point at either)', () => {
    const plan = planWithNodes(node('shared', 'Skills gained'));
    plan.logicModel.items = [
      LogicItem.parse({ id: 'shared', lane: 'output', title: 'Enrolments' }),
    ];
    const { plan: repaired, repairs } = repairDuplicateIds(plan);
    expect(repaired.logicModel.items[0]!.id).toBe('shared-2');
    expect(repairs).toEqual([
      'A logic-model item had the same id ("shared") as a theory-of-change element; the logic-model item ("Enrolments") now has the id "shared-2".',
    ]);
  });

  it('repairs every id-carrying collection, and nested ones within their parent only', () => {
    const plan = createBlankPlan('All');
    plan.theoryOfChange.nodes = [node('a', 'A'), node('b', 'B')];
    plan.theoryOfChange.links = [link('l', 'a', 'b'), link('l', 'b', 'a')];
    plan.stakeholders.entries = [
      Stakeholder.parse({
        id: 's',
        name: 'Ministry',
        actions: [
          EngagementAction.parse({ id: 'act', what: 'Call' }),
          EngagementAction.parse({ id: 'act', what: 'Visit' }),
        ],
      }),
      // Same action id under another stakeholder: unique within its parent, so fine.
      Stakeholder.parse({ id: 's', name: 'Chamber', actions: [{ id: 'act', what: 'Write' }] }),
    ];
    plan.content.catalog = [
      ContentItem.parse({ id: 'c', title: 'Excel' }),
      ContentItem.parse({ id: 'c', title: 'Word' }),
    ];
    plan.content.decisions = [
      MakeOrBuyDecision.parse({
        id: 'd',
        need: 'Data course',
        criteria: [
          { id: 'k', label: 'Cost', favours: 'buy', weight: 1 },
          { id: 'k', label: 'Speed', favours: 'buy', weight: 1 },
        ],
      }),
    ];
    plan.content.pathways = [
      Pathway.parse({
        id: 'p',
        name: 'Analyst',
        steps: [
          { id: 'st', contentItemId: 'c' },
          { id: 'st', contentItemId: 'c' },
        ],
      }),
    ];
    plan.learners = [{ ...createSegment('seg', 'Youth') }, { ...createSegment('seg', 'Parents') }];
    const { plan: repaired, repairs } = repairDuplicateIds(plan);
    expect(repairs).toEqual([
      'Two theory-of-change links had the id "l"; the second (from "B" to "A") now has the id "l-2".',
      'Two stakeholders had the id "s"; the second ("Chamber") now has the id "s-2".',
      'Two engagement actions of the stakeholder "Ministry" had the id "act"; the second ("Visit") now has the id "act-2".',
      'Two learner segments had the id "seg"; the second ("Parents") now has the id "seg-2".',
      'Two catalog items had the id "c"; the second ("Word") now has the id "c-2".',
      'Two criteria of the decision "Data course" had the id "k"; the second ("Speed") now has the id "k-2".',
      'Two pathway steps of the pathway "Analyst" had the id "st"; the second ("Excel") now has the id "st-2".',
    ]);
    expect(repaired.stakeholders.entries[1]!.actions[0]!.id).toBe('act');
    expect(repaired.content.pathways[0]!.steps.map((s) => s.contentItemId)).toEqual(['c', 'c']);
    expect(hasDuplicateIds(repaired)).toBe(false);
  });

  it('leaves no duplicate in any collection, whatever ids a file brings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'a-2', 'b', 'a-3'), { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', 'i'), { maxLength: 4 }),
        (nodeIds, itemIds) => {
          const plan = planWithNodes(...nodeIds.map((id, i) => node(id, `N${i}`)));
          plan.logicModel.items = itemIds.map((id, i) =>
            LogicItem.parse({ id, lane: 'output', title: `I${i}` }),
          );
          const { plan: repaired, repairs } = repairDuplicateIds(plan);
          const ids = [...repaired.theoryOfChange.nodes, ...repaired.logicModel.items].map(
            (x) => x.id,
          );
          expect(new Set(ids).size).toBe(ids.length);
          const renamed = [...plan.theoryOfChange.nodes, ...plan.logicModel.items].filter(
            (x, i) => x.id !== ids[i],
          );
          expect(repairs).toHaveLength(renamed.length);
          // The first holder of each id keeps it.
          expect(ids[0]).toBe([...nodeIds, ...itemIds][0]);
        },
      ),
    );
  });
});

describe('repairPlan', () => {
  it('gives a plan whose id is not valid text a fresh id, and says so', () => {
    const raw = JSON.parse(writePlanFile(createBlankPlan('Odd id'))) as Record<string, unknown>;
    const text = JSON.stringify({ ...raw, id: 'plan-\ud800' });
    const result = readPlanFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.id).toMatch(/^plan-[0-9a-f-]{36}$/);
    expect(result.repairs).toEqual([
      `The plan's id was not valid text; the plan now has the id "${result.plan.id}".`,
    ]);
    const plan = createBlankPlan('Fine');
    expect(repairPlan(plan)).toEqual({ plan, repairs: [] });
  });
});

function createSegment(id: string, name: string): Plan['learners'][number] {
  return {
    id,
    name,
    populationType: 'youth',
    estimatedSize: null,
    expectedParticipants: null,
    barriers: [],
    barrierNotes: '',
    motivators: '',
    incentives: [],
    persona: null,
  };
}
