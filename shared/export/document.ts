/**
 * The program-plan document as plain content — headings, paragraphs,
 * tables, diagrams — before any file format. The Word builder renders it,
 * the benchmark renders the same content with bare `docx` for its ratio, and
 * tests read it without unzipping anything. The audience profile is applied
 * here, once, from the field table in audience.ts: a partner-safe document
 * never even holds a stance or a contact detail.
 *
 * Every word the document adds to the plan's own text is in the plan's
 * document language (locale.ts): headings, labels, captions and sentences
 * from the `document` catalog, numbers, amounts and dates through `Intl`.
 */
import { scorePlanDecision } from '../content/makeorbuy';
import { summarisePathway } from '../content/pathways';
import { incentiveBudget, INCENTIVE_TYPES, totalIncentiveBudget } from '../learners/segments';
import { CHAIN_LANES, NOTE_LANES } from '../logic-model/lanes';
import { tracedTocNode } from '../logic-model/trace';
import { indicatorsBySubject, measuresOf, successMeasuresOf } from '../indicators/measures';
import { BUDGET_LINES, budgetLinesTotal, plannedCosts } from '../learners/budget';
import { longDate } from '../long-date';
import { roundToTotal } from '../numbers';
import type { Indicator, Plan, Stakeholder } from '../plan/schema';
import { categoryOf, engagementItems } from '../stakeholders/register';
import { QUADRANT_ORDER, quadrantOf } from '../stakeholders/quadrants';
import { addDays, daysBetween } from '../stakeholders/schedule';
import { isNoteKind, pathwayRank } from '../toc/kinds';
import { KIND_LABELS } from '../content/catalog';
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
import { EXPORT_SECTIONS, type ExportOptions, type ExportSectionId, type Profile } from './options';
import { countByQuadrant, placedQuadrant } from '../stakeholders/register';
import { looseKey, wordsKey } from '../text-key';
import { englishLocale, localeFor, type DocLocale } from './locale';
import { termsOf, type Terms } from './terms';
import type { Language, TextDirection } from '../i18n/languages';

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
  /** The language the document's own words are in (the plan's document language). */
  readonly documentLanguage: Language;
  /** Writing direction of the document language: 'rtl' for Arabic. */
  readonly direction: TextDirection;
  readonly region: string;
  readonly dateLabel: string;
  readonly version: string;
  readonly profile: Profile;
  readonly audienceNote: string;
  readonly sections: readonly DocSection[];
}

// ---------------------------------------------------------------- formatting

/**
 * "30 June 2028" for an ISO date (or datetime); an em dash when missing. In
 * English: the app's sections use it; the document's own dates are written
 * in its language (DocLocale.date).
 */
export function formatDate(iso: string | null | undefined): string {
  return longDate(iso, '—');
}

const dash = (text: string | null | undefined) => (text && text.trim() ? text.trim() : '—');

/** Helpers every section builder uses: the locale, its terms and money in the plan currency. */
interface Writer {
  readonly loc: DocLocale;
  readonly terms: Terms;
  /** A message of the `document` catalog. */
  readonly d: DocLocale['d'];
  /** "; " (Arabic "؛ "): between items a planner typed. */
  readonly semi: string;
  /** ", " (Arabic "، "). */
  readonly comma: string;
  /** An amount in a table cell; an em dash when missing. */
  money(n: number | null, currency: string | null): string;
  /**
   * An amount in running text or a fact: in the plan currency, or saying that
   * none is chosen yet (the plan stores no currency until the planner picks one).
   */
  amount(n: number | null, currency: string | null): string;
  /** A money column's heading; its cells are bare numbers when no currency is chosen, so it says so. */
  moneyTitle(title: string, currency: string | null): string;
  /** A number with up to two decimals, an em dash when missing. */
  num(n: number | null): string;
  /** A date, an em dash when missing. */
  date(iso: string | null | undefined): string;
}

const writers = new WeakMap<DocLocale, Writer>();

/** The section builders' helpers for a locale (one per export). */
export function writerOf(loc: DocLocale): Writer {
  const cached = writers.get(loc);
  if (cached) return cached;
  const d = loc.d;
  const writer: Writer = {
    loc,
    terms: termsOf(loc),
    d,
    semi: d('punctuation.semicolon'),
    comma: d('punctuation.comma'),
    money: (n, currency) => (n === null ? '—' : loc.money(n, currency)),
    amount: (n, currency) =>
      n === null
        ? '—'
        : currency
          ? loc.money(n, currency)
          : d('common.amountNoCurrency', { amount: loc.money(n, currency) }),
    moneyTitle: (title, currency) => (currency ? title : d('common.titleNoCurrency', { title })),
    num: (n) => loc.value(n),
    date: (iso) => loc.date(iso, '—'),
  };
  writers.set(loc, writer);
  return writer;
}

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

/** A label in the middle of a sentence ("manage closely"), as the language writes it there. */
const lower = (loc: DocLocale, text: string) => text.toLocaleLowerCase(loc.language);

// ---------------------------------------------------------------- sections

function objectiveSection(plan: Plan, w: Writer): DocBlock[] {
  const { d } = w;
  const o = plan.objective;
  const blocks: DocBlock[] = [
    {
      type: 'facts',
      rows: [
        [d('objective.program'), dash(o.programName || plan.name)],
        [d('col.organisation'), dash(o.organisation)],
        [d('col.region'), dash(o.region)],
        [
          d('objective.planPeriod'),
          o.timeline.plan.start || o.timeline.manage.end
            ? d('common.fromTo', {
                start: w.date(o.timeline.plan.start),
                end: w.date(o.timeline.manage.end),
              })
            : '—',
        ],
      ],
    },
    ...textSection(d('objective.changeSought'), o.changeSought),
    ...textSection(d('objective.targetGroup'), o.targetGroup),
    ...textSection(d('objective.problem'), o.problemStatement),
    ...textSection(d('objective.success'), o.successDefinition),
  ];
  if (o.baseline.description.trim() || o.baseline.source.trim()) {
    blocks.push({ type: 'heading', level: 2, text: d('objective.baseline') });
    blocks.push(...paragraphs(o.baseline.description));
    const date = o.baseline.date ? w.date(o.baseline.date) : '';
    const source = o.baseline.source.trim();
    const note =
      date && source
        ? d('objective.measuredAndSource', { date, source })
        : date
          ? d('objective.measuredOn', { date })
          : source
            ? d('objective.source', { source })
            : '';
    if (note) blocks.push({ type: 'paragraph', text: note, style: 'note' });
  }
  const measures = successMeasuresOf(plan.indicators);
  if (measures.length) {
    blocks.push(
      { type: 'heading', level: 2, text: d('objective.successMeasures') },
      {
        type: 'table',
        columns: [
          { title: d('objective.measure'), width: 40 },
          { title: d('col.unit'), width: 18 },
          { title: d('col.baseline'), width: 11, numeric: true },
          { title: d('col.target'), width: 11, numeric: true },
          { title: d('objective.by'), width: 16 },
        ],
        rows: measures.map((m) => [
          m.name,
          dash(m.unit),
          w.num(m.baseline.value),
          w.num(m.target.value),
          w.date(m.target.date),
        ]),
      },
    );
  }
  const phases = [
    [d('objective.phases.plan'), o.timeline.plan],
    [d('objective.phases.launch'), o.timeline.launch],
    [d('objective.phases.manage'), o.timeline.manage],
  ] as const;
  if (phases.some(([, p]) => p.start || p.end)) {
    blocks.push(
      { type: 'heading', level: 2, text: d('objective.timeline') },
      {
        type: 'table',
        columns: [
          { title: d('objective.phase'), width: 30 },
          { title: d('col.start'), width: 35 },
          { title: d('col.end'), width: 35 },
        ],
        rows: phases.map(([name, p]) => [name, w.date(p.start), w.date(p.end)]),
      },
    );
  }
  blocks.push(...budgetBlocks(plan, w));
  return blocks;
}

/** The program budget by line against what the plan's own figures cost. */
function budgetBlocks(plan: Plan, w: Writer): DocBlock[] {
  const { d, loc } = w;
  const budget = plan.budget;
  const planned = plannedCosts(plan);
  const licences = plan.launch.marketing.licenses;
  const anyBudget = budget.total !== null || BUDGET_LINES.some((l) => budget.lines[l] !== null);
  if (!anyBudget && planned.total === 0 && licences === null) return [];
  const currency = budget.currency;
  const linesTotal = budgetLinesTotal(budget);
  const facts: [string, string][] = [
    [d('budget.currency'), currency ? w.terms.currencyName(currency) : d('budget.notChosen')],
    [d('budget.total'), w.amount(budget.total, currency)],
    [d('budget.licences'), licences === null ? '—' : loc.count(licences)],
    [d('budget.participants'), loc.count(planned.participants)],
  ];
  return [
    { type: 'heading', level: 2, text: d('budget.heading') },
    { type: 'facts', rows: facts },
    {
      type: 'table',
      columns: [
        { title: d('budget.line'), width: 40 },
        { title: w.moneyTitle(d('budget.heading'), currency), width: 30, numeric: true },
        { title: w.moneyTitle(d('budget.planned'), currency), width: 30, numeric: true },
      ],
      rows: BUDGET_LINES.map((line) => [
        w.terms.budgetLine(line),
        w.money(budget.lines[line], currency),
        w.money(planned.lines[line], currency),
      ]),
      totalRow: [
        d('budget.linesTotal'),
        w.money(linesTotal, currency),
        loc.money(planned.total, currency),
      ],
    },
    ...(budget.total !== null && linesTotal !== null && linesTotal !== budget.total
      ? [
          {
            type: 'paragraph' as const,
            style: 'note' as const,
            text:
              linesTotal < budget.total
                ? d('budget.unallocated', {
                    amount: w.amount(budget.total - linesTotal, currency),
                    total: w.amount(budget.total, currency),
                  })
                : d('budget.overallocated', {
                    amount: w.amount(linesTotal - budget.total, currency),
                    total: w.amount(budget.total, currency),
                  }),
          },
        ]
      : []),
  ];
}

/** Above this many elements, no overview is drawn (see theoryOfChangeSection). */
const UNDRAWABLE_DIAGRAM_LIMIT = 400;
/** Above this many elements the diagram is drawn without titles (unreadable at page size). */
const LABELLED_DIAGRAM_LIMIT = 150;

function theoryOfChangeSection(plan: Plan, w: Writer): DocBlock[] {
  const { d, loc } = w;
  const toc = plan.theoryOfChange;
  const blocks: DocBlock[] = [{ type: 'paragraph', style: 'lead', text: d('toc.lead') }];
  // The narrative first: running text stays on portrait pages before the
  // figure's own page(s).
  blocks.push(...textSection(d('toc.narrative'), toc.narrative));
  if (toc.nodes.length > UNDRAWABLE_DIAGRAM_LIMIT) {
    // Hundreds of elements shrink to an unreadable strip on a page (and take
    // long to draw): say so instead, and let the tables carry the content.
    blocks.push({
      type: 'paragraph',
      text: d('toc.tooMany', { count: loc.count(toc.nodes.length) }),
    });
  } else if (toc.nodes.length) {
    const labels = toc.nodes.length <= LABELLED_DIAGRAM_LIMIT;
    blocks.push({
      type: 'diagram',
      scene: tocScene(plan, labels, loc),
      // Unlabelled overviews need fewer pixels, and draw much faster.
      pixelWidth: labels ? 1800 : 900,
      caption: `${d('figure.prefix')}${labels ? d('toc.caption') : `${d('toc.caption')} ${d('toc.captionUnlabelled')}`}`,
    });
  }
  const pathway = toc.nodes.filter((n) => !isNoteKind(n.kind));
  if (pathway.length) {
    const sorted = [...pathway].sort((a, b) => pathwayRank(a) - pathwayRank(b));
    const bySubject = indicatorsBySubject(plan.indicators);
    blocks.push(
      { type: 'heading', level: 2, text: d('toc.elements') },
      {
        type: 'table',
        columns: [
          { title: d('col.kind'), width: 14 },
          { title: d('toc.element'), width: 28 },
          { title: d('col.description'), width: 40 },
          { title: d('col.indicators'), width: 18 },
        ],
        rows: sorted.map((n) => [
          w.terms.tocKind(n),
          n.title,
          dash(n.description),
          (bySubject.get(n.id) ?? []).map((i) => i.name).join(w.semi) || '—',
        ]),
      },
    );
  }
  if (toc.links.length) {
    const byId = new Map(toc.nodes.map((n) => [n.id, n]));
    const deleted = d('toc.deletedElement');
    blocks.push(
      { type: 'heading', level: 2, text: d('toc.links') },
      {
        type: 'table',
        columns: [
          { title: d('toc.from'), width: 19 },
          { title: d('toc.leadsTo'), width: 19 },
          { title: d('toc.because'), width: 32 },
          { title: d('col.assumptions'), width: 19 },
          { title: d('toc.evidence'), width: 11 },
        ],
        rows: toc.links.map((l) => [
          byId.get(l.source)?.title ?? deleted,
          byId.get(l.target)?.title ?? deleted,
          dash(withoutLeadingBecause(l.rationale)),
          l.assumptions.filter((a) => a.trim()).join(w.semi) || '—',
          w.terms.evidence(l.evidence),
        ]),
      },
    );
  }
  const notes = toc.nodes.filter((n) => isNoteKind(n.kind));
  if (notes.length) {
    blocks.push(
      { type: 'heading', level: 2, text: d('toc.notes') },
      {
        type: 'table',
        columns: [
          { title: d('col.kind'), width: 16 },
          { title: d('toc.statement'), width: 34 },
          { title: d('toc.whyItMatters'), width: 50 },
        ],
        rows: notes.map((n) => [w.terms.tocKind(n), n.title, dash(n.description)]),
      },
    );
  }
  return blocks;
}

/** "34 → 60 % of enrolled learners": an indicator's baseline to target, with the unit. */
function baselineToTarget(w: Writer, i: Indicator): string {
  const unit = i.unit.trim();
  const span = w.d('common.baselineToTarget', {
    baseline: w.num(i.baseline.value),
    target: w.num(i.target.value),
  });
  return unit ? `${span} ${unit}` : span;
}

function logicModelSection(plan: Plan, w: Writer): DocBlock[] {
  const { d } = w;
  const items = plan.logicModel.items;
  const blocks: DocBlock[] = [{ type: 'paragraph', style: 'lead', text: d('logicModel.lead') }];
  const chain = CHAIN_LANES.flatMap((lane) =>
    items.filter((i) => i.lane === lane.id).sort((a, b) => a.order - b.order),
  );
  if (chain.length) {
    const bySubject = indicatorsBySubject(plan.indicators);
    blocks.push(
      { type: 'heading', level: 2, text: d('logicModel.logframe') },
      {
        type: 'table',
        columns: [
          { title: d('col.level'), width: 11 },
          { title: d('logicModel.result'), width: 22, firstLineBold: true },
          { title: d('logicModel.indicators'), width: 22 },
          { title: d('logicModel.verification'), width: 16 },
          { title: d('col.assumptions'), width: 16 },
          { title: d('logicModel.contributesTo'), width: 13 },
        ],
        rows: chain.map((item) => [
          w.terms.lane(item.lane),
          item.description.trim() ? `${item.title}\n${item.description.trim()}` : item.title,
          // Its own indicators and those of the ToC outcome it is traced to (one framework).
          // A copy recorded on both with the same words and figures, once.
          distinctLines(
            measuresOf(bySubject, item.id, item.tocOutcomeId).map(({ indicator: i }) =>
              d('common.labelled', { label: i.name, text: baselineToTarget(w, i) }),
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
      { type: 'heading', level: 2, text: w.terms.lane(lane.id) },
      {
        type: 'bullets',
        items: notes.map((n) =>
          n.description.trim()
            ? d('common.labelled', { label: n.title, text: n.description.trim() })
            : n.title,
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
      scene: logicModelScene(plan, labels, w.loc),
      pixelWidth: labels ? 2000 : 900,
      caption: `${d('figure.prefix')}${
        labels
          ? d('logicModel.caption')
          : `${d('logicModel.caption')} ${d('logicModel.captionUnlabelled')}`
      }`,
    });
  }
  return blocks;
}

/**
 * What the indicators table can be trusted for, said only as far as it is
 * true: "Baselines and targets are dated" when every one is, else how many.
 */
export function indicatorCompleteness(
  indicators: readonly Indicator[],
  loc: DocLocale = englishLocale(),
): string {
  const d = loc.d;
  const n = indicators.length;
  const dated = indicators.filter((i) => i.baseline.date && i.target.date).length;
  const sentences = [
    dated === n
      ? d('indicators.allDated')
      : d('indicators.someDated', {
          state: dated === 0 ? 'none' : 'some',
          dated: loc.count(dated),
          total: loc.count(n),
        }),
  ];
  const missing = (
    [
      ['source', (i: Indicator) => i.dataSource.trim() !== ''],
      ['frequency', (i: Indicator) => i.frequency !== null],
      ['owner', (i: Indicator) => i.owner.trim() !== ''],
    ] as const
  ).map(([what, has]) => [what, indicators.filter((i) => !has(i)).length] as const);
  if (missing.every(([, count]) => count === 0)) sentences.push(d('indicators.eachComplete'));
  else
    for (const [what, count] of missing)
      if (count > 0)
        sentences.push(
          d(`indicators.missing.${what}`, {
            all: count === n ? 'yes' : 'no',
            count: loc.count(count),
            total: loc.count(n),
          }),
        );
  return sentences.join(' ');
}

/** "34 (2025)": a baseline's value and year. */
function baselineCell(w: Writer, values: readonly Indicator[]): string {
  return distinctLines(values.map((i) => datedValue(w, i.baseline, 'year')));
}

/** "60 by June 2028": a target's value and when it is due. */
function targetCell(w: Writer, values: readonly Indicator[]): string {
  return distinctLines(values.map((i) => datedValue(w, i.target, 'month')));
}

/** A dated value for the results framework; says what is missing. */
function datedValue(w: Writer, value: Indicator['baseline'], precision: 'year' | 'month'): string {
  const { d } = w;
  const m = /^(\d{4})-(\d{2})/.exec(value.date ?? '');
  const shown = value.value === null ? null : w.num(value.value);
  if (!m)
    return shown === null
      ? d('indicators.value.notSet')
      : d('indicators.value.noDate', { value: shown });
  if (precision === 'year')
    return shown === null
      ? d('indicators.value.notSetYear', { year: m[1]! })
      : d('indicators.value.year', { value: shown, year: m[1]! });
  const month = w.loc.monthYear(value.date);
  return shown === null
    ? d('indicators.value.notSetBy', { month })
    : d('indicators.value.by', { value: shown, month });
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
function indicatorCell(plan: Plan, entry: FrameworkIndicator, w: Writer): string {
  const { d } = w;
  const i = entry.indicator;
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const units = distinctLines(entry.copies.map((c) => c.unit.trim()));
  const by = [...new Set(entry.copies.flatMap((c) => c.disaggregation))];
  const kinds = [
    ...new Set(entry.copies.flatMap((c) => (c.successMeasure ? [c.successMeasure] : []))),
  ];
  return [
    i.name.trim() || d('indicators.untitled'),
    units === '—' ? '' : d('indicators.unit', { units: units.replace(/\n/g, w.semi) }),
    kinds.length
      ? kinds.length === 1 && kinds[0] === 'other'
        ? d('indicators.successMeasure')
        : d('indicators.successMeasureOf', {
            kinds: lower(w.loc, kinds.map((k) => w.terms.successMeasure(k)).join(w.semi)),
          })
      : '',
    !by.length
      ? ''
      : segments.size > 2 && [...segments.keys()].every((id) => by.includes(id))
        ? d('indicators.reportedByEach')
        : d('indicators.reportedBy', {
            segments: by.map((id) => segments.get(id) ?? id).join(w.comma),
          }),
  ]
    .filter(Boolean)
    .join('\n');
}

function indicatorsSection(plan: Plan, w: Writer): DocBlock[] {
  const { d, loc } = w;
  if (!plan.indicators.length) return [];
  const framework = resultsFramework(plan, loc);
  const rows: string[][] = [];
  const groupRows: number[] = [];
  const listed = framework.results.flatMap((r) => r.indicators.map((i) => i.indicator));
  for (const result of framework.results) {
    groupRows.push(rows.length);
    rows.push([
      result.number,
      [
        result.title,
        result.note
          ? d('indicators.kindWithNote', { kind: result.kind, note: result.note })
          : result.kind,
        ...result.alsoStated.map((s) => d('common.labelled', { label: s.where, text: s.title })),
      ].join('\n'),
      '',
      '',
      '',
      '',
    ]);
    for (const entry of result.indicators)
      rows.push([
        '',
        indicatorCell(plan, entry, w),
        baselineCell(w, entry.copies),
        targetCell(w, entry.copies),
        [
          distinctLines(
            entry.copies.map((c) => c.dataSource.trim() || d('indicators.sourceNotSet')),
          ),
          distinctLines(
            entry.copies.map((c) =>
              c.frequency
                ? d('indicators.frequency', {
                    frequency: lower(loc, w.terms.frequency(c.frequency)),
                  })
                : d('indicators.frequencyNotSet'),
            ),
          ),
        ].join('\n'),
        distinctLines(entry.copies.map((c) => c.owner.trim())),
      ]);
    for (const { indicator, number } of result.seeAlso)
      rows.push([
        '',
        d('indicators.seeAlso', {
          indicator: indicator.indicator.name.trim() || d('indicators.untitled'),
          number,
        }),
        '',
        '',
        '',
        '',
      ]);
    if (!result.indicators.length && !result.seeAlso.length)
      rows.push(['', d('indicators.noneYet'), '', '', '', '']);
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
      text: `${d('indicators.lead', { count: framework.indicatorCount })} ${indicatorCompleteness(listed, loc)}`,
    },
    { type: 'heading', level: 2, text: d('indicators.framework') },
    {
      type: 'paragraph',
      text: [
        d('indicators.numbering', {
          top: lower(loc, framework.results[0]!.kind),
          outcomes: outcomes.length === 0 ? 'none' : outcomes.length === 1 ? 'one' : 'many',
          first: outcomes[0] ?? '',
          last: outcomes.at(-1) ?? '',
          outputs: outputs.length ? 'yes' : 'no',
          output: outputs[0]?.number ?? '',
        }),
        merged ? d('indicators.merged', { count: merged }) : '',
        unmeasured.length
          ? d('indicators.unmeasured', { count: unmeasured.length, results: loc.list(unmeasured) })
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    },
    {
      type: 'table',
      columns: [
        { title: d('col.number'), width: 7 },
        { title: d('indicators.resultAndIndicator'), width: 33, firstLineBold: true },
        { title: d('col.baseline'), width: 12 },
        { title: d('col.target'), width: 13 },
        { title: d('indicators.sourceAndFrequency'), width: 20 },
        { title: d('indicators.responsible'), width: 15 },
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
  loc: DocLocale = englishLocale(),
): string {
  const d = loc.d;
  if (item.done) return d('stakeholders.status.done');
  if (!item.when) return d('stakeholders.status.noDate');
  const days = daysBetween(asOf, item.when);
  if (days < 0) return d('stakeholders.status.overdue');
  if (days === 0) return d('stakeholders.status.today');
  if (days === 1) return d('stakeholders.status.tomorrow');
  return d('stakeholders.status.notYetDue');
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
function quadrantKey(entries: readonly Stakeholder[], numbered: boolean, w: Writer): DocBlock[] {
  const { d, terms } = w;
  const arrowsLeftOut = numbered && !matrixDrawsArrows(entries);
  const blocks: DocBlock[] = [{ type: 'heading', level: 2, text: d('stakeholders.byQuadrant') }];
  for (const q of QUADRANT_ORDER) {
    const members = entries.flatMap((e, i) => (placedQuadrant(e) === q ? [{ e, i }] : []));
    if (!members.length) continue;
    const wanted = (e: Stakeholder) => {
      const to = e.desiredPosition ? quadrantOf(e.desiredPosition) : null;
      return to && to !== q ? terms.quadrant(to) : '—';
    };
    const moving = arrowsLeftOut && members.some(({ e }) => wanted(e) !== '—');
    blocks.push(
      {
        type: 'heading',
        level: 3,
        text: d('stakeholders.quadrantHeading', {
          quadrant: terms.quadrant(q),
          summary: lower(w.loc, terms.quadrantSummary(q)),
        }),
      },
      { type: 'paragraph', text: `${terms.quadrantApproach(q)} ${terms.quadrantRhythm(q)}` },
      {
        type: 'table',
        columns: [
          ...(numbered ? [{ title: d('col.number'), width: 8, numeric: true }] : []),
          { title: d('col.stakeholder'), width: moving ? 30 : 42 },
          { title: d('col.organisation'), width: moving ? 38 : 50 },
          ...(moving ? [{ title: d('stakeholders.wantedIn'), width: 24 }] : []),
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

function stakeholdersSection(plan: Plan, options: ExportOptions, w: Writer): DocBlock[] {
  const { d, loc, terms } = w;
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
        ? [
            d('stakeholders.leadRegister', {
              stakeholders: entries.length - partners,
              partners,
            }),
            d('stakeholders.leadMatrix', {
              unplaced: unplaced ? 'some' : 'none',
              counts: counts
                .map(([q, n]) =>
                  d('stakeholders.quadrantCount', {
                    quadrant: lower(loc, terms.quadrant(q)),
                    count: loc.count(n),
                  }),
                )
                .join(w.comma),
            }),
            ...(unplaced ? [d('stakeholders.leadUnplaced', { count: unplaced })] : []),
          ].join(' ')
        : d('stakeholders.leadPartner', { partners, others: entries.length - partners }),
    });
    if (figure)
      blocks.push({
        type: 'diagram',
        scene: matrixScene(entries, loc),
        // Hundreds of markers: fewer pixels keep the export fast, numbers stay legible.
        pixelWidth: entries.length > 60 ? 1000 : 1200,
        caption: `${d('figure.prefix')}${d('stakeholders.caption', {
          quadrants: show('stakeholderQuadrant') ? 'yes' : 'no',
        })}`,
      });
    // The figure's key, by quadrant, with each quadrant's engagement approach.
    if (show('stakeholderQuadrant')) blocks.push(...quadrantKey(entries, figure, w));
    const placed = (e: Stakeholder) => {
      const quadrant = placedQuadrant(e);
      return quadrant ? terms.quadrant(quadrant) : d('stakeholders.unplaced');
    };
    const stanceArrow = (e: Stakeholder) =>
      d('common.arrow', { from: terms.stance(e.currentStance), to: terms.stance(e.desiredStance) });
    // Each column with the audience field it shows (null = every profile).
    const columns: [DocColumn, AudienceFieldId | null, (e: Stakeholder, i: number) => string][] = [
      [{ title: '#', width: 3, numeric: true }, 'stakeholderScores', (_, i) => String(i + 1)],
      [{ title: d('col.name'), width: 12 }, null, (e) => e.name],
      [{ title: d('col.organisation'), width: 12 }, null, (e) => dash(e.organisation)],
      [{ title: d('stakeholders.role'), width: 18 }, null, (e) => dash(e.role)],
      [{ title: d('stakeholders.type'), width: 9 }, null, (e) => terms.category(categoryOf(e))],
      [
        { title: d('stakeholders.power'), width: 6, numeric: true },
        'stakeholderScores',
        (e) => String(e.power),
      ],
      [
        { title: d('stakeholders.interest'), width: 6.5, numeric: true },
        'stakeholderScores',
        (e) => String(e.interest),
      ],
      [{ title: d('stakeholders.quadrant'), width: 8 }, 'stakeholderQuadrant', placed],
      [{ title: d('stakeholders.stance'), width: 9 }, 'stakeholderStance', stanceArrow],
      [{ title: d('stakeholders.owner'), width: 12 }, null, (e) => dash(e.owner)],
      [
        { title: d('stakeholders.contact'), width: 15 },
        'stakeholderContact',
        (e) => dash(e.contact),
      ],
    ];
    const shown = columns.filter(([, field]) => field === null || show(field));
    blocks.push(
      { type: 'heading', level: 2, text: d('stakeholders.register') },
      {
        type: 'table',
        columns: shown.map(([c]) => c),
        rows: entries.map((e, i) => shown.map(([, , cell]) => cell(e, i))),
      },
    );
    const plan_ = show('engagementPlan') ? engagementItems(entries, options.asOf) : [];
    if (plan_.length) {
      const status = show('actionStatus');
      const asOf = w.date(options.asOf);
      blocks.push(
        { type: 'heading', level: 2, text: d('stakeholders.engagementPlan') },
        ...(status
          ? [
              {
                type: 'paragraph' as const,
                style: 'note' as const,
                text: d('stakeholders.statusesAsOf', { date: asOf }),
              },
            ]
          : []),
        {
          type: 'table',
          columns: [
            { title: d('stakeholders.when'), width: 13 },
            { title: d('col.stakeholder'), width: 20 },
            { title: d('stakeholders.action'), width: 31 },
            { title: d('stakeholders.who'), width: 18 },
            { title: d('stakeholders.repeats'), width: 9 },
            ...(status ? [{ title: d('common.statusOn', { date: asOf }), width: 11 }] : []),
          ],
          rows: [...plan_]
            .sort((a, b) => (a.when ?? '9999').localeCompare(b.when ?? '9999'))
            .map((item) => [
              w.date(item.when),
              item.stakeholderName,
              item.kind === 'checkpoint' ? d('stakeholders.checkpointReview') : item.what,
              dash(item.who),
              terms.repeat(item.repeatEveryDays),
              ...(status ? [statusOn(item, options.asOf, loc)] : []),
            ]),
        },
      );
    }
  }
  if (map.checkpoints.length) {
    const notes = show('checkpointNotes');
    blocks.push(
      { type: 'heading', level: 2, text: d('stakeholders.checkpoints') },
      {
        type: 'table',
        columns: [
          { title: d('stakeholders.checkpoint'), width: notes ? 30 : 50 },
          { title: d('stakeholders.next'), width: notes ? 15 : 25 },
          { title: d('stakeholders.repeats'), width: notes ? 15 : 25 },
          ...(notes ? [{ title: d('col.notes'), width: 40 }] : []),
        ],
        rows: map.checkpoints.map((c) => [
          c.title,
          w.date(nextOnOrAfter(c.nextDate, c.repeatEveryDays, options.asOf)),
          terms.repeat(c.repeatEveryDays),
          ...(notes ? [dash(c.notes)] : []),
        ]),
      },
    );
  }
  const questions: [string, string][] = [
    ...(show('keyBuyIn')
      ? ([[d('stakeholders.questions.keyBuyIn'), map.questions.keyBuyIn]] as [string, string][])
      : []),
    [d('stakeholders.questions.jobsNeededNow'), map.questions.jobsNeededNow],
    [d('stakeholders.questions.jobsNeededSoon'), map.questions.jobsNeededSoon],
    [d('stakeholders.questions.inDemandSkillsNow'), map.questions.inDemandSkillsNow],
    [d('stakeholders.questions.jobsAndPathwaysFiveYears'), map.questions.jobsAndPathwaysFiveYears],
    [d('stakeholders.questions.labourMarketPriorities'), map.questions.labourMarketPriorities],
  ];
  const answered = questions.filter(([, a]) => a.trim());
  if (answered.length) {
    blocks.push({
      type: 'heading',
      level: 2,
      text:
        show('keyBuyIn') && map.questions.keyBuyIn.trim()
          ? d('stakeholders.questionsWithBuyIn')
          : d('stakeholders.questionsHeading'),
    });
    for (const [q, a] of answered)
      blocks.push({ type: 'heading', level: 3, text: q }, ...paragraphs(a));
  }
  if (show('stakeholderNotes')) {
    const noted = entries.filter((e) => e.notes.trim());
    if (noted.length)
      blocks.push(
        { type: 'heading', level: 2, text: d('stakeholders.internalNotes') },
        { type: 'paragraph', style: 'note', text: d('stakeholders.internalNotesNote') },
        {
          type: 'table',
          columns: [
            { title: d('col.stakeholder'), width: 22 },
            { title: d('col.notes'), width: 78 },
          ],
          rows: noted.map((e: Stakeholder) => [e.name, e.notes.trim()]),
        },
      );
  }
  return blocks;
}

function learnersSection(plan: Plan, w: Writer): DocBlock[] {
  const { d, loc, terms } = w;
  const segments = plan.learners;
  if (!segments.length) return [];
  const totals = totalIncentiveBudget(segments);
  const currency = plan.budget.currency;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: [
        d('learners.lead', {
          segments: segments.length,
          people: loc.count(totals.learners),
          participants: loc.count(totals.participants),
        }),
        totals.unsized
          ? d('learners.incentivesUnsized', {
              amount: w.amount(totals.budget, currency),
              unsized: totals.unsized,
            })
          : d('learners.incentives', { amount: w.amount(totals.budget, currency) }),
      ].join(' '),
    },
    {
      type: 'table',
      columns: [
        { title: d('col.segment'), width: 20 },
        { title: d('learners.population'), width: 14 },
        { title: d('learners.size'), width: 9, numeric: true },
        { title: d('learners.participants'), width: 13, numeric: true },
        { title: d('learners.barriers'), width: 18 },
        { title: w.moneyTitle(d('learners.costPerLearner'), currency), width: 12, numeric: true },
        { title: w.moneyTitle(d('learners.incentiveBudget'), currency), width: 14, numeric: true },
      ],
      rows: segments.map((s) => {
        const b = incentiveBudget(s);
        return [
          s.name,
          terms.population(s.populationType),
          s.estimatedSize === null ? '—' : loc.count(s.estimatedSize),
          s.expectedParticipants === null ? '—' : loc.count(s.expectedParticipants),
          barrierLabels(s, w).join(w.comma) || '—',
          loc.money(b.perLearner, currency),
          w.money(b.total, currency),
        ];
      }),
      totalRow: [
        d('col.total'),
        '',
        loc.count(totals.learners),
        loc.count(totals.participants),
        '',
        '',
        loc.money(totals.budget, currency),
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
          text: s.persona.name.trim()
            ? d('learners.quoteBy', { quote: s.persona.quote.trim(), name: s.persona.name.trim() })
            : d('learners.quote', { quote: s.persona.quote.trim() }),
        });
      blocks.push(...paragraphs(s.persona.situation));
    }
    if (s.motivators.trim())
      blocks.push(
        { type: 'heading', level: 3, text: d('learners.motivators') },
        ...paragraphs(s.motivators),
      );
    if (s.barriers.length || s.barrierNotes.trim()) {
      blocks.push({ type: 'heading', level: 3, text: d('learners.barriers') });
      if (s.barriers.length) blocks.push({ type: 'bullets', items: barrierLabels(s, w) });
      blocks.push(...paragraphs(s.barrierNotes));
    }
    if (s.incentives.length) {
      blocks.push(
        { type: 'heading', level: 3, text: d('learners.incentivesHeading') },
        {
          type: 'table',
          columns: [
            { title: d('learners.incentive'), width: 22 },
            { title: d('learners.whatTheyGet'), width: 52 },
            { title: d('col.kind'), width: 12 },
            {
              title: w.moneyTitle(d('learners.costPerLearnerShort'), currency),
              width: 14,
              numeric: true,
            },
          ],
          rows: s.incentives.map((i) => [
            terms.incentive(i.type),
            dash(i.description),
            INCENTIVE_TYPES[i.type].financial
              ? d('learners.financial')
              : d('learners.nonFinancial'),
            w.money(i.costPerLearner, currency),
          ]),
        },
      );
    }
  }
  return blocks;
}

function catalogSection(plan: Plan, options: ExportOptions, w: Writer): DocBlock[] {
  const { d, loc, terms } = w;
  const catalog = plan.content.catalog;
  if (!catalog.length) return [];
  const internal = shows(options.profile, 'catalogNotes');
  const byKind = (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[])
    .map((kind) => [kind, catalog.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0);
  const hours = catalog.reduce((sum, c) => sum + (c.hours ?? 0), 0);
  return [
    {
      type: 'paragraph',
      style: 'lead',
      text: d('catalog.lead', {
        count: catalog.length,
        kinds: byKind
          .map(([kind, n]) => d(`terms.contentKindCount.${kind}`, { count: n }))
          .join(w.comma),
        hours: loc.count(Math.round(hours)),
      }),
    },
    {
      type: 'table',
      columns: [
        { title: d('col.title'), width: internal ? 20 : 24 },
        { title: d('col.provider'), width: 13 },
        { title: d('col.kind'), width: 10 },
        { title: d('col.level'), width: 8 },
        { title: d('col.hours'), width: 6, numeric: true },
        { title: d('catalog.languages'), width: 9 },
        { title: d('col.skills'), width: internal ? 16 : 22 },
        {
          title: w.moneyTitle(d('learners.costPerLearnerShort'), plan.budget.currency),
          width: 8,
          numeric: true,
        },
        ...(internal ? [{ title: d('col.notes'), width: 10 }] : []),
      ],
      rows: catalog.map((c) => [
        c.title,
        dash(c.provider),
        terms.contentKind(c.kind),
        terms.level(c.level),
        w.num(c.hours),
        c.languages.join(w.comma) || '—',
        c.skills.join(w.comma) || '—',
        w.money(c.costPerLearner, plan.budget.currency),
        ...(internal ? [dash(c.notes)] : []),
      ]),
    },
  ];
}

function makeOrBuySection(plan: Plan, options: ExportOptions, w: Writer): DocBlock[] {
  const { d, loc, terms } = w;
  const decisions = plan.content.decisions;
  if (!decisions.length) return [];
  if (!shows(options.profile, 'makeOrBuyScores')) return makeOrBuyDecisions(decisions, w);
  const internal = shows(options.profile, 'raterNames');
  const blocks: DocBlock[] = [{ type: 'paragraph', style: 'lead', text: d('makeOrBuy.lead') }];
  for (const d_ of decisions) {
    const score = scorePlanDecision(d_);
    const raters = internal ? d_.raters : [];
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
      { type: 'heading', level: 2, text: d_.need || d('makeOrBuy.untitledNeed') },
      {
        type: 'facts',
        rows: [
          [
            d('makeOrBuy.recommendation'),
            score.recommendation === 'none'
              ? terms.option('none')
              : d('makeOrBuy.recommendationScores', {
                  option: terms.option(score.recommendation),
                  make: loc.fixed1(shownMake),
                  buy: loc.fixed1(shownBuy),
                }),
          ],
          [
            d('makeOrBuy.decisionTaken'),
            d_.decision ? terms.option(d_.decision) : d('makeOrBuy.notDecided'),
          ],
          [
            d('makeOrBuy.ratedBy'),
            internal
              ? d_.raters.map((r) => r.name).join(w.semi) || '—'
              : d('makeOrBuy.raterCount', { count: d_.raters.length }),
          ],
        ],
      },
      {
        type: 'table',
        columns: [
          { title: d('makeOrBuy.criterion'), width: 40 - raters.length * 4 },
          { title: d('makeOrBuy.favours'), width: 9 },
          { title: d('makeOrBuy.weight'), width: 8, numeric: true },
          ...raters.map((r, i) => ({
            title: d('makeOrBuy.rater', { number: i + 1 }),
            width: 6,
            numeric: true,
          })),
          { title: d('makeOrBuy.average'), width: 10, numeric: true },
          { title: d('makeOrBuy.makePoints'), width: 9, numeric: true },
          { title: d('makeOrBuy.buyPoints'), width: 9, numeric: true },
        ],
        rows: d_.criteria.map((c, i) => {
          const s = score.criteria[i]!;
          return [
            c.label,
            terms.option(c.favours === 'make' ? 'make' : 'buy'),
            loc.value(c.weight),
            ...raters.map((r) => {
              const v = d_.ratings[r.id]?.[c.id];
              return v === undefined ? '—' : String(v);
            }),
            s.average === null ? d('makeOrBuy.notRated') : loc.fixed1(s.average),
            rated[i] ? loc.fixed1(makePoints[i]!) : '—',
            rated[i] ? loc.fixed1(buyPoints[i]!) : '—',
          ];
        }),
        totalRow: [
          d('col.total'),
          '',
          loc.value(d_.criteria.reduce((sum, c) => sum + c.weight, 0)),
          ...raters.map(() => ''),
          '',
          loc.fixed1(shownMake),
          loc.fixed1(shownBuy),
        ],
      },
    );
    if (raters.length)
      blocks.push({
        type: 'paragraph',
        style: 'note',
        text: d('makeOrBuy.raters', {
          raters: raters
            .map((r, i) => d('makeOrBuy.raterKey', { number: i + 1, name: r.name }))
            .join(w.semi),
        }),
      });
    if (score.disagreements.length)
      blocks.push({
        type: 'paragraph',
        style: 'note',
        text: d('makeOrBuy.disagreed', {
          criteria: score.disagreements
            .map((id) => d_.criteria.find((c) => c.id === id)?.label ?? id)
            .join(w.semi),
        }),
      });
    blocks.push(
      ...textSection(d('col.rationale'), d_.rationale).map((b) =>
        b.type === 'heading' ? { ...b, level: 3 as const } : b,
      ),
    );
  }
  return blocks;
}

/** The decisions and their reasons, without the scoring (partner-safe). */
function makeOrBuyDecisions(decisions: Plan['content']['decisions'], w: Writer): DocBlock[] {
  const { d, terms } = w;
  const blocks: DocBlock[] = [
    { type: 'paragraph', style: 'lead', text: d('makeOrBuy.leadDecisions') },
  ];
  for (const d_ of decisions)
    blocks.push(
      { type: 'heading', level: 2, text: d_.need || d('makeOrBuy.untitledNeed') },
      {
        type: 'facts',
        rows: [
          [d('col.decision'), d_.decision ? terms.option(d_.decision) : d('makeOrBuy.notDecided')],
        ],
      },
      ...textSection(d('col.rationale'), d_.rationale).map((b) =>
        b.type === 'heading' ? { ...b, level: 3 as const } : b,
      ),
    );
  return blocks;
}

function pathwaysSection(plan: Plan, w: Writer): DocBlock[] {
  const { d, loc, terms } = w;
  const pathways = plan.content.pathways;
  if (!pathways.length) return [];
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const blocks: DocBlock[] = [{ type: 'paragraph', style: 'lead', text: d('pathways.lead') }];
  for (const p of pathways) {
    const summary = summarisePathway(p, plan.content.catalog);
    const group = p.mode === 'group';
    blocks.push(
      { type: 'heading', level: 2, text: p.name || d('pathways.untitled') },
      {
        type: 'facts',
        rows: [
          [d('pathways.targetRole'), dash(p.targetRole)],
          [d('col.for'), p.segmentIds.map((id) => segments.get(id) ?? id).join(w.semi) || '—'],
          [d('pathways.arrangement'), group ? d('pathways.grouped') : d('pathways.sequence')],
          [
            d('pathways.studyTime'),
            d('pathways.studyTimeValue', {
              hours: loc.value(summary.totalHours),
              perWeek: loc.value(p.hoursPerWeek),
              duration: terms.duration(summary.weeks),
            }),
          ],
        ],
      },
      {
        type: 'table',
        columns: [
          { title: group ? d('pathways.group') : d('pathways.step'), width: group ? 14 : 6 },
          { title: d('col.content'), width: group ? 28 : 34 },
          { title: d('col.provider'), width: 18 },
          { title: d('col.level'), width: 13 },
          { title: d('col.hours'), width: 7, numeric: true },
          { title: d('col.skills'), width: 20 },
        ],
        rows: summary.steps.map((s) => [
          group ? dash(s.group) : String(s.index + 1),
          s.item?.title ?? d('pathways.removed'),
          dash(s.item?.provider),
          s.item ? terms.level(s.item.level) : '—',
          w.num(s.item?.hours ?? null),
          s.item?.skills.join(w.comma) || '—',
        ]),
        totalRow: ['', d('col.total'), '', '', loc.value(summary.totalHours), ''],
      },
    );
    if (p.requiredSkills.length)
      blocks.push({
        type: 'paragraph',
        style: 'note',
        text: summary.uncovered.length
          ? d('pathways.uncovered', { skills: summary.uncovered.join(w.comma) })
          : d('pathways.covered', { count: p.requiredSkills.length }),
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
function barrierLabels(
  s: { barriers: readonly Plan['learners'][number]['barriers'][number][]; barrierNotes: string },
  w: Writer,
): string[] {
  return s.barriers.map((x) =>
    x === 'other'
      ? s.barrierNotes.trim()
        ? w.d('learners.otherBarriersBelow')
        : w.d('learners.otherBarriersUndescribed')
      : w.terms.barrier(x),
  );
}

/**
 * Builds the content of the document for a plan and its export options, in
 * the document language of `options.locale` (English plans need none; see
 * localeFor).
 */
export function planDocument(planAsSaved: Plan, options: ExportOptions): PlanDocument {
  const loc = localeFor(planAsSaved, options.locale);
  const w = writerOf(loc);
  const { d } = w;
  // A link in the file twice is listed (and drawn) once.
  const plan = withUniqueLinks(planAsSaved);
  const builders: Record<ExportSectionId, () => DocBlock[]> = {
    objective: () => objectiveSection(plan, w),
    theoryOfChange: () => theoryOfChangeSection(plan, w),
    logicModel: () => logicModelSection(plan, w),
    indicators: () => indicatorsSection(plan, w),
    stakeholders: () => stakeholdersSection(plan, options, w),
    learners: () => learnersSection(plan, w),
    catalog: () => catalogSection(plan, options, w),
    makeOrBuy: () => makeOrBuySection(plan, options, w),
    pathways: () => pathwaysSection(plan, w),
    onboarding: () => onboardingBlocks(plan, options, loc),
    communications: () => communicationsBlocks(plan, options.profile, loc),
    invitations: () => invitationBlocks(plan, loc),
    marketing: () => marketingBlocks(plan, loc),
    contentInUse: () =>
      contentInUseBlocks(plan, options.contentUse, options.asOf, options.profile, loc),
    skillsFirst: () => skillsFirstBlocks(plan, loc),
    roster: () => rosterBlocks(plan, loc, options.profile),
    kpis: () => kpiBlocks(plan, loc),
    engagement: () => engagementBlocks(plan, loc),
    reviews: () => reviewBlocks(plan, options.profile, loc),
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
      title: d(`chapters.${info.id}`),
      blocks,
    });
  }
  const o = plan.objective;
  return {
    title: o.programName.trim() || plan.name.trim() || d('cover.untitledPlan'),
    subtitle: d('cover.programPlan'),
    organisation: o.organisation.trim(),
    language: o.language,
    documentLanguage: loc.language,
    direction: loc.dir,
    region: o.region.trim(),
    dateLabel: w.date(options.asOf),
    version: d('cover.lastChanged', { date: w.date(plan.updatedAt) }),
    profile: options.profile,
    audienceNote: audienceNote(options.profile, loc),
    sections,
  };
}

/** The profile's display name (cover page, header). */
export function profileLabel(profile: Profile, loc: DocLocale = englishLocale()): string {
  return loc.d(`profiles.${profile}`);
}
