/**
 * Iterate: this version's number and name; "Start next cohort" (keeps a
 * read-only copy of the plan as it stands in the local database, then, in
 * one undoable step, lists it, moves to the next version, carries the open
 * actions of the reviews since the previous kept version to the Objective and optionally adds the next
 * cohort); the kept versions, each openable read-only; and two versions
 * compared (theory of change, indicators, stakeholders, pathways, KPIs with their actuals, reviews and cohorts).
 */
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { setVersionName, startNextCohort } from '../../../../shared/commands/reviews';
import type { Format } from '../../../../shared/i18n/format';
import {
  diffPlans,
  type DiffEntry,
  type DiffType,
  type PlanDiff,
} from '../../../../shared/manage/plan-diff';
import { actionsToCarry, reviewsToCarry } from '../../../../shared/manage/reviews';
import { newId } from '../../../../shared/plan/create';
import type { Plan, PlanVersion } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { DateField, SelectField, TextField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { keepPlanVersion, readPlanVersion } from '../../db/plan-versions';
import type { Translator } from '../../../../shared/i18n/translator';
import { documentTranslator, useDocumentTranslator } from '../../i18n/document-translator';
import { useDispatch, usePlanStore, useSealHistory } from '../../store/plan-context';

const CURRENT = 'current';

type T = TFunction<'reviews'>;

/**
 * The name a version is kept under by default: "Version 2 — Autumn pilot",
 * written by `write` (the plan's document language: the name is plan content).
 */
function defaultKeptName(write: Translator, plan: Plan): string {
  const { versionNumber, versionName } = plan.manage.iteration;
  const name = versionName.trim();
  const plain = write('reviews:iterate.versionName', { number: versionNumber });
  return name && name !== plain && !/^version\s+\d+$/i.test(name)
    ? write('reviews:iterate.versionNamed', { number: versionNumber, name })
    : plain;
}

/** The next version's default name ("Version 3"), in the plan's document language. */
function defaultNextName(write: Translator, plan: Plan): string {
  return write('reviews:iterate.versionName', { number: plan.manage.iteration.versionNumber + 1 });
}

/** The cohort the current version most likely runs: the one added last (the next cohort is added at the end). */
function currentCohortId(plan: Plan): string {
  return plan.manage.cohorts.at(-1)?.id ?? '';
}

function StartNextCohort({ plan }: { plan: Plan }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const store = usePlanStore();
  const dispatch = useDispatch();
  // The names are prefilled in the plan's document language; null while the planner has not typed one.
  const write = useDocumentTranslator(plan.documentLanguage);
  const [typedKeptName, setKeptName] = useState<string | null>(null);
  const [cohortId, setCohortId] = useState(() => currentCohortId(plan));
  const [typedNextName, setNextName] = useState<string | null>(null);
  const keptName = typedKeptName ?? defaultKeptName(write, plan);
  const nextName = typedNextName ?? defaultNextName(write, plan);
  const [cohortName, setCohortName] = useState('');
  const [cohortStart, setCohortStart] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const carried = plan.manage.iteration.carriedActions;
  // Every review since the previous version was kept (actions already carried are not carried twice).
  const inScope = reviewsToCarry(plan);
  const { actions: open, reviews: from } = actionsToCarry(plan);
  const carriedOpen = carried.filter((a) => !a.done).length;

  const start = async () => {
    setBusy(true);
    const current = store.getState().history.present;
    const words = await documentTranslator(current.documentLanguage);
    const versionId = newId('version');
    const keptAt = new Date().toISOString();
    const name =
      (typedKeptName ?? defaultKeptName(words, current)).trim() || defaultKeptName(words, current);
    const next = (typedNextName ?? defaultNextName(words, current)).trim();
    try {
      await keepPlanVersion(versionId, name, keptAt, current);
    } catch (error) {
      setBusy(false);
      notify(t('next.notKept', { error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const result = dispatch(
      startNextCohort({
        versionId,
        keptName: name,
        keptAt,
        keptCohortId: cohortId || null,
        nextVersionName: next || defaultNextName(words, current),
        nextCohort: cohortName.trim()
          ? {
              id: newId('cohort'),
              name: cohortName.trim(),
              start: cohortStart,
              end: null,
              notes: '',
            }
          : null,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      notify(result.reason);
      return;
    }
    notifyUndoable(
      next ? t('next.started', { name, next }) : t('next.startedNext', { name }),
      result.stepId,
    );
    const after = store.getState().history.present;
    setKeptName(null);
    setNextName(null);
    setCohortName('');
    setCohortStart(null);
    setCohortId(currentCohortId(after));
  };

  return (
    <fieldset className="rv-next">
      <legend>{t('next.legend')}</legend>
      <p className="section-note">
        {t('next.intro')}{' '}
        {inScope.length > 0
          ? t('next.carry', {
              open: open.length,
              reviews: (from.length > 0 ? from : inScope).length,
              dates: format.list(
                (from.length > 0 ? from : inScope).map((r) => format.date(r.date)),
              ),
              beside: carriedOpen > 0 ? 'yes' : 'no',
              before: carriedOpen,
            })
          : t('next.noReview', { beside: carriedOpen > 0 ? 'yes' : 'no', before: carriedOpen })}
      </p>
      <div className="rv-fields">
        <TextField label={t('next.keepAs')} value={keptName} onChange={setKeptName} />
        <SelectField
          label={t('next.cohortRan')}
          value={cohortId}
          options={[
            { value: '', label: t('editor.notSaid') },
            ...plan.manage.cohorts.map((c) => ({
              value: c.id,
              label: c.name || t('cohorts.unnamed'),
            })),
          ]}
          onChange={setCohortId}
        />
        <TextField label={t('next.nextName')} value={nextName} onChange={setNextName} />
        <TextField
          label={t('next.nextCohort')}
          value={cohortName}
          onChange={setCohortName}
          hint={t('next.nextCohortHint')}
        />
        {cohortName.trim() && (
          <DateField
            label={t('next.nextCohortStarts')}
            value={cohortStart}
            onChange={setCohortStart}
          />
        )}
      </div>
      <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
        {busy ? t('next.keeping') : t('next.start')}
      </button>
    </fieldset>
  );
}

/** Keys of the words for each element's fields, by the kind of element (partners share the stakeholders'). */
type FieldGroup = Exclude<DiffType, 'partner'>;
type Lookup = (key: string, values?: Record<string, string | number>) => string;

/** One entry in words: "Outcome “Youth employed” changed: title, description". */
function describeEntry(t: T, format: Format, entry: DiffEntry): string {
  const look = t as unknown as Lookup;
  const what =
    entry.type === 'node' && entry.node
      ? entry.node.kind === 'outcome' && entry.node.horizon
        ? look(`toc:outcomeKinds.${entry.node.horizon}`)
        : look(`toc:kinds.${entry.node.kind}`)
      : t(`diff.what.${entry.type}`);
  const name =
    entry.type === 'link'
      ? t('diff.link', {
          from: entry.ends?.from ?? t('diff.deletedElement'),
          to: entry.ends?.to ?? t('diff.deletedElement'),
        })
      : entry.type === 'review'
        ? t('diff.review', { date: format.date(entry.date, entry.date) })
        : t('diff.named', { what, title: entry.title });
  if (entry.change !== 'changed') return t(`diff.${entry.change}`, { name });
  const group: FieldGroup = entry.type === 'partner' ? 'stakeholder' : entry.type;
  const fields = entry.fieldKeys.map((key) => look(`reviews:diff.fields.${group}.${key}`));
  if (entry.actuals) {
    const { actuals } = entry;
    const parts = (['added', 'changed', 'removed'] as const)
      .filter((c) => actuals[c] > 0)
      .map((c) => t(`diff.actualsCount.${c}`, { count: actuals[c] }));
    fields.push(t('diff.actuals', { parts: parts.join(t('words.commaSeparator')) }));
  }
  return t('diff.changed', { name, fields: fields.join(t('words.commaSeparator')) });
}

function DiffView({ diff, from, to }: { diff: PlanDiff; from: string; to: string }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  return (
    <section className="rv-diff" aria-label={t('diff.region', { from, to })}>
      <p role="status">
        {diff.total === 0
          ? t('diff.noChange', { from, to })
          : t('diff.total', { count: diff.total, from, to })}
      </p>
      {diff.areas.map((area) => (
        <div key={area.area}>
          <h4>
            {t('diff.area', {
              area: t(`diff.areas.${area.area}`),
              count: area.entries.length,
            })}
          </h4>
          {area.entries.length > 0 && (
            <ul className="rv-diff-list">
              {area.entries.map((entry) => (
                <li key={`${entry.what}:${entry.id}`} className={`rv-diff-${entry.change}`}>
                  <span className="rv-diff-mark" aria-hidden="true">
                    {entry.change === 'added' ? '+' : entry.change === 'removed' ? '−' : '~'}
                  </span>
                  {describeEntry(t, format, entry)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

function CompareVersions({ plan }: { plan: Plan }) {
  const { t } = useTranslation('reviews');
  const store = usePlanStore();
  const versions = plan.manage.iteration.previousVersions;
  const [from, setFrom] = useState(versions.at(-1)?.id ?? CURRENT);
  const [to, setTo] = useState(CURRENT);
  const [result, setResult] = useState<{ diff: PlanDiff; from: string; to: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const options = [
    ...versions.map((v) => ({ value: v.id, label: v.name })),
    { value: CURRENT, label: t('compareVersions.current') },
  ];
  const labelOf = (id: string) =>
    options.find((o) => o.value === id)?.label ?? t('compareVersions.aVersion');
  const load = async (id: string): Promise<Plan | null> => {
    if (id === CURRENT) return store.getState().history.present;
    return (await readPlanVersion(id))?.plan ?? null;
  };
  const compare = async () => {
    setBusy(true);
    try {
      const [a, b] = await Promise.all([load(from), load(to)]);
      if (!a || !b) {
        notify(t('compareVersions.notStored'));
        return;
      }
      setResult({ diff: diffPlans(a, b), from: labelOf(from), to: labelOf(to) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="rv-compare-versions">
      <legend>{t('compareVersions.legend')}</legend>
      <div className="rv-fields">
        <SelectField
          label={t('compareVersions.from')}
          value={from}
          options={options}
          onChange={setFrom}
        />
        <SelectField
          label={t('compareVersions.to')}
          value={to}
          options={options}
          onChange={setTo}
        />
      </div>
      <button type="button" disabled={busy || from === to} onClick={() => void compare()}>
        {t('compareVersions.compare')}
      </button>
      {from === to && <p className="section-note">{t('compareVersions.same')}</p>}
      {result && <DiffView {...result} />}
    </fieldset>
  );
}

/** The iteration card; `onOpen` opens a kept version read-only. */
export function IterationPanel({
  plan,
  onOpen,
}: {
  plan: Plan;
  onOpen: (version: PlanVersion) => void;
}) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const headingId = useId();
  const { versionNumber, versionName, previousVersions } = plan.manage.iteration;
  const cohortName = (id: string | null) =>
    id ? (plan.manage.cohorts.find((c) => c.id === id)?.name ?? t('reviews.deletedCohort')) : null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('iterate.heading')}</h2>
      <p className="rv-version-now">
        {versionName.trim() ? (
          <Trans
            t={t}
            i18nKey="iterate.nowNamed"
            values={{ number: versionNumber, name: versionName.trim() }}
            components={{ strong: <strong /> }}
          />
        ) : (
          <Trans
            t={t}
            i18nKey="iterate.now"
            values={{ number: versionNumber }}
            components={{ strong: <strong /> }}
          />
        )}
      </p>
      <TextField
        label={t('iterate.thisName')}
        value={versionName}
        onChange={(name) => {
          const result = dispatch(setVersionName({ name }));
          if (!result.ok) notify(result.reason);
        }}
        onBlur={seal}
      />
      <StartNextCohort plan={plan} />
      <h3>{t('iterate.kept')}</h3>
      {previousVersions.length === 0 ? (
        <p className="empty-note">{t('iterate.noneKept')}</p>
      ) : (
        <ul className="rv-versions">
          {[...previousVersions].reverse().map((v) => (
            <li key={v.id}>
              <span>
                <strong>{v.name}</strong>
                {cohortName(v.cohortId)
                  ? t('iterate.keptOnRan', {
                      date: format.date(v.keptAt.slice(0, 10)),
                      cohort: cohortName(v.cohortId)!,
                    })
                  : t('iterate.keptOn', { date: format.date(v.keptAt.slice(0, 10)) })}
              </span>
              <button type="button" onClick={() => onOpen(v)}>
                {t('iterate.open', { name: v.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {previousVersions.length > 0 && <CompareVersions plan={plan} />}
    </section>
  );
}
