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
import { useTranslation } from 'react-i18next';
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
import { fieldToken } from '../../../../shared/launch/merge-fields';
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
import { useFormat } from '../../i18n/i18n';
import { downloadBlob } from '../../platform/platform';
import { useDispatch, usePlan } from '../../store/plan-context';
import { yieldToPage } from '../../store/yield-to-page';
import { uiTranslator } from '../content/ui-translator';
import { useRoster } from '../manage-roster/use-roster';
import '../manage-wide.css';
import './follow-ups.css';

/** A windowed table of learner rows; cells are made only for the rows rendered. */
function LearnerTable({
  caption,
  headers,
  numeric,
  count,
  cells,
  rowKey,
  testId,
  widths,
  action,
}: {
  caption: string;
  headers: readonly string[];
  /** Indexes of the columns that hold numbers (aligned as numbers). */
  numeric: readonly number[];
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
            {headers.map((h, i) => (
              <th key={h} scope="col" className={numeric.includes(i) ? 'num' : ''}>
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
                  <td key={i} className={numeric.includes(i) ? 'num' : ''}>
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
  const { t } = useTranslation('engagement');
  const format = useFormat();
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
  const reason = useMemo(
    () => reasonWriter(plan, list, learners, uiTranslator()),
    // The reasons read the plan's pathways with the list (`format` follows the UI language).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [list, learners, format],
  );
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
        r ? ruleTitle(r, uiTranslator()) : '',
        reason(row),
        format.number(list.days[row]!),
      ];
    },
    [view, learners, list, rules, reason, segmentName, format],
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
              notify(t('today.markedContacted', { name, days: quietDays }), {
                label: t('today.undo'),
                run: () => void unmarkContacted(plan.id, [l.key]),
              }),
            )
          }
        >
          {t('today.markContacted')}
          <span className="visually-hidden">{t('today.markContactedOf', { name })}</span>
        </button>
      );
    },
    [learners, list, view, plan.id, today, quietDays, t],
  );
  const channel = exportChannel(list, view.ruleIndex);
  const ruleName =
    view.ruleIndex === null
      ? t('today.allRules')
      : ruleTitle(rules[view.ruleIndex]!, uiTranslator());
  const cohortName =
    cohortValue === 'current'
      ? t('today.cohortCurrent')
      : cohortValue === 'all'
        ? t('today.cohortEvery')
        : (cohorts.find((c) => c.id === (cohort as { id: string }).id)?.name ??
          t('today.cohortNone'));
  const exportCsv = async () => {
    setBusy(true);
    try {
      const text = await buildCsv(plan, list, learners, view, style);
      downloadBlob(
        csvFileName(`${plan.name} – follow-ups ${today} (${ruleName})`),
        new Blob([text], { type: 'text/csv;charset=utf-8' }),
      );
      const exported = [...view.rows].map((row) => learners[list.learner[row]!]!);
      const keys = exported.map((learner) => learner.key);
      // Text messages need a phone number, which a platform's roster seldom has: say how many lack one.
      const withoutPhone =
        channel === 'sms'
          ? exported.filter((learner) => !(learner as { phone?: string }).phone?.trim()).length
          : 0;
      const phones =
        withoutPhone > 0 ? ` ${t('today.exportedWithoutPhone', { count: withoutPhone })}` : '';
      if (markOnExport && quietDays > 0) {
        await markContacted(plan.id, keys, today);
        notify(
          t('today.exportedMarked', {
            count,
            rule: ruleName,
            cohort: cohortName,
            days: quietDays,
          }) + phones,
          { label: t('today.undoMarks'), run: () => void unmarkContacted(plan.id, keys) },
        );
      } else notify(t('today.exported', { count, rule: ruleName, cohort: cohortName }) + phones);
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
      notify(t('today.kept', { count: kept.total }));
  };
  const ended = endedCohorts(plan, today);
  const leftOut = [
    view.inEndedCohorts > 0
      ? t('today.inEnded', {
          count: view.inEndedCohorts,
          cohorts: ended.length,
          names: format.list(ended.map((c) => c.name || t('today.unnamedCohort'))),
        })
      : '',
    view.recentlyContacted > 0
      ? t('today.recentlyContacted', { count: view.recentlyContacted, days: quietDays })
      : '',
  ].filter(Boolean);
  return (
    <section className="card" aria-labelledby="eg-today-heading">
      <h2 id="eg-today-heading">{t('today.heading')}</h2>
      <p className="eg-summary" role="status" data-testid="followup-total">
        {activeCount === 0
          ? t('today.noRuleOn')
          : t('today.toContact', { count: view.total, date: format.date(today) })}
      </p>
      {leftOut.length > 0 && (
        <p className="section-note" data-testid="followup-left-out">
          {leftOut.join(' ')}
        </p>
      )}
      <div className="eg-tools">
        {cohorts.length > 0 && (
          <div className="field">
            <label htmlFor={cohortId}>{t('today.cohort')}</label>
            <select id={cohortId} value={cohortValue} onChange={(e) => onCohort(e.target.value)}>
              <option value="current">{t('today.currentCohorts')}</option>
              <option value="all">{t('today.everyCohort')}</option>
              {cohorts.map((c) => (
                <option key={c.id} value={`c:${c.id}`}>
                  {c.name || t('today.unnamedCohort')}
                </option>
              ))}
              <option value="c:">{t('today.noCohort')}</option>
            </select>
          </div>
        )}
        <NumberField
          label={t('today.quietDays')}
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
          <caption className="visually-hidden">{t('today.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('today.rule')}</th>
              <th scope="col">{t('today.channel')}</th>
              <th scope="col" className="num">
                {t('today.learnersToday')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id}>
                <th scope="row">
                  <bdi>{ruleTitle(r, uiTranslator())}</bdi>
                </th>
                <td>{r.active ? t('channelShort', { channel: r.channel }) : t('rule.off')}</td>
                <td className="num">{format.number(view.countByRule[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {activeCount > 0 && (
        <p className="eg-keep">
          <button type="button" onClick={keep}>
            {t('today.keep')}
          </button>{' '}
          <span className="section-note">{t('today.keepNote')}</span>
        </p>
      )}
      {view.total > 0 && (
        <>
          <div className="eg-tools">
            <div className="field">
              <label htmlFor={filterId}>{t('today.learnersOf')}</label>
              <select id={filterId} value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
                <option value="">
                  {t('today.everyRule', { count: format.number(view.total) })}
                </option>
                {rules.map((r, i) =>
                  // The chosen rule stays listed when nobody is left under it (all contacted).
                  view.countByRule[i] || r.id === ruleId ? (
                    <option key={r.id} value={r.id}>
                      {t('today.ruleOption', {
                        rule: ruleTitle(r, uiTranslator()),
                        count: format.number(view.countByRule[i] ?? 0),
                      })}
                    </option>
                  ) : null,
                )}
              </select>
            </div>
            <div className="field">
              <label htmlFor={styleId}>{t('today.mailTool')}</label>
              <select
                id={styleId}
                value={style}
                onChange={(e) => setStyle(e.target.value as LearnerStyle)}
              >
                {MAIL_TOOL_STYLES.map((s) => (
                  <option key={s.style} value={s.style}>
                    {s.style === 'token'
                      ? t('mailTools.token', { token: fieldToken('firstName') })
                      : s.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" disabled={busy || count === 0} onClick={() => void exportCsv()}>
              {busy ? t('today.writing') : t('today.export')}
            </button>
          </div>
          {quietDays > 0 && (
            <label className="eg-mark-export">
              <input
                type="checkbox"
                checked={markOnExport}
                onChange={(e) => setMarkOnExport(e.target.checked)}
              />
              {t('today.markOnExport')}
            </label>
          )}
          <p className="section-note eg-private">
            {t('today.private', {
              channel: channel === 'sms' ? 'sms' : 'email',
              token: fieldToken('daysInactive'),
            })}
            {channel === 'sms' && ` ${t('today.privateSms')}`}
          </p>
          {count === 0 ? (
            <p className="empty-note">{t('today.nobodyLeft')}</p>
          ) : (
            <LearnerTable
              caption={t('today.listCaption')}
              headers={[
                t('today.learner'),
                t('today.email'),
                t('today.segment'),
                t('today.rule'),
                t('today.why'),
                t('today.days'),
              ]}
              numeric={[5]}
              widths={['13%', '18%', '13%', '14%', '25%', '6%']}
              count={count}
              cells={cells}
              rowKey={rowKey}
              testId="followup-list"
              action={{ header: t('today.contacted'), width: '11%', render: contactCell }}
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
  const { t } = useTranslation('engagement');
  const format = useFormat();
  const [order, setOrder] = useState<TopOrder>('hours');
  const id = useId();
  const top = useMemo(() => topLearners(learners, order), [learners, order]);
  const marked = useMemo(
    () => learners.reduce((n, l) => n + (l.topLearner ? 1 : 0), 0),
    [learners],
  );
  return (
    <section className="card" aria-labelledby="eg-top-heading">
      <h2 id="eg-top-heading">{t('top.heading')}</h2>
      <p className="section-note">{t('top.note', { count: marked })}</p>
      <div className="field eg-order">
        <label htmlFor={id}>{t('top.rankBy')}</label>
        <select id={id} value={order} onChange={(e) => setOrder(e.target.value as TopOrder)}>
          <option value="hours">{t('top.byHours', { count: TOP_SHOWN })}</option>
          <option value="completed">{t('top.byCompleted', { count: TOP_SHOWN })}</option>
          <option value="marked">{t('top.marked')}</option>
        </select>
      </div>
      {top.length === 0 ? (
        <p className="empty-note">{order === 'marked' ? t('top.noneMarked') : t('top.none')}</p>
      ) : (
        <div className="table-scroll eg-scroll">
          <table className="data-table eg-table" data-testid="top-learners">
            <caption className="visually-hidden">{t('top.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('top.learner')}</th>
                <th scope="col" className="num">
                  {t('top.hours')}
                </th>
                <th scope="col">{t('top.completed')}</th>
                <th scope="col">{t('top.topLearner')}</th>
              </tr>
            </thead>
            <tbody>
              {top.map((i) => {
                const l = learners[i]!;
                const name = l.name || l.learnerId || l.email;
                return (
                  <tr key={l.key}>
                    <th scope="row">
                      <bdi>{name}</bdi>
                    </th>
                    <td className="num">{format.number(Math.round(l.hours * 10) / 10, 1)}</td>
                    <td>{format.date(l.completed, '—')}</td>
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          checked={l.topLearner}
                          onChange={(e) => void setTopLearner(planId, l.key, e.target.checked)}
                        />
                        <span className="visually-hidden">{t('top.mark', { name })}</span>
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
  const { t } = useTranslation('engagement');
  const format = useFormat();
  const dispatch = useDispatch();
  const afterDays = plan.manage.licenceReleaseAfterDays;
  const planned = plan.launch.marketing.licenses;
  const cells = useCallback(
    (row: number) => {
      const l = learners[release.learner[row]!]!;
      return [
        l.name || l.learnerId || l.email,
        l.email,
        format.date(l.lastActivity, t('licences.never')),
        format.number(release.days[row]!),
      ];
    },
    [learners, release, format, t],
  );
  const rowKey = useCallback(
    (row: number) => learners[release.learner[row]!]!.key,
    [learners, release],
  );
  return (
    <section className="card" aria-labelledby="eg-licences-heading" data-focus-id="licence-release">
      <h2 id="eg-licences-heading">{t('licences.heading')}</h2>
      <NumberField
        label={t('licences.afterDays')}
        value={afterDays}
        min={1}
        max={365}
        integer
        required
        onChange={(days) => days !== null && dispatch(setLicenceReleaseAfterDays({ days }))}
      />
      <p className="eg-summary" role="status" data-testid="licence-summary">
        {t('licences.summary', {
          count: release.length,
          days: format.number(afterDays),
          holding: release.holding,
          scope:
            cohortValue === 'current' && endedCohorts(plan, localToday()).length
              ? 'current'
              : cohortValue.startsWith('c:')
                ? 'chosen'
                : 'all',
        })}
        {planned !== null
          ? t('licences.planned', {
              planned: format.number(planned),
              left: format.number(Math.max(0, planned - release.holding + release.length)),
            })
          : t('licences.notSet')}
      </p>
      {release.length > 0 && (
        <LearnerTable
          caption={t('licences.caption')}
          headers={[
            t('licences.learner'),
            t('licences.email'),
            t('licences.lastActivity'),
            t('licences.days'),
          ]}
          numeric={[3]}
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
  const { t } = useTranslation('engagement');
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
          <h2 id="eg-today-heading">{t('today.heading')}</h2>
          <p className="empty-note">{t('today.reading')}</p>
        </section>
        {children}
      </>
    );
  if (roster.learners.length === 0)
    return (
      <>
        <section className="card" aria-labelledby="eg-today-heading">
          <h2 id="eg-today-heading">{t('today.heading')}</h2>
          <p className="empty-note">{t('today.noRoster')}</p>
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
