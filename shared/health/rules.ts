/**
 * Plan-health rules. Each rule is a pure function of the plan (and, for
 * speed, of an index built once per check) that returns its findings; the
 * messages are sentences a planner understands without knowing the rule.
 */
import { MEASURED_LANES, OUTCOME_LANES } from '../logic-model/lanes';
import { isTraceableTocNode } from '../logic-model/trace';
import type { Indicator, LogicItem, Plan, TocNode } from '../plan/schema';
import { adjacency, indexPlan, reachable, type PlanIndex } from './plan-index';
import { placedQuadrant } from '../stakeholders/register';
import { PLAN_RULES } from './plan-rules';
import { HEALTH_RULES, type Finding, type MessageValue } from './types';
import { list, message, phrase, quoted } from './words';

/** A health rule: plan in, findings out. */
export type HealthRule = (plan: Plan, index?: PlanIndex) => Finding[];

/** The code the catalog's `kind` selects use for a theory-of-change element (outcomes by horizon). */
function tocKind(node: TocNode): string {
  if (node.kind === 'outcome' && node.horizon) return `${node.horizon}Outcome`;
  return node.kind;
}

/** "The short-term outcome “X”" — a theory-of-change element at the start of a sentence. */
const tocNode = (node: TocNode): MessageValue =>
  phrase('tocNode', { kind: tocKind(node), title: quoted(node.title) });

/** "The output “X”" — a logic-model item at the start of a sentence. */
const logicItemStart = (item: LogicItem): MessageValue =>
  phrase('logicItemStart', { lane: item.lane, title: quoted(item.title) });

/** "the output “X”" — a logic-model item within a sentence. */
const logicItem = (item: LogicItem): MessageValue =>
  phrase('logicItem', { lane: item.lane, title: quoted(item.title) });

// ---------------------------------------------------------------- rules

/**
 * Outcomes without an indicator: theory-of-change outcomes, and logic-model
 * outputs and outcomes. Without one, nobody can tell whether it happened.
 */
export const outcomeWithoutIndicator: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  for (const node of plan.theoryOfChange.nodes) {
    if (node.kind !== 'outcome' || index.indicatorsBySubject.has(node.id)) continue;
    findings.push({
      id: `${HEALTH_RULES.outcomeWithoutIndicator}:${node.id}`,
      rule: HEALTH_RULES.outcomeWithoutIndicator,
      severity: 'warning',
      message: message('outcomeWithoutIndicator.tocOutcome', { node: tocNode(node) }),
      target: { section: 'theoryOfChange', elementId: node.id },
    });
  }
  for (const item of plan.logicModel.items) {
    if (!MEASURED_LANES.has(item.lane) || index.indicatorsBySubject.has(item.id)) continue;
    // Measured through the theory-of-change outcome it is traced to: one indicator, not two.
    if (item.tocOutcomeId && index.indicatorsBySubject.has(item.tocOutcomeId)) continue;
    findings.push({
      id: `${HEALTH_RULES.outcomeWithoutIndicator}:${item.id}`,
      rule: HEALTH_RULES.outcomeWithoutIndicator,
      severity: 'warning',
      message: message('outcomeWithoutIndicator.logicItem', { item: logicItemStart(item) }),
      target: { section: 'logicModel', elementId: item.id },
    });
  }
  return findings;
};

/** The parts that make an indicator measurable. */
export type IndicatorPart = 'baseline' | 'target' | 'dataSource' | 'owner';

/** What an indicator still lacks to be measurable, as codes (the catalog's `words.indicatorPart`). */
export function missingIndicatorFields(indicator: Indicator): IndicatorPart[] {
  const missing: IndicatorPart[] = [];
  if (indicator.baseline.value === null) missing.push('baseline');
  if (indicator.target.value === null) missing.push('target');
  if (!indicator.dataSource.trim()) missing.push('dataSource');
  if (!indicator.owner.trim()) missing.push('owner');
  return missing;
}

const PART_WORDS: Record<IndicatorPart, string> = {
  baseline: 'baseline',
  target: 'target',
  dataSource: 'data source',
  owner: 'owner',
};

/**
 * What an indicator still lacks to be measurable, in English words:
 * baseline, target, data source, owner (missingIndicatorFields gives codes).
 */
export function missingIndicatorParts(indicator: Indicator): string[] {
  return missingIndicatorFields(indicator).map((part) => PART_WORDS[part]);
}

/**
 * Indicators without a baseline value, a target value, a data source or an
 * owner. The finding points at the first element the indicator measures
 * (its editor lists it), or the Objective for a success measure of its own.
 * Indicators measuring only missing elements are left to `danglingReference`.
 */
export const indicatorIncomplete: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  for (const indicator of plan.indicators) {
    const missing = missingIndicatorFields(indicator);
    if (missing.length === 0) continue;
    const subjectId = indicator.subjectIds.find(
      (id) => index.tocNodes.has(id) || index.logicItems.has(id),
    );
    if (subjectId === undefined && indicator.successMeasure === null) continue;
    const node = subjectId === undefined ? undefined : index.tocNodes.get(subjectId);
    const item = subjectId === undefined ? undefined : index.logicItems.get(subjectId);
    const subject = node
      ? quoted(node.title)
      : item
        ? quoted(item.title)
        : phrase('programSuccess');
    findings.push({
      id: `${HEALTH_RULES.indicatorIncomplete}:${indicator.id}`,
      rule: HEALTH_RULES.indicatorIncomplete,
      severity: 'warning',
      message: message('indicatorIncomplete', {
        indicator: quoted(indicator.name),
        subject,
        missing: list(
          missing.map((part) => phrase('indicatorPart', { part })),
          'or',
        ),
      }),
      target: node
        ? { section: 'theoryOfChange', elementId: subjectId! }
        : item
          ? { section: 'logicModel', elementId: subjectId! }
          : { section: 'objective', elementId: indicator.id },
    });
  }
  return findings;
};

/**
 * Theory-of-change elements with no link at all. Assumption and external-
 * factor notes are exempt: they describe the context of the whole pathway
 * and are commonly placed beside it without arrows.
 */
export const orphanNode: HealthRule = (plan, index = indexPlan(plan)) => {
  const linked = new Set<string>();
  for (const link of plan.theoryOfChange.links) {
    if (!index.tocNodes.has(link.source) || !index.tocNodes.has(link.target)) continue;
    linked.add(link.source);
    linked.add(link.target);
  }
  const findings: Finding[] = [];
  for (const node of plan.theoryOfChange.nodes) {
    if (node.kind === 'assumption' || node.kind === 'externalFactor' || linked.has(node.id))
      continue;
    findings.push({
      id: `${HEALTH_RULES.orphanNode}:${node.id}`,
      rule: HEALTH_RULES.orphanNode,
      severity: 'warning',
      message: message('orphanNode', { node: tocNode(node) }),
      target: { section: 'theoryOfChange', elementId: node.id },
    });
  }
  return findings;
};

/**
 * Interventions (theory of change) with no path to any outcome or the impact,
 * and activities (logic model) with no path to any output or outcome. One
 * backward search from all outcomes finds every element that does lead somewhere.
 */
export const leadsNowhere: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  const toc = plan.theoryOfChange;
  const tocLeads = reachable(
    toc.nodes.filter((n) => n.kind === 'outcome' || n.kind === 'impact').map((n) => n.id),
    adjacency(toc.links, (id) => index.tocNodes.has(id), 'backward'),
  );
  for (const node of toc.nodes) {
    if (node.kind !== 'intervention' || tocLeads.has(node.id)) continue;
    findings.push({
      id: `${HEALTH_RULES.leadsNowhere}:${node.id}`,
      rule: HEALTH_RULES.leadsNowhere,
      severity: 'warning',
      message: message('leadsNowhere.intervention', { title: quoted(node.title) }),
      target: { section: 'theoryOfChange', elementId: node.id },
    });
  }
  const model = plan.logicModel;
  const lmLeads = reachable(
    model.items.filter((i) => MEASURED_LANES.has(i.lane)).map((i) => i.id),
    adjacency(model.links, (id) => index.logicItems.has(id), 'backward'),
  );
  for (const item of model.items) {
    if (item.lane !== 'activity' || lmLeads.has(item.id)) continue;
    findings.push({
      id: `${HEALTH_RULES.leadsNowhere}:${item.id}`,
      rule: HEALTH_RULES.leadsNowhere,
      severity: 'warning',
      message: message('leadsNowhere.activity', { title: quoted(item.title) }),
      target: { section: 'logicModel', elementId: item.id },
    });
  }
  return findings;
};

/** Theory-of-change links without a rationale ("because …"). */
export const linkWithoutRationale: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  for (const link of plan.theoryOfChange.links) {
    if (link.rationale.trim()) continue;
    const source = index.tocNodes.get(link.source);
    const target = index.tocNodes.get(link.target);
    if (!source || !target) continue;
    findings.push({
      id: `${HEALTH_RULES.linkWithoutRationale}:${link.id}`,
      rule: HEALTH_RULES.linkWithoutRationale,
      severity: 'info',
      message: message('linkWithoutRationale', {
        source: quoted(source.title),
        target: quoted(target.title),
      }),
      target: { section: 'theoryOfChange', elementId: link.id },
    });
  }
  return findings;
};

/**
 * Cycles in the logic model (arrows that lead back to where they started).
 * Tarjan's strongly connected components, iteratively so that deep chains
 * cannot overflow the stack; one finding per cycle, naming the loop.
 */
export const logicModelCycle: HealthRule = (plan, index = indexPlan(plan)) => {
  const next = adjacency(plan.logicModel.links, (id) => index.logicItems.has(id), 'forward');
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of plan.logicModel.items) {
    if (order.has(root.id)) continue;
    const work: { id: string; child: number }[] = [{ id: root.id, child: 0 }];
    order.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const children = next.get(frame.id) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!order.has(child)) {
          order.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ id: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, order.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === order.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        const selfLoop = component.length === 1 && (next.get(id) ?? []).includes(id);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components.map((component) => {
    const loop = cyclePath(component, next);
    const names = loop.map((id) => quoted(index.logicItems.get(id)?.title ?? ''));
    const start = loop[0]!;
    return {
      id: `${HEALTH_RULES.logicModelCycle}:${[...component].sort().join('+')}`,
      rule: HEALTH_RULES.logicModelCycle,
      severity: 'error',
      message: message('logicModelCycle', { loop: list([...names, names[0]!], 'path') }),
      target: { section: 'logicModel', elementId: start },
    } satisfies Finding;
  });
};

/** A simple cycle inside a strongly connected component, as ids from its first member. */
function cyclePath(component: readonly string[], next: ReadonlyMap<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const to of next.get(id) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return path;
      }
      if (!parent.has(to)) {
        parent.set(to, id);
        queue.push(to);
      }
    }
  }
  return [start];
}

/** A theory of change without a long-term goal (impact) has nothing to aim at. */
export const noImpact: HealthRule = (plan) => {
  if (plan.theoryOfChange.nodes.some((n) => n.kind === 'impact')) return [];
  return [
    {
      id: HEALTH_RULES.noImpact,
      rule: HEALTH_RULES.noImpact,
      severity: 'warning',
      message: message(
        plan.theoryOfChange.nodes.length === 0 ? 'noImpact.empty' : 'noImpact.missing',
      ),
      target: { section: 'theoryOfChange', elementId: null },
    },
  ];
};

/**
 * Logic-model outcomes that are not linked to the theory-of-change outcome
 * they put into practice, or linked to one that no longer exists or is not an
 * outcome (or the impact).
 */
export const notTraced: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  for (const item of plan.logicModel.items) {
    if (!OUTCOME_LANES.has(item.lane)) continue;
    const node = item.tocOutcomeId ? index.tocNodes.get(item.tocOutcomeId) : undefined;
    if (node && isTraceableTocNode(node)) continue;
    const name = logicItemStart(item);
    findings.push({
      id: `${HEALTH_RULES.notTraced}:${item.id}`,
      rule: HEALTH_RULES.notTraced,
      severity: 'warning',
      message: !item.tocOutcomeId
        ? message('notTraced.unlinked', { item: name })
        : !node
          ? message('notTraced.gone', { item: name })
          : message('notTraced.notOutcome', {
              item: name,
              title: quoted(node.title),
              kind: phrase('tocKindIndefinite', { kind: tocKind(node) }),
            }),
      target: { section: 'logicModel', elementId: item.id },
    });
  }
  return findings;
};

/**
 * References to elements that no longer exist: links whose ends are gone,
 * indicators whose element is gone. Each can be removed in one click.
 */
export const danglingReference: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  for (const link of plan.theoryOfChange.links) {
    if (index.tocNodes.has(link.source) && index.tocNodes.has(link.target)) continue;
    findings.push({
      id: `${HEALTH_RULES.danglingReference}:${link.id}`,
      rule: HEALTH_RULES.danglingReference,
      severity: 'error',
      message: message('danglingReference.tocLink'),
      target: { section: 'theoryOfChange', elementId: link.id },
      repair: {
        kind: 'removeTocLink',
        id: link.id,
        label: 'Remove the link',
        labelKey: 'removeLink',
      },
    });
  }
  for (const link of plan.logicModel.links) {
    if (index.logicItems.has(link.source) && index.logicItems.has(link.target)) continue;
    findings.push({
      id: `${HEALTH_RULES.danglingReference}:${link.id}`,
      rule: HEALTH_RULES.danglingReference,
      severity: 'error',
      message: message('danglingReference.logicLink'),
      target: { section: 'logicModel', elementId: link.id },
      repair: {
        kind: 'removeLogicLink',
        id: link.id,
        label: 'Remove the arrow',
        labelKey: 'removeArrow',
      },
    });
  }
  for (const indicator of plan.indicators) {
    const missing = indicator.subjectIds.filter(
      (id) => !index.tocNodes.has(id) && !index.logicItems.has(id),
    );
    if (missing.length === 0) continue;
    const kept = indicator.subjectIds.find((id) => !missing.includes(id));
    const orphan = kept === undefined && indicator.successMeasure === null;
    findings.push({
      id: `${HEALTH_RULES.danglingReference}:${indicator.id}`,
      rule: HEALTH_RULES.danglingReference,
      severity: 'error',
      message: message(
        orphan ? 'danglingReference.indicatorOrphan' : 'danglingReference.indicatorPartly',
        { indicator: quoted(indicator.name) },
      ),
      target:
        kept === undefined
          ? indicator.successMeasure === null
            ? { section: 'logicModel', elementId: null }
            : { section: 'objective', elementId: indicator.id }
          : {
              section: index.tocNodes.has(kept) ? 'theoryOfChange' : 'logicModel',
              elementId: kept,
            },
      repair: orphan
        ? {
            kind: 'removeIndicator',
            id: indicator.id,
            label: 'Remove the indicator',
            labelKey: 'removeIndicator',
          }
        : {
            kind: 'forgetMissingSubjects',
            id: indicator.id,
            label: 'Remove the missing element from the indicator',
            labelKey: 'forgetMissingSubjects',
          },
    });
  }
  return findings;
};

/**
 * Theory-of-change links from an element to itself. The editor refuses them,
 * but a hand-edited or merged file can hold one; it says the element causes
 * itself, and on the canvas it is easy to miss. The finding opens the link.
 */
export const selfLink: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  for (const link of plan.theoryOfChange.links) {
    if (link.source !== link.target) continue;
    const node = index.tocNodes.get(link.source);
    if (!node) continue; // a link to a missing element is danglingReference's
    findings.push({
      id: `${HEALTH_RULES.selfLink}:${link.id}`,
      rule: HEALTH_RULES.selfLink,
      severity: 'error',
      message: message('selfLink', { node: tocNode(node) }),
      target: { section: 'theoryOfChange', elementId: link.id },
    });
  }
  return findings;
};

/** Key of a link's start and end, for finding repeats (unambiguous whatever the ids hold). */
const linkKey = (link: { source: string; target: string }) =>
  JSON.stringify([link.source, link.target]);

/**
 * The same link twice: theory-of-change links or logic-model arrows with the
 * same start and end as an earlier one. Each repeat is flagged (the first is
 * the one to keep). A repeated arrow carries nothing of its own and can be
 * removed in one click; a repeated causal link may hold its own rationale,
 * so the finding opens it for the planner to merge by hand.
 */
export const duplicateLink: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  const tocSeen = new Set<string>();
  for (const link of plan.theoryOfChange.links) {
    const source = index.tocNodes.get(link.source);
    const target = index.tocNodes.get(link.target);
    if (!source || !target) continue;
    const key = linkKey(link);
    if (!tocSeen.has(key)) {
      tocSeen.add(key);
      continue;
    }
    findings.push({
      id: `${HEALTH_RULES.duplicateLink}:${link.id}`,
      rule: HEALTH_RULES.duplicateLink,
      severity: 'warning',
      message: message('duplicateLink.toc', {
        source: quoted(source.title),
        target: quoted(target.title),
      }),
      target: { section: 'theoryOfChange', elementId: link.id },
    });
  }
  const modelSeen = new Set<string>();
  for (const link of plan.logicModel.links) {
    const source = index.logicItems.get(link.source);
    const target = index.logicItems.get(link.target);
    if (!source || !target) continue;
    const key = linkKey(link);
    if (!modelSeen.has(key)) {
      modelSeen.add(key);
      continue;
    }
    findings.push({
      id: `${HEALTH_RULES.duplicateLink}:${link.id}`,
      rule: HEALTH_RULES.duplicateLink,
      severity: 'warning',
      message: message('duplicateLink.logic', {
        source: logicItem(source),
        target: logicItem(target),
      }),
      target: { section: 'logicModel', elementId: link.id },
      repair: {
        kind: 'removeLogicLink',
        id: link.id,
        label: 'Remove the extra arrow',
        labelKey: 'removeExtraArrow',
      },
    });
  }
  return findings;
};

/**
 * "Manage closely" stakeholders (high power, high interest) with no open
 * engagement action: the people the plan depends on most, with nothing
 * planned to keep them engaged. A stakeholder still in the Unplaced tray is
 * in no quadrant yet, so not counted.
 */
export const unengagedKeyStakeholder: HealthRule = (plan) =>
  plan.stakeholders.entries
    .filter((e) => placedQuadrant(e) === 'manageClosely' && !e.actions.some((a) => !a.done))
    .map((e) => ({
      id: `${HEALTH_RULES.unengagedKeyStakeholder}:${e.id}`,
      rule: HEALTH_RULES.unengagedKeyStakeholder,
      severity: 'warning' as const,
      message: message('unengagedKeyStakeholder', { stakeholder: quoted(e.name) }),
      target: { section: 'stakeholders' as const, elementId: e.id },
    }));

/** Every rule, in the order findings are listed within a severity. */
export const ALL_RULES: readonly HealthRule[] = [
  danglingReference,
  selfLink,
  logicModelCycle,
  noImpact,
  duplicateLink,
  orphanNode,
  leadsNowhere,
  notTraced,
  outcomeWithoutIndicator,
  indicatorIncomplete,
  linkWithoutRationale,
  // Content, learners, budget, checkpoints, references, timing (plan-rules.ts).
  ...PLAN_RULES,
  unengagedKeyStakeholder,
];
