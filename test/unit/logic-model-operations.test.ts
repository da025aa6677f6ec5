/** Logic-model edits and traceability helpers (shared/logic-model). */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  addLogicItem,
  addLogicLink,
  deleteLogicItem,
  itemsInLane,
  linkProblem,
  moveToLane,
  moveWithinLane,
  removeLogicLink,
} from '../../shared/logic-model/operations';
import {
  isTraceableTocNode,
  logicItemsTracingTo,
  traceableTocNodes,
  tracedTocNode,
} from '../../shared/logic-model/trace';
import { chainIndex, isChainLane, laneInfo, MEASURED_LANES } from '../../shared/logic-model/lanes';
import { healthyPlan, planWith } from './health-fixtures';

const titles = (plan: ReturnType<typeof planWith>, lane: Parameters<typeof itemsInLane>[1]) =>
  itemsInLane(plan.logicModel, lane).map((i) => `${i.id}:${i.order}`);

describe('logic-model lanes', () => {
  it('orders the chain left to right and keeps notes apart', () => {
    expect(chainIndex('input')).toBe(0);
    expect(chainIndex('longTermOutcome')).toBe(5);
    expect(chainIndex('assumption')).toBe(-1);
    expect(isChainLane('externalFactor')).toBe(false);
    expect(laneInfo('shortTermOutcome').singular).toBe('short-term outcome');
    expect([...MEASURED_LANES]).toEqual([
      'output',
      'shortTermOutcome',
      'intermediateOutcome',
      'longTermOutcome',
    ]);
  });
});

describe('logic-model operations', () => {
  const base = () =>
    planWith({
      items: [
        { id: 'a1', lane: 'activity', order: 1 },
        { id: 'a2', lane: 'activity', order: 2 },
        { id: 'a3', lane: 'activity', order: 3 },
        { id: 'o1', lane: 'output', order: 1 },
        { id: 'n1', lane: 'assumption', order: 1 },
      ],
      lmLinks: [
        ['a1', 'o1'],
        ['a2', 'o1'],
      ],
      indicators: [
        { id: 'i1', subjectId: 'o1' },
        { id: 'i2', subjectId: 'a2' },
      ],
    });

  it('adds an item at the end of its lane with empty defaults', () => {
    const plan = produce(base(), (d) => {
      addLogicItem(d, 'a4', 'activity', { title: 'Mentoring' });
    });
    expect(titles(plan, 'activity')).toEqual(['a1:1', 'a2:2', 'a3:3', 'a4:4']);
    expect(plan.logicModel.items.at(-1)).toEqual({
      id: 'a4',
      lane: 'activity',
      title: 'Mentoring',
      description: '',
      order: 4,
      tocOutcomeId: null,
      meansOfVerification: '',
      assumptions: '',
    });
    const empty = produce(planWith({}), (d) => void addLogicItem(d, 'x', 'input'));
    expect(empty.logicModel.items[0]!.order).toBe(1);
  });

  it('reorders within a lane and refuses to move past either end', () => {
    let plan = produce(base(), (d) => void moveWithinLane(d, 'a3', -1));
    expect(titles(plan, 'activity')).toEqual(['a1:1', 'a3:2', 'a2:3']);
    plan = produce(plan, (d) => void moveWithinLane(d, 'a1', 1));
    expect(titles(plan, 'activity')).toEqual(['a3:1', 'a1:2', 'a2:3']);
    const unchanged = produce(plan, (d) => {
      expect(moveWithinLane(d, 'a3', -1)).toBe(false);
      expect(moveWithinLane(d, 'a2', 1)).toBe(false);
      expect(moveWithinLane(d, 'missing', 1)).toBe(false);
    });
    expect(unchanged).toBe(plan);
  });

  it('moves an item to another lane at a position and renumbers both lanes', () => {
    const plan = produce(base(), (d) => void moveToLane(d, 'a2', 'output', 0));
    expect(titles(plan, 'activity')).toEqual(['a1:1', 'a3:2']);
    expect(titles(plan, 'output')).toEqual(['a2:1', 'o1:2']);
    const end = produce(base(), (d) => void moveToLane(d, 'a1', 'output'));
    expect(titles(end, 'output')).toEqual(['o1:1', 'a1:2']);
    produce(base(), (d) => expect(moveToLane(d, 'a1', 'activity')).toBe(false));
  });

  it('deletes an item with its arrows and indicators', () => {
    const plan = produce(base(), (d) => void deleteLogicItem(d, 'a2'));
    expect(titles(plan, 'activity')).toEqual(['a1:1', 'a3:2']);
    expect(plan.logicModel.links.map((l) => l.source)).toEqual(['a1']);
    expect(plan.indicators.map((i) => i.id)).toEqual(['i1']);
  });

  it('links chain items once, never an item to itself or a note', () => {
    const plan = base();
    expect(linkProblem(plan.logicModel, 'a3', 'o1')).toBeNull();
    expect(linkProblem(plan.logicModel, 'a1', 'a1')).toBe('An item cannot lead to itself.');
    expect(linkProblem(plan.logicModel, 'a1', 'o1')).toBe('These items are already linked.');
    expect(linkProblem(plan.logicModel, 'a1', 'n1')).toMatch(/notes/);
    expect(linkProblem(plan.logicModel, 'a1', 'gone')).toMatch(/no longer exists/);
    const linked = produce(plan, (d) => {
      expect(addLogicLink(d, 'new', 'a3', 'o1')).toEqual({ ok: true });
      expect(addLogicLink(d, 'dup', 'a3', 'o1')).toEqual({
        ok: false,
        reason: 'These items are already linked.',
      });
    });
    expect(linked.logicModel.links.map((l) => l.id)).toEqual(['lm-link-1', 'lm-link-2', 'new']);
    const unlinked = produce(linked, (d) => void removeLogicLink(d, 'new'));
    expect(unlinked.logicModel.links).toHaveLength(2);
  });
});

describe('traceability to the theory of change', () => {
  it('lists the logic-model items tracing to a node, in reading order', () => {
    const plan = produce(healthyPlan(), (d) => {
      addLogicItem(d, 'imo-2', 'intermediateOutcome', { tocOutcomeId: 'out-skills' });
      addLogicItem(d, 'sto-2', 'shortTermOutcome', { tocOutcomeId: 'out-skills' });
    });
    expect(logicItemsTracingTo(plan, 'out-skills').map((i) => i.id)).toEqual([
      'sto',
      'sto-2',
      'imo-2',
    ]);
    expect(logicItemsTracingTo(plan, 'impact').map((i) => i.id)).toEqual(['lto']);
    expect(logicItemsTracingTo(plan, 'int-training')).toEqual([]);
    expect(logicItemsTracingTo(plan, 'nobody')).toEqual([]);
  });

  it('offers outcomes and the impact as trace targets, impact first, long term before short', () => {
    const plan = healthyPlan();
    expect(traceableTocNodes(plan).map((n) => n.id)).toEqual(['impact', 'out-jobs', 'out-skills']);
    expect(isTraceableTocNode({ kind: 'precondition' })).toBe(false);
    expect(tracedTocNode(plan, { tocOutcomeId: 'out-jobs' })?.id).toBe('out-jobs');
    expect(tracedTocNode(plan, { tocOutcomeId: 'gone' })).toBeNull();
    expect(tracedTocNode(plan, { tocOutcomeId: null })).toBeNull();
  });
});
