/**
 * What the follow-up rules and the learner roster give today: the learners
 * to contact (count per rule, a windowed list, a CSV for the mail or SMS
 * tool), the top learners to recognise (marked in the local roster), and
 * the licences that can be freed. The roster is the one in-memory copy of
 * useRoster (never copied per render); lists are computed in one pass
 * (shared/manage/follow-ups.ts) and memoised on what they depend on, so
 * typing a rule's message does not recompute them.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  recordFollowUpCounts,
  setLicenceReleaseAfterDays,
} from '../../../../shared/commands/engagement';
import { runInSlices } from '../../../../shared/plan/freeze';
import { followUpCsvChunks, exportChannel } from '../../../../shared/manage/follow-up-export';
import {
  filterFollowUps,
  followUpColumns,
  followUpList,
  licenceRelease,
  type LicenceRelease,
  reasonWriter,
  ruleTitle,
  type CohortChoice,
  type FollowUpList,
  type FollowUpView,
} from '../../../../shared/manage/follow-ups';
import { endedCohorts } from '../../../../shared/manage/cohorts';
import { MAIL_TOOL_STYLES, type LearnerStyle } from '../../../../shared/launch/merge-fields';
import type { RosterLearner } from '../../../../shared/manage/roster';
import { localToday } from '../../../../shared/stakeholders/schedule';
import { longDate } from '../../../../shared/long-date';
import { countOf } from '../../../../shared/words';
import type { Plan } from '../../../../shared/plan/schema';
import { notify } from '../../app/workbench';
import { NumberField } from '../../components/fields';
import { useWindowedRows } from '../../components/windowed';
import { setTopLearner } from '../../db/roster';
import {
  DEFAULT_QUIET_DAYS,
  markContacted,
  onFollowUpContactsChange,
  readFollowUpContacts,
  readQuietDays,
  setQuietDays,
  unmarkContacted,
} from '../../db/follow-up-contacts';
import { downloadBlob } from '../../platform/platform';
import { useDispatch, usePlan } from '../../store/plan-context';
import { yieldToPage } from '../../store/yield-to-page';
import { useRoster } from '../manage-roster/use-roster';
import '../manage-wide.css';
import './follow-ups.css';

/** A windowed table of learner rows; cells are made only for the rows rendered. */
function LearnerTable({
  caption,
  headers,
  count,
  cells,
  rowKey,
  testId,
  widths,
  action,
}: {
  caption: string;
  headers: readonly string[];
  /** Column widths (CSS), so a windowed (fixed-layout) table keeps readable columns. */
  widths: readonly string[];
  count: number;
  cells: (row: number) => readonly string[];
  rowKey: (row: number) => string;
  testId: string;
  /** A last column with a control per row (its heading, width and content). */
  action?: { header: string; width: string; render: (row: number) => ReactNode };
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useWindowedRows({
    scrollRef,
    count,
    estimateSize: 37,
    getKey: rowKey,
    headerSize: 38,
  });
  return (
    <div
      ref={scrollRef}
      className="table-scroll eg-scroll"
      onKeyDown={rows.onKeyDown}
      onFocus={rows.onFocus}
      // The scroll box takes focus so the keyboard can scroll a long list.
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table
        className={`data-table eg-table ${rows.windowed ? 'windowed' : ''}`}
        aria-rowcount={count + 1}
        data-testid={testId}
      >
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
          {action && <col style={{ width: action.width }} />}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {headers.map((h) => (
              <th key={h} scope="col" className={h === 'Days' || h === 'Hours' ? 'num' : ''}>
                {h}
              </th>
            ))}
            {action && <th scope="col">{action.header}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.slots.map((slot) =>
            slot.kind === 'gap' ? (
              <tr key={slot.key} aria-hidden="true" className="row-gap">
                <td colSpan={headers.length + (action ? 1 : 0)} style={{ height: slot.size }} />
              </tr>
            ) : (
              <tr
                key={slot.key}
                data-index={slot.index}
                aria-rowindex={slot.index + 2}
                ref={rows.measure}
              >
                {cells(slot.index).map((c, i) => (
                  <td key={i} className={headers[i] === 'Days' ? 'num' : ''}>
                    {c}
                  </td>
                ))}
                {action && <td>{action.render(slot.index)}</td>}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Today's list, with a User Timing entry ('followups.list') that the bench
 * reads as roster.followups_ms: the list computed in the page, roster loaded.
 */
function timedFollowUpList(
  plan: Plan,
  learners: readonly RosterLearner[],
  today: string,
): FollowUpList {
  const start = performance.now();
  const list = followUpList(plan, learners, today);
  performance.measure('followups.list', { start, end: performance.now() });
  return list;
}

/** The roster's typed-array columns, built once per roster, with a User Timing entry ('followups.columns'). */
function timedColumns(learners: readonly RosterLearner[]): void {
  if (learners.length === 0) return;
  const start = performance.now();
  followUpColumns(learners);
  performance.measure('followups.columns', { start, end: performance.now() });
}

/** The rule fields the list depends on (not names, channels or messages). */
function listKey(plan: Plan): string {
  return plan.manage.followUps
    .map((r) => [r.id, r.trigger, r.afterDays, r.pacePercent, r.active, r.segmentIds].join(':'))
    .join('|');
}

const csvFileName = (name: string) => `${name.replace(/[\\/:*?"<>|]+/g, ' ').trim()}.csv`;

/** Writes the CSV between frames (100,000 rows stay fluid). */
async function buildCsv(
  plan: Plan,
  list: FollowUpList,
  learners: readonly RosterLearner[],
  view: FollowUpView,
  style: LearnerStyle,
): Promise<string> {
  const options = { rule: view.ruleIndex, style, rows: view.rows };
  function* slices(): Generator<void, string> {
    const parts: string[] = [];
    for (const chunk of followUpCsvChunks(plan, list, learners, options, 1000)) {
      parts.push(chunk);
      yield;
    }
    return parts.join('');
  }
  return runInSlices(slices(), yieldToPage);
}

/** A plan's follow-up contacts and quiet period from the local database, kept fresh. */
function useFollowUpContacts(planId: string): {
  contacted: ReadonlyMap<string, string>;
  quietDays: number;
} {
  const [state, setState] = useState<{
    planId: string;
    contacted: ReadonlyMap<string, string>;
    quietDays: number;
  } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void Promise.all([readFollowUpContacts(planId), readQuietDays(planId)]).then(
        ([contacted, quietDays]) => live && setState({ planId, contacted, quietDays }),
        () => live && setState({ planId, contacted: new Map(), quietDays: DEFAULT_QUIET_DAYS }),
      );
    load();
    const stop = onFollowUpContactsChange((id) => {
      if (id === planId) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [planId]);
  return state?.planId === planId
    ? state
    : { contacted: NO_CONTACTS, quietDays: DEFAULT_QUIET_DAYS };
}

const NO_CONTACTS: ReadonlyMap<string, string> = new Map();

/** The cohort choice of the list as a select value: 'current', 'all', or 'c:' + a cohort id. */
function cohortChoice(value: string): CohortChoice {
  return value === 'current' || value === 'all' ? value : { id: value.slice(2) };
}

/** Today's follow-up list: counts per rule, the rows, and the CSV export. */
function TodayList({
  plan,
  learners,
  today,
  release,
  contacted,
  quietDays,
  cohortValue,
  onCohort,
}: {
  plan: Plan;
  learners: readonly RosterLearner[];
  today: string;
  release: LicenceRelease;
  contacted: ReadonlyMap<string, string>;
  quietDays: number;
  cohortValue: string;
  onCohort: (value: string) => void;
}) {
  const dispatch = useDispatch();
  const key = listKey(plan);
  const { content, learners: segments } = plan;
  const cohorts = plan.manage.cohorts;
  // Memoised on what the list reads: typing a message or a name leaves it alone.
  const list = useMemo(
    () => timedFollowUpList(plan, learners, today),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, content, segments, learners, today],
  );
  const reason = useMemo(() => reasonWriter(plan, list, learners), [list, learners]); // eslint-disable-line react-hooks/exhaustive-deps
  const rules = plan.manage.followUps;
  // The rule is kept by id: reordering the rules keeps the choice.
  const [ruleId, setRuleId] = useState('');
  const [style, setStyle] = useState<LearnerStyle>('mailchimp');
  const [markOnExport, setMarkOnExport] = useState(true);
  const [busy, setBusy] = useState(false);
  const filterId = useId();
  const cohortId = useId();
  const styleId = useId();
  const cohort = cohortChoice(cohortValue);
  const view = useMemo(
    () =>
      filterFollowUps(plan, list, learners, {
        ruleId: ruleId || null,
        cohort,
        contacted,
        quietDays,
      }),
    // The view reads the plan's cohorts only (ended or not).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [list, learners, ruleId, cohortValue, contacted, quietDays, cohorts],
  );
  const count = view.rows.length;
  const segmentName = useMemo(() => new Map(segments.map((s) => [s.id, s.name])), [segments]);
  const cells = useCallback(
    (i: number) => {
      const row = view.rows[i]!;
      const l = learners[list.learner[row]!]!;
      const r = rules[list.rule[row]!];
      return [
        l.name || l.learnerId || l.email,
        l.email,
        l.segmentId ? (segmentName.get(l.segmentId) ?? '') : '',
        r ? ruleTitle(r) : '',
        reason(row),
        String(list.days[row]),
      ];
    },
    [view, learners, list, rules, reason, segmentName],
  );
  const rowKey = useCallback(
    (i: number) => learners[list.learner[view.rows[i]!]!]!.key,
    [learners, list, view],
  );
  const contactCell = useCallback(
    (i: number) => {
      const l = learners[list.learner[view.rows[i]!]!]!;
      const name = l.name || l.learnerId || l.email;
      return (
        <button
          type="button"
          className="eg-contacted"
          onClick={() =>
            void markContacted(plan.id, [l.key], today).then(() =>
              notify(
                `${name} marked as contacted today: left out of the list for ${countOf(quietDays, 'day', 'days')}.`,
                { label: 'Undo', run: () => void unmarkContacted(plan.id, [l.key]) },
              ),
            )
          }
        >
          Mark contacted<span className="visually-hidden">: {name}</span>
        </button>
      );
    },
    [learners, list, view, plan.id, today, quietDays],
  );
  const channel = exportChannel(list, view.ruleIndex);
  const ruleName = view.ruleIndex === null ? 'all rules' : ruleTitle(rules[view.ruleIndex]!);
  const cohortName =
    cohortValue === 'current'
      ? 'current cohorts'
      : cohortValue === 'all'
        ? 'every cohort'
        : (cohorts.find((c) => c.id === (cohort as { id: string }).id)?.name ?? 'no cohort');
  const exportCsv = async () => {
    setBusy(true);
    try {
      const text = await buildCsv(plan, list, learners, view, style);
      downloadBlob(
        csvFileName(`${plan.name} – follow-ups ${today} (${ruleName})`),
        new Blob([text], { type: 'text/csv;charset=utf-8' }),
      );
      const keys = [...view.rows].map((row) => learners[list.learner[row]!]!.key);
      if (markOnExport && quietDays > 0) {
        await markContacted(plan.id, keys, today);
        notify(
          `Exported ${countOf(count, 'learner', 'learners')} to follow up (${ruleName}, ${cohortName}), marked as contacted today: left out of the list for ${countOf(quietDays, 'day', 'days')}.`,
          { label: 'Undo the marks', run: () => void unmarkContacted(plan.id, keys) },
        );
      } else
        notify(
          `Exported ${countOf(count, 'learner', 'learners')} to follow up (${ruleName}, ${cohortName}).`,
        );
    } finally {
      setBusy(false);
    }
  };
  const activeCount = rules.filter((r) => r.active).length;
  const keep = () => {
    // The counts kept for the reports are of the learners to contact: current cohorts,
    // recently contacted ones left out — whatever the list shows on screen.
    const kept = filterFollowUps(plan, list, learners, {
      ruleId: null,
      cohort: 'current',
      contacted,
      quietDays,
    });
    const byRule: Record<string, number> = {};
    rules.forEach((r, i) => {
      if (r.active) byRule[r.id] = kept.countByRule[i] ?? 0;
    });
    const counts = { date: today, total: kept.total, byRule, licencesFreeable: release.length };
    if (dispatch(recordFollowUpCounts({ counts })).ok)
      notify(
        `Kept today’s follow-up counts in the plan (${countOf(kept.total, 'learner', 'learners')}, no names) for the Word and Excel reports.`,
      );
  };
  const ended = endedCohorts(plan, today);
  const leftOut = [
    view.inEndedCohorts > 0
      ? `${countOf(view.inEndedCohorts, 'learner', 'learners')} of ${ended.length === 1 ? 'a cohort that has' : 'cohorts that have'} ended (${ended.map((c) => c.name || 'Unnamed cohort').join(', ')}) left out: choose “Every cohort” to see them.`
      : '',
    view.recentlyContacted > 0
      ? `${countOf(view.recentlyContacted, 'learner', 'learners')} contacted in the last ${countOf(quietDays, 'day', 'days')} left out.`
      : '',
  ].filter(Boolean);
  return (
    <section className="card" aria-labelledby="eg-today-heading">
      <h2 id="eg-today-heading">Today’s follow-ups</h2>
      <p className="eg-summary" role="status" data-testid="followup-total">
        {activeCount === 0
          ? 'No follow-up rule is on: switch one on below to see who to contact.'
          : `${countOf(view.total, 'learner', 'learners')} to contact on ${longDate(today)}.`}
      </p>
      {leftOut.length > 0 && (
        <p className="section-note" data-testid="followup-left-out">
          {leftOut.join(' ')}
        </p>
      )}
      <div className="eg-tools">
        {cohorts.length > 0 && (
          <div className="field">
            <label htmlFor={cohortId}>Cohort</label>
            <select id={cohortId} value={cohortValue} onChange={(e) => onCohort(e.target.value)}>
              <option value="current">Current cohorts (not ended by today)</option>
              <option value="all">Every cohort</option>
              {cohorts.map((c) => (
                <option key={c.id} value={`c:${c.id}`}>
                  {c.name || 'Unnamed cohort'}
                </option>
              ))}
              <option value="c:">No cohort</option>
            </select>
          </div>
        )}
        <NumberField
          label="Leave out learners contacted in the last … days (0: nobody)"
          value={quietDays}
          min={0}
          max={365}
          integer
          required
          onChange={(days) => days !== null && void setQuietDays(plan.id, days)}
        />
      </div>
      {rules.length > 0 && (
        <table className="data-table eg-counts" data-testid="followup-counts">
          <caption className="visually-hidden">Learners to contact per rule</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Channel</th>
              <th scope="col" className="num">
                Learners today
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id}>
                <th scope="row">{ruleTitle(r)}</th>
                <td>{r.active ? (r.channel === 'sms' ? 'Text message' : 'E-mail') : 'Off'}</td>
                <td className="num">{(view.countByRule[i] ?? 0).toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {activeCount > 0 && (
        <p className="eg-keep">
          <button type="button" onClick={keep}>
            Keep today’s counts in the plan
          </button>{' '}
          <span className="section-note">
            Counts per rule only (current cohorts, recently contacted learners left out), for the
            Word and Excel reports: no learner is named in the plan.
          </span>
        </p>
      )}
      {view.total > 0 && (
        <>
          <div className="eg-tools">
            <div className="field">
              <label htmlFor={filterId}>Learners of</label>
              <select id={filterId} value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
                <option value="">Every rule ({view.total.toLocaleString('en')})</option>
                {rules.map((r, i) =>
                  // The chosen rule stays listed when nobody is left under it (all contacted).
                  view.countByRule[i] || r.id === ruleId ? (
                    <option key={r.id} value={r.id}>
                      {ruleTitle(r)} ({(view.countByRule[i] ?? 0).toLocaleString('en')})
                    </option>
                  ) : null,
                )}
              </select>
            </div>
            <div className="field">
              <label htmlFor={styleId}>Mail tool (merge syntax of the message)</label>
              <select
                id={styleId}
                value={style}
                onChange={(e) => setStyle(e.target.value as LearnerStyle)}
              >
                {MAIL_TOOL_STYLES.map((s) => (
                  <option key={s.style} value={s.style}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" disabled={busy || count === 0} onClick={() => void exportCsv()}>
              {busy ? 'Writing…' : 'Export CSV for the mail or SMS tool'}
            </button>
          </div>
          {quietDays > 0 && (
            <label className="eg-mark-export">
              <input
                type="checkbox"
                checked={markOnExport}
                onChange={(e) => setMarkOnExport(e.target.checked)}
              />
              Mark the exported learners as contacted today (kept on this computer only)
            </label>
          )}
          <p className="section-note eg-private">
            The CSV holds learners’ names and{' '}
            {channel === 'sms' ? 'contact details' : 'e-mail addresses'}: it is a local export for
            your mail or SMS tool, written only when you ask. It is not part of the plan file or of
            the Word and Excel exports, which show counts only. It carries only the contact, name
            and message — not the segment, rule, reason or days shown here (a message with{' '}
            {'{daysInactive}'} gets each learner’s own number). Delete it once the messages have
            gone out. Who was contacted when is kept on this computer only, like the roster.
            {channel === 'sms' &&
              ' The roster from a learning platform seldom has phone numbers: the Phone column is empty then, and the SMS tool matches learners on their e-mail.'}
          </p>
          {count === 0 ? (
            <p className="empty-note">Nobody left to contact under this rule today.</p>
          ) : (
            <LearnerTable
              caption="Learners to contact today"
              headers={['Learner', 'E-mail', 'Segment', 'Rule', 'Why', 'Days']}
              widths={['13%', '18%', '13%', '14%', '25%', '6%']}
              count={count}
              cells={cells}
              rowKey={rowKey}
              testId="followup-list"
              action={{ header: 'Contacted', width: '11%', render: contactCell }}
            />
          )}
        </>
      )}
    </section>
  );
}

type TopOrder = 'hours' | 'completed' | 'marked';
const TOP_SHOWN = 50;

/** Indexes of the top learners (most hours, or earliest completion), best first, without sorting the roster. */
function topLearners(learners: readonly RosterLearner[], order: TopOrder): number[] {
  if (order === 'marked') {
    const out: number[] = [];
    learners.forEach((l, i) => l.topLearner && out.push(i));
    return out;
  }
  const better =
    order === 'hours'
      ? (a: RosterLearner, b: RosterLearner) => a.hours > b.hours
      : (a: RosterLearner, b: RosterLearner) =>
          a.completed! < b.completed! || (a.completed === b.completed && a.hours > b.hours);
  const top: number[] = [];
  for (let i = 0; i < learners.length; i++) {
    const l = learners[i]!;
    if (order === 'completed' && !l.completed) continue;
    if (top.length === TOP_SHOWN && !better(l, learners[top[top.length - 1]!]!)) continue;
    let at = top.length;
    while (at > 0 && better(l, learners[top[at - 1]!]!)) at--;
    top.splice(at, 0, i);
    if (top.length > TOP_SHOWN) top.pop();
  }
  return top;
}

/** Top learners, for recognition and stories; marks are kept in the local roster only. */
function TopLearners({ planId, learners }: { planId: string; learners: readonly RosterLearner[] }) {
  const [order, setOrder] = useState<TopOrder>('hours');
  const id = useId();
  const top = useMemo(() => topLearners(learners, order), [learners, order]);
  const marked = useMemo(
    () => learners.reduce((n, l) => n + (l.topLearner ? 1 : 0), 0),
    [learners],
  );
  return (
    <section className="card" aria-labelledby="eg-top-heading">
      <h2 id="eg-top-heading">Top learners</h2>
      <p className="section-note">
        For recognition and learner stories (ask their consent before a story is told). Marks stay
        in this computer’s roster. {countOf(marked, 'learner is', 'learners are')} marked.
      </p>
      <div className="field eg-order">
        <label htmlFor={id}>Rank learners by</label>
        <select id={id} value={order} onChange={(e) => setOrder(e.target.value as TopOrder)}>
          <option value="hours">Most learning hours (top {TOP_SHOWN})</option>
          <option value="completed">Completed earliest (first {TOP_SHOWN})</option>
          <option value="marked">Marked as top learners</option>
        </select>
      </div>
      {top.length === 0 ? (
        <p className="empty-note">
          {order === 'marked' ? 'No learner marked yet.' : 'No learner to show.'}
        </p>
      ) : (
        <div className="table-scroll eg-scroll">
          <table className="data-table eg-table" data-testid="top-learners">
            <caption className="visually-hidden">Top learners</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col" className="num">
                  Hours
                </th>
                <th scope="col">Completed</th>
                <th scope="col">Top learner</th>
              </tr>
            </thead>
            <tbody>
              {top.map((i) => {
                const l = learners[i]!;
                const name = l.name || l.learnerId || l.email;
                return (
                  <tr key={l.key}>
                    <th scope="row">{name}</th>
                    <td className="num">{Math.round(l.hours * 10) / 10}</td>
                    <td>{longDate(l.completed, '—')}</td>
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          checked={l.topLearner}
                          onChange={(e) => void setTopLearner(planId, l.key, e.target.checked)}
                        />
                        <span className="visually-hidden">Mark {name} as a top learner</span>
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Licences held by inactive learners that could go to someone else. */
function Licences({
  plan,
  learners,
  release,
  cohortValue,
}: {
  plan: Plan;
  learners: readonly RosterLearner[];
  release: LicenceRelease;
  /** The cohort choice of today's list (the licences follow it). */
  cohortValue: string;
}) {
  const dispatch = useDispatch();
  const afterDays = plan.manage.licenceReleaseAfterDays;
  const planned = plan.launch.marketing.licenses;
  const cells = useCallback(
    (row: number) => {
      const l = learners[release.learner[row]!]!;
      return [
        l.name || l.learnerId || l.email,
        l.email,
        longDate(l.lastActivity, 'never'),
        String(release.days[row]),
      ];
    },
    [learners, release],
  );
  const rowKey = useCallback(
    (row: number) => learners[release.learner[row]!]!.key,
    [learners, release],
  );
  return (
    <section className="card" aria-labelledby="eg-licences-heading" data-focus-id="licence-release">
      <h2 id="eg-licences-heading">Licences that can be freed</h2>
      <NumberField
        label="Free a licence after this many days without activity"
        value={afterDays}
        min={1}
        max={365}
        integer
        required
        onChange={(days) => days !== null && dispatch(setLicenceReleaseAfterDays({ days }))}
      />
      <p className="eg-summary" role="status" data-testid="licence-summary">
        {`${countOf(release.length, 'licence', 'licences')} can be freed: learners who have not completed and show no activity for ${afterDays} days or more. ${countOf(release.holding, 'learner holds', 'learners hold')} a licence now${cohortValue === 'current' && endedCohorts(plan, localToday()).length ? ' (current cohorts: learners of cohorts that ended are not counted)' : cohortValue.startsWith('c:') ? ' (in the cohort chosen above)' : ''}`}
        {planned !== null
          ? `, of ${planned.toLocaleString('en')} licences planned (Marketing); freeing these leaves ${Math.max(0, planned - release.holding + release.length).toLocaleString('en')} for new learners.`
          : '; the number of licences is not set (Marketing).'}
      </p>
      {release.length > 0 && (
        <LearnerTable
          caption="Learners whose licences can be freed"
          headers={['Learner', 'E-mail', 'Last activity', 'Days']}
          widths={['25%', '35%', '28%', '12%']}
          count={release.length}
          cells={cells}
          rowKey={rowKey}
          testId="licence-list"
        />
      )}
    </section>
  );
}

/**
 * The roster-based cards of the section, or what to do when there is no
 * roster. Today's list comes first — it is what people open the section for
 * — then `children` (the rules and activities), then top learners and the
 * licences that can be freed.
 */
export function FollowUpsToday({ children }: { children?: ReactNode }) {
  const plan = usePlan((p) => p);
  const roster = useRoster(plan.id);
  const [today] = useState(localToday);
  const { contacted, quietDays } = useFollowUpContacts(plan.id);
  // Learners of cohorts that ended are not today's to follow up, nor their licences to count.
  const [cohortValue, setCohortValue] = useState('current');
  const afterDays = plan.manage.licenceReleaseAfterDays;
  const cohorts = plan.manage.cohorts;
  const learners = roster.learners;
  // The roster's columns first (cached per roster array), timed for the bench.
  useMemo(() => timedColumns(learners), [learners]);
  const release = useMemo(
    () => licenceRelease(plan, learners, today, cohortChoice(cohortValue)),
    // The release reads only the days setting, the planned licences, the cohorts and the roster.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [afterDays, plan.launch.marketing.licenses, learners, today, cohortValue, cohorts],
  );
  if (roster.status === 'loading')
    return (
      <>
        <section className="card" aria-labelledby="eg-today-heading" aria-busy="true">
          <h2 id="eg-today-heading">Today’s follow-ups</h2>
          <p className="empty-note">Reading the learner roster…</p>
        </section>
        {children}
      </>
    );
  if (roster.learners.length === 0)
    return (
      <>
        <section className="card" aria-labelledby="eg-today-heading">
          <h2 id="eg-today-heading">Today’s follow-ups</h2>
          <p className="empty-note">
            No learner roster on this computer yet. Import the learning platform’s activity export
            in Learner progress: today’s follow-ups, top learners and the licences that can be freed
            appear here.
          </p>
        </section>
        {children}
      </>
    );
  return (
    <>
      <TodayList
        plan={plan}
        learners={learners}
        today={today}
        release={release}
        contacted={contacted}
        quietDays={quietDays}
        cohortValue={cohortValue}
        onCohort={setCohortValue}
      />
      {children}
      <TopLearners planId={plan.id} learners={learners} />
      <Licences plan={plan} learners={learners} release={release} cohortValue={cohortValue} />
    </>
  );
}
