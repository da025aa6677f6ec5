/**
 * Which indicators measure which element. One indicator can measure several
 * elements (`Indicator.subjectIds`), and a logic-model item traced to a
 * theory-of-change outcome (`LogicItem.tocOutcomeId`) is measured by that
 * outcome's indicators too — so an indicator is defined once and shows on
 * every element it measures.
 */
import { baseOf, replaceContents } from '../plan/drafts';
import type { Indicator, LogicItem, Plan } from '../plan/schema';

/** How an indicator reaches an element: listed on it, or through the ToC outcome it is traced to. */
export type MeasureRoute = 'direct' | 'traced';

/** An indicator measuring an element, and how. */
export interface ElementMeasure {
  readonly indicator: Indicator;
  readonly route: MeasureRoute;
}

const bySubjectCache = new WeakMap<readonly Indicator[], Map<string, readonly Indicator[]>>();

/**
 * Indicators listed on each element (by element id), in plan order. Memoised
 * on the identity of a frozen list: every indicator list and badge of one
 * plan version shares one table (treat the result as read-only).
 */
export function indicatorsBySubject(
  indicators: readonly Indicator[],
): ReadonlyMap<string, readonly Indicator[]> {
  const cached = bySubjectCache.get(indicators);
  if (cached) return cached;
  const map = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    for (const subject of new Set(indicator.subjectIds)) {
      const list = map.get(subject);
      if (list) list.push(indicator);
      else map.set(subject, [indicator]);
    }
  }
  // Only a frozen list (a plan version in the app) can be cached: a plain
  // list may still change under the same identity.
  if (Object.isFrozen(indicators)) bySubjectCache.set(indicators, map);
  return map;
}

/**
 * Every indicator measuring an element: those listed on it first, then (for a
 * logic-model item) those of the theory-of-change outcome it is traced to
 * that are not already listed.
 */
export function measuresOf(
  bySubject: ReadonlyMap<string, readonly Indicator[]>,
  elementId: string,
  tracedTo: string | null = null,
): ElementMeasure[] {
  const direct = bySubject.get(elementId) ?? [];
  const result: ElementMeasure[] = direct.map((indicator) => ({ indicator, route: 'direct' }));
  if (tracedTo && tracedTo !== elementId) {
    const seen = new Set(direct.map((i) => i.id));
    for (const indicator of bySubject.get(tracedTo) ?? [])
      if (!seen.has(indicator.id)) result.push({ indicator, route: 'traced' });
  }
  return result;
}

/** Every indicator measuring an element of a plan (see `measuresOf`). */
export function planMeasuresOf(plan: Plan, elementId: string): ElementMeasure[] {
  const item: LogicItem | undefined = plan.logicModel.items.find((i) => i.id === elementId);
  return measuresOf(indicatorsBySubject(plan.indicators), elementId, item?.tocOutcomeId ?? null);
}

/** The program's success measures: indicators marked as such, in plan order. */
export function successMeasuresOf(indicators: readonly Indicator[]): Indicator[] {
  return indicators.filter((i) => i.successMeasure !== null);
}

/**
 * Drops deleted elements from the indicators that measured them (a draft or
 * a plain plan). An indicator left measuring nothing is removed unless it is
 * a success measure (the Objective still names it).
 */
export function forgetMeasuredElements(plan: Plan, gone: ReadonlySet<string>): void {
  if (gone.size === 0) return;
  // Read as plain values (baseOf): a draft does not proxy every indicator.
  const all = baseOf(plan.indicators);
  if (!all.some((i) => i.subjectIds.some((id) => gone.has(id)))) return;
  const kept: Indicator[] = [];
  for (const indicator of all) {
    if (!indicator.subjectIds.some((id) => gone.has(id))) {
      kept.push(indicator);
      continue;
    }
    const subjectIds = indicator.subjectIds.filter((id) => !gone.has(id));
    if (subjectIds.length === 0 && indicator.successMeasure === null) continue;
    kept.push({ ...indicator, subjectIds });
  }
  replaceContents(plan.indicators, kept);
}

/** What a KPI measures against: its own figures, or those of the indicator it tracks. */
export interface KpiTargets {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly targetDate: string | null;
  /** The indicator the figures come from; null for a KPI of its own. */
  readonly indicator: Indicator | null;
}

/**
 * The figures a Manage-phase KPI is tracked against. A KPI built on an
 * indicator (`Kpi.indicatorId`) takes its name, unit, baseline and target
 * from that indicator — edited in one place — and adds only its actuals; a
 * KPI whose indicator is gone, or that has none, uses its own fields.
 */
export function kpiTargets(
  indicators: readonly Indicator[],
  kpi: Plan['manage']['kpis'][number],
): KpiTargets {
  const indicator =
    kpi.indicatorId === null ? undefined : indicators.find((i) => i.id === kpi.indicatorId);
  if (!indicator)
    return {
      name: kpi.name,
      unit: kpi.unit,
      baseline: kpi.baseline,
      target: kpi.target,
      targetDate: kpi.targetDate,
      indicator: null,
    };
  return {
    name: indicator.name.trim() || kpi.name,
    unit: indicator.unit,
    baseline: indicator.baseline.value,
    target: indicator.target.value,
    targetDate: indicator.target.date,
    indicator,
  };
}
