/**
 * The plan's results framework as a funder's annex reads it: results
 * numbered by level — the impact or program objective (1), the outcomes under
 * it (1.1, 1.2 …, long-term first) and the outputs under the outcome they
 * lead to (1.1.a …) — each with its indicators.
 *
 * It follows the links the plan holds, and merges what the plan holds twice:
 * - a logic-model outcome traced to a theory-of-change outcome
 *   (`LogicItem.tocOutcomeId`) is the same result, listed once under the
 *   theory-of-change statement, as the one measurement framework treats it
 *   (shared/indicators/measures.ts);
 * - results and indicators whose text is the same up to case, punctuation and
 *   spacing (`wordsKey`) are one;
 * - an output sits under the first outcome its logic-model arrows lead to;
 * - an indicator measuring several results is listed once, under the first of
 *   them in the framework's order, and the others refer to it.
 * Every indicator of the plan is listed somewhere: one measuring a
 * precondition, an intervention or an activity puts that element in the
 * framework too, and one measuring nothing that still exists (a program-level
 * success measure) sits under the objective.
 */
import { CHAIN_LANES, OUTCOME_LANES } from '../logic-model/lanes';
import { indicatorsBySubject } from '../indicators/measures';
import type { Indicator, LogicItem, Plan } from '../plan/schema';
import { clipText } from '../text-length';
import { wordsKey } from '../text-key';
import { pathwayRank } from '../toc/kinds';
import { englishLocale, type DocLocale } from './locale';
import { termsOf } from './terms';

/** An indicator as the framework lists it: near-duplicates of it folded in. */
export interface FrameworkIndicator {
  /** The first of the near-duplicates, in plan order. */
  readonly indicator: Indicator;
  /** Every indicator folded into this one, the first included (plan order). */
  readonly copies: readonly Indicator[];
}

/** One result of the framework. */
export interface FrameworkResult {
  /** "1", "1.2", "1.2.a". */
  readonly number: string;
  readonly level: 1 | 2 | 3;
  /** What kind of result ("Impact", "Long-term outcome", "Output"). */
  readonly kind: string;
  /** The result statement. */
  readonly title: string;
  /** Other statements of the same result (a traced logic-model item, a near-duplicate). */
  readonly alsoStated: readonly { readonly where: string; readonly title: string }[];
  /** A sentence about where the result sits, when it is not where a reader expects. */
  readonly note: string | null;
  /** Indicators listed under this result. */
  readonly indicators: readonly FrameworkIndicator[];
  /** Indicators listed under an earlier result that measure this one too. */
  readonly seeAlso: readonly { readonly indicator: FrameworkIndicator; readonly number: string }[];
}

/** The whole framework, in reading order (a result, its outputs, then the next outcome). */
export interface ResultsFramework {
  readonly results: readonly FrameworkResult[];
  /** Distinct indicators after near-duplicates are merged. */
  readonly indicatorCount: number;
  /** Indicators folded into another as near-duplicates. */
  readonly mergedIndicators: number;
}

/** "a", "b" … "z", "aa", "ab" …: the letter of the n-th output (0-based). */
export function outputLetter(n: number): string {
  let rest = n;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return letters;
}

/** A result while the framework is built. */
interface Draft {
  level: 1 | 2 | 3;
  kind: string;
  title: string;
  /** Sort rank among results of its level (outcomes: long-term first). */
  rank: number;
  /** Element ids the result stands for (its indicators are theirs). */
  elements: string[];
  alsoStated: { where: string; title: string }[];
  note: string | null;
  parent: Draft | null;
}

const LANE_RANK: Partial<Record<LogicItem['lane'], number>> = {
  longTermOutcome: 1,
  intermediateOutcome: 2,
  shortTermOutcome: 3,
};

/** The statement of the program objective when the plan has no single impact. */
function objectiveStatement(plan: Plan, loc: DocLocale): string {
  const o = plan.objective;
  const first =
    o.changeSought
      .split(/\n\s*\n/)[0]
      ?.trim()
      .replace(/\s+/g, ' ') ?? '';
  if (first) return clipText(first, 240);
  const name = o.programName.trim() || plan.name.trim();
  return name ? loc.d('indicators.objectiveOf', { name }) : loc.d('indicators.objectiveNotStated');
}

/** Builds the results framework of a plan, its words in the document language of `loc`. */
export function resultsFramework(plan: Plan, loc: DocLocale = englishLocale()): ResultsFramework {
  const terms = termsOf(loc);
  const nodes = plan.theoryOfChange.nodes;
  const items = plan.logicModel.items;
  const bySubject = indicatorsBySubject(plan.indicators);
  const measured = (id: string) => (bySubject.get(id)?.length ?? 0) > 0;

  // ---- level 1: the single impact, else the program objective
  const impacts = nodes.filter((n) => n.kind === 'impact');
  const top: Draft =
    impacts.length === 1
      ? {
          level: 1,
          kind: terms.tocKind({ kind: 'impact', horizon: null }),
          title: impacts[0]!.title,
          rank: 0,
          elements: [impacts[0]!.id],
          alsoStated: [],
          note: null,
          parent: null,
        }
      : {
          level: 1,
          kind: loc.d('indicators.programObjective'),
          title: objectiveStatement(plan, loc),
          rank: 0,
          elements: [],
          alsoStated: [],
          note: null,
          parent: null,
        };

  // ---- level 2: outcomes (and whatever else carries indicators)
  const outcomes: Draft[] = [];
  const resultOf = new Map<string, Draft>();
  const byKey = new Map<string, Draft>();
  const addTo = (draft: Draft, id: string, where: string, title: string) => {
    draft.elements.push(id);
    resultOf.set(id, draft);
    if (
      wordsKey(title) !== wordsKey(draft.title) &&
      !draft.alsoStated.some((s) => s.title === title)
    )
      draft.alsoStated.push({ where, title });
  };
  const place = (list: Draft[], draft: Draft, id: string, key: string) => {
    const same = byKey.get(key);
    if (same) {
      addTo(same, id, draft.kind, draft.title);
      return same;
    }
    draft.elements.push(id);
    resultOf.set(id, draft);
    byKey.set(key, draft);
    list.push(draft);
    return draft;
  };
  if (impacts.length === 1) {
    resultOf.set(impacts[0]!.id, top);
    byKey.set(`2|${wordsKey(top.title)}`, top);
  }
  for (const node of nodes) {
    if (resultOf.has(node.id)) continue;
    const inFramework = node.kind === 'outcome' || node.kind === 'impact' || measured(node.id);
    if (!inFramework) continue;
    place(
      outcomes,
      {
        level: 2,
        kind: terms.tocKind(node),
        title: node.title,
        rank: pathwayRank(node),
        elements: [],
        alsoStated: [],
        note: null,
        parent: top,
      },
      node.id,
      `2|${wordsKey(node.title)}`,
    );
  }
  // Logic-model outcomes: the same result as the outcome they are traced to.
  const modelOutcomes = items
    .filter((i) => OUTCOME_LANES.has(i.lane))
    .sort((a, b) => (LANE_RANK[a.lane] ?? 9) - (LANE_RANK[b.lane] ?? 9) || a.order - b.order);
  for (const item of modelOutcomes) {
    const traced = item.tocOutcomeId ? resultOf.get(item.tocOutcomeId) : undefined;
    if (traced) {
      addTo(traced, item.id, loc.d('indicators.inLogicModel'), item.title);
      continue;
    }
    place(
      outcomes,
      {
        level: 2,
        kind: terms.laneResult(item.lane),
        title: item.title,
        rank: LANE_RANK[item.lane] ?? 3.5,
        elements: [],
        alsoStated: [],
        note: null,
        parent: top,
      },
      item.id,
      `2|${wordsKey(item.title)}`,
    );
  }
  // Stable: plan order within a rank.
  outcomes.sort((a, b) => a.rank - b.rank);

  // ---- level 3: outputs (and activities or inputs that carry indicators),
  // under the first outcome their arrows lead to.
  const next = new Map<string, string[]>();
  for (const link of plan.logicModel.links) {
    const list = next.get(link.source);
    if (list) list.push(link.target);
    else next.set(link.source, [link.target]);
  }
  const itemById = new Map(items.map((i) => [i.id, i]));
  const outcomeReached = (start: string): Draft | null => {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length) {
      const following: string[] = [];
      for (const id of frontier)
        for (const target of next.get(id) ?? []) {
          if (seen.has(target)) continue;
          seen.add(target);
          const item = itemById.get(target);
          if (item && OUTCOME_LANES.has(item.lane)) {
            const result = resultOf.get(target);
            if (result) return result;
          }
          following.push(target);
        }
      frontier = following;
    }
    return null;
  };
  const outputs: Draft[] = [];
  const chain = CHAIN_LANES.flatMap((lane) =>
    lane.id === 'output' || lane.id === 'activity' || lane.id === 'input'
      ? items.filter((i) => i.lane === lane.id).sort((a, b) => a.order - b.order)
      : [],
  );
  // Outputs first, then the activities and inputs that carry indicators.
  const ordered = [
    ...chain.filter((i) => i.lane === 'output'),
    ...chain.filter((i) => i.lane !== 'output' && measured(i.id)),
  ];
  for (const item of ordered) {
    const parent = outcomeReached(item.id) ?? top;
    const kind = terms.laneResult(item.lane);
    const key = `3|${wordsKey(item.title)}`;
    const same = byKey.get(key);
    if (same) {
      addTo(same, item.id, kind, item.title);
      continue;
    }
    const draft: Draft = {
      level: 3,
      kind,
      title: item.title,
      rank: item.lane === 'output' ? 0 : 1,
      elements: [item.id],
      alsoStated: [],
      note: parent === top && outcomes.length ? loc.d('indicators.notLinked') : null,
      parent,
    };
    resultOf.set(item.id, draft);
    byKey.set(key, draft);
    outputs.push(draft);
  }

  // ---- indicators: near-duplicates folded into the first
  const groups = new Map<string, Indicator[]>();
  const groupOf = new Map<string, FrameworkIndicator>();
  for (const indicator of plan.indicators) {
    const key = `${wordsKey(indicator.name)}|${wordsKey(indicator.unit)}`;
    const list = groups.get(key);
    if (list) list.push(indicator);
    else groups.set(key, [indicator]);
  }
  const merged: FrameworkIndicator[] = [];
  for (const copies of groups.values()) {
    const entry = { indicator: copies[0]!, copies };
    merged.push(entry);
    for (const copy of copies) groupOf.set(copy.id, entry);
  }

  // ---- numbering, in reading order: 1, its own outputs, then each outcome and its outputs
  const order: { draft: Draft; number: string }[] = [];
  const childrenOf = (parent: Draft) => outputs.filter((o) => o.parent === parent);
  const pushOutputs = (parent: Draft, number: string) =>
    childrenOf(parent)
      .sort((a, b) => a.rank - b.rank)
      .forEach((draft, i) => order.push({ draft, number: `${number}.${outputLetter(i)}` }));
  order.push({ draft: top, number: '1' });
  pushOutputs(top, '1');
  outcomes.forEach((draft, i) => {
    order.push({ draft, number: `1.${i + 1}` });
    pushOutputs(draft, `1.${i + 1}`);
  });

  // ---- each indicator under its first result, referred to from the others
  const listedAt = new Map<FrameworkIndicator, string>();
  const orphans = merged.filter((m) =>
    m.copies.every((c) => !c.subjectIds.some((id) => resultOf.has(id))),
  );
  const results: FrameworkResult[] = order.map(({ draft, number }) => {
    const own: FrameworkIndicator[] = [];
    const seeAlso: { indicator: FrameworkIndicator; number: string }[] = [];
    const candidates = [
      ...draft.elements.flatMap((id) => (bySubject.get(id) ?? []).map((i) => groupOf.get(i.id)!)),
      ...(draft === top ? orphans : []),
    ];
    for (const entry of candidates) {
      if (own.includes(entry) || seeAlso.some((s) => s.indicator === entry)) continue;
      const at = listedAt.get(entry);
      if (at === undefined) {
        listedAt.set(entry, number);
        own.push(entry);
      } else seeAlso.push({ indicator: entry, number: at });
    }
    return {
      number,
      level: draft.level,
      kind: draft.kind,
      title: draft.title,
      alsoStated: draft.alsoStated,
      note: draft.note,
      indicators: own,
      seeAlso,
    };
  });
  return {
    results,
    indicatorCount: merged.length,
    mergedIndicators: plan.indicators.length - merged.length,
  };
}

/**
 * The results each indicator of the plan is found under, by indicator id:
 * the number it is listed under first, then those that refer to it ("1.7.b",
 * "1.2"). A near-duplicate folded into another has the numbers of that one.
 */
export function resultNumbersByIndicator(
  framework: ResultsFramework,
): ReadonlyMap<string, readonly string[]> {
  const numbers = new Map<string, string[]>();
  const add = (entry: FrameworkIndicator, number: string) => {
    for (const copy of entry.copies) {
      const list = numbers.get(copy.id);
      if (!list) numbers.set(copy.id, [number]);
      else if (!list.includes(number)) list.push(number);
    }
  };
  for (const result of framework.results)
    for (const entry of result.indicators) add(entry, result.number);
  for (const result of framework.results)
    for (const { indicator } of result.seeAlso) add(indicator, result.number);
  return numbers;
}
