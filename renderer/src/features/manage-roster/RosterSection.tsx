/**
 * Learner progress (issue 14, Manage → Learner progress): import learner
 * activity exports into the local roster, see the counts now and progress
 * by segment and cohort, the dated snapshots the plan keeps, and every
 * learner in a windowed, searchable, filterable list (100,000 stay fluid),
 * mark top learners, and delete a cohort's learners or the whole roster.
 * Personal data stays on this computer: the section says so.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeRosterSnapshot } from '../../../../shared/commands/roster';
import { snapshotSlices, type RosterLearner } from '../../../../shared/manage/roster';
import { runInSlices } from '../../../../shared/plan/freeze';
import type { ProgressCounts, ProgressSnapshot } from '../../../../shared/plan/schema';
import { notify } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { useWindowedRows } from '../../components/windowed';
import { deleteFollowUpContacts } from '../../db/follow-up-contacts';
import { deleteCohortLearners, deleteRoster, setTopLearner } from '../../db/roster';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan } from '../../store/plan-context';
import { yieldToPage } from '../../store/yield-to-page';
import {
  PersonalBackupChoice,
  usePersonalBackupState,
  usePlatformBackups,
} from '../backups/PersonalBackupChoice';
import { ImportDialog } from '../content/ImportDialog';
import { rosterTarget } from './roster-import';
import { useRoster } from './use-roster';
import './roster.css';
import '../manage-wide.css';

/** A share as a whole percentage ("45 %"), or a dash when there is no whole. */
function usePercent(): (part: number, whole: number) => string {
  const { t } = useTranslation('roster');
  const format = useFormat();
  // Outside English (whose "45 %" stays), a share is written the Intl way, in table cells and
  // sentences alike: in Arabic its sign is held to the figure, which a sign outside the isolated
  // value would not be (it showed as "%42").
  return (part, whole) =>
    whole <= 0
      ? t('empty')
      : format.language !== 'en'
        ? format.percent(Math.round((part / whole) * 100) / 100)
        : t('percent', { value: format.number(Math.round((part / whole) * 100)) });
}
const today = () => new Date().toISOString().slice(0, 10);

/** Status filter of the learner list. */
type StatusFilter = 'all' | 'notEnrolled' | 'active' | 'inactive' | 'completed' | 'placed' | 'top';

const STATUSES: readonly StatusFilter[] = [
  'all',
  'notEnrolled',
  'active',
  'inactive',
  'completed',
  'placed',
  'top',
];

const COUNT_COLUMNS = [
  'learners',
  'registered',
  'enrolled',
  'active',
  'completed',
  'placed',
  'hours',
] as const satisfies readonly (keyof ProgressCounts)[];

/** A table of counts per group (segment or cohort), with completion rate. */
function GroupTable({
  by,
  groups,
  nameOf,
}: {
  by: 'segment' | 'cohort';
  groups: Readonly<Record<string, ProgressCounts>>;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation('roster');
  const format = useFormat();
  const pct = usePercent();
  const caption = by === 'segment' ? t('counts.bySegment') : t('counts.byCohort');
  const rows = Object.entries(groups).sort((a, b) => b[1].learners - a[1].learners);
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{by === 'segment' ? t('segment') : t('cohort')}</th>
            {COUNT_COLUMNS.map((key) => (
              <th key={key} scope="col" className="num">
                {t(`columns.${key}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('completionRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, c]) => (
            <tr key={id}>
              <th scope="row">
                <bdi>{nameOf(id)}</bdi>
              </th>
              {COUNT_COLUMNS.map((key) => (
                <td key={key} className="num">
                  {format.number(c[key])}
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
  'learner',
  'emailOrId',
  'segment',
  'cohort',
  'enrolled',
  'lastActivity',
  'hours',
  'completed',
  'topLearner',
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
  const { t } = useTranslation('roster');
  const format = useFormat();
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
      aria-label={t('learners')}
    >
      <table
        className={`data-table roster-table ${rows.windowed ? 'windowed' : ''}`}
        aria-rowcount={indices.length + 1}
      >
        <caption className="visually-hidden">{t('learners')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={h === 'hours' ? 'num' : ''}>
                {t(`list.${h}`)}
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
                <th scope="row">
                  <bdi>{l.name || t('empty')}</bdi>
                </th>
                <td>{l.email || l.learnerId}</td>
                <td>{segmentName(l.segmentId)}</td>
                <td>{cohortName(l.cohortId)}</td>
                <td>{format.shortDate(l.enrolled, t('empty'))}</td>
                <td>{format.shortDate(l.lastActivity, t('empty'))}</td>
                <td className="num">{format.number(l.hours)}</td>
                <td>{format.shortDate(l.completed, t('empty'))}</td>
                <td>
                  <button
                    type="button"
                    className="roster-top"
                    aria-pressed={l.topLearner}
                    aria-label={t('topLearnerOf', { name: label })}
                    onClick={() => onTop(l)}
                  >
                    {l.topLearner ? t('topOn') : t('topOff')}
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
  const { t } = useTranslation('roster');
  const format = useFormat();
  const pct = usePercent();
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
    (id: string | null) => (id ? (segmentNames.get(id) ?? t('removedSegment')) : t('noSegment')),
    [segmentNames, t],
  );
  const cohortName = useCallback(
    (id: string | null) => (id ? (cohortNames.get(id) ?? t('removedCohort')) : t('noCohort')),
    [cohortNames, t],
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
  const backupSentence = t(`backup.${backupState ?? 'excluded'}`);

  const toggleTop = useCallback(
    (l: RosterLearner) => {
      void setTopLearner(planId, l.key, !l.topLearner).then((found) => {
        if (found)
          notify(
            t(l.topLearner ? 'topUnmarked' : 'topMarked', {
              name: l.name || l.email || l.learnerId,
            }),
          );
      });
    },
    [planId, t],
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
      notify(t('rosterDeleted'));
    } else if (what) {
      const gone = await deleteCohortLearners(planId, what.cohortId);
      notify(t('cohortDeleted', { count: gone, cohort: cohortName(what.cohortId) }));
    }
  };

  const latest = progress[progress.length - 1];
  return (
    <div className="section-body content-section wide-section roster-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>

      {confirm && (
        <Dialog
          role="alertdialog"
          title={
            confirm === 'all'
              ? t('confirm.titleAll')
              : t('confirm.titleCohort', { cohort: cohortName(confirm.cohortId) })
          }
          onClose={() => setConfirm(null)}
          actions={
            <>
              <button type="button" onClick={() => setConfirm(null)}>
                {t('confirm.keep')}
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                {confirm === 'all' ? t('confirm.deleteAll') : t('confirm.deleteCohort')}
              </button>
            </>
          }
        >
          <p>
            {confirm === 'all'
              ? t('confirm.bodyAll', { count: learners.length })
              : t('confirm.bodyCohort', {
                  count: cohortCounts[confirm.cohortId ?? '']?.learners ?? 0,
                  cohort: cohortName(confirm.cohortId),
                })}{' '}
            {t('confirm.cannotUndo')}
            {backupState === 'included' && ` ${t('confirm.backupCopies')}`}
          </p>
        </Dialog>
      )}

      <section className="card" aria-labelledby="roster-data-heading">
        <div className="card-title-row">
          <h2 id="roster-data-heading">{t('roster.heading')}</h2>
          <div className="toolbar">
            <button type="button" onClick={() => setImporting(true)}>
              {t('roster.import')}
            </button>
            {learners.length > 0 && (
              <button type="button" className="danger" onClick={() => setConfirm('all')}>
                {t('roster.delete')}
              </button>
            )}
          </div>
        </div>
        <p className="section-note roster-privacy" data-testid="roster-privacy">
          <strong>{t('roster.privacyStrong')}</strong> {t('roster.privacy')} {backupSentence}{' '}
          {t('roster.privacyCounts')}
        </p>
        <PersonalBackupChoice planId={planId} backups={backups} />
        {roster.status === 'loading' ? (
          <p role="status">{t('roster.reading')}</p>
        ) : summary ? (
          <p role="status">
            {t('roster.summary', {
              count: summary.count,
              courses: summary.courseRows ? 'yes' : 'no',
              rows: summary.courseRows ?? 0,
              file: summary.fileName,
              dated: summary.date ? 'yes' : 'no',
              date: format.date(summary.date),
              updating: roster.refreshing ? 'yes' : 'no',
            })}
          </p>
        ) : (
          <p role="status">{t('roster.none')}</p>
        )}
        {roster.error && (
          <p className="warning-text">{t('roster.error', { error: roster.error })}</p>
        )}
        {learners.length > 0 && cohorts.length + (cohortCounts[''] ? 1 : 0) > 0 && (
          <div className="toolbar roster-delete-cohort">
            <label className="field">
              <span>{t('roster.cohortToDelete')}</span>
              <select value={chosenCohort} onChange={(e) => setDeleteCohort(e.target.value)}>
                {Object.keys(cohortCounts).map((id) => (
                  <option key={id} value={id}>
                    {t('roster.cohortOption', {
                      cohort: cohortName(id || null),
                      count: format.number(cohortCounts[id]!.learners),
                    })}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="danger"
              onClick={() => setConfirm({ cohortId: chosenCohort || null })}
            >
              {t('roster.deleteCohort')}
            </button>
          </div>
        )}
      </section>

      {now && (
        <section className="card" aria-labelledby="roster-counts-heading">
          <h2 id="roster-counts-heading">{t('counts.heading', { date: format.date(asOf) })}</h2>
          <dl className="roster-counts">
            {COUNT_COLUMNS.map((key) => (
              <div key={key}>
                <dt>{t(`totals.${key}`)}</dt>
                <dd>{format.number(now.total[key])}</dd>
              </div>
            ))}
          </dl>
          <p className="section-note">
            {t('counts.rates', {
              completion: pct(now.total.completed, now.total.enrolled),
              active: pct(now.total.active, now.total.enrolled),
            })}
          </p>
          <GroupTable
            by="segment"
            groups={now.bySegment}
            nameOf={(id) => segmentName(id || null)}
          />
          <GroupTable by="cohort" groups={now.byCohort} nameOf={(id) => cohortName(id || null)} />
        </section>
      )}

      <section className="card" aria-labelledby="roster-history-heading">
        <h2 id="roster-history-heading">{t('history.heading')}</h2>
        <p className="section-note">
          {t('history.note')} {t('import.undoNote')}
        </p>
        {progress.length === 0 ? (
          <p>{t('history.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table compact">
              <caption>{t('history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.date')}</th>
                  {COUNT_COLUMNS.map((key) => (
                    <th key={key} scope="col" className="num">
                      {t(`columns.${key}`)}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{t('history.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...progress].reverse().map((s) => (
                  <tr key={s.date}>
                    <th scope="row">{format.date(s.date)}</th>
                    {COUNT_COLUMNS.map((key) => (
                      <td key={key} className="num">
                        {format.number(s.total[key])}
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('history.removeLabel', { date: format.date(s.date) })}
                        onClick={() => dispatch(removeRosterSnapshot({ date: s.date }))}
                      >
                        {t('history.remove')}
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
            {t('history.differs', {
              rosterDate: format.date(summary.date),
              planDate: format.date(latest.date),
            })}
          </p>
        )}
      </section>

      {learners.length > 0 && (
        <section className="card" aria-labelledby="roster-list-heading">
          <h2 id="roster-list-heading">{t('learners')}</h2>
          <div className="toolbar roster-filters">
            <label className="field">
              <span>{t('filters.search')}</span>
              <input
                type="search"
                value={query}
                placeholder={t('filters.searchPlaceholder')}
                onChange={(e) => setQuery(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('filters.segment')}</span>
              <select value={segment} onChange={(e) => setSegment(e.target.value)}>
                <option value="*">{t('filters.allSegments')}</option>
                {segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name || t('unnamedSegment')}
                  </option>
                ))}
                <option value="">{t('noSegment')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('filters.cohort')}</span>
              <select value={cohort} onChange={(e) => setCohort(e.target.value)}>
                <option value="*">{t('filters.allCohorts')}</option>
                {cohorts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name || t('unnamedCohort')}
                  </option>
                ))}
                <option value="">{t('noCohort')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('filters.status')}</span>
              <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                {STATUSES.map((k) => (
                  <option key={k} value={k}>
                    {t(`status.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p role="status" className="section-note">
            {indices.length === learners.length
              ? t('filters.showingAll', { count: learners.length })
              : t('filters.showing', {
                  shown: format.number(indices.length),
                  count: learners.length,
                })}{' '}
            {t('filters.starHint')}
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
            <p role="status">{t('filters.preparing')}</p>
          )}
        </section>
      )}

      {importing && <ImportDialog target={target} onClose={() => setImporting(false)} />}
    </div>
  );
}
