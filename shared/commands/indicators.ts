/**
 * Commands of indicators: one measurement framework. An indicator measures
 * one or more elements (`subjectIds`: theory-of-change outcomes, logic-model
 * outputs and outcomes) and can be a success measure of the program, so
 * these commands serve the theory-of-change inspector, the logic model, the
 * logframe and the Objective alike, and each says where its change is seen.
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type { Indicator, Plan } from '../plan/schema';
import type { PlanLocation } from '../plan/sections';
import { defineCommand, quoted } from './command';

/** The fields of an indicator set by `updateIndicator` (baseline and target go through `setIndicatorValue`). */
export type IndicatorPatch = Partial<
  Pick<Indicator, 'name' | 'unit' | 'dataSource' | 'frequency' | 'owner'>
>;

/** Which dated value of an indicator: where it starts, or where it should get to. */
export type IndicatorValueKind = 'baseline' | 'target';

/** A field an indicator edit names (`commands:indicators.field`). */
type IndicatorField = keyof IndicatorPatch | IndicatorValueKind | `${IndicatorValueKind}Date`;

function findIndicator(plan: Plan, id: string): Indicator | undefined {
  return plan.indicators.find((i) => i.id === id);
}

/**
 * Where indicators of a subject are seen: the theory of change or the logic
 * model, with the subject focused; Plan health for a subject that is gone.
 */
export function indicatorLocation(plan: Plan, subjectId: string | undefined): PlanLocation {
  if (subjectId === undefined) return { section: 'health' };
  if (subjectId === OBJECTIVE) return { section: 'objective' };
  if (plan.theoryOfChange.nodes.some((n) => n.id === subjectId))
    return { section: 'theoryOfChange', focus: subjectId };
  if (plan.logicModel.items.some((i) => i.id === subjectId))
    return { section: 'logicModel', focus: subjectId };
  return { section: 'health' };
}

/** Stand-in subject of a success measure that measures no element: the Objective. */
const OBJECTIVE = '\u0000objective';

/** The element an indicator is seen from: its first subject, or the Objective for a success measure. */
function homeOf(indicator: Indicator | undefined): string | undefined {
  if (!indicator) return undefined;
  return indicator.subjectIds[0] ?? (indicator.successMeasure ? OBJECTIVE : undefined);
}

const locateIndicator = ({ id }: { id: string }, plan: Plan) =>
  indicatorLocation(plan, homeOf(findIndicator(plan, id)));

/** A step name for an edit of one indicator: “Edit unit of “X””, or “Edit indicator unit” when untitled. */
function editLabel(plan: Plan, id: string, key: IndicatorField | null, t: Translator): string {
  const title = quoted(findIndicator(plan, id)?.name);
  if (key) {
    const field = t('commands:indicators.field', { field: key });
    return title
      ? t('commands:indicators.editFieldTitled', { field, title })
      : t('commands:indicators.editField', { field });
  }
  return title ? t('commands:indicators.editTitled', { title }) : t('commands:indicators.edit');
}

/** An indicator's name in quotes, else "indicator". */
const indicatorTitle = (plan: Plan, id: string, t: Translator) =>
  quoted(findIndicator(plan, id)?.name) || t('commands:indicators.anIndicator');

/** Adds an indicator (its id and subject made by the caller), at the end of the list. */
export const addIndicator = defineCommand<{ indicator: Indicator }>({
  type: 'indicator.add',
  label: ({ indicator }, _plan, t = englishTranslator) =>
    quoted(indicator.name)
      ? t('commands:indicators.addTitled', { title: quoted(indicator.name) })
      : t('commands:indicators.add'),
  locate: ({ indicator }, plan) => indicatorLocation(plan, homeOf(indicator)),
  apply(draft, { indicator }) {
    if (draft.indicators.some((i) => i.id === indicator.id)) return;
    draft.indicators.push(indicator);
  },
});

/** Sets text fields or the frequency of an indicator; typing in one field coalesces. */
export const updateIndicator = defineCommand<{ id: string; patch: IndicatorPatch }>({
  type: 'indicator.update',
  label({ id, patch }, plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof IndicatorPatch)[];
    return editLabel(plan, id, keys.length === 1 ? keys[0]! : null, t);
  },
  coalesce: ({ id, patch }) => `indicator.update:${id}:${Object.keys(patch).sort().join(',')}`,
  locate: locateIndicator,
  apply(draft, { id, patch }) {
    const indicator = findIndicator(draft, id);
    if (indicator) Object.assign(indicator, patch);
  },
});

/** Sets the value or date of an indicator's baseline or target; typing in one field coalesces. */
export const setIndicatorValue = defineCommand<{
  id: string;
  which: IndicatorValueKind;
  patch: Partial<Indicator['baseline']>;
}>({
  type: 'indicator.setValue',
  label({ id, which, patch }, plan, t = englishTranslator) {
    const keys = Object.keys(patch);
    const field: IndicatorField = keys.length === 1 && keys[0] === 'date' ? `${which}Date` : which;
    return editLabel(plan, id, field, t);
  },
  coalesce: ({ id, which, patch }) =>
    `indicator.setValue:${id}:${which}:${Object.keys(patch).sort().join(',')}`,
  locate: locateIndicator,
  apply(draft, { id, which, patch }) {
    const indicator = findIndicator(draft, id);
    if (indicator) Object.assign(indicator[which], patch);
  },
});

/** Reports an indicator separately for a learner segment, or stops doing so. */
export const setIndicatorSegment = defineCommand<{
  id: string;
  segmentId: string;
  included: boolean;
}>({
  type: 'indicator.setSegment',
  label({ id, segmentId, included }, plan, t = englishTranslator) {
    const title = indicatorTitle(plan, id, t);
    const segment =
      quoted(plan.learners.find((s) => s.id === segmentId)?.name) ||
      t('commands:indicators.aSegment');
    return included
      ? t('commands:indicators.reportBy', { title, segment })
      : t('commands:indicators.stopReportingBy', { title, segment });
  },
  locate: locateIndicator,
  apply(draft, { id, segmentId, included }) {
    const indicator = findIndicator(draft, id);
    if (!indicator) return;
    const has = indicator.disaggregation.includes(segmentId);
    if (included && !has && draft.learners.some((s) => s.id === segmentId))
      indicator.disaggregation = [...indicator.disaggregation, segmentId];
    if (!included && has)
      indicator.disaggregation = indicator.disaggregation.filter((x) => x !== segmentId);
  },
});

/**
 * Makes an indicator measure one more element (sharing it, instead of a
 * second copy), or stop measuring one. An indicator that stops measuring its
 * last element and is no success measure is kept: removing it is `removeIndicators`.
 */
export const setIndicatorSubject = defineCommand<{
  id: string;
  subjectId: string;
  measured: boolean;
}>({
  type: 'indicator.setSubject',
  label({ id, subjectId, measured }, plan, t = englishTranslator) {
    const title = indicatorTitle(plan, id, t);
    const subject =
      quoted(
        plan.theoryOfChange.nodes.find((n) => n.id === subjectId)?.title ??
          plan.logicModel.items.find((i) => i.id === subjectId)?.title,
      ) || t('commands:indicators.anElement');
    return measured
      ? t('commands:indicators.measureBy', { subject, title })
      : t('commands:indicators.stopMeasuringBy', { subject, title });
  },
  locate: ({ subjectId }, plan) => indicatorLocation(plan, subjectId),
  apply(draft, { id, subjectId, measured }) {
    const indicator = findIndicator(draft, id);
    if (!indicator) return;
    const has = indicator.subjectIds.includes(subjectId);
    const exists =
      draft.theoryOfChange.nodes.some((n) => n.id === subjectId) ||
      draft.logicModel.items.some((i) => i.id === subjectId);
    if (measured && !has && exists) indicator.subjectIds = [...indicator.subjectIds, subjectId];
    if (!measured && has)
      indicator.subjectIds = indicator.subjectIds.filter((x) => x !== subjectId);
  },
});

/** Makes an indicator a success measure of the program (with its kind), or stops it being one. */
export const setSuccessMeasure = defineCommand<{
  id: string;
  kind: Indicator['successMeasure'];
}>({
  type: 'indicator.setSuccessMeasure',
  label({ id, kind }, plan, t = englishTranslator) {
    const title = indicatorTitle(plan, id, t);
    return kind
      ? t('commands:indicators.countAsSuccess', { title })
      : t('commands:indicators.stopCountingAsSuccess', { title });
  },
  locate: () => ({ section: 'objective' }),
  apply(draft, { id, kind }) {
    const indicator = findIndicator(draft, id);
    if (indicator) indicator.successMeasure = kind;
  },
});

/** Removes indicators (KPIs tracking one are kept, as KPIs of their own). */
export const removeIndicators = defineCommand<{ ids: readonly string[] }>({
  type: 'indicator.remove',
  label({ ids }, plan, t = englishTranslator) {
    if (ids.length !== 1) return t('commands:indicators.removeMany', { count: ids.length });
    const title = quoted(findIndicator(plan, ids[0]!)?.name);
    return title
      ? t('commands:indicators.removeTitled', { title })
      : t('commands:indicators.remove');
  },
  locate: ({ ids }, plan) => indicatorLocation(plan, homeOf(findIndicator(plan, ids[0] ?? ''))),
  apply(draft, { ids }) {
    const gone = new Set(ids);
    if (draft.indicators.some((i) => gone.has(i.id)))
      draft.indicators = draft.indicators.filter((i) => !gone.has(i.id));
    for (const kpi of draft.manage.kpis)
      if (kpi.indicatorId !== null && gone.has(kpi.indicatorId)) kpi.indicatorId = null;
  },
});
