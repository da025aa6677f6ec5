/**
 * Money in a plan: one currency (ISO 4217), amounts formatted with
 * Intl.NumberFormat, and the costs the plan implies set against its budget.
 * Per-learner costs are budgeted on expected participants, never on the
 * whole population of a segment.
 */
import { pathwayFacts } from './pathway-facts';
import type { Budget, BudgetLineKind, LearnerSegment, Plan } from '../plan/schema';

/** Budget lines in the order they are listed, with their labels. */
export const BUDGET_LINE_LABELS = {
  content: 'Content',
  incentives: 'Learner incentives',
  devicesAndData: 'Devices and data',
  staff: 'Staff',
  outreach: 'Outreach and marketing',
} as const satisfies Record<BudgetLineKind, string>;

/** The budget lines, in order. */
export const BUDGET_LINES = Object.keys(BUDGET_LINE_LABELS) as BudgetLineKind[];

/** Common currencies first in pickers; any ISO 4217 code is accepted. */
export const COMMON_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'INR',
  'ZAR',
  'KES',
  'NGN',
];

/** Every ISO 4217 currency the runtime knows, common ones first. */
export function currencyCodes(): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...new Set([...COMMON_CURRENCIES, ...known])];
}

/** "Euro (EUR)" — a currency's name for a picker, or the bare code. */
export function currencyName(code: string, locale = 'en'): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string | null, whole: boolean, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}|${whole}`;
  let f = formatters.get(key);
  if (!f) {
    let digits = 2;
    if (currency) {
      try {
        digits =
          new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
            .maximumFractionDigits ?? 2;
      } catch {
        digits = 2;
      }
    }
    const options: Intl.NumberFormatOptions = {
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    };
    try {
      f = new Intl.NumberFormat(
        locale,
        currency ? { ...options, style: 'currency', currency } : options,
      );
    } catch {
      f = new Intl.NumberFormat(locale, options);
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * A money amount: "€1,234,500", "€17.40"; whole amounts without cents, other
 * amounts with the currency's decimals. Without a currency, the number alone.
 */
export function formatMoney(
  amount: number,
  currency: string | null = null,
  locale = 'en-GB',
): string {
  const whole = Math.abs(amount - Math.round(amount)) < 0.005;
  return formatter(currency, whole, locale).format(amount);
}

/**
 * How a money amount shows in an input: with the currency's decimals when it
 * has any ("17.40"), no grouping, so it reads back as the same number.
 */
export function moneyInputText(amount: number | null, currency: string | null): string {
  if (amount === null) return '';
  const whole = Math.abs(amount - Math.round(amount)) < 0.005;
  if (whole) return String(Math.round(amount));
  let digits = 2;
  if (currency) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
  }
  return amount.toFixed(digits);
}

/** Learners expected to take part in a segment: participants, else unknown. */
export function participantsOf(
  segment: Pick<LearnerSegment, 'expectedParticipants'>,
): number | null {
  return segment.expectedParticipants;
}

/** Planned cost of each budget line, and what could not be costed. */
export interface PlannedCosts {
  /** Per line; null where the plan holds nothing that costs money on that line. */
  readonly lines: Readonly<Record<BudgetLineKind, number | null>>;
  readonly total: number;
  /** Segments with per-learner costs but no expected participants (left out). */
  readonly segmentsWithoutParticipants: readonly string[];
  /** Expected participants across segments. */
  readonly participants: number;
}

/**
 * What the plan's own figures cost: incentives (devices and data on their own
 * line) and content (each pathway's cost per learner × the participants of
 * the segments it serves, a segment served by several pathways split evenly)
 * on expected participants, and outreach as the marketing channels' budgets.
 * Staff has no planned figure of its own in the plan.
 */
export function plannedCosts(plan: Pick<Plan, 'learners' | 'content' | 'launch'>): PlannedCosts {
  const lines: Record<BudgetLineKind, number | null> = {
    content: null,
    incentives: null,
    devicesAndData: null,
    staff: null,
    outreach: null,
  };
  const add = (line: BudgetLineKind, amount: number) => {
    lines[line] = (lines[line] ?? 0) + amount;
  };
  const without: string[] = [];
  let participants = 0;
  for (const segment of plan.learners) {
    const n = participantsOf(segment);
    const costed = segment.incentives.some(
      (i) => i.costPerLearner !== null && i.costPerLearner > 0,
    );
    if (n === null) {
      if (costed) without.push(segment.id);
      continue;
    }
    participants += n;
    for (const incentive of segment.incentives) {
      if (incentive.costPerLearner === null) continue;
      add(
        incentive.type === 'deviceOrData' ? 'devicesAndData' : 'incentives',
        incentive.costPerLearner * n,
      );
    }
  }
  const servedBy = new Map<string, number>();
  for (const pathway of plan.content.pathways)
    for (const id of new Set(pathway.segmentIds)) servedBy.set(id, (servedBy.get(id) ?? 0) + 1);
  const segments = new Map(plan.learners.map((s) => [s.id, s]));
  for (const { pathway, costPerLearner: perLearner } of pathwayFacts(plan.content)) {
    if (perLearner <= 0) continue;
    let learners = 0;
    for (const id of new Set(pathway.segmentIds)) {
      const n = segments.get(id)?.expectedParticipants ?? null;
      if (n !== null) learners += n / (servedBy.get(id) ?? 1);
    }
    add('content', perLearner * learners);
  }
  for (const channel of plan.launch.marketing.channels)
    if (channel.budget !== null) add('outreach', channel.budget);
  for (const line of BUDGET_LINES) if (lines[line] !== null) lines[line] = round2(lines[line]!);
  const total = round2(BUDGET_LINES.reduce((sum, line) => sum + (lines[line] ?? 0), 0));
  return { lines, total, segmentsWithoutParticipants: without, participants };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Sum of the budget lines that are set (null when none is). */
export function budgetLinesTotal(budget: Budget): number | null {
  let sum: number | null = null;
  for (const line of BUDGET_LINES) {
    const v = budget.lines[line];
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum === null ? null : round2(sum);
}
