/**
 * Make-or-buy scoring. Each criterion is a scale whose high end favours one
 * option and whose low end favours the other: "Time before launch is short"
 * rated 5 pushes towards Buy, rated 1 (plenty of time) towards Make. So every
 * rated criterion splits its weight between Make and Buy, and the two totals
 * always add up to 100 — a planner can read them as "how much of the weighted
 * argument points each way", whatever the weights add up to.
 *
 * Several raters rate separately; the score uses the average rating per
 * criterion, and the spread shows where a workshop still disagrees.
 */
import type { MakeOrBuyDecision } from '../plan/schema';

/** The options a decision recommends. `tie` only when Hybrid is not offered. */
export const RECOMMENDATIONS = ['make', 'buy', 'hybrid', 'tie', 'none'] as const;

/** A recommendation; `none` when nothing is rated or every weight is zero. */
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Human labels for options and recommendations. */
export const OPTION_LABELS = {
  make: 'Make',
  buy: 'Buy',
  hybrid: 'Hybrid',
  tie: 'Tie',
  none: 'No recommendation yet',
} as const satisfies Record<Recommendation, string>;

/**
 * With Hybrid offered, it is recommended when Make and Buy are within this
 * many points of each other: the argument is too balanced to go all one way,
 * which in practice means buying the standard part and making the local part.
 */
export const HYBRID_BAND = 10;

/** Raters whose ratings of one criterion differ by this much or more disagree. */
export const DISAGREEMENT_SPREAD = 2;

/** Totals closer than this are equal (floating-point noise, not a real margin). */
const EPSILON = 1e-9;

/** A criterion as the scoring needs it (the plan's criterion satisfies this). */
export interface ScoringCriterion {
  readonly id: string;
  readonly label: string;
  readonly favours: 'make' | 'buy';
  readonly weight: number;
}

/** What scoring reads from a decision. */
export interface ScoringInput {
  readonly criteria: readonly ScoringCriterion[];
  readonly raters: readonly { readonly id: string; readonly name: string }[];
  readonly ratings: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly includeHybrid: boolean;
}

/** Per-criterion view of the raters' ratings. */
export interface CriterionStats {
  readonly criterionId: string;
  /** Ratings given, in rater order (unrated raters skipped). */
  readonly ratings: readonly number[];
  /** Mean rating, or null when nobody rated it. */
  readonly average: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** max − min (0 with one rating or none). */
  readonly spread: number;
  /** Raters disagree strongly (spread ≥ DISAGREEMENT_SPREAD). */
  readonly disagreement: boolean;
  /** Share of this criterion's weight that goes to Make (0..1), null if unrated. */
  readonly makeShare: number | null;
  /** Points this criterion adds to the Make and Buy totals (0..100 overall). */
  readonly makePoints: number;
  readonly buyPoints: number;
}

/** Totals and recommendation from one set of (average) ratings. */
export interface Totals {
  /** 0..100; make + buy = 100 whenever anything is scored. */
  readonly make: number;
  readonly buy: number;
  /** make − buy, in points. */
  readonly margin: number;
  readonly recommendation: Recommendation;
}

/** One rater's own totals, so a workshop sees who leans which way. */
export interface RaterResult extends Totals {
  readonly raterId: string;
  readonly name: string;
  readonly rated: number;
}

/** A change that would flip the recommendation. */
export interface FlipChange {
  readonly kind: 'weight' | 'rating';
  readonly criterionId: string;
  readonly label: string;
  readonly from: number;
  readonly to: number;
  /** The recommendation after the change. */
  readonly becomes: Recommendation;
}

/** Smallest weight change and smallest rating change that flip the recommendation. */
export interface Sensitivity {
  readonly weight: FlipChange | null;
  readonly rating: FlipChange | null;
  /** A one-point rating change or a weight change of 5 or less flips it. */
  readonly fragile: boolean;
}

/** The full result of scoring a decision. */
export interface DecisionScore extends Totals {
  readonly criteria: readonly CriterionStats[];
  readonly raters: readonly RaterResult[];
  /** Criteria nobody has rated yet (they count for nothing until rated). */
  readonly unrated: readonly string[];
  /** Criteria where raters disagree strongly. */
  readonly disagreements: readonly string[];
  /** Total weight of rated criteria. */
  readonly ratedWeight: number;
  readonly sensitivity: Sensitivity;
}

/** Share of a criterion's weight that a rating gives to Make (0..1). */
export function makeShare(favours: 'make' | 'buy', rating: number): number {
  const applies = (rating - 1) / 4;
  return favours === 'make' ? applies : 1 - applies;
}

/** The recommendation for a margin (make − buy), given whether Hybrid is offered. */
export function recommend(margin: number, includeHybrid: boolean, scored = true): Recommendation {
  if (!scored) return 'none';
  if (includeHybrid && Math.abs(margin) < HYBRID_BAND - EPSILON) return 'hybrid';
  if (Math.abs(margin) <= EPSILON) return includeHybrid ? 'hybrid' : 'tie';
  return margin > 0 ? 'make' : 'buy';
}

function totalsFrom(weighted: number, weight: number, includeHybrid: boolean): Totals {
  if (weight <= EPSILON) return { make: 0, buy: 0, margin: 0, recommendation: 'none' };
  const make = (weighted / weight) * 100;
  const buy = 100 - make;
  const margin = make - buy;
  return { make, buy, margin, recommendation: recommend(margin, includeHybrid) };
}

/** Totals for explicit weights and (average) ratings; unrated criteria are left out. */
export function scoreTotals(
  criteria: readonly ScoringCriterion[],
  ratingOf: (criterionId: string) => number | null,
  includeHybrid: boolean,
): Totals {
  let weighted = 0;
  let weight = 0;
  for (const c of criteria) {
    const r = ratingOf(c.id);
    if (r === null || !(c.weight > 0)) continue;
    weighted += c.weight * makeShare(c.favours, r);
    weight += c.weight;
  }
  return totalsFrom(weighted, weight, includeHybrid);
}

/** Ratings of one criterion by every rater who rated it, in rater order. */
function ratingsFor(input: ScoringInput, criterionId: string): number[] {
  const out: number[] = [];
  for (const rater of input.raters) {
    const r = input.ratings[rater.id]?.[criterionId];
    if (typeof r === 'number' && Number.isFinite(r)) out.push(r);
  }
  return out;
}

/** Scores a decision: average-based totals, per-rater totals, spread and sensitivity. */
export function scoreDecision(input: ScoringInput): DecisionScore {
  const averages = new Map<string, number>();
  const stats: CriterionStats[] = [];
  let ratedWeight = 0;
  let weighted = 0;
  for (const c of input.criteria) {
    const ratings = ratingsFor(input, c.id);
    const n = ratings.length;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const r of ratings) {
      sum += r;
      if (r < min) min = r;
      if (r > max) max = r;
    }
    const average = n ? sum / n : null;
    const share = average === null ? null : makeShare(c.favours, average);
    const w = c.weight > 0 ? c.weight : 0;
    if (average !== null) {
      averages.set(c.id, average);
      ratedWeight += w;
      weighted += w * (share ?? 0);
    }
    const spread = n ? max - min : 0;
    stats.push({
      criterionId: c.id,
      ratings,
      average,
      min: n ? min : null,
      max: n ? max : null,
      spread,
      disagreement: spread >= DISAGREEMENT_SPREAD,
      makeShare: share,
      makePoints: 0,
      buyPoints: 0,
    });
  }
  // Points per criterion need the rated weight, known only now.
  const scaled = stats.map((s, i) => {
    const w = Math.max(0, input.criteria[i]!.weight);
    if (s.makeShare === null || ratedWeight <= EPSILON) return s;
    return {
      ...s,
      makePoints: ((w * s.makeShare) / ratedWeight) * 100,
      buyPoints: ((w * (1 - s.makeShare)) / ratedWeight) * 100,
    };
  });
  const totals = totalsFrom(weighted, ratedWeight, input.includeHybrid);

  const raters: RaterResult[] = input.raters.map((rater) => {
    const own = input.ratings[rater.id] ?? {};
    const ratingOf = (id: string) => (typeof own[id] === 'number' ? own[id] : null);
    const rated = input.criteria.filter((c) => ratingOf(c.id) !== null).length;
    return {
      raterId: rater.id,
      name: rater.name,
      rated,
      ...scoreTotals(input.criteria, ratingOf, input.includeHybrid),
    };
  });

  return {
    ...totals,
    criteria: scaled,
    raters,
    unrated: input.criteria.filter((c) => !averages.has(c.id)).map((c) => c.id),
    disagreements: scaled.filter((s) => s.disagreement).map((s) => s.criterionId),
    ratedWeight,
    sensitivity: sensitivityOf(input, averages, totals),
  };
}

/** Scores a decision from the plan. */
export function scorePlanDecision(decision: MakeOrBuyDecision): DecisionScore {
  return scoreDecision(decision);
}

// ---------------------------------------------------------------- sensitivity

/**
 * The margin is D = 100·Σ wᵢ·dᵢ / Σ wᵢ over rated criteria, with dᵢ = 2mᵢ − 1.
 * Changing one weight or one rating moves D monotonically, so the boundaries
 * where the recommendation changes (D = 0, or ±HYBRID_BAND with Hybrid) can
 * be solved for directly. Each solution is then snapped to values a planner
 * can enter — whole weights, ratings in steps of one rater's point — and
 * re-scored to confirm the flip. That keeps scoring O(criteria²) with a small
 * constant, well inside the 5 ms budget at 50 criteria × 10 raters.
 */
function sensitivityOf(
  input: ScoringInput,
  averages: ReadonlyMap<string, number>,
  current: Totals,
): Sensitivity {
  if (current.recommendation === 'none') return { weight: null, rating: null, fragile: false };
  const raterCount = Math.max(1, input.raters.length);
  const thresholds = input.includeHybrid ? [-HYBRID_BAND, 0, HYBRID_BAND] : [0];

  let sumWD = 0;
  let sumW = 0;
  for (const c of input.criteria) {
    const avg = averages.get(c.id);
    if (avg === undefined || !(c.weight > 0)) continue;
    sumWD += c.weight * (2 * makeShare(c.favours, avg) - 1);
    sumW += c.weight;
  }

  const evaluate = (overrideId: string, weight: number, rating: number): Recommendation => {
    let weighted = 0;
    let total = 0;
    for (const c of input.criteria) {
      const r = c.id === overrideId ? rating : averages.get(c.id);
      const w = c.id === overrideId ? weight : c.weight;
      if (r === undefined || !(w > 0)) continue;
      weighted += w * makeShare(c.favours, r);
      total += w;
    }
    return totalsFrom(weighted, total, input.includeHybrid).recommendation;
  };

  let bestWeight: FlipChange | null = null;
  let bestRating: FlipChange | null = null;
  for (const c of input.criteria) {
    const avg = averages.get(c.id);
    if (avg === undefined) continue;
    const w = Math.max(0, c.weight);
    const d = 2 * makeShare(c.favours, avg) - 1;
    const otherWD = sumWD - w * d;
    const otherW = sumW - w;

    // Weight x of this criterion where 100·(otherWD + x·d)/(otherW + x) = T.
    const weightRoots = thresholds
      .map((t) => (t * otherW - 100 * otherWD) / (100 * d - t))
      .filter((x) => Number.isFinite(x));
    const wf = nearestFlip(w, 0, 100, 1, weightRoots, (to) => evaluate(c.id, to, avg), current);
    if (wf && (!bestWeight || wf.delta < Math.abs(bestWeight.to - bestWeight.from) - EPSILON))
      bestWeight = { kind: 'weight', criterionId: c.id, label: c.label, from: w, ...wf.change };

    // Rating r where 100·(otherWD + w·d(r))/sumW = T, d(r) = ±(r − 3)/2.
    if (w > 0) {
      const sign = c.favours === 'make' ? 1 : -1;
      const ratingRoots = thresholds.map((t) => 3 + (sign * 2 * ((t * sumW) / 100 - otherWD)) / w);
      const rf = nearestFlip(
        avg,
        1,
        5,
        1 / raterCount,
        ratingRoots,
        (to) => evaluate(c.id, w, to),
        current,
      );
      if (rf && (!bestRating || rf.delta < Math.abs(bestRating.to - bestRating.from) - EPSILON))
        bestRating = { kind: 'rating', criterionId: c.id, label: c.label, from: avg, ...rf.change };
    }
  }
  const fragile =
    (bestRating !== null && Math.abs(bestRating.to - bestRating.from) <= 1 + EPSILON) ||
    (bestWeight !== null && Math.abs(bestWeight.to - bestWeight.from) <= 5 + EPSILON);
  return { weight: bestWeight, rating: bestRating, fragile };
}

/**
 * The value nearest `from`, on the grid lo + k·step within [lo, hi], whose
 * recommendation differs from the current one. Only grid points next to the
 * solved boundaries (`roots`) are tried: the margin is monotonic in the one
 * value changed, so the nearest flip sits just past a boundary.
 */
function nearestFlip(
  from: number,
  lo: number,
  hi: number,
  step: number,
  roots: readonly number[],
  recommendationAt: (value: number) => Recommendation,
  current: Totals,
): { delta: number; change: { to: number; becomes: Recommendation } } | null {
  let best: { delta: number; change: { to: number; becomes: Recommendation } } | null = null;
  const tried = new Set<number>();
  for (const root of roots) {
    if (root < lo - 1 || root > hi + 1) continue;
    const k = Math.round((root - lo) / step);
    for (let j = k - 1; j <= k + 1; j++) {
      const to = round6(lo + j * step);
      if (to < lo - EPSILON || to > hi + EPSILON || tried.has(to)) continue;
      tried.add(to);
      const delta = Math.abs(to - from);
      if (delta <= EPSILON || (best && delta >= best.delta)) continue;
      const becomes = recommendationAt(to);
      // Reaching an exact tie is the boundary, not a flip: report the change
      // that makes the other option win (unless the decision is tied now).
      if (becomes === current.recommendation || becomes === 'none') continue;
      if (becomes === 'tie' && current.recommendation !== 'tie') continue;
      best = { delta, change: { to, becomes } };
    }
  }
  return best;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

// ---------------------------------------------------------------- defaults

/** One default criterion: the considerations PRODUCT.md §6 lists, with weights summing to 100. */
export interface DefaultCriterion {
  readonly key: string;
  readonly label: string;
  readonly favours: 'make' | 'buy';
  readonly weight: number;
  /** What a rating of 5 means, shown as help next to the criterion. */
  readonly help: string;
}

/** The default criteria for a new make-or-buy decision. */
export const DEFAULT_CRITERIA: readonly DefaultCriterion[] = [
  {
    key: 'unique',
    label: 'Topic is unique to the organisation or region',
    favours: 'make',
    weight: 15,
    help: '5 = nobody else teaches this (local rules, own systems); 1 = widely taught.',
  },
  {
    key: 'languages',
    label: 'Good existing content is available in learners’ languages',
    favours: 'buy',
    weight: 8,
    help: '5 = learners are fluent in the languages existing content is in.',
  },
  {
    key: 'time',
    label: 'Time before launch is short',
    favours: 'buy',
    weight: 10,
    help: '5 = launch is weeks away; 1 = a year or more to prepare.',
  },
  {
    key: 'smes',
    label: 'Subject-matter experts are available',
    favours: 'make',
    weight: 10,
    help: '5 = experts have time set aside to write and review content.',
  },
  {
    key: 'designers',
    label: 'Instructional designers are available',
    favours: 'make',
    weight: 8,
    help: '5 = designers are assigned and free to build the content.',
  },
  {
    key: 'tools',
    label: 'Content creation tools are available',
    favours: 'make',
    weight: 6,
    help: '5 = authoring and video tools are licensed and known.',
  },
  {
    key: 'budget',
    label: 'Budget for content creation is available',
    favours: 'make',
    weight: 10,
    help: '5 = a larger budget for building content is approved.',
  },
  {
    key: 'maintain',
    label: 'Capacity to maintain and update content',
    favours: 'make',
    weight: 8,
    help: '5 = someone owns keeping the content current every year.',
  },
  {
    key: 'standard',
    label: 'Topic is a standard body of knowledge',
    favours: 'buy',
    weight: 10,
    help: '5 = the topic is the same everywhere (e.g. spreadsheets, networking).',
  },
  {
    key: 'change',
    label: 'Skill changes quickly',
    favours: 'buy',
    weight: 8,
    help: '5 = tools and practice change every few months.',
  },
  {
    key: 'diversity',
    label: 'Learner needs are diverse',
    favours: 'buy',
    weight: 7,
    help: '5 = learners differ widely in level, language and goals.',
  },
];

/** Help text for a criterion label, if it is one of the defaults. */
export function criterionHelp(label: string): string | null {
  return DEFAULT_CRITERIA.find((c) => c.label === label)?.help ?? null;
}

/** Describes a flip change in one sentence for the planner. */
export function describeFlip(change: FlipChange): string {
  const to = OPTION_LABELS[change.becomes];
  if (change.kind === 'weight') {
    const verb = change.to > change.from ? 'Raising' : 'Lowering';
    return `${verb} the weight of “${change.label}” from ${formatNumber(change.from)} to ${formatNumber(change.to)} would make it ${to}.`;
  }
  const verb = change.to > change.from ? 'higher' : 'lower';
  return `Rating “${change.label}” ${verb} — ${formatNumber(change.to)} instead of ${formatNumber(change.from)} on average — would make it ${to}.`;
}

/** A number with at most one decimal place. */
export function formatNumber(n: number): string {
  return (Math.round(n * 10) / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/**
 * Make and Buy scores (shares of 100) to one decimal that still add up to
 * 100: Buy is 100 minus Make as shown, so 19.25 / 80.75 reads 19.3 / 80.7,
 * never 19.3 / 80.8 (100.1).
 */
export function formatShares(make: number, buy: number): [string, string] {
  const shownMake = Math.round(make * 10) / 10;
  if (Math.abs(make + buy - 100) > 1e-6) return [formatNumber(make), formatNumber(buy)];
  return [formatNumber(shownMake), formatNumber(Math.round((100 - shownMake) * 10) / 10)];
}
