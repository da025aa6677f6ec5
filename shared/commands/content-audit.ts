/**
 * Commands of the content audit (Content in use, issue 14): an item's review
 * date, owner, last review, make-or-buy decision and maintenance hours; a
 * review recorded; and unused items retired from the pathways in one step
 * (their steps go, the catalog items stay).
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import { REVIEW_INTERVAL_MONTHS, addMonths } from '../manage/content-audit';
import type { Plan } from '../plan/schema';
import { CommandRefusal, defineCommand, quoted } from './command';

type AuditEntry = Plan['content']['audit'][number];

/** The fields of an audit entry a planner edits. */
export type AuditPatch = Partial<
  Pick<
    AuditEntry,
    'reviewDate' | 'owner' | 'lastReviewed' | 'decisionId' | 'maintenanceHoursPerYear'
  >
>;

const SECTION = 'contentInUse' as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function itemTitle(plan: Plan, itemId: string, t: Translator): string {
  return (
    quoted(plan.content.catalog.find((c) => c.id === itemId)?.title) ||
    t('commands:contentAudit.aCatalogItem')
  );
}

/** The dates a refusal names (`commands:refusals.notACalendarDate`). */
type AuditDate = 'reviewDate' | 'lastReview' | 'nextReviewDate';

function checkDate(date: string | null | undefined, what: AuditDate): void {
  if (date != null && !(DATE.test(date) && !Number.isNaN(Date.parse(date))))
    throw CommandRefusal.of('notACalendarDate', { what });
}

/** The audit entry of an item in a draft, made when missing (null if the item is not in the catalog). */
function entryOf(draft: Plan, itemId: string): AuditEntry | null {
  const found = draft.content.audit.find((e) => e.itemId === itemId);
  if (found) return found;
  if (!draft.content.catalog.some((c) => c.id === itemId)) return null;
  const entry: AuditEntry = {
    itemId,
    reviewDate: null,
    owner: '',
    lastReviewed: null,
    decisionId: null,
    maintenanceHoursPerYear: null,
  };
  draft.content.audit.push(entry);
  return draft.content.audit[draft.content.audit.length - 1]!;
}

/** Sets fields of an item's audit entry (made on first use); typing in one field coalesces. */
export const setAuditEntry = defineCommand<{ itemId: string; patch: AuditPatch }>({
  type: 'contentAudit.set',
  label({ itemId, patch }, plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof AuditPatch)[];
    const field = keys.length === 1 ? keys[0]! : 'audit';
    return t('commands:contentAudit.set', { field, item: itemTitle(plan, itemId, t) });
  },
  coalesce: ({ itemId, patch }) =>
    'owner' in patch && Object.keys(patch).length === 1 ? `contentAudit.owner:${itemId}` : null,
  locate: ({ itemId }) => ({ section: SECTION, focus: itemId }),
  apply(draft, { itemId, patch }) {
    checkDate(patch.reviewDate, 'reviewDate');
    checkDate(patch.lastReviewed, 'lastReview');
    const hours = patch.maintenanceHoursPerYear;
    if (hours != null && !(Number.isFinite(hours) && hours >= 0 && hours <= 100_000))
      throw CommandRefusal.of('maintenanceHoursRange');
    if (patch.decisionId != null && !draft.content.decisions.some((d) => d.id === patch.decisionId))
      throw CommandRefusal.of('auditDecisionGone');
    const entry = entryOf(draft, itemId);
    if (!entry) return;
    for (const [key, value] of Object.entries(patch) as [keyof AuditPatch, unknown][])
      if (value !== undefined) (entry as Record<string, unknown>)[key] = value;
  },
});

/**
 * Records a review of an item on `date`: its last review becomes that day,
 * and its next review date `nextReview`, or REVIEW_INTERVAL_MONTHS later.
 */
export const recordContentReview = defineCommand<{
  itemId: string;
  date: string;
  nextReview?: string | null;
}>({
  type: 'contentAudit.recordReview',
  label: ({ itemId }, plan, t = englishTranslator) =>
    t('commands:contentAudit.recordReview', { item: itemTitle(plan, itemId, t) }),
  locate: ({ itemId }) => ({ section: SECTION, focus: itemId }),
  apply(draft, { itemId, date, nextReview }) {
    checkDate(date, 'reviewDate');
    checkDate(nextReview, 'nextReviewDate');
    if (nextReview && nextReview <= date) throw CommandRefusal.of('nextReviewFirst');
    const entry = entryOf(draft, itemId);
    if (!entry) return;
    entry.lastReviewed = date;
    entry.reviewDate = nextReview ?? addMonths(date, REVIEW_INTERVAL_MONTHS);
  },
});

/**
 * Retires items from every pathway in one step: removes the pathway steps
 * that use them. The catalog items, their audit entries and the roster's
 * history of them stay (an item can be put back on a pathway later).
 * `reason` names why, for the Undo step ("unused for 90 days").
 */
export const retireFromPathways = defineCommand<{ itemIds: readonly string[]; reason?: string }>({
  type: 'contentAudit.retireFromPathways',
  label({ itemIds, reason }, plan, t = englishTranslator) {
    const what =
      itemIds.length === 1
        ? itemTitle(plan, itemIds[0]!, t)
        : t('commands:contentAudit.items', { count: itemIds.length });
    return reason
      ? t('commands:contentAudit.retireBecause', { what, reason })
      : t('commands:contentAudit.retire', { what });
  },
  locate: () => ({ section: SECTION }),
  apply(draft, { itemIds }) {
    const gone = new Set(itemIds);
    if (gone.size === 0) throw CommandRefusal.of('nothingToRetire');
    for (const pathway of draft.content.pathways) {
      if (pathway.steps.some((s) => gone.has(s.contentItemId)))
        pathway.steps = pathway.steps.filter((s) => !gone.has(s.contentItemId));
    }
  },
});

/** Pathway steps that retiring `itemIds` would remove, per pathway name (for the confirmation). */
export function stepsToRetire(
  plan: Plan,
  itemIds: readonly string[],
): { pathwayId: string; name: string; steps: number }[] {
  const gone = new Set(itemIds);
  const out: { pathwayId: string; name: string; steps: number }[] = [];
  for (const p of plan.content.pathways) {
    const steps = p.steps.filter((s) => gone.has(s.contentItemId)).length;
    if (steps > 0) out.push({ pathwayId: p.id, name: p.name, steps });
  }
  return out;
}
