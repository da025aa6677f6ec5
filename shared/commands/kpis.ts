/**
 * Commands of the KPIs section (Manage, issue 14): create a KPI from an
 * indicator or of its own, edit its figures, choose where its actuals come
 * from (typed in, or counted from the roster, optionally for one segment),
 * and type in, edit or delete actuals. Roster-counted actuals are never
 * edited by hand: they are rewritten from the roster snapshots
 * (shared/manage/kpis.ts syncRosterActuals) whenever the source changes.
 */
import { englishTranslator } from '../i18n/english';
import { baseOf, findById } from '../plan/drafts';
import type { Kpi, KpiActual, KpiSource, Plan } from '../plan/schema';
import { kpiTargets } from '../indicators/measures';
import { syncRosterActuals } from '../manage/kpis';
import { CommandRefusal, defineCommand, quoted, stepDate, stepNumber } from './command';
import { defineListCommands } from './lists';

const SECTION = 'kpis' as const;
const MAX_KPIS = 500;
const MAX_ACTUALS = 2000;

const kpiName = (plan: Plan, kpi: Kpi | undefined) =>
  kpi ? quoted(kpiTargets(plan.indicators, kpi).name) : '';

/** Edit, delete and reorder KPIs (fields of their own: name, unit, baseline, target, dates, category). */
export const kpiList = defineListCommands<Kpi>({
  kind: 'kpi',
  section: SECTION,
  list: (plan) => plan.manage.kpis,
  titleOf: (k) => k.name,
  fields: {
    name: 'name',
    unit: 'unit',
    baseline: 'baseline',
    baselineDate: 'baselineDate',
    target: 'target',
    targetDate: 'targetDate',
    category: 'category',
    indicatorId: 'indicator',
  },
});

/** Creates a KPI (its roster actuals counted at once when its source is the roster). */
export const createKpi = defineCommand<{ kpi: Kpi }>({
  type: 'kpi.create',
  label: ({ kpi }, _plan, t = englishTranslator) =>
    quoted(kpi.name)
      ? t('commands:kpis.addTitled', { title: quoted(kpi.name) })
      : t('commands:kpis.add'),
  locate: ({ kpi }) => ({ section: SECTION, focus: kpi.id }),
  apply(draft, { kpi }) {
    const list = draft.manage.kpis;
    if (baseOf(list).some((k) => k.id === kpi.id)) return;
    if (list.length >= MAX_KPIS) throw CommandRefusal.of('tooManyKpis', { max: MAX_KPIS });
    list.push(kpi);
    syncRosterActuals(draft, new Set([kpi.id]));
  },
});

/**
 * Sets where a KPI's actuals come from, and for which segment (roster KPIs);
 * its roster actuals are rewritten from the roster snapshots (typed actuals stay).
 */
export const setKpiSource = defineCommand<{
  id: string;
  source: KpiSource;
  segmentId: string | null;
}>({
  type: 'kpi.setSource',
  label: ({ id }, plan, t = englishTranslator) => {
    const name = kpiName(
      plan,
      plan.manage.kpis.find((k) => k.id === id),
    );
    return name ? t('commands:kpis.setSourceNamed', { name }) : t('commands:kpis.setSource');
  },
  locate: ({ id }) => ({ section: SECTION, focus: id }),
  apply(draft, { id, source, segmentId }) {
    const kpi = findById(draft.manage.kpis, id);
    if (!kpi) return;
    kpi.source = source;
    kpi.segmentId = source === 'manual' ? null : segmentId;
    syncRosterActuals(draft, new Set([id]));
  },
});

/** Types in an actual for a KPI. */
export const addKpiActual = defineCommand<{ kpiId: string; actual: KpiActual }>({
  type: 'kpiActual.add',
  label: ({ kpiId, actual }, plan, t = englishTranslator) => {
    const name = kpiName(
      plan,
      plan.manage.kpis.find((k) => k.id === kpiId),
    );
    const values = { value: stepNumber(t, actual.value), date: stepDate(t, actual.date) };
    return name
      ? t('commands:kpis.recordActualNamed', { ...values, name })
      : t('commands:kpis.recordActual', values);
  },
  locate: ({ kpiId }) => ({ section: SECTION, focus: kpiId }),
  apply(draft, { kpiId, actual }) {
    const kpi = findById(draft.manage.kpis, kpiId);
    if (!kpi) throw CommandRefusal.of('actualKpiGone');
    if (baseOf(kpi.actuals).some((a) => a.id === actual.id)) return;
    if (kpi.actuals.length >= MAX_ACTUALS)
      throw CommandRefusal.of('tooManyActuals', { max: MAX_ACTUALS });
    // One figure per day and cohort: a second one is a correction, made in the list.
    const same = kpi.actuals.find(
      (a) => a.date === actual.date && a.cohortId === (actual.cohortId ?? null),
    );
    if (same) {
      // Plain values: the refusal is worded again after the draft is gone.
      const { date } = actual;
      const { value } = same;
      throw CommandRefusal.of('actualExists', {
        date: (t) => stepDate(t, date),
        value: (t) => stepNumber(t, value),
        cohort: actual.cohortId ? 'yes' : 'no',
      });
    }
    kpi.actuals.push({ ...actual, origin: 'typed' });
  },
});

const refuseRoster = (actual: KpiActual | undefined) => {
  if (actual?.origin === 'roster') throw CommandRefusal.of('rosterActual');
};

/** Edits a typed-in actual (date, value, cohort, note). */
export const updateKpiActual = defineCommand<{
  kpiId: string;
  id: string;
  patch: Partial<Pick<KpiActual, 'date' | 'value' | 'cohortId' | 'note'>>;
}>({
  type: 'kpiActual.update',
  label: ({ kpiId, patch }, plan, t = englishTranslator) => {
    const name = kpiName(
      plan,
      plan.manage.kpis.find((k) => k.id === kpiId),
    );
    const field = Object.keys(patch).length === 1 ? Object.keys(patch)[0]! : 'actual';
    return name
      ? t('commands:kpis.editActualNamed', { field, name })
      : t('commands:kpis.editActual', { field });
  },
  coalesce: ({ kpiId, id, patch }) =>
    `kpiActual.update:${kpiId}:${id}:${Object.keys(patch).sort().join(',')}`,
  locate: ({ kpiId }) => ({ section: SECTION, focus: kpiId }),
  apply(draft, { kpiId, id, patch }) {
    const kpi = findById(draft.manage.kpis, kpiId);
    if (!kpi) return;
    const actual = findById(kpi.actuals, id);
    refuseRoster(actual);
    if (actual) Object.assign(actual, patch);
  },
});

/** Deletes a typed-in actual. */
export const removeKpiActual = defineCommand<{ kpiId: string; id: string }>({
  type: 'kpiActual.remove',
  label: ({ kpiId, id }, plan, t = englishTranslator) => {
    const kpi = plan.manage.kpis.find((k) => k.id === kpiId);
    const actual = kpi?.actuals.find((a) => a.id === id);
    const name = kpiName(plan, kpi);
    const date = actual && stepDate(t, actual.date);
    if (date && name) return t('commands:kpis.removeActualDatedNamed', { date, name });
    if (date) return t('commands:kpis.removeActualDated', { date });
    return name ? t('commands:kpis.removeActualNamed', { name }) : t('commands:kpis.removeActual');
  },
  locate: ({ kpiId }) => ({ section: SECTION, focus: kpiId }),
  apply(draft, { kpiId, id }) {
    const kpi = findById(draft.manage.kpis, kpiId);
    if (!kpi) return;
    const index = baseOf(kpi.actuals).findIndex((a) => a.id === id);
    if (index < 0) return;
    refuseRoster(baseOf(kpi.actuals)[index]);
    kpi.actuals.splice(index, 1);
  },
});

/**
 * Rewrites every KPI's roster actuals from the plan's roster snapshots (the
 * roster import dispatches it with a new snapshot, or calls
 * syncRosterActuals in its own command; the KPIs section offers it when
 * they are out of date).
 */
export const syncKpiRosterActuals = defineCommand<Record<string, never>>({
  type: 'kpi.syncRoster',
  label: (_args, _plan, t = englishTranslator) => t('commands:kpis.syncRoster'),
  locate: () => ({ section: SECTION }),
  apply(draft) {
    syncRosterActuals(draft);
  },
});
