/**
 * Commands of the content audit (Content in use, issue 14): an item's review
 * date, owner, last review, make-or-buy decision and maintenance hours; a
 * review recorded; and unused items retired from the pathways in one step
 * (their steps go, the catalog items stay).
 */
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

const FIELD_NAMES: Readonly<Record<keyof AuditPatch, string>> = {
  reviewDate: 'review date',
  owner: 'owner',
  lastReviewed: 'last review',
  decisionId: 'make-or-buy decision',
  maintenanceHoursPerYear: 'maintenance hours',
};

function itemTitle(plan: Plan, itemId: string): string {
  return quoted(plan.content.catalog.find((c) => c.id === itemId)?.title) || 'a catalog item';
}

function checkDate(date: string | null | undefined, what: string): void {
  if (date != null && !(DATE.test(date) && !Number.isNaN(Date.parse(date))))
    throw new CommandRefusal(`A ${what} is a calendar date.`);
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
  label({ itemId, patch }, plan) {
    const keys = Object.keys(patch) as (keyof AuditPatch)[];
    const what = keys.length === 1 ? FIELD_NAMES[keys[0]!] : 'audit';
    return `Set ${what} of ${itemTitle(plan, itemId)}`;
  },
  coalesce: ({ itemId, patch }) =>
    'owner' in patch && Object.keys(patch).length === 1 ? `contentAudit.owner:${itemId}` : null,
  locate: ({ itemId }) => ({ section: SECTION, focus: itemId }),
  apply(draft, { itemId, patch }) {
    checkDate(patch.reviewDate, 'review date');
    checkDate(patch.lastReviewed, 'last review');
    const hours = patch.maintenanceHoursPerYear;
    if (hours != null && !(Number.isFinite(hours) && hours >= 0 && hours <= 100_000))
      throw new CommandRefusal('Maintenance hours are a number from 0 to 100,000 a year.');
    if (patch.decisionId != null && !draft.content.decisions.some((d) => d.id === patch.decisionId))
      throw new CommandRefusal('That make-or-buy decision is not in the plan any more.');
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
  label: ({ itemId }, plan) => `Record a review of ${itemTitle(plan, itemId)}`,
  locate: ({ itemId }) => ({ section: SECTION, focus: itemId }),
  apply(draft, { itemId, date, nextReview }) {
    checkDate(date, 'review date');
    checkDate(nextReview, 'next review date');
    if (nextReview && nextReview <= date)
      throw new CommandRefusal('The next review comes after the review being recorded.');
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
  label({ itemIds, reason }, plan) {
    const what =
      itemIds.length === 1
        ? itemTitle(plan, itemIds[0]!)
        : `${itemIds.length.toLocaleString('en-GB')} items`;
    return `Retire ${what} from pathways${reason ? ` (${reason})` : ''}`;
  },
  locate: () => ({ section: SECTION }),
  apply(draft, { itemIds }) {
    const gone = new Set(itemIds);
    if (gone.size === 0) throw new CommandRefusal('No item was chosen to retire.');
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
