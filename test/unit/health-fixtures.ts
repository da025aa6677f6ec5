/** Small plans for the plan-health and logic-model tests. */
import { createBlankPlan } from '../../shared/plan/create';
import { Indicator, LogicItem, TocLink, TocNode, type Plan } from '../../shared/plan/schema';

type NodeInput = Partial<TocNode> & Pick<TocNode, 'id' | 'kind'>;
type ItemInput = Partial<LogicItem> & Pick<LogicItem, 'id' | 'lane'>;
/** An indicator by its fields; `subjectId` is shorthand for `subjectIds: [subjectId]`. */
type IndicatorInput = Partial<Indicator> & Pick<Indicator, 'id'> & { subjectId?: string };

/** A complete, measurable indicator (baseline, target, source and owner all set). */
export function indicator({ subjectId, ...input }: IndicatorInput): Indicator {
  return Indicator.parse({
    name: `Indicator ${input.id}`,
    baseline: { value: 0, date: null },
    target: { value: 10, date: null },
    dataSource: 'Register',
    owner: 'Data team',
    ...(subjectId === undefined ? {} : { subjectIds: [subjectId] }),
    ...input,
  });
}

/** A plan built from short descriptions; titles default to the ids. */
export function planWith(parts: {
  nodes?: NodeInput[];
  /** [source, target] or [source, target, rationale] (default rationale: "because"). */
  links?: ([string, string] | [string, string, string])[];
  items?: ItemInput[];
  lmLinks?: [string, string][];
  indicators?: IndicatorInput[];
}): Plan {
  const plan = createBlankPlan('Test plan');
  plan.theoryOfChange.nodes = (parts.nodes ?? []).map((n) => TocNode.parse({ title: n.id, ...n }));
  plan.theoryOfChange.links = (parts.links ?? []).map(([source, target, rationale], i) =>
    TocLink.parse({ id: `link-${i + 1}`, source, target, rationale: rationale ?? 'because' }),
  );
  plan.logicModel.items = (parts.items ?? []).map((item, i) =>
    LogicItem.parse({ title: item.id, order: i + 1, ...item }),
  );
  plan.logicModel.links = (parts.lmLinks ?? []).map(([source, target], i) => ({
    id: `lm-link-${i + 1}`,
    source,
    target,
  }));
  plan.indicators = (parts.indicators ?? []).map(indicator);
  return plan;
}

/**
 * A well-formed theory of change and logic model that no rule flags: each rule
 * test breaks exactly one thing in it.
 */
export function healthyPlan(): Plan {
  return planWith({
    nodes: [
      { id: 'impact', kind: 'impact' },
      { id: 'out-jobs', kind: 'outcome', horizon: 'intermediate' },
      { id: 'out-skills', kind: 'outcome', horizon: 'short' },
      { id: 'pre-access', kind: 'precondition' },
      { id: 'int-training', kind: 'intervention' },
      { id: 'asm', kind: 'assumption' },
      { id: 'ext', kind: 'externalFactor' },
    ],
    links: [
      ['int-training', 'pre-access'],
      ['pre-access', 'out-skills'],
      ['out-skills', 'out-jobs'],
      ['out-jobs', 'impact'],
    ],
    items: [
      { id: 'in', lane: 'input' },
      { id: 'act', lane: 'activity' },
      { id: 'out', lane: 'output' },
      { id: 'sto', lane: 'shortTermOutcome', tocOutcomeId: 'out-skills' },
      { id: 'imo', lane: 'intermediateOutcome', tocOutcomeId: 'out-jobs' },
      { id: 'lto', lane: 'longTermOutcome', tocOutcomeId: 'impact' },
      { id: 'lm-asm', lane: 'assumption' },
    ],
    lmLinks: [
      ['in', 'act'],
      ['act', 'out'],
      ['out', 'sto'],
      ['sto', 'imo'],
      ['imo', 'lto'],
    ],
    indicators: [
      { id: 'i-skills', subjectId: 'out-skills' },
      { id: 'i-jobs', subjectId: 'out-jobs' },
      { id: 'i-out', subjectId: 'out' },
      { id: 'i-sto', subjectId: 'sto' },
      { id: 'i-imo', subjectId: 'imo' },
      { id: 'i-lto', subjectId: 'lto' },
    ],
  });
}
