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
import { kpiTargets } from '../indicators/measures';
import { compareCohorts, FUNNEL_STAGES } from '../manage/cohorts';
import { assumptionNodes, assumptionStandings, reviewsNewestFirst } from '../manage/reviews';
import type { Plan } from '../plan/schema';
import { englishLocale, type DocLocale } from './locale';

/** Whether the plan has reviews, cohorts or kept versions to report. */
export function hasReviews(plan: Plan): boolean {
  const m = plan.manage;
  return m.reviews.length > 0 || m.cohorts.length > 0 || m.iteration.previousVersions.length > 0;
}

/** The sections a lesson can be acted in (named as in the app). */
const SECTIONS = new Set([
  'objective',
  'theoryOfChange',
  'logicModel',
  'stakeholders',
  'learners',
  'content',
  'makeOrBuy',
  'pathways',
  'onboarding',
  'communications',
  'invitations',
  'marketing',
  'kpis',
  'reviews',
] as const);
type ActionSection = typeof SECTIONS extends Set<infer S> ? S : never;

/** The section a lesson is acted in, in words; '' for none. */
const sectionWords = (loc: DocLocale, id: string) =>
  SECTIONS.has(id as ActionSection) ? loc.d(`reviews.section.${id as ActionSection}`) : '';
const dash = (text: string) => text.trim() || '—';

/** A review action or carried lesson: "Done: text (act in Objective)". */
function actionLine(
  loc: DocLocale,
  state: 'done' | 'open' | 'toDo',
  text: string,
  section: string,
): string {
  const where = sectionWords(loc, section);
  const line = loc.d(`reviews.action.${state}`, { text: dash(text) });
  return where ? loc.d('reviews.actIn', { action: line, section: where }) : line;
}

/** The cohorts side by side: a header row (Measure, cohort names) and one row per measure. */
export function cohortComparisonRows(
  plan: Plan,
  loc: DocLocale = englishLocale(),
): {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
} {
  const d = loc.d;
  const date = (iso: string | null | undefined) => loc.date(iso, '—');
  const percent = (share: number | null) => (share === null ? '—' : loc.percent(share));
  const comparison = compareCohorts(
    plan,
    plan.manage.cohorts.map((c) => c.id),
  );
  const header = [
    d('reviews.measure'),
    ...comparison.cohorts.map((c) => c.name.trim() || d('reviews.unnamedCohort')),
  ];
  const rows: string[][] = [
    [
      d('reviews.dates'),
      ...comparison.cohorts.map((c) =>
        c.start || c.end ? d('reviews.dateRange', { start: date(c.start), end: date(c.end) }) : '—',
      ),
    ],
  ];
  if (comparison.progress.some((p) => p !== null)) {
    for (const stage of FUNNEL_STAGES)
      rows.push([
        d(`reviews.stage.${stage}`),
        ...comparison.progress.map((p) => (p ? loc.value(p.counts[stage]) : '—')),
      ]);
    rows.push(
      [
        d('reviews.completionOfEnrolled'),
        ...comparison.progress.map((p) => percent(p?.completionRate ?? null)),
      ],
      [
        d('reviews.placementOfCompleted'),
        ...comparison.progress.map((p) => percent(p?.placementRate ?? null)),
      ],
      [d('reviews.countedOn'), ...comparison.progress.map((p) => (p ? date(p.date) : '—'))],
    );
  }
  for (const kpi of comparison.kpis)
    rows.push([
      kpi.unit
        ? d('reviews.kpiWithUnit', { name: kpi.name, unit: kpi.unit })
        : d('reviews.kpi', { name: kpi.name }),
      ...kpi.byCohort.map((v) =>
        v ? d('reviews.valueOn', { value: loc.value(v.value), date: date(v.date) }) : '—',
      ),
    ]);
  // A measure no cohort has (a rate with nobody enrolled) says nothing.
  return { header, rows: rows.filter((r) => r.slice(1).some((cell) => cell !== '—')) };
}

/** The assumption status table: each assumption with its status at the latest review that judged it. */
export function assumptionStatusRows(plan: Plan, loc: DocLocale = englishLocale()): string[][] {
  const d = loc.d;
  const standings = assumptionStandings(plan.manage.reviews);
  const kpiNames = new Map(
    plan.manage.kpis.map((k) => [
      k.id,
      kpiTargets(plan.indicators, k).name || d('reviews.untitledKpi'),
    ]),
  );
  return assumptionNodes(plan).map((node) => {
    const s = standings.get(node.id);
    return [
      node.title.trim() || d('reviews.untitledAssumption'),
      s ? d(`reviews.status.${s.status}`) : d('reviews.notJudged'),
      s ? loc.date(s.date, '—') : '—',
      s
        ? s.kpiIds
            .map((id) => kpiNames.get(id) ?? d('reviews.kpiGone'))
            .join(d('punctuation.semicolon'))
        : '',
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
export function reviewBlocks(
  plan: Plan,
  profile: Profile,
  loc: DocLocale = englishLocale(),
): DocBlock[] {
  if (!hasReviews(plan)) return [];
  const d = loc.d;
  const date = (iso: string | null | undefined) => loc.date(iso, '—');
  const { iteration, reviews, cohorts } = plan.manage;
  const judgements = shows(profile, 'reviewJudgements');
  const ordered = reviewsNewestFirst(reviews);
  const cohortName = (id: string | null) =>
    id ? (cohorts.find((c) => c.id === id)?.name.trim() ?? d('reviews.cohortGone')) : null;
  const versionName = iteration.versionName.trim();
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: [
        versionName
          ? d('reviews.versionNamed', { number: iteration.versionNumber, name: versionName })
          : d('reviews.version', { number: iteration.versionNumber }),
        ordered.length === 0
          ? d('reviews.noReview')
          : d('reviews.reviewCount', { count: ordered.length, date: date(ordered[0]!.date) }),
      ].join(' '),
    },
  ];
  if (iteration.previousVersions.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('reviews.earlierVersions') },
      {
        type: 'table',
        columns: [
          { title: d('reviews.versionColumn'), width: 50 },
          { title: d('reviews.keptOn'), width: 22 },
          { title: d('reviews.cohortItRan'), width: 28 },
        ],
        rows: iteration.previousVersions.map((v) => [
          v.name.trim() || d('reviews.unnamedVersion'),
          date(v.keptAt.slice(0, 10)),
          cohortName(v.cohortId) ?? '—',
        ]),
      },
    );

  if (judgements && plan.theoryOfChange.nodes.some((n) => n.kind === 'assumption')) {
    blocks.push(
      { type: 'heading', level: 2, text: d('reviews.assumptionsHeading') },
      { type: 'paragraph', style: 'note', text: d('reviews.assumptionsNote') },
      withoutEmptyColumns(
        [
          { title: d('reviews.assumption'), width: 30 },
          { title: d('col.status'), width: 11 },
          { title: d('reviews.judgedOn'), width: 15 },
          { title: d('reviews.kpiEvidence'), width: 22 },
          { title: d('col.note'), width: 22 },
        ],
        assumptionStatusRows(plan, loc).map((r) => r.map((cell, i) => (i > 2 ? dash(cell) : cell))),
      ),
    );
  }

  if (ordered.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: d('reviews.reviews') });
    const titles = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n.title.trim()]));
    for (const review of ordered) {
      blocks.push(
        { type: 'heading', level: 3, text: d('reviews.reviewOf', { date: date(review.date) }) },
        {
          type: 'facts',
          rows: [
            [d('reviews.cohortReviewed'), cohortName(review.cohortId) ?? d('reviews.wholeProgram')],
            ...(judgements
              ? ([
                  [d('reviews.summary'), dash(review.summary)],
                  [d('reviews.learned'), dash(review.lessons)],
                  [d('reviews.decisions'), dash(review.decisions)],
                ] as const)
              : []),
          ],
        },
      );
      if (!judgements) continue;
      if (review.assumptions.length > 0)
        blocks.push({
          type: 'bullets',
          items: review.assumptions.map((c) => {
            const line = d('common.labelled', {
              label: d(`reviews.status.${c.status}`),
              text: titles.get(c.nodeId) || d('reviews.assumptionGone'),
            });
            return c.note.trim()
              ? d('reviews.withNote', { text: line, note: c.note.trim() })
              : line;
          }),
        });
      if (review.actions.length > 0)
        blocks.push(
          { type: 'paragraph', text: d('reviews.actions') },
          {
            type: 'bullets',
            items: review.actions.map((a) =>
              actionLine(loc, a.done ? 'done' : 'open', a.text, a.section),
            ),
          },
        );
    }
  }

  if (judgements && iteration.carriedActions.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('reviews.carried') },
      {
        type: 'bullets',
        items: iteration.carriedActions.map((a) =>
          actionLine(loc, a.done ? 'done' : 'toDo', a.text, a.section),
        ),
      },
    );

  if (cohorts.length > 0) {
    const { header, rows } = cohortComparisonRows(plan, loc);
    const width = Math.floor(64 / Math.max(1, header.length - 1));
    const columns: DocColumn[] = header.map((title, i) =>
      i === 0 ? { title, width: 36 } : { title, width, numeric: true },
    );
    blocks.push(
      { type: 'heading', level: 2, text: d('reviews.cohortsCompared') },
      { type: 'paragraph', style: 'note', text: d('reviews.cohortsNote') },
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
export function reviewSheets(
  plan: Plan,
  profile: Profile,
  loc: DocLocale = englishLocale(),
): ReviewSheet[] {
  if (!hasReviews(plan)) return [];
  const { d, w } = loc;
  const judgements = shows(profile, 'reviewJudgements');
  const ordered = reviewsNewestFirst(plan.manage.reviews);
  const cohorts = new Map(plan.manage.cohorts.map((c) => [c.id, c.name.trim()]));
  const cohortOf = (id: string | null) =>
    id ? (cohorts.get(id) ?? w('reviews.cohortGone')) : w('reviews.wholeProgram');
  const sheets: ReviewSheet[] = [];
  if (ordered.length > 0)
    sheets.push({
      name: w('sheets.reviews'),
      columns: [
        { header: w('col.date'), width: 13, kind: 'date' },
        { header: w('col.cohort'), width: 24, wrap: true },
        ...(judgements
          ? [
              { header: w('reviews.summary'), width: 40, wrap: true },
              { header: w('reviews.learned'), width: 40, wrap: true },
              { header: w('reviews.decisions'), width: 40, wrap: true },
              { header: d('reviews.status.holding'), width: 10 },
              { header: d('reviews.status.atRisk'), width: 10 },
              { header: d('reviews.status.broken'), width: 10 },
              { header: w('reviews.actions'), width: 14 },
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
                w('reviews.openOfAll', {
                  open: loc.count(r.actions.filter((a) => !a.done).length),
                  all: loc.count(r.actions.length),
                }),
              ]
            : []),
        ];
      }),
    });
  if (judgements && ordered.length > 0) {
    const titles = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n.title.trim()]));
    const kpiNames = new Map(
      plan.manage.kpis.map((k) => [
        k.id,
        kpiTargets(plan.indicators, k).name || d('reviews.untitledKpi'),
      ]),
    );
    sheets.push({
      name: w('sheets.assumptionsAtReviews'),
      columns: [
        { header: w('reviews.reviewDate'), width: 13, kind: 'date' },
        { header: w('reviews.assumption'), width: 44, wrap: true },
        { header: w('col.status'), width: 11 },
        { header: w('reviews.kpiEvidence'), width: 40, wrap: true },
        { header: w('col.note'), width: 40, wrap: true },
      ],
      rows: ordered.flatMap((r) =>
        r.assumptions.map((c) => [
          r.date,
          titles.get(c.nodeId) || w('reviews.assumptionGone'),
          d(`reviews.status.${c.status}`),
          c.kpiIds
            .map((id) => kpiNames.get(id) ?? d('reviews.kpiGone'))
            .join(d('punctuation.semicolon')),
          c.note,
        ]),
      ),
    });
  }
  if (plan.manage.cohorts.length > 0) {
    const { header, rows } = cohortComparisonRows(plan, loc);
    sheets.push({
      name: w('sheets.cohortsCompared'),
      columns: header.map((h, i) => ({ header: h, width: i === 0 ? 40 : 22, wrap: true })),
      rows,
    });
  }
  return sheets;
}
