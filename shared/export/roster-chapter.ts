/**
 * The "Learner progress" chapter of the Word plan and its Excel sheet
 * (issue 14): the dated roster snapshots the plan keeps (`manage.progress`)
 * — the latest in total, by segment and by cohort, and every snapshot over
 * time. Aggregates only: the roster itself (names, e-mails, platform ids)
 * lives in the app's local database and never reaches an export. In a
 * partner-safe file, small counts per segment and cohort read "<5"
 * (small-numbers.ts).
 */
import type { DocBlock } from './document';
import { formatDate } from './document';
import type { Plan, ProgressCounts, ProgressSnapshot } from '../plan/schema';
import type { Profile } from './audience';
import { groupCount, isSmallCount, SMALL_COUNT_RULE, suppressesSmallCounts } from './small-numbers';

const n = (v: number) => v.toLocaleString('en-GB');
const rate = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)} %` : '—';

/** Whether the plan has roster snapshots to export. */
export function hasProgress(plan: Plan): boolean {
  return plan.manage.progress.length > 0;
}

const COLUMNS: readonly [keyof ProgressCounts, string][] = [
  ['learners', 'Learners'],
  ['registered', 'Registered'],
  ['enrolled', 'Enrolled'],
  ['active', 'Active'],
  ['completed', 'Completed'],
  ['placed', 'Job outcome'],
  ['hours', 'Learning hours'],
];

function groupRows(
  groups: Readonly<Record<string, ProgressCounts>>,
  nameOf: (id: string) => string,
  profile?: Profile,
): string[][] {
  const small = suppressesSmallCounts(profile);
  return Object.entries(groups)
    .sort((a, b) => b[1].learners - a[1].learners)
    .map(([id, c]) => [
      nameOf(id),
      ...COLUMNS.map(([k]) =>
        k === 'hours'
          ? small && isSmallCount(c.learners)
            ? '—'
            : n(c.hours)
          : groupCount(isSmallCount(c.learners) ? c.learners : c[k], profile, () => n(c[k])),
      ),
      small && (isSmallCount(c.completed) || isSmallCount(c.enrolled))
        ? '—'
        : rate(c.completed, c.enrolled),
    ]);
}

/** Names of segments and cohorts by id ('' = none; an id no longer in the plan says so). */
function namers(plan: Plan) {
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const cohorts = new Map(plan.manage.cohorts.map((c) => [c.id, c.name]));
  return {
    segment: (id: string) =>
      id ? segments.get(id) || 'A segment no longer in the plan' : 'No segment',
    cohort: (id: string) =>
      id ? cohorts.get(id) || 'A cohort no longer in the plan' : 'No cohort',
  };
}

/** The chapter's blocks; empty when the plan has no snapshot. */
export function rosterBlocks(plan: Plan, profile?: Profile): DocBlock[] {
  const list = plan.manage.progress;
  const latest = list[list.length - 1];
  if (!latest) return [];
  const t = latest.total;
  const name = namers(plan);
  const columns = [
    { title: '', width: 22 },
    ...COLUMNS.map(([, title]) => ({ title, width: 10, numeric: true })),
    { title: 'Completion rate', width: 11, numeric: true },
  ];
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: `As of ${formatDate(latest.date)}, ${n(t.learners)} learners are on the roster: ${n(t.enrolled)} enrolled, ${n(t.active)} active in the last 30 days, ${n(t.completed)} completed (${rate(t.completed, t.enrolled)} of those enrolled) and ${n(t.placed)} of them with a job outcome.`,
    },
    {
      type: 'paragraph',
      style: 'note',
      text: 'Counts from the learning platform’s activity exports as imported into the plan. The learners themselves stay on the program team’s computer: no name or e-mail address is in this document.',
    },
    {
      type: 'facts',
      rows: [
        ['Learners', n(t.learners)],
        ['Invited', n(t.invited)],
        ['Registered', n(t.registered)],
        ['Enrolled', n(t.enrolled)],
        ['Active (last 30 days)', `${n(t.active)} (${rate(t.active, t.enrolled)} of enrolled)`],
        ['Completed', `${n(t.completed)} (${rate(t.completed, t.enrolled)} of enrolled)`],
        ['With a job outcome', n(t.placed)],
        ['Learning hours', n(t.hours)],
      ],
    },
    { type: 'heading', level: 2, text: `By learner segment, ${formatDate(latest.date)}` },
    {
      type: 'table',
      columns: [{ ...columns[0]!, title: 'Learner segment' }, ...columns.slice(1)],
      rows: groupRows(latest.bySegment, name.segment, profile),
    },
  ];
  if (Object.keys(latest.byCohort).some((id) => id !== ''))
    blocks.push(
      { type: 'heading', level: 2, text: `By cohort, ${formatDate(latest.date)}` },
      {
        type: 'table',
        columns: [{ ...columns[0]!, title: 'Cohort' }, ...columns.slice(1)],
        rows: groupRows(latest.byCohort, name.cohort, profile),
      },
    );
  if (suppressesSmallCounts(profile))
    blocks.push({ type: 'paragraph', style: 'note', text: SMALL_COUNT_RULE });
  if (list.length > 1)
    blocks.push(
      { type: 'heading', level: 2, text: 'Progress over time' },
      {
        type: 'table',
        columns: [{ ...columns[0]!, title: 'Snapshot' }, ...columns.slice(1)],
        rows: list.map((s: ProgressSnapshot) => [
          formatDate(s.date),
          ...COLUMNS.map(([k]) => n(s.total[k])),
          rate(s.total.completed, s.total.enrolled),
        ]),
      },
    );
  return blocks;
}

/** A column of the Excel sheet. */
export interface RosterSheetColumn {
  readonly header: string;
  readonly width: number;
  readonly kind?: 'integer' | 'number' | 'date';
  readonly wrap?: boolean;
}

/**
 * The Excel "Learner progress" sheet: one row per snapshot and group —
 * the total, each segment, each cohort — oldest first, with the counts and
 * the completion rate (% of enrolled).
 */
export function rosterSheet(
  plan: Plan,
  profile?: Profile,
): {
  readonly name: string;
  readonly columns: readonly RosterSheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly footer: string;
} {
  const name = namers(plan);
  const rows: (string | number | null)[][] = [];
  const small = suppressesSmallCounts(profile);
  // A group's small counts read "<5" in a partner-safe file; the total never does.
  const row = (date: string, by: string, group: string, c: ProgressCounts, isGroup = true) => {
    const hide = (count: number) => small && isGroup && isSmallCount(count);
    const whole = hide(c.learners);
    return [
      date,
      by,
      group,
      ...COLUMNS.map(([k]) =>
        k === 'hours' ? (whole ? null : c.hours) : whole || hide(c[k]) ? '<5' : c[k],
      ),
      c.enrolled > 0 && !hide(c.enrolled) && !hide(c.completed)
        ? Math.round((c.completed / c.enrolled) * 1000) / 10
        : null,
    ];
  };
  for (const s of plan.manage.progress) {
    rows.push(row(s.date, 'Total', 'All learners', s.total, false));
    for (const [id, c] of Object.entries(s.bySegment))
      rows.push(row(s.date, 'Segment', name.segment(id), c));
    for (const [id, c] of Object.entries(s.byCohort))
      rows.push(row(s.date, 'Cohort', name.cohort(id), c));
  }
  return {
    name: 'Learner progress',
    columns: [
      { header: 'Snapshot date', width: 14, kind: 'date' },
      { header: 'By', width: 10 },
      { header: 'Group', width: 32, wrap: true },
      ...COLUMNS.map(([k, header]) => ({
        header,
        width: 13,
        kind: k === 'hours' ? ('number' as const) : ('integer' as const),
      })),
      { header: 'Completion rate (%)', width: 16, kind: 'number' },
    ],
    rows,
    footer: `Counts from the roster imports (no learner is named). Active: enrolled learners with activity in the 30 days up to the snapshot date. Completion rate: completed as a share of enrolled.${small ? ` ${SMALL_COUNT_RULE}` : ''}`,
  };
}
