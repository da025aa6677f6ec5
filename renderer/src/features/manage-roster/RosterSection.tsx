/**
 * Learner progress (issue 14, Manage → Learner progress): import learner
 * activity exports into the local roster, see the counts now and progress
 * by segment and cohort, the dated snapshots the plan keeps, and every
 * learner in a windowed, searchable, filterable list (100,000 stay fluid),
 * mark top learners, and delete a cohort's learners or the whole roster.
 * Personal data stays on this computer: the section says so.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { removeRosterSnapshot } from '../../../../shared/commands/roster';
import { longDate } from '../../../../shared/long-date';
import { snapshotSlices, type RosterLearner } from '../../../../shared/manage/roster';
import { runInSlices } from '../../../../shared/plan/freeze';
import type { ProgressCounts, ProgressSnapshot } from '../../../../shared/plan/schema';
import { countOf } from '../../../../shared/words';
import { notify } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { useWindowedRows } from '../../components/windowed';
import { deleteFollowUpContacts } from '../../db/follow-up-contacts';
import { deleteCohortLearners, deleteRoster, setTopLearner } from '../../db/roster';
import { useDispatch, usePlan } from '../../store/plan-context';
import { yieldToPage } from '../../store/yield-to-page';
import {
  backupSentence,
  PersonalBackupChoice,
  usePersonalBackupState,
  usePlatformBackups,
} from '../backups/PersonalBackupChoice';
import { ImportDialog } from '../content/ImportDialog';
import { rosterTarget, ROSTER_UNDO_NOTE } from './roster-import';
import { useRoster } from './use-roster';
import './roster.css';
import '../manage-wide.css';

const n = (v: number) => v.toLocaleString('en-GB');
const pct = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)} %` : '—';
const today = () => new Date().toISOString().slice(0, 10);

/** Status filter of the learner list. */
type StatusFilter = 'all' | 'notEnrolled' | 'active' | 'inactive' | 'completed' | 'placed' | 'top';

const STATUS_LABELS: Record<StatusFilter, string> = {
  all: 'All learners',
  notEnrolled: 'Not enrolled',
  active: 'Active (last 30 days)',
  inactive: 'Enrolled, inactive',
  completed: 'Completed',
  placed: 'With a job outcome',
  top: 'Top learners',
};

const COUNT_COLUMNS: readonly [keyof ProgressCounts, string][] = [
  ['learners', 'Learners'],
  ['registered', 'Registered'],
  ['enrolled', 'Enrolled'],
  ['active', 'Active'],
  ['completed', 'Completed'],
  ['placed', 'Job outcome'],
  ['hours', 'Hours'],
];

/** A table of counts per group (segment or cohort), with completion rate. */
function GroupTable({
  caption,
  groups,
  nameOf,
}: {
  caption: string;
  groups: Readonly<Record<string, ProgressCounts>>;
  nameOf: (id: string) => string;
}) {
  const rows = Object.entries(groups).sort((a, b) => b[1].learners - a[1].learners);
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption.startsWith('By segment') ? 'Segment' : 'Cohort'}</th>
            {COUNT_COLUMNS.map(([, label]) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
            <th scope="col" className="num">
              Completion rate
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, c]) => (
            <tr key={id}>
              <th scope="row">{nameOf(id)}</th>
              {COUNT_COLUMNS.map(([key]) => (
                <td key={key} className="num">
                  {n(c[key])}
                </td>
              ))}
              <td className="num">{pct(c.completed, c.enrolled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether a learner passes the status filter at `asOf` (`activeFrom`: first day of the active window). */
function hasStatus(l: RosterLearner, status: StatusFilter, asOf: string, activeFrom: string) {
  const enrolled = l.enrolled !== null || l.completed !== null || l.coursesEnrolled > 0;
  const active =
    enrolled && l.lastActivity !== null && l.lastActivity >= activeFrom && l.lastActivity <= asOf;
  switch (status) {
    case 'all':
      return true;
    case 'notEnrolled':
      return !enrolled;
    case 'active':
      return active;
    case 'inactive':
      return enrolled && !active && l.completed === null;
    case 'completed':
      return l.completed !== null;
    case 'placed':
      return l.jobOutcome !== 'none';
    case 'top':
      return l.topLearner;
  }
}

const HEADERS = [
  'Learner',
  'E-mail or id',
  'Segment',
  'Cohort',
  'Enrolled',
  'Last activity',
  'Hours',
  'Completed',
  'Top learner',
] as const;

/** The windowed learner list. */
function LearnerList({
  learners,
  indices,
  segmentName,
  cohortName,
  onTop,
}: {
  learners: readonly RosterLearner[];
  indices: readonly number[];
  segmentName: (id: string | null) => string;
  cohortName: (id: string | null) => string;
  onTop: (l: RosterLearner) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The learner's place in the roster: unique and stable through filtering, and a number, which
  // the virtualizer looks up faster than a text key when it lays out 100,000 rows at once.
  const getKey = useCallback((i: number) => indices[i]!, [indices]);
  const rows = useWindowedRows({
    scrollRef,
    count: indices.length,
    estimateSize: 37,
    getKey,
    headerSize: 38,
  });
  return (
    <div
      ref={scrollRef}
      className="table-scroll roster-scroll"
      onKeyDown={rows.onKeyDown}
      onFocus={rows.onFocus}
      tabIndex={0}
      role="region"
      aria-label="Learners"
    >
      <table
        className={`data-table roster-table ${rows.windowed ? 'windowed' : ''}`}
        aria-rowcount={indices.length + 1}
      >
        <caption className="visually-hidden">Learners</caption>
        <thead>
          <tr aria-rowindex={1}>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={h === 'Hours' ? 'num' : ''}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slots.map((slot) => {
            if (slot.kind === 'gap')
              return (
                <tr key={slot.key} aria-hidden="true" className="row-gap">
                  <td colSpan={HEADERS.length} style={{ height: slot.size }} />
                </tr>
              );
            const l = learners[indices[slot.index]!]!;
            const label = l.name || l.email || l.learnerId;
            return (
              <tr
                key={slot.key}
                data-index={slot.index}
                aria-rowindex={slot.index + 2}
                ref={rows.measure}
              >
                <th scope="row">{l.name || '—'}</th>
                <td>{l.email || l.learnerId}</td>
                <td>{segmentName(l.segmentId)}</td>
                <td>{cohortName(l.cohortId)}</td>
                <td>{l.enrolled ?? '—'}</td>
                <td>{l.lastActivity ?? '—'}</td>
                <td className="num">{n(l.hours)}</td>
                <td>{l.completed ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    className="roster-top"
                    aria-pressed={l.topLearner}
                    aria-label={`Top learner: ${label}`}
                    onClick={() => onTop(l)}
                  >
                    {l.topLearner ? '★ Top' : '☆'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The Learner progress section. */
export function RosterSection() {
  const planId = usePlan((p) => p.id);
  const segments = usePlan((p) => p.learners);
  const cohorts = usePlan((p) => p.manage.cohorts);
  const progress = usePlan((p) => p.manage.progress);
  const dispatch = useDispatch();
  const roster = useRoster(planId);
  const { learners, summary } = roster;
  const [importing, setImporting] = useState(false);
  const [confirm, setConfirm] = useState<{ cohortId: string | null } | 'all' | null>(null);
  const [deleteCohort, setDeleteCohort] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [segment, setSegment] = useState('*');
  const [cohort, setCohort] = useState('*');
  const [status, setStatus] = useState<StatusFilter>('all');
  const deferredQuery = useDeferredValue(query);

  const asOf = summary?.date ?? today();
  const activeFrom = useMemo(() => {
    const t = Date.parse(`${asOf}T00:00:00Z`) - 29 * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }, [asOf]);
  // The counts of 100,000 learners, worked out in slices between frames (the last ones stay
  // on screen meanwhile); the list mounts once they are first ready, in a task of its own.
  const [counted, setCounted] = useState<{
    learners: readonly RosterLearner[];
    snapshot: ProgressSnapshot;
  } | null>(null);
  const [listShown, setListShown] = useState(false);
  useEffect(() => {
    let live = true;
    if (learners.length === 0) return;
    void runInSlices(snapshotSlices(learners, asOf, new Date(0).toISOString()), yieldToPage).then(
      (snapshot) => {
        if (live) setCounted({ learners, snapshot });
      },
    );
    return () => {
      live = false;
    };
  }, [learners, asOf]);
  useEffect(() => {
    if (counted && !listShown) {
      const id = setTimeout(() => setListShown(true), 0);
      return () => clearTimeout(id);
    }
  }, [counted, listShown]);
  const now = learners.length ? (counted?.snapshot ?? null) : null;
  const segmentNames = useMemo(() => new Map(segments.map((s) => [s.id, s.name])), [segments]);
  const cohortNames = useMemo(() => new Map(cohorts.map((c) => [c.id, c.name])), [cohorts]);
  const segmentName = useCallback(
    (id: string | null) => (id ? (segmentNames.get(id) ?? 'Removed segment') : 'No segment'),
    [segmentNames],
  );
  const cohortName = useCallback(
    (id: string | null) => (id ? (cohortNames.get(id) ?? 'Removed cohort') : 'No cohort'),
    [cohortNames],
  );

  const indices = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < learners.length; i++) {
      const l = learners[i]!;
      if (segment !== '*' && (l.segmentId ?? '') !== segment) continue;
      if (cohort !== '*' && (l.cohortId ?? '') !== cohort) continue;
      if (status !== 'all' && !hasStatus(l, status, asOf, activeFrom)) continue;
      if (
        q &&
        !l.name.toLowerCase().includes(q) &&
        !l.email.toLowerCase().includes(q) &&
        !l.learnerId.toLowerCase().includes(q)
      )
        continue;
      out.push(i);
    }
    return out;
  }, [learners, deferredQuery, segment, cohort, status, asOf, activeFrom]);

  const backups = usePlatformBackups();
  const backupState = usePersonalBackupState(planId, backups);
  const target = useMemo(
    () => rosterTarget(planId, learners.length, backupState),
    [planId, learners.length, backupState],
  );

  const toggleTop = useCallback(
    (l: RosterLearner) => {
      void setTopLearner(planId, l.key, !l.topLearner).then((found) => {
        if (found)
          notify(
            l.topLearner
              ? `${l.name || l.email || l.learnerId} is no longer marked as a top learner.`
              : `${l.name || l.email || l.learnerId} marked as a top learner.`,
          );
      });
    },
    [planId],
  );

  const cohortCounts = now?.byCohort ?? {};
  const cohortKeys = Object.keys(cohortCounts);
  // The cohort chosen to delete ('' = the learners without one), else the first listed.
  const chosenCohort =
    deleteCohort !== null && cohortKeys.includes(deleteCohort)
      ? deleteCohort
      : (cohortKeys[0] ?? '');
  const remove = async () => {
    const what = confirm;
    setConfirm(null);
    if (what === 'all') {
      await deleteRoster(planId);
      // Who was contacted about a follow-up goes with the learners.
      await deleteFollowUpContacts(planId);
      notify('Learner roster deleted from this computer. The plan’s dated counts stay.');
    } else if (what) {
      const gone = await deleteCohortLearners(planId, what.cohortId);
      notify(
        `${countOf(gone, 'learner', 'learners')} of ${cohortName(what.cohortId)} deleted from this computer.`,
      );
    }
  };

  const latest = progress[progress.length - 1];
  return (
    <div className="section-body content-section wide-section roster-section">
      <header className="section-header">
        <h1>Learner progress</h1>
        <p className="lead">
          Import your learning platform’s activity exports to see who is enrolled, active and
          completing — by segment and cohort, and over time as newer exports arrive.
        </p>
      </header>

      {confirm && (
        <Dialog
          role="alertdialog"
          title={
            confirm === 'all'
              ? 'Delete the learner roster?'
              : `Delete the learners of ${cohortName(confirm.cohortId)}?`
          }
          onClose={() => setConfirm(null)}
          actions={
            <>
              <button type="button" onClick={() => setConfirm(null)}>
                Keep them
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                {confirm === 'all' ? 'Delete roster' : 'Delete these learners'}
              </button>
            </>
          }
        >
          <p>
            {confirm === 'all'
              ? `The names, e-mail addresses and activity of ${countOf(learners.length, 'learner', 'learners')} will be removed from this computer.`
              : `The names, e-mail addresses and activity of ${countOf(cohortCounts[confirm.cohortId ?? '']?.learners ?? 0, 'learner', 'learners')} in ${cohortName(confirm.cohortId)} will be removed from this computer.`}{' '}
            This cannot be undone: to get them back, import the export again. The plan’s dated
            counts stay.
            {backupState === 'included' &&
              ' Copies in this plan’s backups stay until you turn off “Include learner and invitee personal data in this computer’s backups”.'}
          </p>
        </Dialog>
      )}

      <section className="card" aria-labelledby="roster-data-heading">
        <div className="card-title-row">
          <h2 id="roster-data-heading">Roster</h2>
          <div className="toolbar">
            <button type="button" onClick={() => setImporting(true)}>
              Import learner progress…
            </button>
            {learners.length > 0 && (
              <button type="button" className="danger" onClick={() => setConfirm('all')}>
                Delete roster…
              </button>
            )}
          </div>
        </div>
        <p className="section-note roster-privacy" data-testid="roster-privacy">
          <strong>Kept only on this computer, never in plan files or exports.</strong> The roster is
          personal data: it stays in this app’s local database.{' '}
          {backupSentence(backupState ?? 'excluded')} The plan keeps only counts — in total, per
          segment and per cohort, by date.
        </p>
        <PersonalBackupChoice planId={planId} backups={backups} />
        {roster.status === 'loading' ? (
          <p role="status">Reading the roster…</p>
        ) : summary ? (
          <p role="status">
            {countOf(summary.count, 'learner', 'learners')}
            {summary.courseRows
              ? ` and ${countOf(summary.courseRows, 'course row', 'course rows')}`
              : ''}{' '}
            from “{summary.fileName}”{summary.date ? `, as of ${longDate(summary.date)}` : ''}
            {roster.refreshing ? ' (updating…)' : ''}.
          </p>
        ) : (
          <p role="status">No roster yet: import an export of your learning platform.</p>
        )}
        {roster.error && (
          <p className="warning-text">The roster could not be read: {roster.error}</p>
        )}
        {learners.length > 0 && cohorts.length + (cohortCounts[''] ? 1 : 0) > 0 && (
          <div className="toolbar roster-delete-cohort">
            <label className="field">
              <span>Cohort to delete</span>
              <select value={chosenCohort} onChange={(e) => setDeleteCohort(e.target.value)}>
                {Object.keys(cohortCounts).map((id) => (
                  <option key={id} value={id}>
                    {cohortName(id || null)} ({n(cohortCounts[id]!.learners)})
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="danger"
              onClick={() => setConfirm({ cohortId: chosenCohort || null })}
            >
              Delete this cohort’s learners…
            </button>
          </div>
        )}
      </section>

      {now && (
        <section className="card" aria-labelledby="roster-counts-heading">
          <h2 id="roster-counts-heading">Progress as of {longDate(asOf)}</h2>
          <dl className="roster-counts">
            {(
              [
                ['Learners', now.total.learners],
                ['Registered', now.total.registered],
                ['Enrolled', now.total.enrolled],
                ['Active (last 30 days)', now.total.active],
                ['Completed', now.total.completed],
                ['With a job outcome', now.total.placed],
                ['Learning hours', now.total.hours],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{n(value)}</dd>
              </div>
            ))}
          </dl>
          <p className="section-note">
            Completion rate {pct(now.total.completed, now.total.enrolled)} of enrolled learners;
            active rate {pct(now.total.active, now.total.enrolled)}. A later stage counts as the
            earlier ones (a learner enrolled without a registration date was registered).
          </p>
          <GroupTable
            caption="By segment"
            groups={now.bySegment}
            nameOf={(id) => segmentName(id || null)}
          />
          <GroupTable
            caption="By cohort"
            groups={now.byCohort}
            nameOf={(id) => cohortName(id || null)}
          />
        </section>
      )}

      <section className="card" aria-labelledby="roster-history-heading">
        <h2 id="roster-history-heading">Snapshots kept in the plan</h2>
        <p className="section-note">
          Each import adds its date’s counts to the plan (no names: only counts in total, per
          segment and per cohort), so progress over time shows here, on the dashboard and in
          exports. {ROSTER_UNDO_NOTE}
        </p>
        {progress.length === 0 ? (
          <p>No snapshot yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table compact">
              <caption>Progress over time</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  {COUNT_COLUMNS.map(([, label]) => (
                    <th key={label} scope="col" className="num">
                      {label}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...progress].reverse().map((s) => (
                  <tr key={s.date}>
                    <th scope="row">{longDate(s.date)}</th>
                    {COUNT_COLUMNS.map(([key]) => (
                      <td key={key} className="num">
                        {n(s.total[key])}
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Remove the snapshot of ${longDate(s.date)}`}
                        onClick={() => dispatch(removeRosterSnapshot({ date: s.date }))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {latest && summary?.date && latest.date !== summary.date && (
          <p className="section-note">
            The roster on this computer is as of {longDate(summary.date)}; the plan’s latest
            snapshot is of {longDate(latest.date)}.
          </p>
        )}
      </section>

      {learners.length > 0 && (
        <section className="card" aria-labelledby="roster-list-heading">
          <h2 id="roster-list-heading">Learners</h2>
          <div className="toolbar roster-filters">
            <label className="field">
              <span>Search learners</span>
              <input
                type="search"
                value={query}
                placeholder="Name, e-mail or id"
                onChange={(e) => setQuery(e.target.value)}
              />
            </label>
            <label className="field">
              <span>Segment</span>
              <select value={segment} onChange={(e) => setSegment(e.target.value)}>
                <option value="*">All segments</option>
                {segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name || 'Unnamed segment'}
                  </option>
                ))}
                <option value="">No segment</option>
              </select>
            </label>
            <label className="field">
              <span>Cohort</span>
              <select value={cohort} onChange={(e) => setCohort(e.target.value)}>
                <option value="*">All cohorts</option>
                {cohorts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name || 'Unnamed cohort'}
                  </option>
                ))}
                <option value="">No cohort</option>
              </select>
            </label>
            <label className="field">
              <span>Status</span>
              <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                {(Object.keys(STATUS_LABELS) as StatusFilter[]).map((k) => (
                  <option key={k} value={k}>
                    {STATUS_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p role="status" className="section-note">
            {indices.length === learners.length
              ? `Showing all ${countOf(learners.length, 'learner', 'learners')}.`
              : `Showing ${n(indices.length)} of ${countOf(learners.length, 'learner', 'learners')}.`}{' '}
            Mark top learners for recognition and stories with the star (Enter or Space).
          </p>
          {listShown ? (
            <LearnerList
              learners={learners}
              indices={indices}
              segmentName={segmentName}
              cohortName={cohortName}
              onTop={toggleTop}
            />
          ) : (
            <p role="status">Preparing the list…</p>
          )}
        </section>
      )}

      {importing && <ImportDialog target={target} onClose={() => setImporting(false)} />}
    </div>
  );
}
