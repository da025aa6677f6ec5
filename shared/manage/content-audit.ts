/**
 * The content audit (issue 14): every catalog item — made content especially —
 * has a review date and an owner; the audit lists the items due for review,
 * and checks made content's maintenance cost against the make-or-buy
 * decision's "capacity to maintain" rating.
 *
 * An item is *made content* when it is an in-house module, or when its audit
 * entry names a make-or-buy decision taken as Make or Hybrid (Hybrid: the
 * local part is made). The decision's rating of the criterion "Capacity to
 * maintain and update content" (1–5, averaged over its raters) is read as the
 * hours a year the team can give to keeping that decision's made content
 * current (MAINTENANCE_CAPACITY_HOURS); the items' estimated maintenance
 * hours a year, added up, are checked against it.
 */
import type { ContentItem, MakeOrBuyDecision, Plan } from '../plan/schema';
import { addDays } from '../stakeholders/schedule';

type AuditEntry = Plan['content']['audit'][number];

/** Days ahead within which a review date counts as due soon. */
export const REVIEW_DUE_SOON_DAYS = 30;
/** Months from a review to the next, unless the planner says otherwise. */
export const REVIEW_INTERVAL_MONTHS = 12;

/**
 * Hours a year of maintenance a "capacity to maintain" rating stands for:
 * rating 1 → none, 2 → one working week (40 h), 3 → three weeks, 4 → six
 * weeks, 5 → twelve weeks. An average between two ratings is interpolated.
 */
export const MAINTENANCE_CAPACITY_HOURS: readonly [number, number, number, number, number] = [
  0, 40, 120, 240, 480,
];

/** The rule in words, for the screen and the exports. */
export const MAINTENANCE_RULE =
  'Made content (in-house modules, and items answering a make-or-buy decision taken as Make or Hybrid) is checked ' +
  'against its decision’s rating of “Capacity to maintain and update content”, read as hours a year: ' +
  `1 = none, 2 = ${MAINTENANCE_CAPACITY_HOURS[1]} h, 3 = ${MAINTENANCE_CAPACITY_HOURS[2]} h, ` +
  `4 = ${MAINTENANCE_CAPACITY_HOURS[3]} h, 5 = ${MAINTENANCE_CAPACITY_HOURS[4]} h (an average in between is interpolated). ` +
  'The maintenance hours of the decision’s items, added up, must fit within it.';

/** Where an item's review stands on a day. */
export type ReviewState = 'overdue' | 'dueSoon' | 'scheduled' | 'noDate';

/** Labels of the review states. */
export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  overdue: 'Review overdue',
  dueSoon: 'Due soon',
  scheduled: 'Scheduled',
  noDate: 'No review date',
};

/** The review state of an entry on `today`. */
export function reviewState(reviewDate: string | null | undefined, today: string): ReviewState {
  if (!reviewDate) return 'noDate';
  if (reviewDate < today) return 'overdue';
  if (reviewDate <= addDays(today, REVIEW_DUE_SOON_DAYS)) return 'dueSoon';
  return 'scheduled';
}

/** The date `months` calendar months after `date` (the last day of a shorter month). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The criterion of a decision that rates its capacity to maintain content, if it has one. */
export function maintainCriterion(
  decision: MakeOrBuyDecision,
): MakeOrBuyDecision['criteria'][number] | undefined {
  return (
    decision.criteria.find((c) => c.id.endsWith('-crit-maintain')) ??
    decision.criteria.find((c) => /\bmaintain/i.test(c.label))
  );
}

/** The average rating (1–5) of a decision's capacity to maintain content; null when unrated. */
export function maintainRating(decision: MakeOrBuyDecision): number | null {
  const criterion = maintainCriterion(decision);
  if (!criterion) return null;
  let sum = 0;
  let n = 0;
  for (const rater of decision.raters) {
    const r = decision.ratings[rater.id]?.[criterion.id];
    if (typeof r === 'number' && Number.isFinite(r)) {
      sum += r;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** Hours a year of maintenance a rating (1–5, possibly an average) stands for. */
export function capacityHours(rating: number): number {
  const r = Math.min(5, Math.max(1, rating));
  const lo = Math.floor(r);
  const hi = Math.min(5, lo + 1);
  const a = MAINTENANCE_CAPACITY_HOURS[lo - 1]!;
  const b = MAINTENANCE_CAPACITY_HOURS[hi - 1]!;
  return Math.round(a + (b - a) * (r - lo));
}

/** Made content of one decision checked against its capacity to maintain. */
export interface MaintenanceCheck {
  readonly decisionId: string;
  readonly need: string;
  readonly decision: 'make' | 'hybrid';
  /** Average rating of "capacity to maintain", null when nobody rated it. */
  readonly rating: number | null;
  /** Hours a year the rating stands for; null when unrated. */
  readonly capacityHours: number | null;
  /** Items of the decision (ids), in catalog order. */
  readonly itemIds: readonly string[];
  /** Their maintenance hours a year, added up (items without an estimate count 0). */
  readonly hours: number;
  /** Items with no maintenance estimate. */
  readonly unestimated: readonly string[];
  /** over: hours > capacity; unrated: nobody rated the capacity; within otherwise. */
  readonly verdict: 'within' | 'over' | 'unrated';
}

/** One catalog item in the audit. */
export interface AuditRow {
  readonly item: ContentItem;
  readonly entry: AuditEntry | null;
  readonly made: boolean;
  readonly state: ReviewState;
  /** The decision the entry names (if it exists). */
  readonly decision: MakeOrBuyDecision | null;
  /** The maintenance check of that decision, for made content of a Make or Hybrid decision. */
  readonly maintenance: MaintenanceCheck | null;
}

/** The content audit on `today`. */
export interface ContentAudit {
  readonly today: string;
  /** Items listed in the audit: made content, and every item with an audit entry; catalog order. */
  readonly rows: readonly AuditRow[];
  /** Of those, the ones whose review is overdue or due soon (overdue first, then by date). */
  readonly due: readonly AuditRow[];
  /** One check per Make or Hybrid decision that has items. */
  readonly maintenance: readonly MaintenanceCheck[];
}

/** Whether an item is made content (in-house, or answering a Make/Hybrid decision). */
export function isMade(item: ContentItem, decision: MakeOrBuyDecision | null): boolean {
  return (
    item.kind === 'inHouseModule' ||
    decision?.decision === 'make' ||
    decision?.decision === 'hybrid'
  );
}

/**
 * The audit of the plan's content on `today` (YYYY-MM-DD). Lists made content
 * and every item with an audit entry (a catalog of 50,000 bought items is not
 * listed item by item; an item joins the audit when it is given a review date,
 * an owner or a decision).
 */
export function contentAudit(plan: Plan, today: string): ContentAudit {
  const decisions = new Map(plan.content.decisions.map((d) => [d.id, d]));
  const entries = new Map(plan.content.audit.map((e) => [e.itemId, e]));
  const rows: AuditRow[] = [];
  const perDecision = new Map<string, { items: string[]; hours: number; unestimated: string[] }>();
  const pending: { row: Omit<AuditRow, 'maintenance'>; decisionId: string | null }[] = [];
  for (const item of plan.content.catalog) {
    const entry = entries.get(item.id) ?? null;
    const decision = entry?.decisionId ? (decisions.get(entry.decisionId) ?? null) : null;
    const made = isMade(item, decision);
    if (!made && !entry) continue;
    const state = reviewState(entry?.reviewDate, today);
    let decisionId: string | null = null;
    if (decision && (decision.decision === 'make' || decision.decision === 'hybrid')) {
      decisionId = decision.id;
      const group = perDecision.get(decision.id) ?? { items: [], hours: 0, unestimated: [] };
      group.items.push(item.id);
      const hours = entry?.maintenanceHoursPerYear;
      if (hours === null || hours === undefined) group.unestimated.push(item.id);
      else group.hours += hours;
      perDecision.set(decision.id, group);
    }
    pending.push({ row: { item, entry, made, state, decision }, decisionId });
  }
  const maintenance: MaintenanceCheck[] = [];
  const checks = new Map<string, MaintenanceCheck>();
  for (const decision of plan.content.decisions) {
    const group = perDecision.get(decision.id);
    if (!group || (decision.decision !== 'make' && decision.decision !== 'hybrid')) continue;
    const rating = maintainRating(decision);
    const capacity = rating === null ? null : capacityHours(rating);
    const check: MaintenanceCheck = {
      decisionId: decision.id,
      need: decision.need,
      decision: decision.decision,
      rating,
      capacityHours: capacity,
      itemIds: group.items,
      hours: Math.round(group.hours * 10) / 10,
      unestimated: group.unestimated,
      verdict: capacity === null ? 'unrated' : group.hours > capacity ? 'over' : 'within',
    };
    maintenance.push(check);
    checks.set(decision.id, check);
  }
  for (const { row, decisionId } of pending)
    rows.push({ ...row, maintenance: decisionId ? (checks.get(decisionId) ?? null) : null });
  const due = rows
    .filter((r) => r.state === 'overdue' || r.state === 'dueSoon')
    .sort((a, b) =>
      a.entry!.reviewDate! < b.entry!.reviewDate!
        ? -1
        : a.entry!.reviewDate! > b.entry!.reviewDate!
          ? 1
          : 0,
    );
  return { today, rows, due, maintenance };
}
