/**
 * Commands of the Make or buy section: decisions, their weighted criteria,
 * their raters and each rater's ratings. Ratings are kept per rater and
 * criterion (`ratings[raterId][criterionId]`), so removing a criterion or a
 * rater removes the ratings that name it.
 */
import { DEFAULT_CRITERIA } from '../content/makeorbuy';
import { englishTranslator } from '../i18n/english';
import { newId } from '../plan/create';
import type { Translator } from '../i18n/translator';
import type { MakeOrBuyDecision, Plan } from '../plan/schema';
import { CommandRefusal, defineCommand, quoted } from './command';
import { defineListCommands } from './lists';

type Criterion = MakeOrBuyDecision['criteria'][number];
type Rater = MakeOrBuyDecision['raters'][number];
/** What was decided: Make, Buy, Hybrid, or nothing yet (null). */
export type DecisionTaken = MakeOrBuyDecision['decision'];

const SECTION = 'makeOrBuy' as const;

function findDecision(plan: Plan, id: string): MakeOrBuyDecision | undefined {
  return plan.content.decisions.find((d) => d.id === id);
}

/** “Need” of a decision for step names, or “a need” in `t`'s language. */
function need(plan: Plan, id: string, t: Translator): string {
  return quoted(findDecision(plan, id)?.need) || t('commands:makeOrBuy.aNeed');
}

/** A new decision with the usual criteria and weights (criterion ids derive from the decision's). */
export function blankDecision(need: string, id = newId('mob')): MakeOrBuyDecision {
  return {
    id,
    need,
    includeHybrid: false,
    criteria: DEFAULT_CRITERIA.map((c) => ({
      id: `${id}-crit-${c.key}`,
      label: c.label,
      favours: c.favours,
      weight: c.weight,
    })),
    raters: [],
    ratings: {},
    rationale: '',
    decision: null,
  };
}

/** Commands of the decisions (add, edit the need or rationale, delete, reorder). */
export const decisions = defineListCommands<MakeOrBuyDecision>({
  kind: 'makeOrBuyDecision',
  section: SECTION,
  list: (plan) => plan.content.decisions,
  titleOf: (d) => d.need,
  fields: { need: 'contentNeed', rationale: 'rationale' },
});

/** Commands of a decision's criteria (`parentId`: the decision); removing one removes its ratings. */
export const criteria = defineListCommands<Criterion>({
  kind: 'makeOrBuyCriterion',
  section: SECTION,
  list: (plan, decisionId) => (decisionId ? findDecision(plan, decisionId)?.criteria : undefined),
  titleOf: (c) => c.label,
  fields: { label: 'wording', favours: 'favouredOption', weight: 'weight' },
  onRemove(plan, ids, decisionId) {
    const decision = decisionId ? findDecision(plan, decisionId) : undefined;
    if (!decision) return;
    for (const own of Object.values(decision.ratings))
      for (const id of ids) if (id in own) delete own[id];
  },
  focusOf: (_id, decisionId) => decisionId,
});

/** Commands of a decision's raters (`parentId`: the decision); removing one removes their ratings. */
export const raters = defineListCommands<Rater>({
  kind: 'makeOrBuyRater',
  section: SECTION,
  list: (plan, decisionId) => (decisionId ? findDecision(plan, decisionId)?.raters : undefined),
  titleOf: (r) => r.name,
  fields: { name: 'name' },
  onRemove(plan, ids, decisionId) {
    const decision = decisionId ? findDecision(plan, decisionId) : undefined;
    if (!decision) return;
    for (const id of ids) if (id in decision.ratings) delete decision.ratings[id];
  },
  focusOf: (_id, decisionId) => decisionId,
});

/** Records the decision taken (Make, Buy, Hybrid), or clears it (null). */
export const recordDecision = defineCommand<{ decisionId: string; decision: DecisionTaken }>({
  type: 'makeOrBuyDecision.record',
  label: ({ decisionId, decision }, plan, t = englishTranslator) =>
    decision === null
      ? t('commands:makeOrBuy.clearDecision', { need: need(plan, decisionId, t) })
      : t('commands:makeOrBuy.recordDecision', { decision, need: need(plan, decisionId, t) }),
  locate: ({ decisionId }) => ({ section: SECTION, focus: decisionId }),
  apply(draft, { decisionId, decision }) {
    const target = findDecision(draft, decisionId);
    if (target) target.decision = decision;
  },
});

/** Offers Hybrid as a third option (or stops offering it). */
export const offerHybrid = defineCommand<{ decisionId: string; offered: boolean }>({
  type: 'makeOrBuyDecision.offerHybrid',
  label: ({ decisionId, offered }, plan, t = englishTranslator) =>
    offered
      ? t('commands:makeOrBuy.offerHybrid', { need: need(plan, decisionId, t) })
      : t('commands:makeOrBuy.stopOfferingHybrid', { need: need(plan, decisionId, t) }),
  locate: ({ decisionId }) => ({ section: SECTION, focus: decisionId }),
  apply(draft, { decisionId, offered }) {
    const target = findDecision(draft, decisionId);
    if (target) target.includeHybrid = offered;
  },
});

/** Arguments of `rateCriterion`: one rater's rating (1–5) of one criterion, or null to clear it. */
export interface RateArgs {
  readonly decisionId: string;
  readonly raterId: string;
  readonly criterionId: string;
  readonly rating: number | null;
}

/** Sets (1–5) or clears one rater's rating of one criterion. */
export const rateCriterion = defineCommand<RateArgs>({
  type: 'makeOrBuy.rate',
  label({ decisionId, raterId, criterionId, rating }, plan, t = englishTranslator) {
    const decision = findDecision(plan, decisionId);
    const criterion = quoted(decision?.criteria.find((c) => c.id === criterionId)?.label);
    const rater = quoted(decision?.raters.find((r) => r.id === raterId)?.name, 30);
    const what = criterion || t('commands:makeOrBuy.aCriterion');
    if (rating === null)
      return rater
        ? t('commands:makeOrBuy.clearRatingBy', { what, rater })
        : t('commands:makeOrBuy.clearRating', { what });
    return rater
      ? t('commands:makeOrBuy.rateBy', { what, rater })
      : t('commands:makeOrBuy.rate', { what });
  },
  locate: ({ decisionId }) => ({ section: SECTION, focus: decisionId }),
  apply(draft, { decisionId, raterId, criterionId, rating }) {
    if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 5))
      throw CommandRefusal.of('ratingRange');
    const decision = findDecision(draft, decisionId);
    // A rating must name a rater and a criterion the decision still has.
    if (
      !decision?.raters.some((r) => r.id === raterId) ||
      !decision.criteria.some((c) => c.id === criterionId)
    )
      return;
    if (rating === null) {
      const own = decision.ratings[raterId];
      if (!own || !(criterionId in own)) return;
      delete own[criterionId];
      if (Object.keys(own).length === 0) delete decision.ratings[raterId];
    } else {
      (decision.ratings[raterId] ??= {})[criterionId] = rating;
    }
  },
});
