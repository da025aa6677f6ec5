/**
 * Iterate: this version's number and name; "Start next cohort" (keeps a
 * read-only copy of the plan as it stands in the local database, then, in
 * one undoable step, lists it, moves to the next version, carries the open
 * actions of the reviews since the previous kept version to the Objective and optionally adds the next
 * cohort); the kept versions, each openable read-only; and two versions
 * compared (theory of change, indicators, stakeholders, pathways, KPIs with their actuals, reviews and cohorts).
 */
import { useId, useState } from 'react';
import { setVersionName, startNextCohort } from '../../../../shared/commands/reviews';
import { formatDate } from '../../../../shared/export/document';
import { describeDiffEntry, diffPlans, type PlanDiff } from '../../../../shared/manage/plan-diff';
import { actionsToCarry, reviewsToCarry } from '../../../../shared/manage/reviews';
import { newId } from '../../../../shared/plan/create';
import type { Plan, PlanVersion, Review } from '../../../../shared/plan/schema';
import { notify, notifyUndoable } from '../../app/workbench';
import { DateField, SelectField, TextField } from '../../components/fields';
import { keepPlanVersion, readPlanVersion } from '../../db/plan-versions';
import { useDispatch, usePlanStore, useSealHistory } from '../../store/plan-context';

const CURRENT = 'current';

/** The name a version is kept under by default: "Version 2 — Autumn pilot". */
function defaultKeptName(plan: Plan): string {
  const { versionNumber, versionName } = plan.manage.iteration;
  const name = versionName.trim();
  return name && !/^version\s+\d+$/i.test(name)
    ? `Version ${versionNumber} — ${name}`
    : `Version ${versionNumber}`;
}

/** The cohort the current version most likely runs: the one added last (the next cohort is added at the end). */
function currentCohortId(plan: Plan): string {
  return plan.manage.cohorts.at(-1)?.id ?? '';
}

/** "the review of 1 March 2026", "the reviews of 1 March and …" (oldest first). */
function reviewDates(reviews: readonly Review[]): string {
  const dates = reviews.map((r) => formatDate(r.date));
  const list =
    dates.length > 1 ? `${dates.slice(0, -1).join(', ')} and ${dates.at(-1)!}` : (dates[0] ?? '');
  return `the ${reviews.length === 1 ? 'review' : 'reviews'} of ${list}`;
}

function StartNextCohort({ plan }: { plan: Plan }) {
  const store = usePlanStore();
  const dispatch = useDispatch();
  const next = plan.manage.iteration.versionNumber + 1;
  const [keptName, setKeptName] = useState(() => defaultKeptName(plan));
  const [cohortId, setCohortId] = useState(() => currentCohortId(plan));
  const [nextName, setNextName] = useState(`Version ${next}`);
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
    const versionId = newId('version');
    const keptAt = new Date().toISOString();
    const name = keptName.trim() || defaultKeptName(current);
    try {
      await keepPlanVersion(versionId, name, keptAt, current);
    } catch (error) {
      setBusy(false);
      notify(
        `The version could not be kept, so nothing changed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const result = dispatch(
      startNextCohort({
        versionId,
        keptName: name,
        keptAt,
        keptCohortId: cohortId || null,
        nextVersionName: nextName.trim() || `Version ${current.manage.iteration.versionNumber + 1}`,
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
      `Kept “${name}” read-only and started ${nextName.trim() || 'the next version'}.`,
      result.stepId,
    );
    const after = store.getState().history.present;
    setKeptName(defaultKeptName(after));
    setNextName(`Version ${after.manage.iteration.versionNumber + 1}`);
    setCohortName('');
    setCohortStart(null);
    setCohortId(currentCohortId(after));
  };

  return (
    <fieldset className="rv-next">
      <legend>Start next cohort</legend>
      <p className="section-note">
        Keeps a read-only copy of the plan as it stands now, then moves on to the next version.
        {inScope.length > 0
          ? ` ${open.length} open ${open.length === 1 ? 'action' : 'actions'} from ${reviewDates(from.length > 0 ? from : inScope)} will be carried to the Objective as lessons to act on`
          : ' There is no review yet, so no lessons will be carried'}
        {carriedOpen > 0 ? `, beside ${carriedOpen} still open from before.` : '.'}
      </p>
      <div className="rv-fields">
        <TextField label="Keep this version as" value={keptName} onChange={setKeptName} />
        <SelectField
          label="Cohort this version ran"
          value={cohortId}
          options={[
            { value: '', label: 'Not said' },
            ...plan.manage.cohorts.map((c) => ({ value: c.id, label: c.name || 'Unnamed cohort' })),
          ]}
          onChange={setCohortId}
        />
        <TextField label="Name of the next version" value={nextName} onChange={setNextName} />
        <TextField
          label="Next cohort (optional)"
          value={cohortName}
          onChange={setCohortName}
          hint="Leave empty to add no cohort."
        />
        {cohortName.trim() && (
          <DateField label="Next cohort starts" value={cohortStart} onChange={setCohortStart} />
        )}
      </div>
      <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
        {busy ? 'Keeping this version…' : 'Start next cohort'}
      </button>
    </fieldset>
  );
}

function DiffView({ diff, from, to }: { diff: PlanDiff; from: string; to: string }) {
  return (
    <section className="rv-diff" aria-label={`Changes from ${from} to ${to}`}>
      <p role="status">
        {diff.total === 0
          ? `No change from ${from} to ${to} in the theory of change, indicators, stakeholders or pathways.`
          : `${diff.total} ${diff.total === 1 ? 'change' : 'changes'} from ${from} to ${to}.`}
      </p>
      {diff.areas.map((area) => (
        <div key={area.area}>
          <h4>
            {area.label}: {area.entries.length === 0 ? 'no change' : area.entries.length}
          </h4>
          {area.entries.length > 0 && (
            <ul className="rv-diff-list">
              {area.entries.map((entry) => (
                <li key={`${entry.what}:${entry.id}`} className={`rv-diff-${entry.change}`}>
                  <span className="rv-diff-mark" aria-hidden="true">
                    {entry.change === 'added' ? '+' : entry.change === 'removed' ? '−' : '~'}
                  </span>
                  {describeDiffEntry(entry)}
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
  const store = usePlanStore();
  const versions = plan.manage.iteration.previousVersions;
  const [from, setFrom] = useState(versions.at(-1)?.id ?? CURRENT);
  const [to, setTo] = useState(CURRENT);
  const [result, setResult] = useState<{ diff: PlanDiff; from: string; to: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const options = [
    ...versions.map((v) => ({ value: v.id, label: v.name })),
    { value: CURRENT, label: 'This version (current)' },
  ];
  const labelOf = (id: string) => options.find((o) => o.value === id)?.label ?? 'a version';
  const load = async (id: string): Promise<Plan | null> => {
    if (id === CURRENT) return store.getState().history.present;
    return (await readPlanVersion(id))?.plan ?? null;
  };
  const compare = async () => {
    setBusy(true);
    try {
      const [a, b] = await Promise.all([load(from), load(to)]);
      if (!a || !b) {
        notify(
          'That kept version is not stored on this computer (the plan came from a file or another computer), so it cannot be compared here.',
        );
        return;
      }
      setResult({ diff: diffPlans(a, b), from: labelOf(from), to: labelOf(to) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="rv-compare-versions">
      <legend>Compare two versions</legend>
      <div className="rv-fields">
        <SelectField label="From version" value={from} options={options} onChange={setFrom} />
        <SelectField label="To version" value={to} options={options} onChange={setTo} />
      </div>
      <button type="button" disabled={busy || from === to} onClick={() => void compare()}>
        Compare versions
      </button>
      {from === to && <p className="section-note">Choose two different versions.</p>}
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
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const headingId = useId();
  const { versionNumber, versionName, previousVersions } = plan.manage.iteration;
  const cohortName = (id: string | null) =>
    id ? (plan.manage.cohorts.find((c) => c.id === id)?.name ?? 'a deleted cohort') : null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Iterate: versions of the plan</h2>
      <p className="rv-version-now">
        This is <strong>version {versionNumber}</strong>
        {versionName.trim() ? ` (“${versionName.trim()}”)` : ''} of the plan.
      </p>
      <TextField
        label="Name of this version"
        value={versionName}
        onChange={(name) => {
          const result = dispatch(setVersionName({ name }));
          if (!result.ok) notify(result.reason);
        }}
        onBlur={seal}
      />
      <StartNextCohort plan={plan} />
      <h3>Kept versions</h3>
      {previousVersions.length === 0 ? (
        <p className="empty-note">
          No version kept yet. Starting the next cohort keeps this one, read-only.
        </p>
      ) : (
        <ul className="rv-versions">
          {[...previousVersions].reverse().map((v) => (
            <li key={v.id}>
              <span>
                <strong>{v.name}</strong>, kept on {formatDate(v.keptAt.slice(0, 10))}
                {cohortName(v.cohortId) ? ` — ran ${cohortName(v.cohortId)}` : ''}
              </span>
              <button type="button" onClick={() => onOpen(v)}>
                Open “{v.name}” read-only
              </button>
            </li>
          ))}
        </ul>
      )}
      {previousVersions.length > 0 && <CompareVersions plan={plan} />}
    </section>
  );
}
