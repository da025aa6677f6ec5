/** How indicators read in compact places: lists, logframe cells, exports. */
import type { Indicator } from '../plan/schema';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A number for people ("1,900"), or an em dash when not known yet. */
export function formatValue(value: number | null): string {
  return value === null ? '—' : number.format(value);
}

/** "34 → 60 % of enrolled learners": baseline to target, with the unit. */
export function baselineToTarget(
  indicator: Pick<Indicator, 'baseline' | 'target' | 'unit'>,
): string {
  const unit = indicator.unit.trim();
  return `${formatValue(indicator.baseline.value)} → ${formatValue(indicator.target.value)}${unit ? ` ${unit}` : ''}`;
}

/** Labels of measurement frequencies. */
export const FREQUENCY_LABELS = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  biannually: 'Twice a year',
  annually: 'Yearly',
  once: 'Once',
  other: 'Other',
} as const satisfies Record<NonNullable<Indicator['frequency']>, string>;

/** Labels of the kinds of success measure. */
export const SUCCESS_MEASURE_LABELS = {
  jobPlacement: 'Job placement',
  courseCompletion: 'Course completion',
  promotion: 'Promotion',
  wages: 'Wages',
  other: 'Other success measure',
} as const satisfies Record<NonNullable<Indicator['successMeasure']>, string>;

/** Indicators listed on one element, in the order they were added. */
export function indicatorsOf(indicators: readonly Indicator[], subjectId: string): Indicator[] {
  return indicators.filter((i) => i.subjectIds.includes(subjectId));
}

/** A new, empty indicator for an element (null: a program-level success measure). */
export function blankIndicator(
  id: string,
  subjectId: string | null,
  successMeasure: Indicator['successMeasure'] = null,
): Indicator {
  return {
    id,
    subjectIds: subjectId === null ? [] : [subjectId],
    successMeasure,
    name: '',
    unit: '',
    baseline: { value: null, date: null },
    target: { value: null, date: null },
    dataSource: '',
    frequency: null,
    owner: '',
    disaggregation: [],
  };
}
