/**
 * The program-plan document as plain content — headings, paragraphs,
 * tables, diagrams — before any file format. The Word builder renders it,
 * the benchmark renders the same content with bare `docx` for its ratio, and
 * tests read it without unzipping anything. The audience profile is applied
 * here, once, from the field table in audience.ts: a partner-safe document
 * never even holds a stance or a contact detail.
 */
import { KIND_LABELS } from '../content/catalog';
import { countOf, formatCount } from '../words';
import { OPTION_LABELS, scorePlanDecision } from '../content/makeorbuy';
import { describeDuration, LEVEL_LABELS, summarisePathway } from '../content/pathways';
import {
  baselineToTarget,
  FREQUENCY_LABELS,
  formatValue,
  SUCCESS_MEASURE_LABELS,
} from '../indicators/format';
import {
  BARRIER_LABELS,
  formatMoney,
  incentiveBudget,
  INCENTIVE_TYPES,
  POPULATION_LABELS,
  totalIncentiveBudget,
} from '../learners/segments';
import { CHAIN_LANES, laneInfo, NOTE_LANES } from '../logic-model/lanes';
import { tracedTocNode } from '../logic-model/trace';
import { indicatorsBySubject, measuresOf, successMeasuresOf } from '../indicators/measures';
import {
  BUDGET_LINE_LABELS,
  BUDGET_LINES,
  budgetLinesTotal,
  currencyName,
  plannedCosts,
} from '../learners/budget';
import { longDate, monthYear } from '../long-date';
import { roundToTotal } from '../numbers';
import type { Indicator, Plan, Stakeholder } from '../plan/schema';
import { categoryLabel, categoryOf, engagementItems, stanceLabel } from '../stakeholders/register';
import { QUADRANT_INFO, QUADRANT_ORDER, quadrantOf } from '../stakeholders/quadrants';
import { addDays, daysBetween, describeRepeat } from '../stakeholders/schedule';
import { EVIDENCE_LEVELS, isNoteKind, kindLabel, pathwayRank } from '../toc/kinds';
import { logicModelScene } from './diagrams/logic-model';
import { marketingBlocks } from './marketing-chapter';
import { reviewBlocks } from './reviews-chapter';
import { kpiBlocks } from './kpis-chapter';
import { engagementBlocks } from './engagement-chapter';
import { invitationBlocks } from './invitations-chapter';
import { rosterBlocks } from './roster-chapter';
import { contentInUseBlocks, skillsFirstBlocks } from './content-use-chapter';
import { onboardingBlocks } from './onboarding-chapter';
import { communicationsBlocks } from './communications-chapter';
import { matrixDrawsArrows, matrixScene } from './diagrams/matrix';
import type { DiagramScene } from './diagrams/scene';
import { tocScene } from './diagrams/toc';
import { withUniqueLinks } from './unique-links';
import { resultsFramework, type FrameworkIndicator } from './results-framework';
import { audienceNote, shows, type AudienceFieldId } from './audience';
import {
  EXPORT_SECTIONS,
  PROFILES,
  type ExportOptions,
  type ExportSectionId,
  type Profile,
} from './options';
import { countByQuadrant, placedQuadrant } from '../stakeholders/register';
import { looseKey, wordsKey } from '../text-key';

/** A table column: heading and relative width. */
export interface DocColumn {
  readonly title: string;
  readonly width: number;
  /** Right-align numbers. */
  readonly numeric?: boolean;
  /** The first line of each cell is a title: set it in bold. */
  readonly firstLineBold?: boolean;
}

/** Content blocks of a section. */
export type DocBlock =
  | { readonly type: 'heading'; readonly level: 2 | 3; readonly text: string }
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly style?: 'lead' | 'note' | 'quote';
    }
  | { readonly type: 'bullets'; readonly items: readonly string[] }
  | { readonly type: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | {
      readonly type: 'table';
      readonly columns: readonly DocColumn[];
      readonly rows: readonly (readonly string[])[];
      /** A bold last row (totals). */
      readonly totalRow?: readonly string[];
      /**
       * Rows (indices into `rows`) that head a group of the rows after them,
       * such as a result over its indicators: the first cell in its column,
       * the second spanning the rest of the row (the later cells are empty),
       * shaded, and kept on the page of the row that follows.
       */
      readonly groupRows?: readonly number[];
    }
  | {
      readonly type: 'diagram';
      readonly scene: DiagramScene;
      readonly caption: string;
      /** Preferred PNG width in pixels. */
      readonly pixelWidth: number;
    };

/** One top-level section (a chapter starting on a new page). */
export interface DocSection {
  readonly id: ExportSectionId;
  readonly number: number;
  readonly title: string;
  readonly blocks: readonly DocBlock[];
}

/** The whole document. */
export interface PlanDocument {
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  /** The language the plan's text is written in (BCP 47, from the Objective). */
  readonly language: string;
  readonly region: string;
  readonly dateLabel: string;
  readonly version: string;
  readonly profile: Profile;
  readonly audienceNote: string;
  readonly sections: readonly DocSection[];
}

// ---------------------------------------------------------------- formatting

/** "30 June 2028" for an ISO date (or datetime); an em dash when missing. */
export function formatDate(iso: string | null | undefined): string {
  return longDate(iso, '—');
}

const dash = (text: string | null | undefined) => (text && text.trim() ? text.trim() : '—');
const num = (n: number | null) => (n === null ? '—' : formatValue(n));
const money = (n: number | null, currency: string | null) =>
  n === null ? '—' : formatMoney(n, currency);
/**
 * An amount in running text or a fact: in the plan currency, or saying that
 * none is chosen yet (the plan stores no currency until the planner picks one).
 */
const amount = (n: number | null, currency: string | null) =>
  n === null ? '—' : `${formatMoney(n, currency)}${currency ? '' : ' (currency not chosen)'}`;
/** A money column's heading; its cells are bare numbers when no currency is chosen, so it says so. */
const moneyTitle = (title: string, currency: string | null) =>
  currency ? title : `${title} (currency not chosen)`;
const plural = (n: number, one: string, many = `${one}s`) => countOf(n, one, many);

/** Splits a long text into paragraphs at blank lines (single line breaks stay inside). */
function paragraphs(text: string, style?: 'lead' | 'note' | 'quote'): DocBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', text: p, ...(style ? { style } : {}) }) as const);
}

/** A heading plus its text, or nothing when the text is empty. */
function textSection(title: string, text: string): DocBlock[] {
  const body = paragraphs(text);
  return body.length ? [{ type: 'heading', level: 2, text: title }, ...body] : [];
}

// ---------------------------------------------------------------- sections

function objectiveSection(plan: Plan): DocBlock[] {
  const o = plan.objective;
  const blocks: DocBlock[] = [
    {
      type: 'facts',
      rows: [
        ['Program', dash(o.programName || plan.name)],
        ['Organisation', dash(o.organisation)],
        ['Region', dash(o.region)],
        [
          'Plan period',
          o.timeline.plan.start || o.timeline.manage.end
            ? `${formatDate(o.timeline.plan.start)} to ${formatDate(o.timeline.manage.end)}`
            : '—',
        ],
      ],
    },
    ...textSection('The change we seek', o.changeSought),
    ...textSection('Who the program is for', o.targetGroup),
    ...textSection('The problem', o.problemStatement),
    ...textSection('What success means', o.successDefinition),
  ];
  if (o.baseline.description.trim() || o.baseline.source.trim()) {
    blocks.push({ type: 'heading', level: 2, text: 'Baseline before the start' });
    blocks.push(...paragraphs(o.baseline.description));
    const where = [
      o.baseline.date ? `Measured on ${formatDate(o.baseline.date)}` : '',
      o.baseline.source.trim() ? `Source: ${o.baseline.source.trim()}` : '',
    ].filter(Boolean);
    if (where.length)
      blocks.push({ type: 'paragraph', text: `${where.join('. ')}.`, style: 'note' });
  }
  const measures = successMeasuresOf(plan.indicators);
  if (measures.length) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Success measures' },
      {
        type: 'table',
        columns: [
          { title: 'Measure', width: 40 },
          { title: 'Unit', width: 18 },
          { title: 'Baseline', width: 11, numeric: true },
          { title: 'Target', width: 11, numeric: true },
          { title: 'By', width: 16 },
        ],
        rows: measures.map((m) => [
          m.name,
          dash(m.unit),
          num(m.baseline.value),
          num(m.target.value),
          formatDate(m.target.date),
        ]),
      },
    );
  }
  const phases = [
    ['Plan', o.timeline.plan],
    ['Launch', o.timeline.launch],
    ['Manage', o.timeline.manage],
  ] as const;
  if (phases.some(([, p]) => p.start || p.end)) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Timeline' },
      {
        type: 'table',
        columns: [
          { title: 'Phase', width: 30 },
          { title: 'Start', width: 35 },
          { title: 'End', width: 35 },
        ],
        rows: phases.map(([name, p]) => [name, formatDate(p.start), formatDate(p.end)]),
      },
    );
  }
  blocks.push(...budgetBlocks(plan));
  return blocks;
}

/** The program budget by line against what the plan's own figures cost. */
function budgetBlocks(plan: Plan): DocBlock[] {
  const budget = plan.budget;
  const planned = plannedCosts(plan);
  const licences = plan.launch.marketing.licenses;
  const anyBudget = budget.total !== null || BUDGET_LINES.some((l) => budget.lines[l] !== null);
  if (!anyBudget && planned.total === 0 && licences === null) return [];
  const currency = budget.currency;
  const linesTotal = budgetLinesTotal(budget);
  const facts: [string, string][] = [
    ['Currency', currency ? currencyName(currency) : 'Not chosen yet'],
    ['Total budget', amount(budget.total, currency)],
    ['Licences', licences === null ? '—' : formatCount(licences)],
    ['Expected participants', formatCount(planned.participants)],
  ];
  return [
    { type: 'heading', level: 2, text: 'Budget' },
    { type: 'facts', rows: facts },
    {
      type: 'table',
      columns: [
        { title: 'Budget line', width: 40 },
        { title: moneyTitle('Budget', currency), width: 30, numeric: true },
        { title: moneyTitle('Planned in this plan', currency), width: 30, numeric: true },
      ],
      rows: BUDGET_LINES.map((line) => [
        BUDGET_LINE_LABELS[line],
        money(budget.lines[line], currency),
        money(planned.lines[line], currency),
      ]),
      totalRow: [
        'Total of the lines',
        money(linesTotal, currency),
        formatMoney(planned.total, currency),
      ],
    },
    ...(budget.total !== null && linesTotal !== null && linesTotal !== budget.total
      ? [
          {
            type: 'paragraph' as const,
            style: 'note' as const,
            text:
              linesTotal < budget.total
                ? `${amount(budget.total - linesTotal, currency)} of the total budget of ${amount(budget.total, currency)} is not allocated to a line.`
                : `The lines add up to ${amount(linesTotal - budget.total, currency)} more than the total budget of ${amount(budget.total, currency)}.`,
          },
        ]
      : []),
  ];
}

/** Above this many elements, no overview is drawn (see theoryOfChangeSection). */
const UNDRAWABLE_DIAGRAM_LIMIT = 400;
/** Above this many elements the diagram is drawn without titles (unreadable at page size). */
const LABELLED_DIAGRAM_LIMIT = 150;

function theoryOfChangeSection(plan: Plan): DocBlock[] {
  const toc = plan.theoryOfChange;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'The theory of change explains why the program expects its interventions to lead, through a chain of outcomes and the preconditions they need, to the long-term impact. Each link states the reasoning behind it and the assumptions it rests on.',
    },
  ];
  // The narrative first: running text stays on portrait pages before the
  // figure's own page(s).
  blocks.push(...textSection('Narrative', toc.narrative));
  if (toc.nodes.length > UNDRAWABLE_DIAGRAM_LIMIT) {
    // Hundreds of elements shrink to an unreadable strip on a page (and take
    // long to draw): say so instead, and let the tables carry the content.
    blocks.push({
      type: 'paragraph',
      text: `The theory of change has ${toc.nodes.length.toLocaleString('en-GB')} elements, too many to draw legibly on a page. In place of a diagram, the tables below list every element by level, from the impact down to the interventions, and every link with the reasoning behind it.`,
    });
  } else if (toc.nodes.length) {
    const labels = toc.nodes.length <= LABELLED_DIAGRAM_LIMIT;
    blocks.push({
      type: 'diagram',
      scene: tocScene(plan, labels),
      // Unlabelled overviews need fewer pixels, and draw much faster.
      pixelWidth: labels ? 1800 : 900,
      caption: `Figure: Theory of change, read from the interventions at the bottom up to the impact at the top. Border styles: heavy = impact; solid rounded = outcome; dashed = precondition; square = intervention; dotted = assumption; dash-dot = external factor.${labels ? '' : ' The pathway has too many elements to label at page size; the tables below list every element and link.'}`,
    });
  }
  const pathway = toc.nodes.filter((n) => !isNoteKind(n.kind));
  if (pathway.length) {
    const sorted = [...pathway].sort((a, b) => pathwayRank(a) - pathwayRank(b));
    const bySubject = indicatorsBySubject(plan.indicators);
    blocks.push(
      { type: 'heading', level: 2, text: 'Impact, outcomes, preconditions and interventions' },
      {
        type: 'table',
        columns: [
          { title: 'Kind', width: 14 },
          { title: 'Element', width: 28 },
          { title: 'Description', width: 40 },
          { title: 'Indicators', width: 18 },
        ],
        rows: sorted.map((n) => [
          kindLabel(n),
          n.title,
          dash(n.description),
          (bySubject.get(n.id) ?? []).map((i) => i.name).join('; ') || '—',
        ]),
      },
    );
  }
  if (toc.links.length) {
    const byId = new Map(toc.nodes.map((n) => [n.id, n]));
    const evidence = new Map<string, string>(EVIDENCE_LEVELS.map((e) => [e.value, e.label]));
    blocks.push(
      { type: 'heading', level: 2, text: 'Causal links and their rationale' },
      {
        type: 'table',
        columns: [
          { title: 'From', width: 19 },
          { title: 'Leads to', width: 19 },
          { title: 'Because', width: 32 },
          { title: 'Assumptions', width: 19 },
          { title: 'Evidence', width: 11 },
        ],
        rows: toc.links.map((l) => [
          byId.get(l.source)?.title ?? '(deleted element)',
          byId.get(l.target)?.title ?? '(deleted element)',
          dash(withoutLeadingBecause(l.rationale)),
          l.assumptions.filter((a) => a.trim()).join('; ') || '—',
          evidence.get(l.evidence) ?? l.evidence,
        ]),
      },
    );
  }
  const notes = toc.nodes.filter((n) => isNoteKind(n.kind));
  if (notes.length) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Assumptions and external factors' },
      {
        type: 'table',
        columns: [
          { title: 'Kind', width: 16 },
          { title: 'Statement', width: 34 },
          { title: 'Why it matters', width: 50 },
        ],
        rows: notes.map((n) => [kindLabel(n), n.title, dash(n.description)]),
      },
    );
  }
  return blocks;
}

function logicModelSection(plan: Plan): DocBlock[] {
  const items = plan.logicModel.items;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'The logic model sets out how the program works: the resources it uses, what it does, what it produces, and the changes that follow in the short, intermediate and long term. The logframe below gives each level its indicators, means of verification and assumptions.',
    },
  ];
  const chain = CHAIN_LANES.flatMap((lane) =>
    items.filter((i) => i.lane === lane.id).sort((a, b) => a.order - b.order),
  );
  if (chain.length) {
    const bySubject = indicatorsBySubject(plan.indicators);
    blocks.push(
      { type: 'heading', level: 2, text: 'Logframe' },
      {
        type: 'table',
        columns: [
          { title: 'Level', width: 11 },
          { title: 'Result', width: 22, firstLineBold: true },
          { title: 'Indicators (baseline → target)', width: 22 },
          { title: 'Means of verification', width: 16 },
          { title: 'Assumptions', width: 16 },
          { title: 'Contributes to (theory of change)', width: 13 },
        ],
        rows: chain.map((item) => [
          laneInfo(item.lane).level,
          item.description.trim() ? `${item.title}\n${item.description.trim()}` : item.title,
          // Its own indicators and those of the ToC outcome it is traced to (one framework).
          // A copy recorded on both with the same words and figures, once.
          distinctLines(
            measuresOf(bySubject, item.id, item.tocOutcomeId).map(
              ({ indicator: i }) => `${i.name}: ${baselineToTarget(i)}`,
            ),
          ),
          dash(item.meansOfVerification),
          dash(item.assumptions),
          tracedTocNode(plan, item)?.title ?? '—',
        ]),
      },
    );
  }
  for (const lane of NOTE_LANES) {
    const notes = items.filter((i) => i.lane === lane.id).sort((a, b) => a.order - b.order);
    if (!notes.length) continue;
    blocks.push(
      { type: 'heading', level: 2, text: lane.label },
      {
        type: 'bullets',
        items: notes.map((n) =>
          n.description.trim() ? `${n.title}: ${n.description.trim()}` : n.title,
        ),
      },
    );
  }
  // The figure last: it takes a landscape page of its own, after the
  // running text and the logframe on portrait pages.
  if (items.length) {
    const labels = items.length <= LABELLED_DIAGRAM_LIMIT;
    blocks.push({
      type: 'diagram',
      scene: logicModelScene(plan, labels),
      pixelWidth: labels ? 2000 : 900,
      caption: `Figure: Logic model, read from left to right. Dashed boxes are outputs; shaded boxes are outcomes.${labels ? '' : ' The model has too many items to label at page size; the logframe lists every item.'}`,
    });
  }
  return blocks;
}

/**
 * What the indicators table can be trusted for, said only as far as it is
 * true: "Baselines and targets are dated" when every one is, else how many.
 */
export function indicatorCompleteness(indicators: readonly Indicator[]): string {
  const n = indicators.length;
  const dated = indicators.filter((i) => i.baseline.date && i.target.date).length;
  const sentences = [
    dated === n
      ? 'Baselines and targets are dated.'
      : `${dated === 0 ? 'None' : `${dated} of ${n}`} have a dated baseline and target.`,
  ];
  const missing = (
    [
      ['a data source', (i: Indicator) => i.dataSource.trim() !== ''],
      ['a reporting frequency', (i: Indicator) => i.frequency !== null],
      ['an owner', (i: Indicator) => i.owner.trim() !== ''],
    ] as const
  ).map(([what, has]) => [what, indicators.filter((i) => !has(i)).length] as const);
  if (missing.every(([, count]) => count === 0))
    sentences.push('Each has a data source, a reporting frequency and an owner.');
  else
    for (const [what, count] of missing)
      if (count > 0)
        sentences.push(
          `${count === n ? 'None has' : `${count} of ${n} have no`} ${count === n ? what : what.replace(/^an? /, '')} yet.`,
        );
  return sentences.join(' ');
}

/** "34 (2025)": a baseline's value and year. */
function baselineCell(values: readonly Indicator[]): string {
  return distinctLines(values.map((i) => datedValue(i.baseline, 'year')));
}

/** "60 by June 2028": a target's value and when it is due. */
function targetCell(values: readonly Indicator[]): string {
  return distinctLines(values.map((i) => datedValue(i.target, 'month')));
}

/** A dated value for the results framework; says what is missing. */
function datedValue(value: Indicator['baseline'], precision: 'year' | 'month'): string {
  const m = /^(\d{4})-(\d{2})/.exec(value.date ?? '');
  const when = m
    ? precision === 'year'
      ? `(${m[1]})`
      : `by ${monthYear(value.date)}`
    : '(no date yet)';
  return value.value === null
    ? `Not set yet${m ? ` ${when}` : ''}`
    : `${formatValue(value.value)} ${when}`;
}

/**
 * Distinct texts of near-duplicate indicators, one a line: one text when they
 * agree up to case, punctuation and spacing (the first wording kept).
 */
function distinctLines(texts: readonly string[]): string {
  const byKey = new Map<string, string>();
  for (const t of texts) if (t.trim() && !byKey.has(wordsKey(t))) byKey.set(wordsKey(t), t);
  return [...byKey.values()].join('\n') || '—';
}

/** The indicator cell: name, unit, success measure and segments it is reported by. */
function indicatorCell(plan: Plan, entry: FrameworkIndicator): string {
  const i = entry.indicator;
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const units = distinctLines(entry.copies.map((c) => c.unit.trim()));
  const by = [...new Set(entry.copies.flatMap((c) => c.disaggregation))];
  const kinds = [
    ...new Set(
      entry.copies.flatMap((c) =>
        c.successMeasure ? [SUCCESS_MEASURE_LABELS[c.successMeasure]] : [],
      ),
    ),
  ];
  return [
    i.name.trim() || 'Untitled indicator',
    units === '—' ? '' : `Unit: ${units.replace(/\n/g, '; ')}`,
    kinds.length
      ? `Success measure of the program${kinds.length === 1 && kinds[0] === SUCCESS_MEASURE_LABELS.other ? '' : ` (${kinds.join('; ').toLowerCase()})`}`
      : '',
    !by.length
      ? ''
      : segments.size > 2 && [...segments.keys()].every((id) => by.includes(id))
        ? 'Reported by each learner segment'
        : `Reported by: ${by.map((id) => segments.get(id) ?? id).join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Numbers of results, as a reader says them: "1.2, 1.4 and 1.6.a". */
function numberList(numbers: readonly string[]): string {
  return numbers.length < 2
    ? (numbers[0] ?? '')
    : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

function indicatorsSection(plan: Plan): DocBlock[] {
  if (!plan.indicators.length) return [];
  const framework = resultsFramework(plan);
  const rows: string[][] = [];
  const groupRows: number[] = [];
  const listed = framework.results.flatMap((r) => r.indicators.map((i) => i.indicator));
  for (const result of framework.results) {
    groupRows.push(rows.length);
    rows.push([
      result.number,
      [
        result.title,
        `${result.kind}${result.note ? `. ${result.note}` : ''}`,
        ...result.alsoStated.map((s) => `${s.where}: ${s.title}`),
      ].join('\n'),
      '',
      '',
      '',
      '',
    ]);
    for (const entry of result.indicators)
      rows.push([
        '',
        indicatorCell(plan, entry),
        baselineCell(entry.copies),
        targetCell(entry.copies),
        [
          distinctLines(entry.copies.map((c) => c.dataSource.trim() || 'Source not set yet')),
          distinctLines(
            entry.copies.map((c) =>
              c.frequency
                ? `Frequency: ${FREQUENCY_LABELS[c.frequency].toLowerCase()}`
                : 'Frequency not set yet',
            ),
          ),
        ].join('\n'),
        distinctLines(entry.copies.map((c) => c.owner.trim())),
      ]);
    for (const { indicator, number } of result.seeAlso)
      rows.push([
        '',
        `${indicator.indicator.name.trim() || 'Untitled indicator'}: see ${number}`,
        '',
        '',
        '',
        '',
      ]);
    if (!result.indicators.length && !result.seeAlso.length)
      rows.push(['', 'No indicator yet', '', '', '', '']);
  }
  const outcomes = framework.results.filter((r) => r.level === 2).map((r) => r.number);
  const outputs = framework.results.filter((r) => r.level === 3);
  const unmeasured = framework.results
    .filter((r) => !r.indicators.length && !r.seeAlso.length)
    .map((r) => r.number);
  const merged = framework.mergedIndicators;
  return [
    {
      type: 'paragraph',
      style: 'lead',
      text: `${plural(framework.indicatorCount, 'indicator')} measure the results of the program. ${indicatorCompleteness(listed)}`,
    },
    { type: 'heading', level: 2, text: 'Results framework' },
    {
      type: 'paragraph',
      text: [
        `Results are numbered by level: 1 is the ${framework.results[0]!.kind.toLowerCase()}`,
        outcomes.length
          ? `, ${outcomes.length === 1 ? `${outcomes[0]} the outcome under it` : `${outcomes[0]} to ${outcomes.at(-1)} the outcomes under it, long-term first`}`
          : '',
        outputs.length
          ? `, and lettered numbers such as ${outputs[0]!.number} the outputs that lead to the outcome above them`
          : '',
        '. Each indicator is listed once, under the first result it measures; other results it measures refer to it.',
        merged
          ? ` ${plural(merged, 'indicator')} recorded twice with the same wording ${merged === 1 ? 'is' : 'are'} listed once, with every value the copies hold.`
          : '',
        unmeasured.length
          ? ` ${unmeasured.length === 1 ? `Result ${unmeasured[0]} has` : `Results ${numberList(unmeasured)} have`} no indicator yet.`
          : '',
      ].join(''),
    },
    {
      type: 'table',
      columns: [
        { title: 'No.', width: 7 },
        { title: 'Result and indicator', width: 33, firstLineBold: true },
        { title: 'Baseline', width: 12 },
        { title: 'Target', width: 13 },
        { title: 'Source and frequency', width: 20 },
        { title: 'Responsible', width: 15 },
      ],
      rows,
      groupRows,
    },
  ];
}

/**
 * An engagement action's status on the "as of" date, as a person would write
 * it: "Done", "Overdue", "Due today", "Due tomorrow", else "Not yet due" —
 * never a count of days ("Due in 157 days"). The date itself is in the row's
 * When column; saying it again ("Due 5 May 2027") only made the row longer.
 */
export function statusOn(
  item: { readonly done: boolean; readonly when: string | null },
  asOf: string,
): string {
  if (item.done) return 'Done';
  if (!item.when) return 'No date set';
  const days = daysBetween(asOf, item.when);
  if (days < 0) return 'Overdue';
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return 'Not yet due';
}

/**
 * The next date of a recurring checkpoint as of the document's date: a
 * quarterly panel planned for 20 January is next on 21 April when the
 * document is as of February, not "next: 20 January". One-offs keep their date.
 */
function nextOnOrAfter(date: string | null, everyDays: number | null, asOf: string): string | null {
  if (!date || !everyDays || date >= asOf) return date;
  const every = Math.max(1, Math.trunc(everyDays));
  return addDays(date, Math.ceil(daysBetween(date, asOf) / every) * every);
}

/**
 * Who is in each quadrant, after the matrix figure: per quadrant its
 * engagement approach and a table of its stakeholders in register order —
 * with the number of their marker when the figure is drawn, and, when the
 * figure is too crowded for arrows, the quadrant the team wants them in.
 */
function quadrantKey(entries: readonly Stakeholder[], numbered: boolean): DocBlock[] {
  const arrowsLeftOut = numbered && !matrixDrawsArrows(entries);
  const blocks: DocBlock[] = [
    { type: 'heading', level: 2, text: 'Engagement approach by quadrant' },
  ];
  for (const q of QUADRANT_ORDER) {
    const members = entries.flatMap((e, i) => (placedQuadrant(e) === q ? [{ e, i }] : []));
    if (!members.length) continue;
    const info = QUADRANT_INFO[q];
    const wanted = (e: Stakeholder) => {
      const to = e.desiredPosition ? quadrantOf(e.desiredPosition) : null;
      return to && to !== q ? QUADRANT_INFO[to].label : '—';
    };
    const moving = arrowsLeftOut && members.some(({ e }) => wanted(e) !== '—');
    blocks.push(
      { type: 'heading', level: 3, text: `${info.label} (${info.summary.toLowerCase()})` },
      { type: 'paragraph', text: `${info.approach} ${info.rhythm}` },
      {
        type: 'table',
        columns: [
          ...(numbered ? [{ title: 'No.', width: 8, numeric: true }] : []),
          { title: 'Stakeholder', width: moving ? 30 : 42 },
          { title: 'Organisation', width: moving ? 38 : 50 },
          ...(moving ? [{ title: 'Team wants them in', width: 24 }] : []),
        ],
        rows: members.map(({ e, i }) => [
          ...(numbered ? [String(i + 1)] : []),
          e.name,
          dash(e.organisation),
          ...(moving ? [wanted(e)] : []),
        ]),
      },
    );
  }
  return blocks;
}

function stakeholdersSection(plan: Plan, options: ExportOptions): DocBlock[] {
  const map = plan.stakeholders;
  const entries = map.entries;
  const show = (field: AudienceFieldId) => shows(options.profile, field);
  const blocks: DocBlock[] = [];
  if (entries.length) {
    const byQuadrant = countByQuadrant(entries);
    const counts = QUADRANT_ORDER.map((q) => [q, byQuadrant[q]] as const);
    const partners = entries.filter((e) => e.relation === 'partner').length;
    const unplaced = entries.filter((e) => placedQuadrant(e) === null).length;
    const figure = show('stakeholderScores');
    blocks.push({
      type: 'paragraph',
      style: 'lead',
      text: show('stakeholderQuadrant')
        ? `The register lists ${plural(entries.length - partners, 'stakeholder')} and ${plural(partners, 'partner')}. ${unplaced ? 'Each placed one is' : 'Each is'} on the power/interest matrix, which sets how closely the team engages them: ${counts.map(([q, n]) => `${QUADRANT_INFO[q].label.toLowerCase()} ${formatCount(n)}`).join(', ')}.${unplaced ? ` ${plural(unplaced, 'entry', 'entries')} ${unplaced === 1 ? 'is' : 'are'} not yet placed on the matrix.` : ''}`
        : `The program works with ${plural(partners, 'partner')} and ${plural(entries.length - partners, 'other stakeholder')}. The register lists each with its role in the program and the member of the program team who looks after the relationship.`,
    });
    if (figure)
      blocks.push({
        type: 'diagram',
        scene: matrixScene(entries),
        // Hundreds of markers: fewer pixels keep the export fast, numbers stay legible.
        pixelWidth: entries.length > 60 ? 1000 : 1200,
        caption: `Figure: Power/interest matrix. Power rises upwards, interest to the right; the midlines are at 50 of 100. Each number is the stakeholder's row in the register; ${show('stakeholderQuadrant') ? 'the tables by quadrant that follow give the names.' : 'the register follows.'}`,
      });
    // The figure's key, by quadrant, with each quadrant's engagement approach.
    if (show('stakeholderQuadrant')) blocks.push(...quadrantKey(entries, figure));
    // Each column with the audience field it shows (null = every profile).
    const columns: [DocColumn, AudienceFieldId | null, (e: Stakeholder, i: number) => string][] = [
      [{ title: '#', width: 3, numeric: true }, 'stakeholderScores', (_, i) => String(i + 1)],
      [{ title: 'Name', width: 12 }, null, (e) => e.name],
      [{ title: 'Organisation', width: 12 }, null, (e) => dash(e.organisation)],
      [{ title: 'Role in the program', width: 18 }, null, (e) => dash(e.role)],
      [{ title: 'Type', width: 9 }, null, (e) => categoryLabel(categoryOf(e))],
      [{ title: 'Power', width: 6, numeric: true }, 'stakeholderScores', (e) => String(e.power)],
      [
        { title: 'Interest', width: 6.5, numeric: true },
        'stakeholderScores',
        (e) => String(e.interest),
      ],
      [{ title: 'Quadrant', width: 8 }, 'stakeholderQuadrant', (e) => placedLabel(e)],
      [
        { title: 'Stance now → wanted', width: 9 },
        'stakeholderStance',
        (e) => `${stanceLabel(e.currentStance)} → ${stanceLabel(e.desiredStance)}`,
      ],
      [{ title: 'Relationship owner', width: 12 }, null, (e) => dash(e.owner)],
      [{ title: 'Contact', width: 15 }, 'stakeholderContact', (e) => dash(e.contact)],
    ];
    const shown = columns.filter(([, field]) => field === null || show(field));
    blocks.push(
      { type: 'heading', level: 2, text: 'Register' },
      {
        type: 'table',
        columns: shown.map(([c]) => c),
        rows: entries.map((e, i) => shown.map(([, , cell]) => cell(e, i))),
      },
    );
    const plan_ = show('engagementPlan') ? engagementItems(entries, options.asOf) : [];
    if (plan_.length) {
      const status = show('actionStatus');
      blocks.push(
        { type: 'heading', level: 2, text: 'Engagement plan' },
        ...(status
          ? [
              {
                type: 'paragraph' as const,
                style: 'note' as const,
                text: `Statuses are as of ${formatDate(options.asOf)}.`,
              },
            ]
          : []),
        {
          type: 'table',
          columns: [
            { title: 'When', width: 13 },
            { title: 'Stakeholder', width: 20 },
            { title: 'Action', width: 31 },
            { title: 'Who', width: 18 },
            { title: 'Repeats', width: 9 },
            ...(status ? [{ title: `Status on ${formatDate(options.asOf)}`, width: 11 }] : []),
          ],
          rows: [...plan_]
            .sort((a, b) => (a.when ?? '9999').localeCompare(b.when ?? '9999'))
            .map((item) => [
              formatDate(item.when),
              item.stakeholderName,
              item.kind === 'checkpoint' ? 'Checkpoint review' : item.what,
              dash(item.who),
              describeRepeat(item.repeatEveryDays),
              ...(status ? [statusOn(item, options.asOf)] : []),
            ]),
        },
      );
    }
  }
  if (map.checkpoints.length) {
    const notes = show('checkpointNotes');
    blocks.push(
      { type: 'heading', level: 2, text: 'Industry checkpoints' },
      {
        type: 'table',
        columns: [
          { title: 'Checkpoint', width: notes ? 30 : 50 },
          { title: 'Next', width: notes ? 15 : 25 },
          { title: 'Repeats', width: notes ? 15 : 25 },
          ...(notes ? [{ title: 'Notes', width: 40 }] : []),
        ],
        rows: map.checkpoints.map((c) => [
          c.title,
          formatDate(nextOnOrAfter(c.nextDate, c.repeatEveryDays, options.asOf)),
          describeRepeat(c.repeatEveryDays),
          ...(notes ? [dash(c.notes)] : []),
        ]),
      },
    );
  }
  const questions: [string, string][] = [
    ...(show('keyBuyIn')
      ? ([['Whose buy-in is key?', map.questions.keyBuyIn]] as [string, string][])
      : []),
    ['Which jobs must employers fill now?', map.questions.jobsNeededNow],
    ['Which jobs will they need soon?', map.questions.jobsNeededSoon],
    ['Which skills are most in demand now?', map.questions.inDemandSkillsNow],
    [
      'Which jobs and pathways will be in demand over five years?',
      map.questions.jobsAndPathwaysFiveYears,
    ],
    ['How does the program fit labour-market priorities?', map.questions.labourMarketPriorities],
  ];
  const answered = questions.filter(([, a]) => a.trim());
  if (answered.length) {
    blocks.push({
      type: 'heading',
      level: 2,
      text:
        show('keyBuyIn') && map.questions.keyBuyIn.trim()
          ? 'Labour-market and buy-in questions'
          : 'Labour-market questions',
    });
    for (const [q, a] of answered)
      blocks.push({ type: 'heading', level: 3, text: q }, ...paragraphs(a));
  }
  if (show('stakeholderNotes')) {
    const noted = entries.filter((e) => e.notes.trim());
    if (noted.length)
      blocks.push(
        { type: 'heading', level: 2, text: 'Internal notes' },
        {
          type: 'paragraph',
          style: 'note',
          text: 'For the program team only: these notes are left out of the Funder and Partner-safe versions.',
        },
        {
          type: 'table',
          columns: [
            { title: 'Stakeholder', width: 22 },
            { title: 'Notes', width: 78 },
          ],
          rows: noted.map((e: Stakeholder) => [e.name, e.notes.trim()]),
        },
      );
  }
  return blocks;
}

function learnersSection(plan: Plan): DocBlock[] {
  const segments = plan.learners;
  if (!segments.length) return [];
  const totals = totalIncentiveBudget(segments);
  const currency = plan.budget.currency;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: `The program serves ${plural(segments.length, 'learner segment')} with about ${formatCount(totals.learners)} people in all, of whom ${formatCount(totals.participants)} are expected to take part. Incentives for them come to ${amount(totals.budget, currency)}${totals.unsized ? ` (${plural(totals.unsized, 'segment')} without expected participants left out)` : ''}.`,
    },
    {
      type: 'table',
      columns: [
        { title: 'Segment', width: 20 },
        { title: 'Population', width: 14 },
        { title: 'Size', width: 9, numeric: true },
        { title: 'Participants', width: 13, numeric: true },
        { title: 'Barriers', width: 18 },
        { title: moneyTitle('Incentive cost per learner', currency), width: 12, numeric: true },
        { title: moneyTitle('Incentive budget', currency), width: 14, numeric: true },
      ],
      rows: segments.map((s) => {
        const b = incentiveBudget(s);
        return [
          s.name,
          POPULATION_LABELS[s.populationType],
          s.estimatedSize === null ? '—' : formatCount(s.estimatedSize),
          s.expectedParticipants === null ? '—' : formatCount(s.expectedParticipants),
          barrierLabels(s).join(', ') || '—',
          formatMoney(b.perLearner, currency),
          money(b.total, currency),
        ];
      }),
      totalRow: [
        'Total',
        '',
        formatCount(totals.learners),
        formatCount(totals.participants),
        '',
        '',
        formatMoney(totals.budget, currency),
      ],
    },
  ];
  for (const s of segments) {
    blocks.push({ type: 'heading', level: 2, text: s.name });
    if (s.persona && (s.persona.name || s.persona.quote)) {
      if (s.persona.quote.trim())
        blocks.push({
          type: 'paragraph',
          style: 'quote',
          text: `“${s.persona.quote.trim()}”${s.persona.name.trim() ? ` — ${s.persona.name.trim()}` : ''}`,
        });
      blocks.push(...paragraphs(s.persona.situation));
    }
    if (s.motivators.trim())
      blocks.push(
        { type: 'heading', level: 3, text: 'What motivates them' },
        ...paragraphs(s.motivators),
      );
    if (s.barriers.length || s.barrierNotes.trim()) {
      blocks.push({ type: 'heading', level: 3, text: 'Barriers' });
      if (s.barriers.length) blocks.push({ type: 'bullets', items: barrierLabels(s) });
      blocks.push(...paragraphs(s.barrierNotes));
    }
    if (s.incentives.length) {
      blocks.push(
        { type: 'heading', level: 3, text: 'Incentives' },
        {
          type: 'table',
          columns: [
            { title: 'Incentive', width: 22 },
            { title: 'What the learner gets', width: 52 },
            { title: 'Kind', width: 12 },
            { title: moneyTitle('Cost per learner', currency), width: 14, numeric: true },
          ],
          rows: s.incentives.map((i) => [
            INCENTIVE_TYPES[i.type].label,
            dash(i.description),
            INCENTIVE_TYPES[i.type].financial ? 'Financial' : 'Non-financial',
            money(i.costPerLearner, currency),
          ]),
        },
      );
    }
  }
  return blocks;
}

function catalogSection(plan: Plan, options: ExportOptions): DocBlock[] {
  const catalog = plan.content.catalog;
  if (!catalog.length) return [];
  const internal = shows(options.profile, 'catalogNotes');
  const byKind = Object.entries(KIND_LABELS)
    .map(([kind, label]) => [label, catalog.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0);
  const hours = catalog.reduce((sum, c) => sum + (c.hours ?? 0), 0);
  return [
    {
      type: 'paragraph',
      style: 'lead',
      text: `The catalog holds ${plural(catalog.length, 'candidate item')} (${byKind.map(([label, n]) => `${formatCount(n)} ${label.toLowerCase()}`).join(', ')}), about ${formatCount(Math.round(hours))} learning hours in all.`,
    },
    {
      type: 'table',
      columns: [
        { title: 'Title', width: internal ? 20 : 24 },
        { title: 'Provider', width: 13 },
        { title: 'Kind', width: 10 },
        { title: 'Level', width: 8 },
        { title: 'Hours', width: 6, numeric: true },
        { title: 'Languages', width: 9 },
        { title: 'Skills', width: internal ? 16 : 22 },
        { title: moneyTitle('Cost per learner', plan.budget.currency), width: 8, numeric: true },
        ...(internal ? [{ title: 'Notes', width: 10 }] : []),
      ],
      rows: catalog.map((c) => [
        c.title,
        dash(c.provider),
        KIND_LABELS[c.kind],
        LEVEL_LABELS[c.level],
        num(c.hours),
        c.languages.join(', ') || '—',
        c.skills.join(', ') || '—',
        money(c.costPerLearner, plan.budget.currency),
        ...(internal ? [dash(c.notes)] : []),
      ]),
    },
  ];
}

const fixed1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function makeOrBuySection(plan: Plan, options: ExportOptions): DocBlock[] {
  const decisions = plan.content.decisions;
  if (!decisions.length) return [];
  if (!shows(options.profile, 'makeOrBuyScores')) return makeOrBuyDecisions(decisions);
  const internal = shows(options.profile, 'raterNames');
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'Each content need was scored on weighted criteria. A criterion rated 5 applies strongly and pushes towards the option it favours; rated 1, it pushes the other way. The Make and Buy totals add up to 100. The accompanying workbook keeps these scores as live formulas, so weights and ratings can be changed and the recommendation recomputes.',
    },
  ];
  for (const d of decisions) {
    const score = scorePlanDecision(d);
    const raters = internal ? d.raters : [];
    // Shown to one decimal, Make and Buy add up to 100 and each column of
    // points to its total (largest-remainder rounding).
    const adds = Math.abs(score.make + score.buy - 100) < 1e-6;
    const shownMake = Math.round(score.make * 10) / 10;
    const shownBuy = adds
      ? Math.round((100 - shownMake) * 10) / 10
      : Math.round(score.buy * 10) / 10;
    const rated = score.criteria.map((s) => s.average !== null);
    const makePoints = roundToTotal(
      score.criteria.map((s) => (s.average === null ? 0 : s.makePoints)),
      shownMake,
    );
    const buyPoints = roundToTotal(
      score.criteria.map((s) => (s.average === null ? 0 : s.buyPoints)),
      shownBuy,
    );
    blocks.push(
      { type: 'heading', level: 2, text: d.need || 'Untitled need' },
      {
        type: 'facts',
        rows: [
          [
            'Recommendation',
            score.recommendation === 'none'
              ? OPTION_LABELS.none
              : `${OPTION_LABELS[score.recommendation]} (Make ${shownMake.toFixed(1)}, Buy ${shownBuy.toFixed(1)})`,
          ],
          ['Decision taken', d.decision ? OPTION_LABELS[d.decision] : 'Not yet decided'],
          [
            'Rated by',
            internal
              ? d.raters.map((r) => r.name).join('; ') || '—'
              : plural(d.raters.length, 'rater'),
          ],
        ],
      },
      {
        type: 'table',
        columns: [
          { title: 'Criterion', width: 40 - raters.length * 4 },
          { title: 'Favours', width: 9 },
          { title: 'Weight', width: 8, numeric: true },
          ...raters.map((r, i) => ({ title: `Rater ${i + 1}`, width: 6, numeric: true })),
          { title: 'Average rating', width: 10, numeric: true },
          { title: 'Make points', width: 9, numeric: true },
          { title: 'Buy points', width: 9, numeric: true },
        ],
        rows: d.criteria.map((c, i) => {
          const s = score.criteria[i]!;
          return [
            c.label,
            c.favours === 'make' ? 'Make' : 'Buy',
            formatValue(c.weight),
            ...raters.map((r) => {
              const v = d.ratings[r.id]?.[c.id];
              return v === undefined ? '—' : String(v);
            }),
            s.average === null ? 'Not rated' : fixed1(s.average),
            rated[i] ? makePoints[i]!.toFixed(1) : '—',
            rated[i] ? buyPoints[i]!.toFixed(1) : '—',
          ];
        }),
        totalRow: [
          'Total',
          '',
          formatValue(d.criteria.reduce((sum, c) => sum + c.weight, 0)),
          ...raters.map(() => ''),
          '',
          shownMake.toFixed(1),
          shownBuy.toFixed(1),
        ],
      },
    );
    if (raters.length)
      blocks.push({
        type: 'paragraph',
        style: 'note',
        text: `Raters: ${raters.map((r, i) => `${i + 1} = ${r.name}`).join('; ')}.`,
      });
    if (score.disagreements.length)
      blocks.push({
        type: 'paragraph',
        style: 'note',
        text: `Raters disagreed by two points or more on: ${score.disagreements
          .map((id) => d.criteria.find((c) => c.id === id)?.label ?? id)
          .join('; ')}.`,
      });
    blocks.push(
      ...textSection('Rationale', d.rationale).map((b) =>
        b.type === 'heading' ? { ...b, level: 3 as const } : b,
      ),
    );
  }
  return blocks;
}

/** The decisions and their reasons, without the scoring (partner-safe). */
function makeOrBuyDecisions(decisions: Plan['content']['decisions']): DocBlock[] {
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'For each content need the program decided whether to build the content itself (make) or to use existing content from a provider (buy). The decisions and the reasons for them follow.',
    },
  ];
  for (const d of decisions)
    blocks.push(
      { type: 'heading', level: 2, text: d.need || 'Untitled need' },
      {
        type: 'facts',
        rows: [['Decision', d.decision ? OPTION_LABELS[d.decision] : 'Not yet decided']],
      },
      ...textSection('Rationale', d.rationale).map((b) =>
        b.type === 'heading' ? { ...b, level: 3 as const } : b,
      ),
    );
  return blocks;
}

function pathwaysSection(plan: Plan): DocBlock[] {
  const pathways = plan.content.pathways;
  if (!pathways.length) return [];
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'Pathways turn the catalog into a route to a role. Beginners follow a sequence step by step; experienced learners pick from groups by skill or tool. Hours and duration assume the stated study time per week.',
    },
  ];
  for (const p of pathways) {
    const summary = summarisePathway(p, plan.content.catalog);
    const group = p.mode === 'group';
    blocks.push(
      { type: 'heading', level: 2, text: p.name || 'Untitled pathway' },
      {
        type: 'facts',
        rows: [
          ['Target role', dash(p.targetRole)],
          ['For', p.segmentIds.map((id) => segments.get(id) ?? id).join('; ') || '—'],
          ['Arrangement', group ? 'Grouped by skill or tool' : 'Step-by-step sequence'],
          [
            'Study time',
            `${formatValue(summary.totalHours)} hours at ${formatValue(p.hoursPerWeek)} hours a week: ${describeDuration(summary.weeks)}`,
          ],
        ],
      },
      {
        type: 'table',
        columns: [
          { title: group ? 'Group' : 'Step', width: group ? 14 : 6 },
          { title: 'Content', width: group ? 28 : 34 },
          { title: 'Provider', width: 18 },
          { title: 'Level', width: 13 },
          { title: 'Hours', width: 7, numeric: true },
          { title: 'Skills', width: 20 },
        ],
        rows: summary.steps.map((s) => [
          group ? dash(s.group) : String(s.index + 1),
          s.item?.title ?? '(removed from the catalog)',
          dash(s.item?.provider),
          s.item ? LEVEL_LABELS[s.item.level] : '—',
          num(s.item?.hours ?? null),
          s.item?.skills.join(', ') || '—',
        ]),
        totalRow: ['', 'Total', '', '', formatValue(summary.totalHours), ''],
      },
    );
    if (p.requiredSkills.length)
      blocks.push({
        type: 'paragraph',
        style: 'note',
        text: summary.uncovered.length
          ? `Required skills not yet covered: ${summary.uncovered.join(', ')}.`
          : `All ${plural(p.requiredSkills.length, 'required skill')} are covered.`,
      });
  }
  return blocks;
}

/**
 * A stakeholder's name with its organisation, without saying a name twice:
 * "Corvane Learning (learning platform)", not "Corvane Learning (Corvane
 * Learning (learning platform))"; an organisation that has brackets of its
 * own follows a dash instead of going into brackets.
 */
export function nameWithOrganisation(name: string, organisation: string): string {
  const org = organisation.trim();
  if (!org || looseKey(org) === looseKey(name)) return name;
  if (looseKey(org).startsWith(`${looseKey(name)} `)) return org;
  return org.includes('(') ? `${name} — ${org}` : `${name} (${org})`;
}

/** A link's rationale for a column headed "Because": without a leading "Because". */
export function withoutLeadingBecause(text: string): string {
  const rest = text.trim().replace(/^because\b[\s,:]*/i, '');
  // "Because." alone, or nothing after it, stays as written.
  if (rest === text.trim() || !/\p{L}/u.test(rest)) return text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * A segment's barriers as listed: "Other" says where the other barriers are
 * described (the segment's barrier notes), or that they are not.
 */
function barrierLabels(s: {
  barriers: readonly (keyof typeof BARRIER_LABELS)[];
  barrierNotes: string;
}): string[] {
  return s.barriers.map((x) =>
    x === 'other'
      ? s.barrierNotes.trim()
        ? 'Other barriers, described below'
        : 'Other barriers (not described)'
      : BARRIER_LABELS[x],
  );
}

/** Builds the content of the document for a plan and its export options. */
export function planDocument(planAsSaved: Plan, options: ExportOptions): PlanDocument {
  // A link in the file twice is listed (and drawn) once.
  const plan = withUniqueLinks(planAsSaved);
  const builders: Record<ExportSectionId, () => DocBlock[]> = {
    objective: () => objectiveSection(plan),
    theoryOfChange: () => theoryOfChangeSection(plan),
    logicModel: () => logicModelSection(plan),
    indicators: () => indicatorsSection(plan),
    stakeholders: () => stakeholdersSection(plan, options),
    learners: () => learnersSection(plan),
    catalog: () => catalogSection(plan, options),
    makeOrBuy: () => makeOrBuySection(plan, options),
    pathways: () => pathwaysSection(plan),
    onboarding: () => onboardingBlocks(plan, options),
    communications: () => communicationsBlocks(plan, options.profile),
    invitations: () => invitationBlocks(plan),
    marketing: () => marketingBlocks(plan),
    contentInUse: () => contentInUseBlocks(plan, options.contentUse, options.asOf, options.profile),
    skillsFirst: () => skillsFirstBlocks(plan),
    roster: () => rosterBlocks(plan, options.profile),
    kpis: () => kpiBlocks(plan),
    engagement: () => engagementBlocks(plan),
    reviews: () => reviewBlocks(plan, options.profile),
  };
  const sections: DocSection[] = [];
  for (const info of EXPORT_SECTIONS) {
    if (!options.sections.includes(info.id)) continue;
    const blocks = builders[info.id]();
    // "Every section that has content": a lead sentence alone is not content.
    if (!blocks.some((b) => b.type !== 'paragraph' || b.style !== 'lead')) continue;
    sections.push({
      id: info.id,
      number: sections.length + 1,
      title: info.label,
      blocks,
    });
  }
  const o = plan.objective;
  return {
    title: o.programName.trim() || plan.name.trim() || 'Untitled plan',
    subtitle: 'Program plan',
    organisation: o.organisation.trim(),
    language: o.language,
    region: o.region.trim(),
    dateLabel: formatDate(options.asOf),
    version: `Plan last changed ${formatDate(plan.updatedAt)}`,
    profile: options.profile,
    audienceNote: audienceNote(options.profile),
    sections,
  };
}

/** The profile's display name (cover page, header). */
export function profileLabel(profile: Profile): string {
  return PROFILES[profile].label;
}

/** A stakeholder's quadrant, or "Unplaced" while it waits to be positioned (no score yet). */
function placedLabel(entry: Parameters<typeof placedQuadrant>[0]): string {
  const quadrant = placedQuadrant(entry);
  return quadrant ? QUADRANT_INFO[quadrant].label : 'Unplaced';
}
