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
import {
  recordContentReview,
  retireFromPathways,
  setAuditEntry,
  stepsToRetire,
} from '../../../../shared/commands/content-audit';
import { OPTION_LABELS, formatNumber } from '../../../../shared/content/makeorbuy';
import { formatDate } from '../../../../shared/export/document';
import {
  MAINTENANCE_RULE,
  REVIEW_DUE_SOON_DAYS,
  REVIEW_STATE_LABELS,
  contentAudit,
  type AuditRow,
  type MaintenanceCheck,
} from '../../../../shared/manage/content-audit';
import {
  UNUSED_PERIODS,
  USE_LEVEL_LABELS,
  USE_LEVEL_RULE,
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
import { runInSlices } from '../../../../shared/plan/freeze';
import { useDispatch, usePlan } from '../../store/plan-context';
import { yieldToPage } from '../../store/yield-to-page';
import { useRoster } from '../manage-roster/use-roster';
import { useToday } from '../stakeholders/today';
import './manage-content.css';
import '../manage-wide.css';
import { countOf } from '../../../../shared/words';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const count = (n: number) => n.toLocaleString('en-GB');

type LevelFilter = 'all' | UseLevel;

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
        <h1>Content in use</h1>
        <p className="lead">
          Which catalog items learners open, finish and leave alone — to keep what is in demand
          current, and prune what nobody uses from the pathways.
        </p>
        <p className="section-note">
          Only counts are shown here. Learners’ names and e-mails stay in this computer’s database
          and never enter the plan or its exports.
        </p>
      </header>
      {roster.status === 'loading' ? (
        <p role="status">Reading the roster…</p>
      ) : roster.courseRows.length === 0 ? (
        <NoCourseRows hasRoster={roster.learners.length > 0} />
      ) : !use ? (
        <p role="status">Counting how items are used…</p>
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
  return (
    <section className="cu-panel" aria-labelledby="cu-usage-heading">
      <h2 id="cu-usage-heading">How items are used</h2>
      <p className="empty-note">
        {hasRoster
          ? 'The roster has no per-course rows: import a learner × course export (one row per learner and course) to see which items are used.'
          : 'No learner roster yet: import a learning platform’s progress export to see which items are used.'}{' '}
        <button type="button" className="link-button" onClick={() => goToSection('roster')}>
          Go to Learner progress
        </button>
      </p>
    </section>
  );
}

function UsagePanel({ plan, use }: { plan: Plan; use: ContentUse }) {
  const [level, setLevel] = useState<LevelFilter>('all');
  const [group, setGroup] = useState('all');
  const segmentName = (id: string) =>
    id ? plan.learners.find((s) => s.id === id)?.name || 'Unnamed segment' : 'No segment';
  const cohortName = (id: string) =>
    id ? plan.manage.cohorts.find((c) => c.id === id)?.name || 'Unnamed cohort' : 'No cohort';
  const groups = [
    { value: 'all', label: 'All learners' },
    ...use.segmentKeys.map((k) => ({ value: `seg:${k}`, label: `Segment: ${segmentName(k)}` })),
    ...use.cohortKeys.map((k) => ({ value: `coh:${k}`, label: `Cohort: ${cohortName(k)}` })),
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
      <h2 id="cu-usage-heading">How items are used</h2>
      <p className="cu-summary" role="status">
        {count(use.learners)} learners, {count(use.rows)} course rows, counted on{' '}
        {formatDate(use.asOf)}.{' '}
        {(Object.keys(USE_LEVEL_LABELS) as UseLevel[])
          .map((k) => `${USE_LEVEL_LABELS[k]}: ${count(levels[k])}`)
          .join(' · ')}
      </p>
      {use.learnersWithoutRows > 0 && (
        <p className="section-note" data-testid="cu-without-rows">
          {countOf(
            use.learnersWithoutRows,
            'learner of the roster has',
            'learners of the roster have',
          )}{' '}
          no per-course rows (from an export with one row per learner, or not enrolled in a course
          yet), so {use.learnersWithoutRows === 1 ? 'is' : 'are'} not counted here: counting them
          would lower every item’s reach. They count once a learner × course export lists them.
        </p>
      )}
      <p className="section-note cu-rule">{USE_LEVEL_RULE}</p>
      <div className="cu-filters">
        <SelectField label="Learners" value={group} options={groups} onChange={setGroup} />
        <SelectField<LevelFilter>
          label="Show"
          value={level}
          options={[
            { value: 'all', label: 'Every item' },
            ...(Object.entries(USE_LEVEL_LABELS) as [UseLevel, string][]).map(([value, label]) => ({
              value,
              label,
            })),
          ]}
          onChange={setLevel}
        />
      </div>
      <UsageTable rows={rows} />
      {use.unmatched.length > 0 && (
        <p className="section-note">
          {count(use.unmatched.reduce((s, u) => s + u.rows, 0))} course rows name a course that is
          not in the catalog (
          {use.unmatched
            .slice(0, 5)
            .map((u) => `“${u.course}”: ${count(u.rows)}`)
            .join(', ')}
          {use.unmatched.length > 5 ? ', …' : ''}); they are not counted above.
        </p>
      )}
    </section>
  );
}

const USAGE_COLUMNS = 8;

function UsageTable({ rows }: { rows: readonly { item: ItemUse; counts: UseCounts }[] }) {
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
        <caption className="visually-hidden">Use of each catalog item</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Item</th>
            <th scope="col">Use</th>
            <th scope="col" className="num">
              Reach
            </th>
            <th scope="col" className="num">
              Opened / offered
            </th>
            <th scope="col" className="num">
              Enrolled
            </th>
            <th scope="col" className="num">
              Completion
            </th>
            <th scope="col" className="num">
              Hours
            </th>
            <th scope="col">Last use</th>
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
                <th scope="row">{item.title || 'Untitled item'}</th>
                <td>
                  <span className={`cu-level cu-level--${counts.level}`}>
                    {USE_LEVEL_LABELS[counts.level]}
                  </span>
                </td>
                <td className="num">{percent(counts.reach)}</td>
                <td className="num">
                  {count(counts.opened)} / {count(counts.offered)}
                </td>
                <td className="num">{count(counts.enrolled)}</td>
                <td className="num">
                  {percent(counts.completionRate)}
                  {counts.enrolled > 0 ? ` (${count(counts.completed)})` : ''}
                </td>
                <td className="num">{formatNumber(item.hours)}</td>
                <td>{item.lastUse ? formatDate(item.lastUse) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty-note">No item matches these filters.</p>}
    </div>
  );
}

function RetirePanel({ plan, use }: { plan: Plan; use: ContentUse }) {
  const dispatch = useDispatch();
  const [days, setDays] = useState<(typeof UNUSED_PERIODS)[number]>(90);
  const unused = useMemo(() => unusedOnPathways(use, days), [use, days]);
  const ids = unused.map((u) => u.itemId);
  const steps = stepsToRetire(plan, ids);
  const stepCount = steps.reduce((s, p) => s + p.steps, 0);
  const retire = () => {
    const reason = `unused for ${days} days`;
    const result = dispatch(retireFromPathways({ itemIds: ids, reason }));
    if (result.ok)
      notifyUndoable(
        `Retired ${ids.length === 1 ? '1 item' : `${count(ids.length)} items`} from the pathways (${stepCount} ${stepCount === 1 ? 'step' : 'steps'}); the catalog keeps them.`,
        result.stepId,
      );
  };
  return (
    <section className="cu-panel" aria-labelledby="cu-retire-heading">
      <h2 id="cu-retire-heading">Retire unused items from pathways</h2>
      <p className="section-note">
        An item on a pathway that no learner has opened, worked in or completed for the period
        chosen (or ever). Retiring removes its pathway steps in one step you can undo; the item
        stays in the catalog.
      </p>
      <SelectField
        label="Unused for"
        value={String(days)}
        options={UNUSED_PERIODS.map((d) => ({ value: String(d), label: `${d} days` }))}
        onChange={(v) => setDays(Number(v) as (typeof UNUSED_PERIODS)[number])}
      />
      {unused.length === 0 ? (
        <p className="empty-note">Every item on a pathway was used in the last {days} days.</p>
      ) : (
        <>
          <ul className="cu-retire-list" aria-label={`Items unused for ${days} days`}>
            {unused.map((u) => (
              <li key={u.itemId}>
                {u.title || 'Untitled item'} —{' '}
                {u.lastUse ? `last used ${formatDate(u.lastUse)}` : 'never used'}, on{' '}
                {u.pathwayIds
                  .map((id) => plan.content.pathways.find((p) => p.id === id)?.name || 'a pathway')
                  .join(', ')}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={retire}>
            Retire {unused.length === 1 ? '1 item' : `${count(unused.length)} items`} from pathways
          </button>
        </>
      )}
    </section>
  );
}

/** Audit items shown before "Show all" (each is a card with four fields). */
const AUDIT_FIRST = 60;

function AuditPanel({ plan, today, use }: { plan: Plan; today: string; use: ContentUse | null }) {
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
      <h2 id="cu-audit-heading">Content audit</h2>
      <p className="section-note">
        Every item made in-house (or answering a Make or Hybrid decision) is listed, with any item
        you add. A review is due soon within {REVIEW_DUE_SOON_DAYS} days; recording a review sets
        the next one a year later.
      </p>
      <p className="cu-summary" role="status">
        {audit.due.length === 0
          ? 'No item is due for review.'
          : `${audit.due.length} ${audit.due.length === 1 ? 'item is' : 'items are'} due for review: ${audit.due
              .map((r) => `${r.item.title} (${REVIEW_STATE_LABELS[r.state].toLowerCase()})`)
              .join(', ')}.`}
      </p>
      {checks.length > 0 && <MaintenanceChecks checks={checks} />}
      <p className="section-note cu-rule">{MAINTENANCE_RULE}</p>
      {audit.rows.length === 0 ? (
        <p className="empty-note">No item in the audit yet.</p>
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
          Show all {count(audit.rows.length)} items in the audit (
          {count(audit.rows.length - shown.length)} more)
        </button>
      )}
      {notAudited.length > 0 && notAudited.length <= 2000 && (
        <div className="cu-add">
          <SelectField
            label="Add an item to the audit"
            value={adding}
            options={[
              { value: '', label: 'Choose an item…' },
              ...notAudited.map((c) => ({ value: c.id, label: c.title || 'Untitled item' })),
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
            Add to the audit
          </button>
        </div>
      )}
    </section>
  );
}

function MaintenanceChecks({ checks }: { checks: readonly MaintenanceCheck[] }) {
  return (
    <ul className="cu-maintenance" aria-label="Made content against capacity to maintain">
      {checks.map((c) => (
        <li key={c.decisionId} className={`cu-check cu-check--${c.verdict}`}>
          <strong>{c.need || 'Untitled need'}</strong> ({OPTION_LABELS[c.decision]}):{' '}
          {c.verdict === 'unrated'
            ? `nobody has rated its capacity to maintain content yet; its items need ${formatNumber(c.hours)} h a year.`
            : `capacity to maintain rated ${formatNumber(c.rating!)} of 5, about ${count(c.capacityHours!)} h a year; its ${c.itemIds.length === 1 ? 'item needs' : `${c.itemIds.length} items need`} ${formatNumber(c.hours)} h a year — ${c.verdict === 'over' ? 'over capacity' : 'within capacity'}.`}
          {c.unestimated.length > 0 &&
            ` ${c.unestimated.length} ${c.unestimated.length === 1 ? 'item has' : 'items have'} no maintenance estimate.`}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => goToSection('makeOrBuy', c.decisionId)}
          >
            Open the decision
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
  const dispatch = useDispatch();
  const { item, entry } = row;
  const title = item.title || 'Untitled item';
  const set = (patch: Parameters<typeof setAuditEntry>[0]['patch']) =>
    dispatch(setAuditEntry({ itemId: item.id, patch }));
  return (
    <section className="cu-audit-item card" data-audit-item={item.id} aria-label={title}>
      <h3>
        {title}{' '}
        <span className={`cu-state cu-state--${row.state}`}>{REVIEW_STATE_LABELS[row.state]}</span>
        {row.made && <span className="cu-made">Made content</span>}
      </h3>
      <p className="section-note">
        {entry?.lastReviewed
          ? `Last reviewed ${formatDate(entry.lastReviewed)}.`
          : 'Never reviewed.'}{' '}
        {lastUse ? `Last used by a learner ${formatDate(lastUse)}.` : ''}
        {row.maintenance?.verdict === 'over' && ' Its decision’s made content is over capacity.'}
      </p>
      <div className="cu-audit-fields">
        <TextField
          label="Owner"
          value={entry?.owner ?? ''}
          maxLength={500}
          onChange={(owner) => set({ owner })}
        />
        <DateField
          label="Next review"
          value={entry?.reviewDate ?? null}
          onChange={(reviewDate) => set({ reviewDate })}
        />
        <SelectField
          label="Make-or-buy decision"
          value={entry?.decisionId ?? ''}
          options={[
            { value: '', label: 'None' },
            ...plan.content.decisions.map((d) => ({
              value: d.id,
              label: `${d.need || 'Untitled need'}${d.decision ? ` (${OPTION_LABELS[d.decision]})` : ''}`,
            })),
          ]}
          onChange={(id) => set({ decisionId: id || null })}
        />
        <NumberField
          label="Maintenance hours a year"
          value={entry?.maintenanceHoursPerYear ?? null}
          min={0}
          max={100_000}
          onChange={(hours) => set({ maintenanceHoursPerYear: hours })}
        />
      </div>
      <button
        type="button"
        aria-label={`Record a review today of “${title}”`}
        onClick={() => {
          const result = dispatch(recordContentReview({ itemId: item.id, date: today }));
          if (result.ok)
            notifyUndoable(
              `Recorded a review of “${title}” today; the next is in a year.`,
              result.stepId,
            );
        }}
      >
        Record a review today
      </button>
    </section>
  );
}
