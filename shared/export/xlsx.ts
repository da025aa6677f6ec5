/**
 * The Excel workbook: one sheet per area with a frozen, styled header row,
 * filters, sensible widths, real numbers and dates, drop-down lists for
 * enumerations and landscape fit-to-width printing. The make-or-buy sheet and
 * the stakeholder quadrant are live formulas (with cached results for
 * viewers that do not calculate), so a recipient can change an assumption.
 *
 * Every text goes in as a plain string cell through `cellText`: exceljs only
 * writes a formula for a `{ formula }` value, so "=HYPERLINK(…)" typed by a
 * planner stays words (and carries the quote prefix, see xlsx-layout.ts,
 * which also sets row heights, names fonts and makes http(s) links links).
 */
import {
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  exportableStories,
  marketingSpend,
} from '../launch/marketing';
import { hasInvitations, invitationRows } from './invitations-chapter';
import { hasProgress, rosterSheet } from './roster-chapter';
import { contentInUseSheets, hasSkillsFirst, skillsFirstSheets } from './content-use-chapter';
import { hasKpiResults, kpiSheet } from './kpis-chapter';
import { RATIO_MAX, RATIO_MIN, invitationSummary } from '../launch/invitations';
import {
  funnelStageFormula,
  invitationsNeededFormula,
  waveInvitationsFormula,
} from './launch-formulas';
import { hasChecklist, onboardingSheetRows, statusHeading } from './onboarding-chapter';
import { communicationSheetRows } from './communications-chapter';
import { hasReviews, reviewSheets } from './reviews-chapter';
import { engagementSheets, hasEngagement } from './engagement-chapter';
import ExcelJS from 'exceljs';
import { KIND_LABELS } from '../content/catalog';
import { scorePlanDecision, HYBRID_BAND, OPTION_LABELS } from '../content/makeorbuy';
import { LEVEL_LABELS, summarisePathway } from '../content/pathways';
import { FREQUENCY_LABELS } from '../indicators/format';
import { BARRIER_LABELS, incentiveBudget, POPULATION_LABELS } from '../learners/segments';
import { CHAIN_LANES, laneInfo, NOTE_LANES } from '../logic-model/lanes';
import { tracedTocNode } from '../logic-model/trace';
import { indicatorsBySubject, measuresOf, successMeasuresOf } from '../indicators/measures';
import { BUDGET_LINE_LABELS, BUDGET_LINES, plannedCosts } from '../learners/budget';
import type { Indicator, Plan } from '../plan/schema';
import { resultNumbersByIndicator, resultsFramework } from './results-framework';
import { HIGH_THRESHOLD, QUADRANT_INFO, quadrantOf } from '../stakeholders/quadrants';
import { isPlaced, stanceLabel } from '../stakeholders/register';
import { EVIDENCE_LEVELS, kindLabel } from '../toc/kinds';
import {
  choiceLabel,
  columnsFor,
  INDICATOR_COLUMNS,
  readableBack,
  PARTNER_TYPE_CHOICES,
  RELATION_CHOICES,
  SHEETS,
  STAKEHOLDER_COLUMNS,
  type RoundTripColumn,
} from './columns';
import { audienceNote, shows, type Profile } from './audience';
import type { ExportOptions } from './options';
import { cellText } from './sanitize';
import { withUniqueLinks } from './unique-links';
import {
  finishWorkbook,
  linkValue,
  NUMBER_FORMAT,
  numberFormat,
  pageHeader,
  packWorkbook,
  WRITE_STORED,
} from './xlsx-layout';

const HEADER_FILL = 'FF1F3864';
const TITLE_COLOR = 'FF1F3864';
const DATE_FORMAT = 'd mmm yyyy';
/** Rows below the data that still get drop-down lists, for rows a recipient adds. */
const SPARE_ROWS = 200;

type CellValue =
  | string
  | number
  | Date
  | null
  | { formula: string; result?: string | number }
  | { text: string; hyperlink: string };

/** A column of a table sheet. */
interface SheetColumn {
  readonly header: string;
  readonly width: number;
  readonly kind?: 'text' | 'number' | 'integer' | 'date' | 'money' | 'formula';
  /** For money columns: the plan currency (ISO 4217), shown after each amount. */
  readonly currency?: string | null;
  /** Drop-down values. */
  readonly list?: readonly string[];
  /** Whole-number range for validation. */
  readonly range?: readonly [number, number];
  /** Wrap text (long descriptions). */
  readonly wrap?: boolean;
}

/** A date string as a real Excel date (UTC midnight, so no time zone shifts the day). */
function excelDate(iso: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const t = (text: string | null | undefined): string | null => {
  const clean = cellText(text ?? '');
  return clean === '' ? null : clean;
};

/** Excel column letters for a 1-based index. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** exceljs supports range-wide validations (one XML element per range) but does not type them. */
function validations(ws: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (ws as unknown as { dataValidations: ReturnType<typeof validations> }).dataValidations;
}

function styleHeader(row: ExcelJS.Row): void {
  row.height = 30;
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF0F1F3D' } } };
  });
}

function printSetup(ws: ExcelJS.Worksheet, title: string, sheet: string): void {
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: pageHeader(title, ` — ${sheet}`),
    oddFooter: '&C&8Page &P of &N',
  };
}

/** Adds a sheet holding one table: header row frozen, filter, widths, types, lists. */
function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly CellValue[])[],
  docTitle: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  // A column style is copied into every cell of the column, so plain text
  // columns get none: only number formats and wrapping are worth the cost.
  ws.columns = columns.map((c) => {
    const numFmt =
      c.kind === 'date'
        ? DATE_FORMAT
        : c.kind === 'money'
          ? moneyFormat(c.currency ?? null)
          : c.kind === 'number'
            ? NUMBER_FORMAT
            : c.kind === 'integer'
              ? '#,##0'
              : undefined;
    const style: Partial<ExcelJS.Style> = {
      ...(numFmt ? { numFmt } : {}),
      ...(c.wrap ? { alignment: { vertical: 'top', wrapText: true } } : {}),
    };
    return Object.keys(style).length ? { width: c.width, style } : { width: c.width };
  });
  styleHeader(ws.addRow(columns.map((c) => c.header)));
  for (const row of rows) {
    const added = ws.addRow(row as CellValue[]);
    // Each number with the decimals it has: "4,000", "1.5" (never "4,000.").
    columns.forEach((c, i) => {
      const value = row[i];
      if (c.kind === 'number' && typeof value === 'number')
        added.getCell(i + 1).numFmt = numberFormat(value);
    });
  }
  const last = Math.max(2, rows.length + 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: columns.length } };
  const spare = rows.length + 1 + SPARE_ROWS;
  columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    if (c.list)
      validations(ws).add(`${col}2:${col}${spare}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Choose one of: ${c.list.join(', ')}`,
      });
    else if (c.range)
      validations(ws).add(`${col}2:${col}${spare}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [c.range[0], c.range[1]],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Enter a whole number from ${c.range[0]} to ${c.range[1]}.`,
      });
    else if (c.kind === 'date')
      validations(ws).add(`${col}2:${col}${spare}`, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1))],
        showErrorMessage: true,
        errorTitle: c.header,
        error: 'Enter a date.',
      });
  });
  // IDs are read back by the round trip: wide enough to print whole, not cut at the next column.
  columns.forEach((c, i) => {
    if (c.header !== 'ID') return;
    const longest = Math.max(0, ...rows.map((r) => (typeof r[i] === 'string' ? r[i].length : 0)));
    ws.getColumn(i + 1).width = Math.min(40, Math.max(c.width, Math.ceil(longest * 1.05) + 2));
  });
  printSetup(ws, docTitle, name);
  return ws;
}

function roundTripColumns(columns: readonly RoundTripColumn[]): SheetColumn[] {
  return columns.map((c) => ({
    header: c.header,
    width: c.width,
    kind:
      c.kind === 'date'
        ? 'date'
        : c.kind === 'score'
          ? 'integer'
          : c.kind === 'number'
            ? 'number'
            : c.kind === 'computed' && c.key === 'quadrant'
              ? 'formula'
              : 'text',
    ...(c.choices ? { list: Object.keys(c.choices) } : {}),
    ...(c.kind === 'score' ? { range: [0, 100] as const } : {}),
    wrap: c.width >= 30,
  }));
}

// ---------------------------------------------------------------- sheets

function summarySheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
): void {
  const ws = wb.addWorksheet('Summary');
  ws.columns = [
    { width: 26, style: { alignment: { vertical: 'top' }, font: { bold: true } } },
    { width: 100, style: { alignment: { vertical: 'top', wrapText: true } } },
  ];
  const o = plan.objective;
  const head = ws.addRow([t(title)]);
  head.font = { bold: true, size: 16, color: { argb: TITLE_COLOR } };
  // A long program name wraps within the page instead of running off to the right
  // (which made LibreOffice shrink the whole sheet to fit it).
  ws.mergeCells(head.number, 1, head.number, 2);
  head.getCell(1).alignment = { vertical: 'top', wrapText: true };
  ws.addRow(['Program plan workbook']).font = { size: 12, color: { argb: 'FF595959' } };
  ws.addRow([]);
  const facts: [string, CellValue][] = [
    ['Organisation', t(o.organisation)],
    ['Region', t(o.region)],
    ['As of', excelDate(options.asOf)],
    ['Plan last changed', excelDate(plan.updatedAt)],
    ['Audience', audienceNote(options.profile)],
  ];
  if (options.sections.includes('objective'))
    facts.push(
      ['Change sought', t(o.changeSought)],
      ['Target group', t(o.targetGroup)],
      ['Problem statement', t(o.problemStatement)],
      ['Success means', t(o.successDefinition)],
      ['Baseline', t(o.baseline.description)],
      ['Baseline date', excelDate(o.baseline.date)],
      ['Baseline source', t(o.baseline.source)],
    );
  for (const [label, value] of facts) {
    const row = ws.addRow([label, value]);
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
    row.getCell(2).alignment = { vertical: 'top', wrapText: true, horizontal: 'left' };
  }
  ws.addRow([]);
  ws.addRow([
    'Sheets',
    shows(options.profile, 'makeOrBuyScores')
      ? 'Each sheet has a filter on its header row. Grey columns are calculated: on the Make-or-buy sheet change a weight or a rating and the totals and recommendation update; on Stakeholders change power or interest and the quadrant updates. Keep the ID columns unchanged so edited sheets can be imported back into the plan.'
      : 'Each sheet has a filter on its header row. Keep the ID columns unchanged so an edited Indicators sheet can be imported back into the plan.',
  ]);
  const measures = successMeasuresOf(plan.indicators);
  if (options.sections.includes('objective') && measures.length) {
    ws.addRow([]);
    const header = ws.addRow(['Success measure', 'Unit', 'Baseline', 'Target', 'Target date']);
    styleHeader(header);
    for (const m of measures) {
      const row = ws.addRow([
        t(m.name),
        t(m.unit),
        m.baseline.value,
        m.target.value,
        excelDate(m.target.date),
      ]);
      row.getCell(5).numFmt = DATE_FORMAT;
      row.getCell(1).font = { bold: false };
      row.getCell(1).alignment = { vertical: 'top', wrapText: true };
      for (const c of [3, 4]) {
        const value = row.getCell(c).value;
        if (typeof value === 'number') row.getCell(c).numFmt = numberFormat(value);
      }
    }
    ws.getColumn(3).width = 12;
    ws.getColumn(4).width = 12;
    ws.getColumn(5).width = 14;
  }
  if (options.sections.includes('objective')) budgetRows(ws, plan);
  printSetup(ws, title, 'Summary');
}

/**
 * The budget by line against what the plan costs, in the plan currency
 * (Summary sheet): amounts in columns C and D, under the success measures'
 * baseline and target, wide enough for "2,200,000.00 EUR".
 */
function budgetRows(ws: ExcelJS.Worksheet, plan: Plan): void {
  const budget = plan.budget;
  const planned = plannedCosts(plan);
  const anyBudget = budget.total !== null || BUDGET_LINES.some((l) => budget.lines[l] !== null);
  if (!anyBudget && planned.total === 0) return;
  const format = moneyFormat(budget.currency);
  ws.addRow([]);
  const header = ws.addRow([
    budget.currency ? `Budget (${budget.currency})` : 'Budget',
    null,
    'Budget',
    'Planned in this plan',
  ]);
  styleHeader(header);
  const add = (label: string, amount: number | null, cost: number | null, bold = false) => {
    const row = ws.addRow([label, null, amount, cost]);
    row.getCell(1).font = { bold };
    for (const c of [3, 4]) {
      row.getCell(c).numFmt = format;
      if (bold) row.getCell(c).font = { bold: true };
    }
  };
  for (const line of BUDGET_LINES)
    add(BUDGET_LINE_LABELS[line], budget.lines[line], planned.lines[line]);
  add('Total', budget.total, planned.total, true);
  for (const [label, value] of [
    ['Licences bought', plan.launch.marketing.licenses],
    ['Expected participants', planned.participants],
  ] as const) {
    const row = ws.addRow([label, null, value]);
    row.getCell(1).font = { bold: false };
    row.getCell(3).numFmt = '#,##0';
  }
  ws.getColumn(3).width = Math.max(ws.getColumn(3).width ?? 0, 18);
  ws.getColumn(4).width = Math.max(ws.getColumn(4).width ?? 0, 18);
}

/**
 * Excel number format of money: two decimals and the currency code, e.g.
 * `#,##0.00 "EUR"` (cells keep plain numbers, so sums and formulas work).
 */
function moneyFormat(currency: string | null): string {
  if (!currency) return '#,##0.00';
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  return `${digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0'} "${currency}"`;
}

function tocSheets(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const toc = plan.theoryOfChange;
  tableSheet(
    wb,
    'Theory of change',
    [
      { header: 'ID', width: 16 },
      {
        header: 'Kind',
        width: 22,
        list: [
          'Impact',
          'Long-term outcome',
          'Intermediate outcome',
          'Short-term outcome',
          'Outcome',
          'Precondition',
          'Intervention',
          'Assumption',
          'External factor',
        ],
      },
      { header: 'Element', width: 50, wrap: true },
      { header: 'Description', width: 80, wrap: true },
    ],
    toc.nodes.map((n) => [n.id, kindLabel(n), t(n.title), t(n.description)]),
    title,
  );
  const byId = new Map(toc.nodes.map((n) => [n.id, n]));
  const evidence = new Map<string, string>(EVIDENCE_LEVELS.map((e) => [e.value, e.label]));
  tableSheet(
    wb,
    'Causal links',
    [
      { header: 'From', width: 40, wrap: true },
      { header: 'Leads to', width: 40, wrap: true },
      { header: 'Because', width: 60, wrap: true },
      { header: 'Assumptions', width: 40, wrap: true },
      { header: 'Evidence', width: 18, list: EVIDENCE_LEVELS.map((e) => e.label) },
    ],
    toc.links.map((l) => [
      t(byId.get(l.source)?.title ?? l.source),
      t(byId.get(l.target)?.title ?? l.target),
      t(l.rationale),
      t(l.assumptions.join('; ')),
      evidence.get(l.evidence) ?? l.evidence,
    ]),
    title,
  );
}

function logframeSheet(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const lanes = [...CHAIN_LANES, ...NOTE_LANES];
  const items = lanes.flatMap((lane) =>
    plan.logicModel.items.filter((i) => i.lane === lane.id).sort((a, b) => a.order - b.order),
  );
  const bySubject = indicatorsBySubject(plan.indicators);
  tableSheet(
    wb,
    'Logframe',
    [
      { header: 'ID', width: 16 },
      { header: 'Level', width: 22, list: lanes.map((l) => l.level.replace(/,/g, '')) },
      { header: 'Result', width: 44, wrap: true },
      { header: 'Description', width: 50, wrap: true },
      { header: 'Indicators', width: 40, wrap: true },
      { header: 'Means of verification', width: 34, wrap: true },
      { header: 'Assumptions', width: 34, wrap: true },
      { header: 'Contributes to (theory of change)', width: 34, wrap: true },
    ],
    items.map((i) => [
      i.id,
      laneInfo(i.lane).level,
      t(i.title),
      t(i.description),
      t(
        measuresOf(bySubject, i.id, i.tocOutcomeId)
          .map((x) => x.indicator.name)
          .join('\n'),
      ),
      t(i.meansOfVerification),
      t(i.assumptions),
      t(tracedTocNode(plan, i)?.title ?? ''),
    ]),
    title,
  );
}

function subjectTitles(plan: Plan, indicator: Indicator): string {
  const titles = indicator.subjectIds.map(
    (id) =>
      plan.logicModel.items.find((i) => i.id === id)?.title ??
      plan.theoryOfChange.nodes.find((n) => n.id === id)?.title ??
      '',
  );
  if (indicator.successMeasure) titles.push('Success measure of the program');
  return titles.filter(Boolean).join('\n');
}

function indicatorsSheet(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const columns = INDICATOR_COLUMNS;
  const results = resultNumbersByIndicator(resultsFramework(plan));
  tableSheet(
    wb,
    SHEETS.indicators,
    roundTripColumns(columns),
    plan.indicators.map((i) => {
      const values: Record<string, CellValue> = {
        id: i.id,
        subjectIds: i.subjectIds.join(', '),
        subject: t(subjectTitles(plan, i)),
        result: results.get(i.id)?.join(', ') ?? null,
        name: t(i.name),
        unit: t(i.unit),
        baseline: i.baseline.value,
        baselineDate: excelDate(i.baseline.date),
        target: i.target.value,
        targetDate: excelDate(i.target.date),
        dataSource: t(i.dataSource),
        frequency: i.frequency ? FREQUENCY_LABELS[i.frequency] : null,
        owner: t(i.owner),
      };
      return columns.map((c) => values[c.key] ?? null);
    }),
    title,
  );
}

/** The quadrant formula for a row, matching quadrantOf (50 counts as high). */
function quadrantFormula(powerCell: string, interestCell: string): string {
  const q = QUADRANT_INFO;
  return `IF(OR(${powerCell}="",${interestCell}=""),"",IF(${powerCell}>=${HIGH_THRESHOLD},IF(${interestCell}>=${HIGH_THRESHOLD},"${q.manageClosely.label}","${q.keepSatisfied.label}"),IF(${interestCell}>=${HIGH_THRESHOLD},"${q.keepInformed.label}","${q.monitor.label}")))`;
}

function stakeholdersSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
): void {
  // A profile without the columns the import needs (partner-safe) writes a
  // plain list under another name, without IDs: it is not for reading back.
  const back = readableBack(STAKEHOLDER_COLUMNS, options.profile);
  const columns = columnsFor(STAKEHOLDER_COLUMNS, options.profile).filter(
    (c) => back || c.key !== 'id',
  );
  const col = (key: string) => columnLetter(columns.findIndex((c) => c.key === key) + 1);
  const ws = tableSheet(
    wb,
    back ? SHEETS.stakeholders : 'Partners and stakeholders',
    roundTripColumns(columns),
    plan.stakeholders.entries.map((s, index) => {
      const row = index + 2;
      const values: Record<string, CellValue> = {
        id: s.id,
        name: t(s.name),
        organisation: t(s.organisation),
        role: t(s.role),
        relation: choiceLabel(RELATION_CHOICES, s.relation),
        partnerType: t(choiceLabel(PARTNER_TYPE_CHOICES, s.partnerType)),
        power: s.power,
        interest: s.interest,
        // A stakeholder still in the Unplaced tray has no real scores yet: no quadrant either.
        quadrant: isPlaced(s)
          ? {
              formula: quadrantFormula(`${col('power')}${row}`, `${col('interest')}${row}`),
              result: QUADRANT_INFO[quadrantOf(s)].label,
            }
          : 'Unplaced',
        currentStance: stanceLabel(s.currentStance),
        desiredStance: stanceLabel(s.desiredStance),
        owner: t(s.owner),
        nextCheckpoint: excelDate(s.nextCheckpoint),
        contact: t(s.contact),
        notes: t(s.notes),
      };
      return columns.map((c) => values[c.key] ?? null);
    }),
    title,
  );
  // Calculated column: grey, so a recipient sees it is not for typing.
  const at = columns.findIndex((c) => c.key === 'quadrant');
  if (at < 0) return;
  const quadrant = ws.getColumn(at + 1);
  quadrant.eachCell((cell, row) => {
    if (row > 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  });
}

function learnersSheet(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const currency = plan.budget.currency;
  tableSheet(
    wb,
    'Learners',
    [
      { header: 'ID', width: 16 },
      { header: 'Segment', width: 40, wrap: true },
      {
        header: 'Population',
        width: 26,
        list: Object.values(POPULATION_LABELS).map((l) => l.replace(/,/g, '')),
      },
      { header: 'Estimated size', width: 14, kind: 'integer' },
      { header: 'Barriers', width: 40, wrap: true },
      { header: 'Incentives', width: 60, wrap: true },
      { header: 'Expected participants', width: 14, kind: 'integer' },
      { header: 'Incentive cost per learner', width: 18, kind: 'money', currency },
      { header: 'Incentive budget', width: 18, kind: 'money', currency },
    ],
    plan.learners.map((s, i) => {
      const b = incentiveBudget(s);
      return [
        s.id,
        t(s.name),
        POPULATION_LABELS[s.populationType].replace(/,/g, ''),
        s.estimatedSize,
        t(s.barriers.map((x) => BARRIER_LABELS[x]).join(', ')),
        t(s.incentives.map((x) => x.description).join('\n')),
        s.expectedParticipants,
        b.perLearner,
        { formula: `IF(G${i + 2}="","",G${i + 2}*H${i + 2})`, result: b.total ?? '' },
      ];
    }),
    title,
  );
}

function catalogSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
): void {
  const internal = shows(options.profile, 'catalogNotes');
  tableSheet(
    wb,
    'Content catalog',
    [
      { header: 'ID', width: 16 },
      { header: 'Title', width: 44, wrap: true },
      { header: 'Provider', width: 26 },
      { header: 'Kind', width: 22, list: Object.values(KIND_LABELS) },
      { header: 'Level', width: 14, list: Object.values(LEVEL_LABELS) },
      { header: 'Hours', width: 9, kind: 'number' },
      { header: 'Languages', width: 20 },
      { header: 'Skills', width: 40, wrap: true },
      { header: 'Cost per learner', width: 16, kind: 'money', currency: plan.budget.currency },
      { header: 'Link', width: 36 },
      ...(internal ? [{ header: 'Internal notes', width: 50, wrap: true }] : []),
    ],
    plan.content.catalog.map((c) => [
      c.id,
      t(c.title),
      t(c.provider),
      KIND_LABELS[c.kind],
      LEVEL_LABELS[c.level],
      c.hours,
      t(c.languages.join(', ')),
      t(c.skills.join(', ')),
      c.costPerLearner,
      linkValue(c.url),
      ...(internal ? [t(c.notes)] : []),
    ]),
    title,
  );
}

function pathwaysSheet(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const rows: CellValue[][] = [];
  for (const p of plan.content.pathways) {
    const summary = summarisePathway(p, plan.content.catalog);
    for (const s of summary.steps)
      rows.push([
        t(p.name),
        t(p.targetRole),
        p.mode === 'group' ? 'Grouped' : 'Sequence',
        s.index + 1,
        t(s.group),
        t(s.item?.title ?? '(removed from the catalog)'),
        t(s.item?.provider),
        s.item ? LEVEL_LABELS[s.item.level] : null,
        s.item?.hours ?? null,
        t(s.item?.skills.join(', ')),
      ]);
  }
  tableSheet(
    wb,
    'Pathways',
    [
      { header: 'Pathway', width: 30, wrap: true },
      { header: 'Target role', width: 28, wrap: true },
      { header: 'Arrangement', width: 13, list: ['Sequence', 'Grouped'] },
      { header: 'Step', width: 7, kind: 'integer' },
      { header: 'Group', width: 18 },
      { header: 'Content', width: 44, wrap: true },
      { header: 'Provider', width: 26 },
      { header: 'Level', width: 14, list: Object.values(LEVEL_LABELS) },
      { header: 'Hours', width: 9, kind: 'number' },
      { header: 'Skills', width: 40, wrap: true },
    ],
    rows,
    title,
  );
}

/** Cell addresses of one decision's results on the make-or-buy sheet (tests read them). */
export interface DecisionCells {
  readonly need: string;
  readonly firstCriterionRow: number;
  readonly weightColumn: string;
  readonly raterColumns: readonly string[];
  readonly make: string;
  readonly buy: string;
  readonly recommendation: string;
}

const LIGHT = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;

/**
 * The make-or-buy sheet, with the scoring of shared/content/makeorbuy.ts as
 * formulas: each rating splits its criterion's weight between Make and Buy,
 * averaged over raters; totals are shares of the rated weight; Hybrid wins
 * when it is offered and the margin is inside the band.
 */
/**
 * The invitation planner (issue 13): invitations by segment and wave, and
 * each wave's expected funnel. Counts only, never the invitation list.
 */
function invitationSheets(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const { split, funnel } = invitationRows(plan);
  const waveCount = split.headers.length - 3;
  const segmentRows = split.rows.length - 1;
  const ws = tableSheet(
    wb,
    'Invitations',
    split.headers.map((header, i) =>
      i === 0 ? { header, width: 40, wrap: true } : { header, width: 16, kind: 'integer' as const },
    ),
    split.rows.map((r, row) =>
      r.map((v, i) =>
        i === 0
          ? t(String(v ?? ''))
          : // The total row adds up the segments (a reader's change to a segment follows).
            row === segmentRows && i >= 2
            ? {
                formula: `SUM(${columnLetter(i + 1)}2:${columnLetter(i + 1)}${segmentRows + 1})`,
                result: v as number,
              }
            : v,
      ),
    ),
    title,
  );
  if (waveCount > 0)
    ws.getCell(split.rows.length + 3, 1).value = t(
      'Each segment’s invitations are in proportion to its expected participants, split over the waves. ' +
        'The Invitation waves sheet works out the invitations needed from the licences and the ratio, each wave’s share and its funnel: change a number there and the counts follow.',
    );
  if (funnel.rows.length > 0) invitationWavesSheet(wb, plan, funnel, title);
}

/**
 * The waves with live formulas: the invitations needed (licences × ratio),
 * each wave's invitations from its share and each wave's funnel from the
 * rates, all in cells a reader can change (shared/export/launch-formulas.ts).
 */
function invitationWavesSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  funnel: ReturnType<typeof invitationRows>['funnel'],
  title: string,
): void {
  const s = invitationSummary(plan);
  const rates = plan.launch.invitations.rates;
  const first = 2;
  const last = funnel.rows.length + 1;
  // The planner's inputs sit below the waves and their total row.
  const input = last + 3;
  const cell = { licences: `B${input}`, ratio: `B${input + 1}`, needed: `B${input + 2}` };
  const rate = {
    registered: `B${input + 3}`,
    active: `B${input + 4}`,
    completing: `B${input + 5}`,
  };
  const shares = `$C$${first}:$C$${last}`;
  const abs = (a: string) => `$${a.slice(0, 1)}$${a.slice(1)}`;
  const needed = abs(cell.needed);
  const ws = tableSheet(
    wb,
    'Invitation waves',
    funnel.headers.map((header, i) =>
      i === 0
        ? { header, width: 34, wrap: true }
        : i === 1
          ? { header, width: 14, kind: 'date' as const }
          : { header, width: 14, kind: 'integer' as const },
    ),
    s.waves.map((w, j) => {
      const r = first + j;
      return [
        t(w.name || 'Wave'),
        excelDate(w.date),
        w.share,
        { formula: waveInvitationsFormula(needed, shares, `C${r}`), result: w.funnel.invited },
        { formula: funnelStageFormula(`D${r}`, abs(rate.registered)), result: w.funnel.registered },
        { formula: funnelStageFormula(`E${r}`, abs(rate.active)), result: w.funnel.active },
        { formula: funnelStageFormula(`F${r}`, abs(rate.completing)), result: w.funnel.completing },
      ];
    }),
    title,
  );
  const total = ws.getRow(last + 1);
  total.getCell(1).value = 'All waves';
  const sums = [
    s.waves.reduce((a, w) => a + w.share, 0),
    s.total.invited,
    s.total.registered,
    s.total.active,
    s.total.completing,
  ];
  sums.forEach((result, k) => {
    const col = columnLetter(3 + k);
    total.getCell(3 + k).value = { formula: `SUM(${col}${first}:${col}${last})`, result };
  });
  total.font = { bold: true };
  const inputs: [string, ExcelJS.CellValue, string][] = [
    ['Licences', s.licences, '#,##0'],
    [`Invitations per licence (${RATIO_MIN}–${RATIO_MAX})`, s.ratio, '0.00'],
    [
      'Invitations needed (licences × ratio, rounded up)',
      { formula: invitationsNeededFormula(cell.licences, cell.ratio), result: s.needed },
      '#,##0',
    ],
    ['Register (% of those invited)', rates.registered, '0'],
    ['Start learning (% of those registered)', rates.active, '0'],
    ['Complete (% of those learning)', rates.completing, '0'],
  ];
  inputs.forEach(([label, value, numFmt], k) => {
    const row = ws.getRow(input + k);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    row.getCell(2).numFmt = numFmt;
  });
  ws.getCell(input + inputs.length + 1, 1).value = t(
    'Change the licences, the ratio, a wave’s share or a rate and the counts follow. Each wave gets its share of the invitations needed, rounded so the waves add up to it.',
  );
}

/** Learner progress over time, in aggregates only (issue 14; rows from roster-chapter.ts). */
function progressSheet(wb: ExcelJS.Workbook, plan: Plan, title: string, profile: Profile): void {
  const sheet = rosterSheet(plan, profile);
  const rows = sheet.rows.map((r) =>
    r.map((v, i) => (i === 0 ? excelDate(v as string | null) : typeof v === 'string' ? t(v) : v)),
  );
  const ws = tableSheet(wb, sheet.name, sheet.columns, rows, title);
  ws.getCell(rows.length + 3, 1).value = t(sheet.footer);
}

/** The KPIs with their actuals, status and the status rule (issue 14; rows from kpis-chapter.ts). */
function kpisSheet(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const sheet = kpiSheet(plan);
  const rows = sheet.rows.map((r) =>
    r.map((v, i) =>
      sheet.columns[i]!.kind === 'date'
        ? excelDate(v as string | null)
        : typeof v === 'string'
          ? t(v)
          : v,
    ),
  );
  const ws = tableSheet(wb, sheet.name, sheet.columns, rows, title);
  printWideTable(ws, sheet.columns.length, rows.length, t(sheet.footer));
}

/**
 * A wide table sheet made to print readably (the KPIs sheet: new-user
 * finding, it printed tiny with headings running into each other): narrow
 * side margins, so fit-to-width scales it less; text after a number column
 * indented from it; and the note under the table merged across the table's
 * width and wrapped, instead of one long line that widens the printed area.
 */
function printWideTable(
  ws: ExcelJS.Worksheet,
  columns: number,
  rows: number,
  note: string | null,
): void {
  ws.pageSetup.margins = {
    left: 0.25,
    right: 0.25,
    top: 0.6,
    bottom: 0.6,
    header: 0.3,
    footer: 0.3,
  };
  for (let c = 1; c <= columns; c++) {
    const column = ws.getColumn(c);
    // A heading over numbers or dates sits over them, on the right.
    const header = ws.getCell(1, c);
    if (column.numFmt) header.alignment = { ...header.alignment, horizontal: 'right' };
    if (c === 1 || !ws.getColumn(c - 1).numFmt || column.numFmt) continue;
    column.eachCell({ includeEmpty: false }, (cell, row) => {
      cell.alignment = { ...cell.alignment, horizontal: 'left', indent: row > 1 ? 2 : 1 };
    });
  }
  if (note === null) return;
  const at = rows + 3;
  ws.mergeCells(at, 1, at, columns);
  const cell = ws.getCell(at, 1);
  cell.value = note;
  cell.alignment = { vertical: 'top', wrapText: true };
}

/**
 * The onboarding checklist (issue 13): one row per step with its owner,
 * partners involved and due date; the status on the "as of" date and the
 * team's notes only for the profiles that keep them (audience.ts).
 */
function onboardingSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
): void {
  const rows = onboardingSheetRows(plan, options);
  const status = shows(options.profile, 'checklistStatus');
  const notes = shows(options.profile, 'checklistNotes');
  tableSheet(
    wb,
    'Onboarding',
    [
      { header: 'Step', width: 48, wrap: true },
      { header: 'Owner', width: 28, wrap: true },
      { header: 'Partners involved', width: 32, wrap: true },
      { header: 'Due', width: 34, wrap: true },
      { header: 'Due date', width: 13, kind: 'date' },
      ...(status ? [{ header: statusHeading(options.asOf), width: 20 }] : []),
      ...(notes ? [{ header: 'Notes', width: 60, wrap: true }] : []),
    ],
    rows.map((r) => [
      t(r.step),
      t(r.owner),
      t(r.partners),
      t(r.due),
      excelDate(r.dueDate),
      ...(status ? [t(r.status)] : []),
      ...(notes ? [t(r.notes)] : []),
    ]),
    title,
  );
}

/**
 * The launch communications (issue 13): title, kind, filled subject,
 * audience and send date of each; the status where the profile shows it.
 * The texts themselves are exported one by one from the section.
 */
function communicationsSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
): void {
  const status = shows(options.profile, 'communicationStatus');
  tableSheet(
    wb,
    'Communications',
    [
      { header: 'Communication', width: 44, wrap: true },
      { header: 'Kind', width: 18 },
      { header: 'Subject', width: 48, wrap: true },
      { header: 'Audience', width: 52, wrap: true },
      { header: 'Send', width: 34, wrap: true },
      { header: 'Send date', width: 13, kind: 'date' },
      ...(status ? [{ header: 'Status', width: 10 }] : []),
    ],
    communicationSheetRows(plan).map((r) => [
      t(r.title),
      r.kind,
      t(r.subject),
      t(r.audience),
      t(r.send),
      excelDate(r.sendDate),
      ...(status ? [r.status] : []),
    ]),
    title,
  );
}

/**
 * The marketing plan (issue 13): one row per channel with the segments it
 * reaches and its budget in the plan currency, and a sheet of learner
 * stories with consent recorded (a story without consent is never written).
 */
function marketingSheets(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  const m = plan.launch.marketing;
  const currency = plan.budget.currency;
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const partners = new Map(plan.stakeholders.entries.map((s) => [s.id, s.name]));
  if (m.channels.length > 0) {
    const ws = tableSheet(
      wb,
      'Marketing',
      [
        { header: 'Name', width: 28, wrap: true },
        { header: 'Channel', width: 20, list: CHANNEL_KINDS.map((k) => CHANNEL_LABELS[k]) },
        { header: 'Description', width: 48, wrap: true },
        { header: 'Segments reached', width: 40, wrap: true },
        { header: 'Outreach partners', width: 28, wrap: true },
        { header: 'Owner', width: 26, wrap: true },
        { header: 'Start', width: 13, kind: 'date' },
        { header: 'End', width: 13, kind: 'date' },
        { header: 'Budget', width: 16, kind: 'money', currency },
      ],
      m.channels.map((c) => [
        t(c.name),
        CHANNEL_LABELS[c.kind],
        t(c.description),
        t(
          c.segmentIds
            .map((id) => segments.get(id))
            .filter(Boolean)
            .join('; '),
        ),
        t(
          c.partnerIds
            .map((id) => partners.get(id))
            .filter(Boolean)
            .join('; '),
        ),
        t(c.owner),
        excelDate(c.start),
        excelDate(c.end),
        c.budget,
      ]),
      title,
    );
    marketingBudgetRows(ws, plan, m.channels.length, 3, 9, moneyFormat(currency));
  }
  const stories = exportableStories(m);
  if (stories.length > 0)
    tableSheet(
      wb,
      'Learner stories',
      [
        { header: 'Title', width: 36, wrap: true },
        { header: 'Story', width: 80, wrap: true },
        { header: 'Segment', width: 30, wrap: true },
        { header: 'Consent given on', width: 16, kind: 'date' },
      ],
      stories.map((s) => [
        t(s.title),
        t(s.summary),
        t(s.segmentId ? (segments.get(s.segmentId) ?? null) : null),
        excelDate(s.consentDate),
      ]),
      title,
    );
}

/**
 * Below the channels: their budgets' total (a live sum) against the budget's
 * outreach and marketing line and the program budget, as Plan health checks
 * them (shared/launch/marketing.ts marketingSpend).
 */
function marketingBudgetRows(
  ws: ExcelJS.Worksheet,
  plan: Plan,
  channels: number,
  labelColumn: number,
  budgetColumn: number,
  money: string,
): void {
  const spend = marketingSpend(plan.launch.marketing, plan.budget);
  const col = columnLetter(budgetColumn);
  const top = channels + 3;
  const at = (k: number) => `${col}${top + k}`;
  const rows: [string, ExcelJS.CellValue, string][] = [
    [
      'Total of the channels',
      { formula: `SUM(${col}2:${col}${channels + 1})`, result: spend.total },
      money,
    ],
    ['Outreach and marketing line of the budget', spend.outreachLine, money],
    [
      'Over the outreach and marketing line',
      {
        formula: `IF(${at(1)}="","",MAX(0,${at(0)}-${at(1)}))`,
        result: spend.outreachLine === null ? '' : spend.overOutreach,
      },
      money,
    ],
    ['Program budget', spend.programTotal, money],
    [
      'Share of the program budget',
      {
        formula: `IF(OR(${at(3)}="",${at(3)}=0),"",${at(0)}/${at(3)})`,
        result: spend.shareOfProgram ?? '',
      },
      '0.0%',
    ],
  ];
  rows.forEach(([label, value, numFmt], k) => {
    const row = ws.getRow(top + k);
    row.getCell(labelColumn).value = label;
    row.getCell(labelColumn).font = { bold: k === 0 };
    row.getCell(budgetColumn).value = value;
    row.getCell(budgetColumn).numFmt = numFmt;
  });
}

function makeOrBuySheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
): DecisionCells[] {
  const internal = shows(options.profile, 'raterNames');
  const ws = wb.addWorksheet('Make-or-buy', { views: [{ state: 'frozen', ySplit: 3 }] });
  const maxRaters = Math.max(1, ...plan.content.decisions.map((d) => d.raters.length));
  // Rater columns fit the longest word of a rater's name ("Brackenfield"), so no name breaks mid-word.
  const longestWord = internal
    ? Math.max(
        0,
        ...plan.content.decisions.flatMap((d) =>
          d.raters.flatMap((r) => r.name.split(/\s+/).map((w) => [...w].length)),
        ),
      )
    : 0;
  const raterWidth = Math.min(20, Math.max(10, longestWord + 3));
  ws.columns = [
    { width: 52 },
    { width: 10 },
    { width: 9 },
    ...Array.from({ length: maxRaters }, () => ({ width: raterWidth })),
    { width: 11 },
    { width: 11 },
    { width: 11 },
    { width: 11 },
  ];
  const titleRow = ws.addRow([t(`${title} — make-or-buy scoring`)]);
  titleRow.font = { bold: true, size: 14, color: { argb: TITLE_COLOR } };
  ws.mergeCells(titleRow.number, 1, titleRow.number, 7 + maxRaters);
  titleRow.getCell(1).alignment = { vertical: 'top', wrapText: true };
  ws.addRow([
    'Rate each criterion 1 (does not apply) to 5 (applies strongly). Change any white cell; grey cells recalculate.',
  ]).font = { italic: true, color: { argb: 'FF595959' } };
  const bandRow = ws.addRow(['Hybrid band (points either side of a tie)', null, HYBRID_BAND]);
  bandRow.getCell(1).font = { bold: true };
  const band = `$C$${bandRow.number}`;
  const out: DecisionCells[] = [];
  const rater = (i: number) => columnLetter(4 + i);
  const avgCol = columnLetter(4 + maxRaters);
  const shareCol = columnLetter(5 + maxRaters);
  const makeCol = columnLetter(6 + maxRaters);
  const buyCol = columnLetter(7 + maxRaters);
  for (const d of plan.content.decisions) {
    const score = scorePlanDecision(d);
    ws.addRow([]);
    const needRow = ws.addRow([t(d.need)]);
    needRow.font = { bold: true, size: 12, color: { argb: TITLE_COLOR } };
    const hybridRow = ws.addRow(['Hybrid offered', d.includeHybrid ? 'Yes' : 'No']);
    validations(ws).add(`B${hybridRow.number}`, {
      type: 'list',
      allowBlank: false,
      formulae: ['"Yes,No"'],
    });
    const hybrid = `$B$${hybridRow.number}`;
    const header = ws.addRow([
      'Criterion',
      'Favours',
      'Weight',
      ...Array.from({ length: maxRaters }, (_, i) =>
        i < d.raters.length ? (internal ? t(d.raters[i]!.name) : `Rater ${i + 1}`) : '',
      ),
      'Average rating',
      'Make share',
      'Make points',
      'Buy points',
    ]);
    styleHeader(header);
    const first = header.number + 1;
    const last = first + d.criteria.length - 1;
    const ratedWeight = `SUMPRODUCT(ISNUMBER($${avgCol}$${first}:$${avgCol}$${last})*$C$${first}:$C$${last})`;
    d.criteria.forEach((c, i) => {
      const r = first + i;
      const s = score.criteria[i]!;
      const ratings = Array.from({ length: maxRaters }, (_, k) => {
        const raterId = d.raters[k]?.id;
        const v = raterId ? d.ratings[raterId]?.[c.id] : undefined;
        return v ?? null;
      });
      const raterRange = `${rater(0)}${r}:${rater(maxRaters - 1)}${r}`;
      const row = ws.addRow([
        t(c.label),
        c.favours === 'make' ? 'Make' : 'Buy',
        c.weight,
        ...ratings,
        {
          formula: `IF(COUNT(${raterRange})=0,"",AVERAGE(${raterRange}))`,
          result: s.average ?? '',
        },
        {
          formula: `IF(${avgCol}${r}="","",IF(B${r}="Make",(${avgCol}${r}-1)/4,1-(${avgCol}${r}-1)/4))`,
          result: s.makeShare ?? '',
        },
        {
          formula: `IF(OR(${avgCol}${r}="",${ratedWeight}=0),"",100*C${r}*${shareCol}${r}/${ratedWeight})`,
          result: s.average === null ? '' : s.makePoints,
        },
        {
          formula: `IF(OR(${avgCol}${r}="",${ratedWeight}=0),"",100*C${r}*(1-${shareCol}${r})/${ratedWeight})`,
          result: s.average === null ? '' : s.buyPoints,
        },
      ]);
      for (let k = 4 + maxRaters; k <= 7 + maxRaters; k++) {
        row.getCell(k).fill = LIGHT;
        row.getCell(k).numFmt = k === 5 + maxRaters ? '0%' : '0.0';
      }
      row.alignment = { vertical: 'top', wrapText: true };
    });
    // One validation per range: exceljs merges per-cell validations into
    // ranges that overlap (B10:B18 inside B8:B18), which stricter readers refuse.
    if (d.criteria.length > 0) {
      validations(ws).add(`B${first}:B${last}`, {
        type: 'list',
        allowBlank: false,
        formulae: ['"Make,Buy"'],
      });
      validations(ws).add(`${rater(0)}${first}:${rater(maxRaters - 1)}${last}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [1, 5],
        showErrorMessage: true,
        error: 'Rate from 1 to 5.',
      });
    }
    const totalsRow = ws.addRow([
      'Total',
      null,
      { formula: `SUM(C${first}:C${last})`, result: d.criteria.reduce((a, c) => a + c.weight, 0) },
    ]);
    totalsRow.font = { bold: true };
    const scored = score.recommendation !== 'none';
    totalsRow.getCell(6 + maxRaters).value = {
      formula: `IF(${ratedWeight}=0,"",SUM(${makeCol}${first}:${makeCol}${last}))`,
      result: scored ? score.make : '',
    };
    totalsRow.getCell(7 + maxRaters).value = {
      formula: `IF(${ratedWeight}=0,"",SUM(${buyCol}${first}:${buyCol}${last}))`,
      result: scored ? score.buy : '',
    };
    for (let k = 6 + maxRaters; k <= 7 + maxRaters; k++) {
      totalsRow.getCell(k).numFmt = '0.0';
      totalsRow.getCell(k).fill = LIGHT;
    }
    const make = `${makeCol}${totalsRow.number}`;
    const buy = `${buyCol}${totalsRow.number}`;
    const recRow = ws.addRow([
      'Recommendation',
      {
        formula: `IF(${make}="","${OPTION_LABELS.none}",IF(AND(${hybrid}="Yes",ABS(${make}-${buy})<${band}),"Hybrid",IF(ABS(${make}-${buy})<0.000001,IF(${hybrid}="Yes","Hybrid","Tie"),IF(${make}>${buy},"Make","Buy"))))`,
        result: OPTION_LABELS[score.recommendation],
      },
    ]);
    recRow.font = { bold: true };
    recRow.getCell(2).fill = LIGHT;
    ws.addRow(['Decision taken', d.decision ? OPTION_LABELS[d.decision] : 'Not yet decided']);
    if (d.rationale.trim()) {
      const rationale = ws.addRow(['Rationale', t(d.rationale)]);
      ws.mergeCells(rationale.number, 2, rationale.number, 7 + maxRaters);
      rationale.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    }
    out.push({
      need: d.need,
      firstCriterionRow: first,
      weightColumn: 'C',
      raterColumns: Array.from({ length: d.raters.length }, (_, i) => rater(i)),
      make,
      buy,
      recommendation: `B${recRow.number}`,
    });
  }
  printSetup(ws, title, 'Make-or-buy');
  return out;
}

/** The make-or-buy decisions and their reasons, without the scoring (partner-safe). */
function makeOrBuyDecisionsSheet(wb: ExcelJS.Workbook, plan: Plan, title: string): void {
  tableSheet(
    wb,
    'Make-or-buy',
    [
      { header: 'Content need', width: 50, wrap: true },
      { header: 'Decision', width: 16 },
      { header: 'Rationale', width: 90, wrap: true },
    ],
    plan.content.decisions.map((d) => [
      t(d.need),
      d.decision ? OPTION_LABELS[d.decision] : 'Not yet decided',
      t(d.rationale),
    ]),
    title,
  );
}

/** The workbook for a plan, plus where each make-or-buy result sits (for tests). */
export async function buildPlanWorkbook(
  planAsSaved: Plan,
  options: ExportOptions,
): Promise<{ workbook: ExcelJS.Workbook; decisions: DecisionCells[] }> {
  // A link in the file twice is listed once.
  const plan = withUniqueLinks(planAsSaved);
  const title = plan.objective.programName.trim() || plan.name.trim() || 'Untitled plan';
  const wb = new ExcelJS.Workbook();
  // The author is the organisation, as in the Word file.
  wb.creator = cellText(plan.objective.organisation.trim() || 'Upskill Workbench');
  wb.title = cellText(title);
  // exceljs writes dc:language from `language` but does not type it.
  (wb as ExcelJS.Workbook & { language?: string }).language = plan.objective.language;
  wb.created = excelDate(options.asOf) ?? new Date(0);
  // Excel recalculates every formula when the file opens (LibreOffice does by default).
  wb.calcProperties = { fullCalcOnLoad: true };
  const has = (id: (typeof options.sections)[number]) => options.sections.includes(id);
  const steps: [boolean, string, () => void][] = [
    [true, 'summary', () => summarySheet(wb, plan, options, title)],
    [
      has('theoryOfChange') && plan.theoryOfChange.nodes.length > 0,
      'theory of change',
      () => tocSheets(wb, plan, title),
    ],
    [
      has('logicModel') && plan.logicModel.items.length > 0,
      'logframe',
      () => logframeSheet(wb, plan, title),
    ],
    [has('indicators'), 'indicators', () => indicatorsSheet(wb, plan, title)],
    [has('stakeholders'), 'stakeholders', () => stakeholdersSheet(wb, plan, options, title)],
    [has('learners') && plan.learners.length > 0, 'learners', () => learnersSheet(wb, plan, title)],
    [
      has('catalog') && plan.content.catalog.length > 0,
      'content catalog',
      () => catalogSheet(wb, plan, options, title),
    ],
    [
      has('pathways') && plan.content.pathways.length > 0,
      'pathways',
      () => pathwaysSheet(wb, plan, title),
    ],
    [
      has('onboarding') && hasChecklist(plan),
      'onboarding checklist',
      () => onboardingSheet(wb, plan, options, title),
    ],
    [
      has('communications') && plan.launch.communications.length > 0,
      'communications',
      () => communicationsSheet(wb, plan, options, title),
    ],
    [
      has('invitations') && hasInvitations(plan),
      'invitations',
      () => invitationSheets(wb, plan, title),
    ],
    [has('marketing'), 'marketing plan', () => marketingSheets(wb, plan, title)],
    [
      has('roster') && hasProgress(plan),
      'learner progress',
      () => progressSheet(wb, plan, title, options.profile),
    ],
    [
      has('contentInUse'),
      'content in use',
      () =>
        contentInUseSheets(plan, options.contentUse, options.asOf, options.profile).forEach((s) =>
          tableSheet(wb, s.name, s.columns, s.rows, title),
        ),
    ],
    [
      has('skillsFirst') && hasSkillsFirst(plan),
      'skills-first KPIs',
      () =>
        skillsFirstSheets(plan).forEach((s) => tableSheet(wb, s.name, s.columns, s.rows, title)),
    ],
    [
      has('engagement') && hasEngagement(plan),
      'engagement and follow-ups',
      () =>
        engagementSheets(plan).forEach((sheet) =>
          tableSheet(
            wb,
            sheet.name,
            sheet.columns,
            sheet.rows.map((r) =>
              r.map((v, i) =>
                sheet.columns[i]!.kind === 'date'
                  ? excelDate(v as string | null)
                  : typeof v === 'string'
                    ? t(v)
                    : v,
              ),
            ),
            title,
          ),
        ),
    ],
    [has('kpis') && hasKpiResults(plan), 'KPIs', () => kpisSheet(wb, plan, title)],
    [
      has('reviews') && hasReviews(plan),
      'reviews and lessons',
      () =>
        reviewSheets(plan, options.profile).forEach((sheet) =>
          tableSheet(
            wb,
            sheet.name,
            sheet.columns,
            sheet.rows.map((r) =>
              r.map((v, i) => (sheet.columns[i]!.kind === 'date' ? excelDate(v) : t(v ?? ''))),
            ),
            title,
          ),
        ),
    ],
  ];
  let decisions: DecisionCells[] = [];
  const active = steps.filter(([on]) => on);
  active.forEach(([, name, run], i) => {
    options.onProgress?.(0.05 + (0.55 * i) / active.length, `Writing ${name}`);
    run();
  });
  if (has('makeOrBuy') && plan.content.decisions.length > 0) {
    options.onProgress?.(0.6, 'Writing make-or-buy');
    if (shows(options.profile, 'makeOrBuyScores'))
      decisions = makeOrBuySheet(wb, plan, options, title);
    else makeOrBuyDecisionsSheet(wb, plan, title);
  }
  finishWorkbook(wb);
  return { workbook: wb, decisions };
}

/** Builds the Excel workbook for a plan (bytes of an .xlsx file). */
export async function buildPlanXlsx(plan: Plan, options: ExportOptions): Promise<Uint8Array> {
  const { workbook } = await buildPlanWorkbook(plan, options);
  options.onProgress?.(0.7, 'Packing the Excel file');
  const buffer = await workbook.xlsx.writeBuffer(WRITE_STORED);
  const bytes = packWorkbook(new Uint8Array(buffer as ArrayBuffer));
  options.onProgress?.(1, 'Done');
  return bytes;
}
