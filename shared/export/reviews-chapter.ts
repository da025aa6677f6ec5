/**
 * The "Reviews and lessons" chapter of the Word plan and its Excel sheets
 * (issue 14): the plan's version and the versions kept; how each
 * theory-of-change assumption stands at the latest review that judged it;
 * every review (summary, what was learned, decisions, assumptions, actions);
 * the lessons carried into this version; and the cohorts side by side.
 * Aggregates only: cohort counts come from roster imports (no person), and
 * cohort notes are never exported (they may name people). A partner-safe
 * file leaves out the review judgements (audience.ts `reviewJudgements`):
 * it keeps the versions, the review dates and the cohort comparison.
 */
import { shows, type Profile } from './audience';
import type { DocBlock, DocColumn } from './document';
import { formatDate } from './document';
import { formatValue } from '../indicators/format';
import { kpiTargets } from '../indicators/measures';
import { compareCohorts, FUNNEL_STAGE_LABEL, FUNNEL_STAGES, percentText } from '../manage/cohorts';
import {
  ASSUMPTION_STATUS_LABEL,
  assumptionNodes,
  assumptionStandings,
  reviewsNewestFirst,
} from '../manage/reviews';
import type { Plan } from '../plan/schema';

/** Whether the plan has reviews, cohorts or kept versions to report. */
export function hasReviews(plan: Plan): boolean {
  const m = plan.manage;
  return m.reviews.length > 0 || m.cohorts.length > 0 || m.iteration.previousVersions.length > 0;
}

/** The section a lesson is acted in, in words (sections are named as in the app). */
const SECTION_WORDS: Record<string, string> = {
  objective: 'Objective',
  theoryOfChange: 'Theory of change',
  logicModel: 'Logic model',
  stakeholders: 'Stakeholders & partners',
  learners: 'Learners',
  content: 'Content catalog',
  makeOrBuy: 'Make or buy',
  pathways: 'Pathways & skills',
  onboarding: 'Onboarding checklist',
  communications: 'Communications',
  invitations: 'Invitations',
  marketing: 'Marketing',
  kpis: 'KPIs',
  reviews: 'Reviews & cohorts',
};

const sectionWords = (id: string) => SECTION_WORDS[id] ?? '';
const dash = (text: string) => text.trim() || '—';

/** The cohorts side by side: a header row (Measure, cohort names) and one row per measure. */
export function cohortComparisonRows(plan: Plan): {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
} {
  const comparison = compareCohorts(
    plan,
    plan.manage.cohorts.map((c) => c.id),
  );
  const header = ['Measure', ...comparison.cohorts.map((c) => c.name.trim() || 'Unnamed cohort')];
  const rows: string[][] = [
    [
      'Dates',
      ...comparison.cohorts.map((c) =>
        c.start || c.end ? `${formatDate(c.start)} – ${formatDate(c.end)}` : '—',
      ),
    ],
  ];
  if (comparison.progress.some((p) => p !== null)) {
    for (const stage of FUNNEL_STAGES)
      rows.push([
        FUNNEL_STAGE_LABEL[stage],
        ...comparison.progress.map((p) => (p ? formatValue(p.counts[stage]) : '—')),
      ]);
    rows.push(
      [
        'Completion (of enrolled)',
        ...comparison.progress.map((p) => percentText(p?.completionRate ?? null)),
      ],
      [
        'Placement (of completed)',
        ...comparison.progress.map((p) => percentText(p?.placementRate ?? null)),
      ],
      ['Counted on', ...comparison.progress.map((p) => (p ? formatDate(p.date) : '—'))],
    );
  }
  for (const kpi of comparison.kpis)
    rows.push([
      `KPI: ${kpi.name}${kpi.unit ? ` (${kpi.unit})` : ''}`,
      ...kpi.byCohort.map((v) => (v ? `${formatValue(v.value)} (${formatDate(v.date)})` : '—')),
    ]);
  // A measure no cohort has (a rate with nobody enrolled) says nothing.
  return { header, rows: rows.filter((r) => r.slice(1).some((cell) => cell !== '—')) };
}

/** The assumption status table: each assumption with its status at the latest review that judged it. */
export function assumptionStatusRows(plan: Plan): string[][] {
  const standings = assumptionStandings(plan.manage.reviews);
  const kpiNames = new Map(
    plan.manage.kpis.map((k) => [k.id, kpiTargets(plan.indicators, k).name || 'Untitled KPI']),
  );
  return assumptionNodes(plan).map((node) => {
    const s = standings.get(node.id);
    return [
      node.title.trim() || 'Untitled assumption',
      s ? ASSUMPTION_STATUS_LABEL[s.status] : 'Not judged yet',
      s ? formatDate(s.date) : '—',
      s ? s.kpiIds.map((id) => kpiNames.get(id) ?? 'a KPI no longer in the plan').join('; ') : '',
      s ? s.note.trim() : '',
    ];
  });
}

/** A table without the columns no row fills (no KPI evidence or note recorded anywhere). */
function withoutEmptyColumns(columns: DocColumn[], rows: string[][]): DocBlock {
  const keep = columns.map((_, c) => c === 0 || rows.some((r) => r[c] && r[c] !== '—'));
  return {
    type: 'table',
    columns: columns.filter((_, c) => keep[c]),
    rows: rows.map((r) => r.filter((_, c) => keep[c])),
  };
}

/** The chapter's blocks for an audience; empty when there is nothing to report. */
export function reviewBlocks(plan: Plan, profile: Profile): DocBlock[] {
  if (!hasReviews(plan)) return [];
  const { iteration, reviews, cohorts } = plan.manage;
  const judgements = shows(profile, 'reviewJudgements');
  const ordered = reviewsNewestFirst(reviews);
  const cohortName = (id: string | null) =>
    id ? (cohorts.find((c) => c.id === id)?.name.trim() ?? 'a cohort no longer in the plan') : null;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: `This is version ${iteration.versionNumber}${iteration.versionName.trim() ? ` (“${iteration.versionName.trim()}”)` : ''} of the plan. ${
        ordered.length === 0
          ? 'No review has been held yet.'
          : `${ordered.length} ${ordered.length === 1 ? 'review' : 'reviews'}, the latest on ${formatDate(ordered[0]!.date)}.`
      }`,
    },
  ];
  if (iteration.previousVersions.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Earlier versions kept' },
      {
        type: 'table',
        columns: [
          { title: 'Version', width: 50 },
          { title: 'Kept on', width: 22 },
          { title: 'Cohort it ran', width: 28 },
        ],
        rows: iteration.previousVersions.map((v) => [
          v.name.trim() || 'Unnamed version',
          formatDate(v.keptAt.slice(0, 10)),
          cohortName(v.cohortId) ?? '—',
        ]),
      },
    );

  if (judgements && plan.theoryOfChange.nodes.some((n) => n.kind === 'assumption')) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Assumptions at the latest review' },
      {
        type: 'paragraph',
        style: 'note',
        text: 'Each assumption of the theory of change as judged at the latest review that judged it: holding, at risk or broken, with the KPIs whose evidence the judgement rests on.',
      },
      withoutEmptyColumns(
        [
          { title: 'Assumption', width: 30 },
          { title: 'Status', width: 11 },
          { title: 'Judged on', width: 15 },
          { title: 'KPI evidence', width: 22 },
          { title: 'Note', width: 22 },
        ],
        assumptionStatusRows(plan).map((r) => r.map((cell, i) => (i > 2 ? dash(cell) : cell))),
      ),
    );
  }

  if (ordered.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Reviews' });
    const titles = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n.title.trim()]));
    for (const review of ordered) {
      blocks.push(
        { type: 'heading', level: 3, text: `Review of ${formatDate(review.date)}` },
        {
          type: 'facts',
          rows: [
            ['Cohort reviewed', cohortName(review.cohortId) ?? 'The program as a whole'],
            ...(judgements
              ? ([
                  ['Summary', dash(review.summary)],
                  ['What was learned', dash(review.lessons)],
                  ['Decisions', dash(review.decisions)],
                ] as const)
              : []),
          ],
        },
      );
      if (!judgements) continue;
      if (review.assumptions.length > 0)
        blocks.push({
          type: 'bullets',
          items: review.assumptions.map(
            (c) =>
              `${ASSUMPTION_STATUS_LABEL[c.status]}: ${titles.get(c.nodeId) || 'an assumption no longer in the theory of change'}${c.note.trim() ? ` — ${c.note.trim()}` : ''}`,
          ),
        });
      if (review.actions.length > 0)
        blocks.push(
          { type: 'paragraph', text: 'Actions:' },
          {
            type: 'bullets',
            items: review.actions.map(
              (a) =>
                `${a.done ? 'Done' : 'Open'}: ${dash(a.text)}${sectionWords(a.section) ? ` (act in ${sectionWords(a.section)})` : ''}`,
            ),
          },
        );
    }
  }

  if (judgements && iteration.carriedActions.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Lessons carried into this version' },
      {
        type: 'bullets',
        items: iteration.carriedActions.map(
          (a) =>
            `${a.done ? 'Done' : 'To do'}: ${dash(a.text)}${sectionWords(a.section) ? ` (act in ${sectionWords(a.section)})` : ''}`,
        ),
      },
    );

  if (cohorts.length > 0) {
    const { header, rows } = cohortComparisonRows(plan);
    const width = Math.floor(64 / Math.max(1, header.length - 1));
    const columns: DocColumn[] = header.map((title, i) =>
      i === 0 ? { title, width: 36 } : { title, width, numeric: true },
    );
    blocks.push(
      { type: 'heading', level: 2, text: 'Cohorts compared' },
      {
        type: 'paragraph',
        style: 'note',
        text: 'Counts from the latest roster import that counted each cohort (aggregates, no person), and the latest KPI actual recorded for each cohort.',
      },
      { type: 'table', columns, rows },
    );
  }
  return blocks;
}

/** A column of the Excel sheets (the shape of xlsx.ts table sheets). */
export interface ReviewSheetColumn {
  readonly header: string;
  readonly width: number;
  readonly kind?: 'date';
  readonly wrap?: boolean;
}

/** One Excel sheet of this chapter. */
export interface ReviewSheet {
  readonly name: string;
  readonly columns: readonly ReviewSheetColumn[];
  readonly rows: readonly (readonly (string | null)[])[];
}

/**
 * The Excel sheets: "Reviews" (one row per review), "Assumptions" (one row
 * per assumption judged at each review; not for partners) and "Cohorts"
 * (the comparison, measures down, cohorts across).
 */
export function reviewSheets(plan: Plan, profile: Profile): ReviewSheet[] {
  if (!hasReviews(plan)) return [];
  const judgements = shows(profile, 'reviewJudgements');
  const ordered = reviewsNewestFirst(plan.manage.reviews);
  const cohorts = new Map(plan.manage.cohorts.map((c) => [c.id, c.name.trim()]));
  const cohortOf = (id: string | null) =>
    id ? (cohorts.get(id) ?? 'Cohort no longer in the plan') : 'Whole program';
  const sheets: ReviewSheet[] = [];
  if (ordered.length > 0)
    sheets.push({
      name: 'Reviews',
      columns: [
        { header: 'Date', width: 13, kind: 'date' },
        { header: 'Cohort', width: 24, wrap: true },
        ...(judgements
          ? [
              { header: 'Summary', width: 40, wrap: true },
              { header: 'What was learned', width: 40, wrap: true },
              { header: 'Decisions', width: 40, wrap: true },
              { header: 'Holding', width: 10 },
              { header: 'At risk', width: 10 },
              { header: 'Broken', width: 10 },
              { header: 'Actions (open / all)', width: 14 },
            ]
          : []),
      ],
      rows: ordered.map((r) => {
        const count = (s: string) => String(r.assumptions.filter((c) => c.status === s).length);
        return [
          r.date,
          cohortOf(r.cohortId),
          ...(judgements
            ? [
                r.summary,
                r.lessons,
                r.decisions,
                count('holding'),
                count('atRisk'),
                count('broken'),
                `${r.actions.filter((a) => !a.done).length} / ${r.actions.length}`,
              ]
            : []),
        ];
      }),
    });
  if (judgements && ordered.length > 0) {
    const titles = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n.title.trim()]));
    const kpiNames = new Map(
      plan.manage.kpis.map((k) => [k.id, kpiTargets(plan.indicators, k).name || 'Untitled KPI']),
    );
    sheets.push({
      name: 'Assumptions at reviews',
      columns: [
        { header: 'Review date', width: 13, kind: 'date' },
        { header: 'Assumption', width: 44, wrap: true },
        { header: 'Status', width: 11 },
        { header: 'KPI evidence', width: 40, wrap: true },
        { header: 'Note', width: 40, wrap: true },
      ],
      rows: ordered.flatMap((r) =>
        r.assumptions.map((c) => [
          r.date,
          titles.get(c.nodeId) || 'Assumption no longer in the theory of change',
          ASSUMPTION_STATUS_LABEL[c.status],
          c.kpiIds.map((id) => kpiNames.get(id) ?? 'a KPI no longer in the plan').join('; '),
          c.note,
        ]),
      ),
    });
  }
  if (plan.manage.cohorts.length > 0) {
    const { header, rows } = cohortComparisonRows(plan);
    sheets.push({
      name: 'Cohorts compared',
      columns: header.map((h, i) => ({ header: h, width: i === 0 ? 40 : 22, wrap: true })),
      rows,
    });
  }
  return sheets;
}
