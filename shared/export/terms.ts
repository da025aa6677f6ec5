/**
 * The plan's enumerations as the Word and Excel files name them, in the
 * document language (`document` catalog, `terms.*`): content kinds, levels,
 * frequencies, barriers, quadrants… The plan stores the codes; only the
 * files say them in words. The app's sections name the same codes from their
 * own catalogs.
 */
import type { ContentItem, Indicator, LearnerSegment, Stakeholder, TocNode } from '../plan/schema';
import type { Recommendation } from '../content/makeorbuy';
import type { Level } from '../content/pathways';
import type { BudgetLineKind } from '../plan/schema';
import type { LaneId } from '../logic-model/lanes';
import type { Quadrant } from '../stakeholders/quadrants';
import type { Category } from '../stakeholders/register';
import type { DocLocale } from './locale';

/** Evidence strengths of a causal link. */
export type EvidenceLevel = 'strong' | 'moderate' | 'weak' | 'none';

/** Words for the plan's codes in one document language. */
export interface Terms {
  contentKind(kind: ContentItem['kind']): string;
  level(level: Level): string;
  frequency(frequency: NonNullable<Indicator['frequency']>): string;
  successMeasure(kind: NonNullable<Indicator['successMeasure']>): string;
  population(type: LearnerSegment['populationType']): string;
  barrier(barrier: LearnerSegment['barriers'][number]): string;
  incentive(type: LearnerSegment['incentives'][number]['type']): string;
  budgetLine(line: BudgetLineKind): string;
  option(option: Recommendation): string;
  evidence(level: string): string;
  /** A theory-of-change element's kind, with the horizon for outcomes ("Short-term outcome"). */
  tocKind(node: Pick<TocNode, 'kind' | 'horizon'>): string;
  /** A logic-model lane (column heading and logframe level: "Short-term outcomes"). */
  lane(lane: LaneId): string;
  /** One result of a lane, capitalised ("Short-term outcome", "Output"). */
  laneResult(lane: LaneId): string;
  stance(stance: Stakeholder['currentStance']): string;
  category(category: Category): string;
  quadrant(quadrant: Quadrant): string;
  quadrantSummary(quadrant: Quadrant): string;
  quadrantApproach(quadrant: Quadrant): string;
  quadrantRhythm(quadrant: Quadrant): string;
  /** A repeat interval in words ("Every 3 months", "One-off"). */
  repeat(everyDays: number | null): string;
  /** "12 weeks (about 3 months)". */
  duration(weeks: number): string;
  /** "Euro (EUR)": a currency's name in the document language, or the bare code. */
  currencyName(code: string): string;
}

const EVIDENCE = new Set<string>(['strong', 'moderate', 'weak', 'none']);

/** Intervals with a name of their own (days → catalog key). */
const NAMED_REPEATS: Readonly<
  Record<number, 'day' | 'week' | 'twoWeeks' | 'month' | 'quarter' | 'halfYear' | 'year'>
> = {
  1: 'day',
  7: 'week',
  14: 'twoWeeks',
  30: 'month',
  31: 'month',
  91: 'quarter',
  92: 'quarter',
  182: 'halfYear',
  183: 'halfYear',
  365: 'year',
};

const cache = new WeakMap<DocLocale, Terms>();

/** The terms of a document language (built once per locale). */
export function termsOf(loc: DocLocale): Terms {
  const cached = cache.get(loc);
  if (cached) return cached;
  const currencies = new Map<string, string>();
  const terms: Terms = {
    contentKind: (kind) => loc.d(`terms.contentKind.${kind}`),
    level: (level) => loc.d(`terms.level.${level}`),
    frequency: (f) => loc.d(`terms.frequency.${f}`),
    successMeasure: (k) => loc.d(`terms.successMeasure.${k}`),
    population: (p) => loc.d(`terms.population.${p}`),
    barrier: (b) => loc.d(`terms.barrier.${b}`),
    incentive: (i) => loc.d(`terms.incentive.${i}`),
    budgetLine: (l) => loc.d(`terms.budgetLine.${l}`),
    option: (o) => loc.d(`terms.option.${o}`),
    evidence: (e) => (EVIDENCE.has(e) ? loc.d(`terms.evidence.${e as EvidenceLevel}`) : e),
    tocKind: (node) =>
      node.kind === 'outcome' && node.horizon
        ? loc.d(`terms.outcomeHorizon.${node.horizon}`)
        : loc.d(`terms.tocKind.${node.kind}`),
    lane: (lane) => loc.d(`terms.lane.${lane}`),
    laneResult: (lane) => loc.d(`terms.laneResult.${lane}`),
    stance: (s) => loc.d(`terms.stance.${s}`),
    category: (c) => loc.d(`terms.category.${c}`),
    quadrant: (q) => loc.d(`terms.quadrant.${q}`),
    quadrantSummary: (q) => loc.d(`terms.quadrantSummary.${q}`),
    quadrantApproach: (q) => loc.d(`terms.quadrantApproach.${q}`),
    quadrantRhythm: (q) => loc.d(`terms.quadrantRhythm.${q}`),
    repeat: (days) => {
      if (days === null) return loc.d('terms.repeat.oneOff');
      const named = NAMED_REPEATS[days];
      return named ? loc.d(`terms.repeat.${named}`) : loc.d('terms.repeat.days', { days });
    },
    duration: (weeks) => {
      if (weeks <= 0) return loc.d('terms.duration.none');
      if (weeks < 8) return loc.d('terms.duration.weeks', { weeks });
      return loc.d('terms.duration.weeksAndMonths', {
        weeks,
        months: Math.round((weeks * 7) / 30.44),
      });
    },
    currencyName: (code) => {
      let name = currencies.get(code);
      if (name === undefined) {
        try {
          const shown = new Intl.DisplayNames([loc.language], { type: 'currency' }).of(code);
          name = shown && shown !== code ? loc.d('terms.currency', { name: shown, code }) : code;
        } catch {
          name = code;
        }
        currencies.set(code, name);
      }
      return name;
    },
  };
  cache.set(loc, terms);
  return terms;
}
