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
import type { Plan, ProgressCounts, ProgressSnapshot } from '../plan/schema';
import type { Profile } from './audience';
import {
  groupCount,
  isSmallCount,
  SMALL_COUNT_LIMIT,
  SMALL_COUNT_TEXT,
  suppressesSmallCounts,
} from './small-numbers';

/** The small-number rule in the document language. */
const smallCountRule = (loc: DocLocale) =>
  loc.d('roster.smallCounts', { max: SMALL_COUNT_LIMIT - 1, shown: SMALL_COUNT_TEXT });
import { englishLocale, type DocLocale } from './locale';

/** Whether the plan has roster snapshots to export. */
export function hasProgress(plan: Plan): boolean {
  return plan.manage.progress.length > 0;
}

/** The counts of a snapshot, in column order. */
const COLUMNS: readonly (keyof ProgressCounts)[] = [
  'learners',
  'registered',
  'enrolled',
  'active',
  'completed',
  'placed',
  'hours',
];

/** Counts and completion rates in the document language. */
function numbers(loc: DocLocale) {
  return {
    n: (v: number) => loc.count(v),
    rate: (part: number, whole: number) => (whole > 0 ? loc.percent(part / whole) : '—'),
  };
}

function groupRows(
  groups: Readonly<Record<string, ProgressCounts>>,
  nameOf: (id: string) => string,
  loc: DocLocale,
  profile?: Profile,
): string[][] {
  const { n, rate } = numbers(loc);
  const small = suppressesSmallCounts(profile);
  return Object.entries(groups)
    .sort((a, b) => b[1].learners - a[1].learners)
    .map(([id, c]) => [
      nameOf(id),
      ...COLUMNS.map((k) =>
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
function namers(plan: Plan, loc: DocLocale) {
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const cohorts = new Map(plan.manage.cohorts.map((c) => [c.id, c.name]));
  return {
    segment: (id: string) =>
      id ? segments.get(id) || loc.d('roster.segmentGone') : loc.d('roster.noSegment'),
    cohort: (id: string) =>
      id ? cohorts.get(id) || loc.d('roster.cohortGone') : loc.d('roster.noCohort'),
  };
}

/** The chapter's blocks; empty when the plan has no snapshot. */
export function rosterBlocks(
  plan: Plan,
  loc: DocLocale = englishLocale(),
  profile?: Profile,
): DocBlock[] {
  const list = plan.manage.progress;
  const latest = list[list.length - 1];
  if (!latest) return [];
  const d = loc.d;
  const { n, rate } = numbers(loc);
  const date = (iso: string) => loc.date(iso);
  const t = latest.total;
  const name = namers(plan, loc);
  const columns = [
    { title: '', width: 22 },
    ...COLUMNS.map((k) => ({ title: d(`roster.count.${k}`), width: 10, numeric: true })),
    { title: d('roster.completionRate'), width: 11, numeric: true },
  ];
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: d('roster.lead', {
        date: date(latest.date),
        learners: n(t.learners),
        enrolled: n(t.enrolled),
        active: n(t.active),
        completed: n(t.completed),
        rate: rate(t.completed, t.enrolled),
        placed: n(t.placed),
      }),
    },
    { type: 'paragraph', style: 'note', text: d('roster.note') },
    {
      type: 'facts',
      rows: [
        [d('roster.count.learners'), n(t.learners)],
        [d('roster.count.invited'), n(t.invited)],
        [d('roster.count.registered'), n(t.registered)],
        [d('roster.count.enrolled'), n(t.enrolled)],
        [
          d('roster.activeLast30'),
          d('roster.ofEnrolled', { count: n(t.active), rate: rate(t.active, t.enrolled) }),
        ],
        [
          d('roster.count.completed'),
          d('roster.ofEnrolled', { count: n(t.completed), rate: rate(t.completed, t.enrolled) }),
        ],
        [d('roster.withJobOutcome'), n(t.placed)],
        [d('roster.count.hours'), n(t.hours)],
      ],
    },
    { type: 'heading', level: 2, text: d('roster.bySegment', { date: date(latest.date) }) },
    {
      type: 'table',
      columns: [{ ...columns[0]!, title: d('marketing.learnerSegment') }, ...columns.slice(1)],
      rows: groupRows(latest.bySegment, name.segment, loc, profile),
    },
  ];
  if (Object.keys(latest.byCohort).some((id) => id !== ''))
    blocks.push(
      { type: 'heading', level: 2, text: d('roster.byCohort', { date: date(latest.date) }) },
      {
        type: 'table',
        columns: [{ ...columns[0]!, title: d('roster.cohort') }, ...columns.slice(1)],
        rows: groupRows(latest.byCohort, name.cohort, loc, profile),
      },
    );
  if (suppressesSmallCounts(profile))
    blocks.push({ type: 'paragraph', style: 'note', text: smallCountRule(loc) });
  if (list.length > 1)
    blocks.push(
      { type: 'heading', level: 2, text: d('roster.overTime') },
      {
        type: 'table',
        columns: [{ ...columns[0]!, title: d('roster.snapshot') }, ...columns.slice(1)],
        rows: list.map((s: ProgressSnapshot) => [
          date(s.date),
          ...COLUMNS.map((k) => n(s.total[k])),
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
  loc: DocLocale = englishLocale(),
  profile?: Profile,
): {
  readonly name: string;
  readonly columns: readonly RosterSheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly footer: string;
} {
  const { d, w } = loc;
  const name = namers(plan, loc);
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
      ...COLUMNS.map((k) =>
        k === 'hours' ? (whole ? null : c.hours) : whole || hide(c[k]) ? '<5' : c[k],
      ),
      c.enrolled > 0 && !hide(c.enrolled) && !hide(c.completed)
        ? Math.round((c.completed / c.enrolled) * 1000) / 10
        : null,
    ];
  };
  for (const s of plan.manage.progress) {
    rows.push(row(s.date, w('roster.total'), w('roster.allLearners'), s.total, false));
    for (const [id, c] of Object.entries(s.bySegment))
      rows.push(row(s.date, w('roster.segment'), name.segment(id), c));
    for (const [id, c] of Object.entries(s.byCohort))
      rows.push(row(s.date, w('roster.cohort'), name.cohort(id), c));
  }
  return {
    name: w('sheets.roster'),
    columns: [
      { header: w('roster.snapshotDate'), width: 14, kind: 'date' },
      { header: w('roster.by'), width: 10 },
      { header: w('roster.group'), width: 32, wrap: true },
      ...COLUMNS.map((k) => ({
        header: d(`roster.count.${k}`),
        width: 13,
        kind: k === 'hours' ? ('number' as const) : ('integer' as const),
      })),
      { header: w('roster.completionRate'), width: 16, kind: 'number' },
    ],
    rows,
    footer: small ? `${w('roster.footer')} ${smallCountRule(loc)}` : w('roster.footer'),
  };
}
