/**
 * Content in use (Manage, issue 14): the content strategy loop. From the
 * roster's learner × course rows, which catalog items are in demand, barely
 * touched or never opened — overall, per segment, per cohort — with
 * completion per item; items unused for a chosen period retired from the
 * pathways in one undoable step; and the content audit (review dates,
 * owners, made content's maintenance checked against its make-or-buy
 * decision's capacity to maintain). Only counts are shown: the learners
 * stay in this computer's database.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  recordContentReview,
  retireFromPathways,
  setAuditEntry,
  stepsToRetire,
} from '../../../../shared/commands/content-audit';
import {
  MAINTENANCE_CAPACITY_HOURS,
  REVIEW_DUE_SOON_DAYS,
  contentAudit,
  type AuditRow,
  type MaintenanceCheck,
} from '../../../../shared/manage/content-audit';
import {
  BARELY_TOUCHED_REACH,
  IN_DEMAND_REACH,
  UNUSED_PERIODS,
  contentUseSlices,
  unusedOnPathways,
  type ContentUse,
  type ItemUse,
  type UseCounts,
  type UseLevel,
} from '../../../../shared/manage/content-use';
import type { RosterCourseRow, RosterLearner } from '../../../../shared/manage/roster';
import type { Plan } from '../../../../shared/plan/schema';
import { goToSection, notifyUndoable, useWorkbench } from '../../app/workbench';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields';
import { useWindowedRows } from '../../components/windowed';
import { useFormat } from '../../i18n/i18n';
import { runInSlices } from '../../../../shared/plan/freeze';
import { useDispatch, usePlan } from '../../store/plan-context';
import { yieldToPage } from '../../store/yield-to-page';
import { useRoster } from '../manage-roster/use-roster';
import { useToday } from '../stakeholders/today';
import './manage-content.css';
import '../manage-wide.css';

/** The use levels, in the order a list shows them. */
const USE_LEVELS: readonly UseLevel[] = ['inDemand', 'inUse', 'barelyTouched', 'neverOpened'];

type LevelFilter = 'all' | UseLevel;

/** Counts ("1,234") and shares ("46 %", a dash when unknown) in the UI language. */
function useNumbers() {
  const { t } = useTranslation('contentInUse');
  const format = useFormat();
  return {
    count: (n: number) => format.number(n, 0),
    // Outside English (whose "46 %" stays), a share is written the Intl way: in Arabic its sign
    // is held to the figure, which a sign outside the isolated value would not be ("%46").
    percent: (share: number | null) =>
      share === null
        ? t('words.none')
        : format.language !== 'en'
          ? format.percent(Math.round(share * 100) / 100)
          : t('words.percent', { value: format.number(Math.round(share * 100), 0) }),
  };
}

/** The counts of an item for the chosen segment or cohort ('all' = the item's own). */
function countsFor(use: ContentUse, item: ItemUse, group: string): UseCounts {
  if (group === 'all') return item;
  const [kind, key] = [group.slice(0, 4), group.slice(4)];
  if (kind === 'seg:') return item.bySegment[use.segmentKeys.indexOf(key)] ?? item;
  return item.byCohort[use.cohortKeys.indexOf(key)] ?? item;
}

/**
 * The content in use, counted in slices (no long task at 100,000 learners)
 * when the roster or the catalog, pathways, segments or cohorts change — not
 * on audit edits. The previous count stays on screen while a new one runs.
 */
function useContentUse(
  plan: Plan,
  learners: readonly RosterLearner[],
  rows: readonly RosterCourseRow[],
  today: string,
  ready: boolean,
): ContentUse | null {
  const { catalog, pathways } = plan.content;
  const segments = plan.learners;
  const cohorts = plan.manage.cohorts;
  const [use, setUse] = useState<ContentUse | null>(null);
  useEffect(() => {
    if (!ready) return;
    let current = true;
    const slices = contentUseSlices(
      { content: { catalog, pathways }, learners: segments, manage: { cohorts } },
      learners,
      rows,
      today,
    );
    void runInSlices(slices, yieldToPage).then((counted) => {
      if (current) setUse(counted);
    });
    return () => {
      current = false;
    };
  }, [catalog, pathways, segments, cohorts, learners, rows, today, ready]);
  return use;
}

/** The Content in use section. */
export function ContentInUseSection() {
  const { t } = useTranslation('contentInUse');
  const plan = usePlan((p) => p);
  const roster = useRoster(plan.id);
  const today = useToday();
  const use = useContentUse(
    plan,
    roster.learners,
    roster.courseRows,
    today,
    roster.status === 'ready',
  );
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  useEffect(() => {
    if (!focus) return;
    const row = document.querySelector<HTMLElement>(`[data-audit-item="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
  }, [focus]);

  return (
    <div className="section-body content-in-use">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="section-note">{t('privacy')}</p>
      </header>
      {roster.status === 'loading' ? (
        <p role="status">{t('reading')}</p>
      ) : roster.courseRows.length === 0 ? (
        <NoCourseRows hasRoster={roster.learners.length > 0} />
      ) : !use ? (
        <p role="status">{t('counting')}</p>
      ) : use.rows === 0 ? (
        <NoCourseRows hasRoster={roster.learners.length > 0} />
      ) : (
        <>
          <UsagePanel plan={plan} use={use} />
          <RetirePanel plan={plan} use={use} />
        </>
      )}
      <AuditPanel plan={plan} today={today} use={use} />
    </div>
  );
}

function NoCourseRows({ hasRoster }: { hasRoster: boolean }) {
  const { t } = useTranslation('contentInUse');
  return (
    <section className="cu-panel" aria-labelledby="cu-usage-heading">
      <h2 id="cu-usage-heading">{t('usage.heading')}</h2>
      <p className="empty-note">
        {hasRoster ? t('usage.noCourseRows') : t('usage.noRoster')}{' '}
        <button type="button" className="link-button" onClick={() => goToSection('roster')}>
          {t('usage.goToRoster')}
        </button>
      </p>
    </section>
  );
}

function UsagePanel({ plan, use }: { plan: Plan; use: ContentUse }) {
  const { t } = useTranslation('contentInUse');
  const format = useFormat();
  const { count, percent } = useNumbers();
  const [level, setLevel] = useState<LevelFilter>('all');
  const [group, setGroup] = useState('all');
  const segmentName = (id: string) =>
    id
      ? plan.learners.find((s) => s.id === id)?.name || t('usage.unnamedSegment')
      : t('usage.noSegment');
  const cohortName = (id: string) =>
    id
      ? plan.manage.cohorts.find((c) => c.id === id)?.name || t('usage.unnamedCohort')
      : t('usage.noCohort');
  const groups = [
    { value: 'all', label: t('usage.allLearners') },
    ...use.segmentKeys.map((k) => ({
      value: `seg:${k}`,
      label: t('usage.segment', { name: segmentName(k) }),
    })),
    ...use.cohortKeys.map((k) => ({
      value: `coh:${k}`,
      label: t('usage.cohort', { name: cohortName(k) }),
    })),
  ];
  const rows = useMemo(
    () =>
      use.items
        .map((item) => ({ item, counts: countsFor(use, item, group) }))
        .filter((r) => level === 'all' || r.counts.level === level),
    [use, group, level],
  );
  const levels = useMemo(() => {
    const out: Record<UseLevel, number> = {
      inDemand: 0,
      inUse: 0,
      barelyTouched: 0,
      neverOpened: 0,
    };
    for (const item of use.items) out[countsFor(use, item, group).level]++;
    return out;
  }, [use, group]);
  return (
    <section className="cu-panel" aria-labelledby="cu-usage-heading">
      <h2 id="cu-usage-heading">{t('usage.heading')}</h2>
      <p className="cu-summary" role="status">
        {t('usage.summary', {
          learners: use.learners,
          rows: use.rows,
          date: format.date(use.asOf),
        })}{' '}
        {USE_LEVELS.map((k) =>
          t('usage.levelCount', { level: t(`levels.${k}`), value: count(levels[k]) }),
        ).join(t('words.dotSeparator'))}
      </p>
      {use.learnersWithoutRows > 0 && (
        <p className="section-note" data-testid="cu-without-rows">
          {t('usage.withoutRows', { count: use.learnersWithoutRows })}
        </p>
      )}
      <p className="section-note cu-rule">
        {t('usage.rule', {
          inDemand: percent(IN_DEMAND_REACH),
          barely: percent(BARELY_TOUCHED_REACH),
        })}
      </p>
      <div className="cu-filters">
        <SelectField
          label={t('usage.learners')}
          value={group}
          options={groups}
          onChange={setGroup}
        />
        <SelectField<LevelFilter>
          label={t('usage.show')}
          value={level}
          options={[
            { value: 'all', label: t('usage.everyItem') },
            ...USE_LEVELS.map((value) => ({ value, label: t(`levels.${value}`) })),
          ]}
          onChange={setLevel}
        />
      </div>
      <UsageTable rows={rows} />
      {use.unmatched.length > 0 && (
        <p className="section-note">
          {t('usage.unmatched', {
            count: use.unmatched.reduce((s, u) => s + u.rows, 0),
            list: `${use.unmatched
              .slice(0, 5)
              .map((u) => t('usage.unmatchedCourse', { course: u.course, rows: count(u.rows) }))
              .join(
                t('words.commaSeparator'),
              )}${use.unmatched.length > 5 ? t('words.andMore') : ''}`,
          })}
        </p>
      )}
    </section>
  );
}

const USAGE_COLUMNS = 8;

function UsageTable({ rows }: { rows: readonly { item: ItemUse; counts: UseCounts }[] }) {
  const { t } = useTranslation('contentInUse');
  const format = useFormat();
  const { count, percent } = useNumbers();
  const none = t('words.none');
  const scrollRef = useRef<HTMLDivElement>(null);
  const windowed = useWindowedRows({
    scrollRef,
    count: rows.length,
    estimateSize: 37,
    getKey: useCallback((i: number) => rows[i]!.item.itemId, [rows]),
    headerSize: 42,
  });
  return (
    <div
      ref={scrollRef}
      className={`table-scroll ${windowed.windowed ? 'cu-scroll' : ''}`}
      onKeyDown={windowed.onKeyDown}
      onFocus={windowed.onFocus}
    >
      <table className="data-table cu-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('table.item')}</th>
            <th scope="col">{t('table.use')}</th>
            <th scope="col" className="num">
              {t('table.reach')}
            </th>
            <th scope="col" className="num">
              {t('table.openedOffered')}
            </th>
            <th scope="col" className="num">
              {t('table.enrolled')}
            </th>
            <th scope="col" className="num">
              {t('table.completion')}
            </th>
            <th scope="col" className="num">
              {t('table.hours')}
            </th>
            <th scope="col">{t('table.lastUse')}</th>
          </tr>
        </thead>
        <tbody>
          {windowed.slots.map((slot) => {
            if (slot.kind === 'gap')
              return (
                <tr key={slot.key} aria-hidden="true" className="row-gap">
                  <td colSpan={USAGE_COLUMNS} style={{ height: slot.size }} />
                </tr>
              );
            const { item, counts } = rows[slot.index]!;
            return (
              <tr
                key={slot.key}
                data-index={slot.index}
                aria-rowindex={slot.index + 2}
                ref={windowed.measure}
                tabIndex={-1}
              >
                <th scope="row">{item.title || t('untitledItem')}</th>
                <td>
                  <span className={`cu-level cu-level--${counts.level}`}>
                    {t(`levels.${counts.level}`)}
                  </span>
                </td>
                <td className="num">{percent(counts.reach)}</td>
                <td className="num">
                  {t('table.ofTotal', {
                    part: count(counts.opened),
                    whole: count(counts.offered),
                  })}
                </td>
                <td className="num">{count(counts.enrolled)}</td>
                <td className="num">
                  {counts.enrolled > 0
                    ? t('table.completionCount', {
                        share: percent(counts.completionRate),
                        completed: count(counts.completed),
                      })
                    : percent(counts.completionRate)}
                </td>
                <td className="num">{format.number(item.hours, 1)}</td>
                <td>{item.lastUse ? format.date(item.lastUse) : none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty-note">{t('table.noMatch')}</p>}
    </div>
  );
}

function RetirePanel({ plan, use }: { plan: Plan; use: ContentUse }) {
  const { t } = useTranslation('contentInUse');
  const format = useFormat();
  const dispatch = useDispatch();
  const [days, setDays] = useState<(typeof UNUSED_PERIODS)[number]>(90);
  const unused = useMemo(() => unusedOnPathways(use, days), [use, days]);
  const ids = unused.map((u) => u.itemId);
  const steps = stepsToRetire(plan, ids);
  const stepCount = steps.reduce((s, p) => s + p.steps, 0);
  const retire = () => {
    const reason = t('retire.reason', { days });
    const result = dispatch(retireFromPathways({ itemIds: ids, reason }));
    if (result.ok)
      notifyUndoable(t('retire.done', { items: ids.length, steps: stepCount }), result.stepId);
  };
  return (
    <section className="cu-panel" aria-labelledby="cu-retire-heading">
      <h2 id="cu-retire-heading">{t('retire.heading')}</h2>
      <p className="section-note">{t('retire.note')}</p>
      <SelectField
        label={t('retire.unusedFor')}
        value={String(days)}
        options={UNUSED_PERIODS.map((d) => ({
          value: String(d),
          label: t('retire.days', { days: d }),
        }))}
        onChange={(v) => setDays(Number(v) as (typeof UNUSED_PERIODS)[number])}
      />
      {unused.length === 0 ? (
        <p className="empty-note">{t('retire.allUsed', { days })}</p>
      ) : (
        <>
          <ul className="cu-retire-list" aria-label={t('retire.list', { days })}>
            {unused.map((u) => (
              <li key={u.itemId}>
                {t('retire.item', {
                  title: u.title || t('untitledItem'),
                  when: u.lastUse
                    ? t('retire.lastUsed', { date: format.date(u.lastUse) })
                    : t('retire.neverUsed'),
                  pathways: u.pathwayIds
                    .map(
                      (id) =>
                        plan.content.pathways.find((p) => p.id === id)?.name ||
                        t('retire.aPathway'),
                    )
                    .join(t('words.commaSeparator')),
                })}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={retire}>
            {t('retire.button', { count: unused.length })}
          </button>
        </>
      )}
    </section>
  );
}

/** Audit items shown before "Show all" (each is a card with four fields). */
const AUDIT_FIRST = 60;

function AuditPanel({ plan, today, use }: { plan: Plan; today: string; use: ContentUse | null }) {
  const { t } = useTranslation('contentInUse');
  const format = useFormat();
  const audit = useMemo(() => contentAudit(plan, today), [plan, today]);
  const [showAll, setShowAll] = useState(false);
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  // The first items, every item due for review, and the one a Plan health finding names.
  const shown = useMemo(() => {
    if (showAll || audit.rows.length <= AUDIT_FIRST) return audit.rows;
    const due = new Set(audit.due.map((r) => r.item.id));
    return audit.rows.filter(
      (r, i) => i < AUDIT_FIRST || due.has(r.item.id) || r.item.id === focus,
    );
  }, [audit, showAll, focus]);
  const checks = audit.maintenance;
  const notAudited = useMemo(() => {
    const listed = new Set(audit.rows.map((r) => r.item.id));
    return plan.content.catalog.filter((c) => !listed.has(c.id));
  }, [audit, plan.content.catalog]);
  const lastUse = useMemo(
    () => new Map((use?.items ?? []).map((i) => [i.itemId, i.lastUse])),
    [use],
  );
  const dispatch = useDispatch();
  const [adding, setAdding] = useState('');
  return (
    <section className="cu-panel" aria-labelledby="cu-audit-heading">
      <h2 id="cu-audit-heading">{t('audit.heading')}</h2>
      <p className="section-note">{t('audit.note', { days: REVIEW_DUE_SOON_DAYS })}</p>
      <p className="cu-summary" role="status">
        {audit.due.length === 0
          ? t('audit.noneDue')
          : t('audit.due', {
              count: audit.due.length,
              list: audit.due
                .map((r) =>
                  t('audit.dueItem', {
                    title: r.item.title,
                    state: t(`states.${r.state}`).toLocaleLowerCase(format.locale),
                  }),
                )
                .join(t('words.commaSeparator')),
            })}
      </p>
      {checks.length > 0 && <MaintenanceChecks checks={checks} />}
      <p className="section-note cu-rule">
        {t('audit.rule', {
          h2: format.number(MAINTENANCE_CAPACITY_HOURS[1]),
          h3: format.number(MAINTENANCE_CAPACITY_HOURS[2]),
          h4: format.number(MAINTENANCE_CAPACITY_HOURS[3]),
          h5: format.number(MAINTENANCE_CAPACITY_HOURS[4]),
        })}
      </p>
      {audit.rows.length === 0 ? (
        <p className="empty-note">{t('audit.empty')}</p>
      ) : (
        <div className="cu-audit-list">
          {shown.map((row) => (
            <AuditItem
              key={row.item.id}
              row={row}
              plan={plan}
              today={today}
              lastUse={lastUse.get(row.item.id) ?? null}
            />
          ))}
        </div>
      )}
      {shown.length < audit.rows.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          {t('audit.showAll', {
            total: audit.rows.length,
            more: audit.rows.length - shown.length,
          })}
        </button>
      )}
      {notAudited.length > 0 && notAudited.length <= 2000 && (
        <div className="cu-add">
          <SelectField
            label={t('audit.addLabel')}
            value={adding}
            options={[
              { value: '', label: t('audit.choose') },
              ...notAudited.map((c) => ({ value: c.id, label: c.title || t('untitledItem') })),
            ]}
            onChange={setAdding}
          />
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              if (dispatch(setAuditEntry({ itemId: adding, patch: {} })).ok) setAdding('');
            }}
          >
            {t('audit.add')}
          </button>
        </div>
      )}
    </section>
  );
}

function MaintenanceChecks({ checks }: { checks: readonly MaintenanceCheck[] }) {
  const { t } = useTranslation(['contentInUse', 'makeOrBuy']);
  const format = useFormat();
  return (
    <ul className="cu-maintenance" aria-label={t('maintenance.label')}>
      {checks.map((c) => (
        <li key={c.decisionId} className={`cu-check cu-check--${c.verdict}`}>
          <strong>{c.need || t('untitledNeed')}</strong>{' '}
          {t('maintenance.option', { option: t(`makeOrBuy:options.${c.decision}`) })}{' '}
          {c.verdict === 'unrated'
            ? t('maintenance.unrated', { hours: format.number(c.hours, 1) })
            : t('maintenance.rated', {
                rating: format.number(c.rating ?? 0, 1),
                capacity: format.number(c.capacityHours ?? 0, 0),
                items: c.itemIds.length,
                hours: format.number(c.hours, 1),
                verdict: c.verdict,
              })}
          {c.unestimated.length > 0 &&
            ` ${t('maintenance.unestimated', { count: c.unestimated.length })}`}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => goToSection('makeOrBuy', c.decisionId)}
          >
            {t('maintenance.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function AuditItem({
  row,
  plan,
  today,
  lastUse,
}: {
  row: AuditRow;
  plan: Plan;
  today: string;
  lastUse: string | null;
}) {
  const { t } = useTranslation(['contentInUse', 'makeOrBuy']);
  const format = useFormat();
  const dispatch = useDispatch();
  const { item, entry } = row;
  const title = item.title || t('untitledItem');
  const set = (patch: Parameters<typeof setAuditEntry>[0]['patch']) =>
    dispatch(setAuditEntry({ itemId: item.id, patch }));
  return (
    <section className="cu-audit-item card" data-audit-item={item.id} aria-label={title}>
      <h3>
        {title}{' '}
        <span className={`cu-state cu-state--${row.state}`}>{t(`states.${row.state}`)}</span>
        {row.made && <span className="cu-made">{t('item.made')}</span>}
      </h3>
      <p className="section-note">
        {entry?.lastReviewed
          ? t('item.lastReviewed', { date: format.date(entry.lastReviewed) })
          : t('item.neverReviewed')}{' '}
        {lastUse ? t('item.lastUsed', { date: format.date(lastUse) }) : ''}
        {row.maintenance?.verdict === 'over' && ` ${t('item.overCapacity')}`}
      </p>
      <div className="cu-audit-fields">
        <TextField
          label={t('item.owner')}
          value={entry?.owner ?? ''}
          maxLength={500}
          onChange={(owner) => set({ owner })}
        />
        <DateField
          label={t('item.nextReview')}
          value={entry?.reviewDate ?? null}
          onChange={(reviewDate) => set({ reviewDate })}
        />
        <SelectField
          label={t('item.decision')}
          value={entry?.decisionId ?? ''}
          options={[
            { value: '', label: t('item.noDecision') },
            ...plan.content.decisions.map((d) => ({
              value: d.id,
              label: d.decision
                ? t('item.decisionOption', {
                    need: d.need || t('untitledNeed'),
                    option: t(`makeOrBuy:options.${d.decision}`),
                  })
                : d.need || t('untitledNeed'),
            })),
          ]}
          onChange={(id) => set({ decisionId: id || null })}
        />
        <NumberField
          label={t('item.hours')}
          value={entry?.maintenanceHoursPerYear ?? null}
          min={0}
          max={100_000}
          onChange={(hours) => set({ maintenanceHoursPerYear: hours })}
        />
      </div>
      <button
        type="button"
        aria-label={t('item.recordLabel', { title })}
        onClick={() => {
          const result = dispatch(recordContentReview({ itemId: item.id, date: today }));
          if (result.ok) notifyUndoable(t('item.recorded', { title }), result.stepId);
        }}
      >
        {t('item.record')}
      </button>
    </section>
  );
}
