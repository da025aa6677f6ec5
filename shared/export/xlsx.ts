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
import { CHANNEL_KINDS, exportableStories, marketingSpend } from '../launch/marketing';
import { channelKind } from './marketing-chapter';
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
import { scorePlanDecision, HYBRID_BAND } from '../content/makeorbuy';
import { LEVEL_ORDER, summarisePathway } from '../content/pathways';
import { incentiveBudget, POPULATION_LABELS } from '../learners/segments';
import { CHAIN_LANES, NOTE_LANES } from '../logic-model/lanes';
import { tracedTocNode } from '../logic-model/trace';
import { indicatorsBySubject, measuresOf, successMeasuresOf } from '../indicators/measures';
import { BUDGET_LINES, plannedCosts } from '../learners/budget';
import type { Indicator, Plan } from '../plan/schema';
import { resultNumbersByIndicator, resultsFramework } from './results-framework';
import { HIGH_THRESHOLD, quadrantOf } from '../stakeholders/quadrants';
import { isPlaced } from '../stakeholders/register';
import { EVIDENCE_LEVELS, TOC_KINDS } from '../toc/kinds';
import {
  choiceLabel,
  choicesIn,
  columnsFor,
  headerIn,
  INDICATOR_COLUMNS,
  readableBack,
  sheetNameIn,
  STAKEHOLDER_COLUMNS,
  validSheetName,
  type RoundTripColumn,
} from './columns';
import { audienceNote, shows, type Profile } from './audience';
import { documentLocale, type DocLocale } from './locale';
import type { Language } from '../i18n/languages';
import type { ExportOptions, ExportSectionId } from './options';
import { termsOf, type Terms } from './terms';
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
/**
 * Windows locale IDs (hex) that set a date cell's month names to the document language's,
 * whatever the reader's own settings ("[$-C0A]d mmm yyyy": "30 jun 2028" in Spanish). Arabic is
 * Egypt's (0C01): Arabic month names on the Gregorian calendar, as Intl's "ar" writes them in the
 * app and the Word file; Saudi Arabia's 0401 would show the Hijri calendar in Excel.
 */
const DATE_LOCALE_IDS: Readonly<Record<Language, string>> = {
  en: '809',
  es: 'C0A',
  fr: '40C',
  ar: 'C01',
  uk: '422',
};
/** A date cell's number format in the document language (day, short month name, year). */
const dateFormat = (loc: DocLocale) => `[$-${DATE_LOCALE_IDS[loc.language]}]d mmm yyyy`;
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
  /** An ID column the round trip reads back: wide enough to print whole. */
  readonly id?: boolean;
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

/**
 * A drop-down's items: Excel's list is comma-separated, so an item loses its
 * commas (the cells write the same text).
 */
const listItem = (label: string) => label.replace(/,/g, '');

/** Text for a string inside a formula ("" doubles a quote). */
const formulaText = (text: string) => `"${text.replace(/"/g, '""')}"`;

function printSetup(ws: ExcelJS.Worksheet, title: string, sheet: string, loc: DocLocale): void {
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
    oddFooter: `&C&8${loc.w('page.footer', { page: '&P', pages: '&N' })}`,
  };
}

/** A new worksheet, right to left in a right-to-left document language (Arabic). */
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  loc: DocLocale,
  frozen?: { xSplit?: number; ySplit: number },
): ExcelJS.Worksheet {
  const rtl = loc.dir === 'rtl';
  const view: Partial<ExcelJS.WorksheetView> = {
    ...(frozen ? { state: 'frozen', ySplit: frozen.ySplit, xSplit: frozen.xSplit } : {}),
    ...(rtl ? { rightToLeft: true } : {}),
  };
  return Object.keys(view).length
    ? wb.addWorksheet(name, { views: [view as ExcelJS.WorksheetView] })
    : wb.addWorksheet(name);
}

/** Adds a sheet holding one table: header row frozen, filter, widths, types, lists. */
function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly CellValue[])[],
  docTitle: string,
  loc: DocLocale,
): ExcelJS.Worksheet {
  const ws = addSheet(wb, name, loc, { ySplit: 1, xSplit: 0 });
  // A column style is copied into every cell of the column, so plain text
  // columns get none: only number formats and wrapping are worth the cost.
  ws.columns = columns.map((c) => {
    const numFmt =
      c.kind === 'date'
        ? dateFormat(loc)
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
        error: loc.w('validation.chooseOne', { items: c.list.join(loc.d('punctuation.comma')) }),
      });
    else if (c.range)
      validations(ws).add(`${col}2:${col}${spare}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [c.range[0], c.range[1]],
        showErrorMessage: true,
        errorTitle: c.header,
        error: loc.w('validation.wholeNumber', { min: c.range[0], max: c.range[1] }),
      });
    else if (c.kind === 'date')
      validations(ws).add(`${col}2:${col}${spare}`, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1))],
        showErrorMessage: true,
        errorTitle: c.header,
        error: loc.w('validation.date'),
      });
  });
  // IDs are read back by the round trip: wide enough to print whole, not cut at the next column.
  columns.forEach((c, i) => {
    if (!c.id) return;
    const longest = Math.max(0, ...rows.map((r) => (typeof r[i] === 'string' ? r[i].length : 0)));
    ws.getColumn(i + 1).width = Math.min(40, Math.max(c.width, Math.ceil(longest * 1.05) + 2));
  });
  printSetup(ws, docTitle, name, loc);
  return ws;
}

function roundTripColumns(columns: readonly RoundTripColumn[], loc: DocLocale): SheetColumn[] {
  return columns.map((c) => ({
    header: headerIn(c, loc),
    ...(c.kind === 'id' ? { id: true } : {}),
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
    ...(c.choices ? { list: Object.keys(choicesIn(c, loc)) } : {}),
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
  loc: DocLocale,
): void {
  const { w } = loc;
  const ws = addSheet(wb, w('sheets.summary'), loc);
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
  ws.addRow([w('summary.subtitle')]).font = { size: 12, color: { argb: 'FF595959' } };
  ws.addRow([]);
  const facts: [string, CellValue][] = [
    [w('summary.organisation'), t(o.organisation)],
    [w('summary.region'), t(o.region)],
    [w('summary.asOf'), excelDate(options.asOf)],
    [w('summary.lastChanged'), excelDate(plan.updatedAt)],
    [w('summary.audience'), audienceNote(options.profile, loc)],
  ];
  if (options.sections.includes('objective'))
    facts.push(
      [w('summary.changeSought'), t(o.changeSought)],
      [w('summary.targetGroup'), t(o.targetGroup)],
      [w('summary.problem'), t(o.problemStatement)],
      [w('summary.success'), t(o.successDefinition)],
      [w('summary.baseline'), t(o.baseline.description)],
      [w('summary.baselineDate'), excelDate(o.baseline.date)],
      [w('summary.baselineSource'), t(o.baseline.source)],
    );
  for (const [label, value] of facts) {
    const row = ws.addRow([label, value]);
    if (value instanceof Date) row.getCell(2).numFmt = dateFormat(loc);
    // Text starts where the language reads from: the left, or the right in a right-to-left sheet.
    row.getCell(2).alignment = {
      vertical: 'top',
      wrapText: true,
      horizontal: loc.dir === 'rtl' ? 'right' : 'left',
    };
  }
  ws.addRow([]);
  ws.addRow([
    w('summary.sheets'),
    shows(options.profile, 'makeOrBuyScores')
      ? w('summary.sheetsNote', {
          makeOrBuy: sheetNameIn('makeOrBuy', loc),
          stakeholders: sheetNameIn('stakeholders', loc),
        })
      : w('summary.sheetsNotePartner', { indicators: sheetNameIn('indicators', loc) }),
  ]);
  const measures = successMeasuresOf(plan.indicators);
  if (options.sections.includes('objective') && measures.length) {
    ws.addRow([]);
    const header = ws.addRow([
      w('summary.successMeasure'),
      w('col.unit'),
      w('col.baseline'),
      w('col.target'),
      w('col.targetDate'),
    ]);
    styleHeader(header);
    for (const m of measures) {
      const row = ws.addRow([
        t(m.name),
        t(m.unit),
        m.baseline.value,
        m.target.value,
        excelDate(m.target.date),
      ]);
      row.getCell(5).numFmt = dateFormat(loc);
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
  if (options.sections.includes('objective')) budgetRows(ws, plan, loc);
  printSetup(ws, title, w('sheets.summary'), loc);
}

/**
 * The budget by line against what the plan costs, in the plan currency
 * (Summary sheet): amounts in columns C and D, under the success measures'
 * baseline and target, wide enough for "2,200,000.00 EUR".
 */
function budgetRows(ws: ExcelJS.Worksheet, plan: Plan, loc: DocLocale): void {
  const { w } = loc;
  const terms = termsOf(loc);
  const budget = plan.budget;
  const planned = plannedCosts(plan);
  const anyBudget = budget.total !== null || BUDGET_LINES.some((l) => budget.lines[l] !== null);
  if (!anyBudget && planned.total === 0) return;
  const format = moneyFormat(budget.currency);
  ws.addRow([]);
  const header = ws.addRow([
    budget.currency ? w('budget.titleIn', { currency: budget.currency }) : w('budget.title'),
    null,
    w('budget.title'),
    w('budget.planned'),
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
    add(terms.budgetLine(line), budget.lines[line], planned.lines[line]);
  add(w('col.total'), budget.total, planned.total, true);
  for (const [label, value] of [
    [w('budget.licencesBought'), plan.launch.marketing.licenses],
    [w('budget.participants'), planned.participants],
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

function tocSheets(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const { w, d } = loc;
  const terms = termsOf(loc);
  const toc = plan.theoryOfChange;
  // The kinds in the order of the pathway, outcomes by horizon after the impact.
  const kinds = [
    terms.tocKind({ kind: 'impact', horizon: null }),
    terms.tocKind({ kind: 'outcome', horizon: 'long' }),
    terms.tocKind({ kind: 'outcome', horizon: 'intermediate' }),
    terms.tocKind({ kind: 'outcome', horizon: 'short' }),
    ...TOC_KINDS.filter((k) => k.kind !== 'impact').map((k) =>
      terms.tocKind({ kind: k.kind, horizon: null }),
    ),
  ];
  tableSheet(
    wb,
    sheetNameIn('theoryOfChange', loc),
    [
      { header: w('col.id'), width: 16, id: true },
      { header: w('col.kind'), width: 22, list: kinds.map(listItem) },
      { header: d('toc.element'), width: 50, wrap: true },
      { header: d('col.description'), width: 80, wrap: true },
    ],
    toc.nodes.map((n) => [n.id, listItem(terms.tocKind(n)), t(n.title), t(n.description)]),
    title,
    loc,
  );
  const byId = new Map(toc.nodes.map((n) => [n.id, n]));
  tableSheet(
    wb,
    sheetNameIn('causalLinks', loc),
    [
      { header: d('toc.from'), width: 40, wrap: true },
      { header: d('toc.leadsTo'), width: 40, wrap: true },
      { header: d('toc.because'), width: 60, wrap: true },
      { header: d('col.assumptions'), width: 40, wrap: true },
      {
        header: d('toc.evidence'),
        width: 18,
        list: EVIDENCE_LEVELS.map((e) => listItem(terms.evidence(e.value))),
      },
    ],
    toc.links.map((l) => [
      t(byId.get(l.source)?.title ?? l.source),
      t(byId.get(l.target)?.title ?? l.target),
      t(l.rationale),
      t(l.assumptions.join(d('punctuation.semicolon'))),
      listItem(terms.evidence(l.evidence)),
    ]),
    title,
    loc,
  );
}

function logframeSheet(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const { w, d } = loc;
  const terms = termsOf(loc);
  const lanes = [...CHAIN_LANES, ...NOTE_LANES];
  const items = lanes.flatMap((lane) =>
    plan.logicModel.items.filter((i) => i.lane === lane.id).sort((a, b) => a.order - b.order),
  );
  const bySubject = indicatorsBySubject(plan.indicators);
  tableSheet(
    wb,
    sheetNameIn('logframe', loc),
    [
      { header: w('col.id'), width: 16, id: true },
      { header: d('col.level'), width: 22, list: lanes.map((l) => listItem(terms.lane(l.id))) },
      { header: d('logicModel.result'), width: 44, wrap: true },
      { header: d('col.description'), width: 50, wrap: true },
      { header: d('col.indicators'), width: 40, wrap: true },
      { header: d('logicModel.verification'), width: 34, wrap: true },
      { header: d('col.assumptions'), width: 34, wrap: true },
      { header: d('logicModel.contributesTo'), width: 34, wrap: true },
    ],
    items.map((i) => [
      i.id,
      terms.lane(i.lane),
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
    loc,
  );
}

function subjectTitles(plan: Plan, indicator: Indicator, loc: DocLocale): string {
  const titles = indicator.subjectIds.map(
    (id) =>
      plan.logicModel.items.find((i) => i.id === id)?.title ??
      plan.theoryOfChange.nodes.find((n) => n.id === id)?.title ??
      '',
  );
  if (indicator.successMeasure) titles.push(loc.d('indicators.successMeasure'));
  return titles.filter(Boolean).join('\n');
}

function indicatorsSheet(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const columns = INDICATOR_COLUMNS;
  const results = resultNumbersByIndicator(resultsFramework(plan, loc));
  const frequencies = choicesIn(
    INDICATOR_COLUMNS.find((c) => c.key === 'frequency')!,
    loc,
  );
  tableSheet(
    wb,
    sheetNameIn('indicators', loc),
    roundTripColumns(columns, loc),
    plan.indicators.map((i) => {
      const values: Record<string, CellValue> = {
        id: i.id,
        subjectIds: i.subjectIds.join(', '),
        subject: t(subjectTitles(plan, i, loc)),
        result: results.get(i.id)?.join(', ') ?? null,
        name: t(i.name),
        unit: t(i.unit),
        baseline: i.baseline.value,
        baselineDate: excelDate(i.baseline.date),
        target: i.target.value,
        targetDate: excelDate(i.target.date),
        dataSource: t(i.dataSource),
        frequency: i.frequency ? choiceLabel(frequencies, i.frequency) : null,
        owner: t(i.owner),
      };
      return columns.map((c) => values[c.key] ?? null);
    }),
    title,
    loc,
  );
}

/** The quadrant formula for a row, matching quadrantOf (50 counts as high). */
function quadrantFormula(powerCell: string, interestCell: string, terms: Terms): string {
  const q = (id: Parameters<Terms['quadrant']>[0]) => formulaText(terms.quadrant(id));
  return `IF(OR(${powerCell}="",${interestCell}=""),"",IF(${powerCell}>=${HIGH_THRESHOLD},IF(${interestCell}>=${HIGH_THRESHOLD},${q('manageClosely')},${q('keepSatisfied')}),IF(${interestCell}>=${HIGH_THRESHOLD},${q('keepInformed')},${q('monitor')})))`;
}

function stakeholdersSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
  loc: DocLocale,
): void {
  const terms = termsOf(loc);
  const choices = (key: string) =>
    choicesIn(
      STAKEHOLDER_COLUMNS.find((c) => c.key === key)!,
      loc,
    );
  const relations = choices('relation');
  const partnerTypes = choices('partnerType');
  const stances = choices('currentStance');
  // A profile without the columns the import needs (partner-safe) writes a
  // plain list under another name, without IDs: it is not for reading back.
  const back = readableBack(STAKEHOLDER_COLUMNS, options.profile);
  const columns = columnsFor(STAKEHOLDER_COLUMNS, options.profile).filter(
    (c) => back || c.key !== 'id',
  );
  const col = (key: string) => columnLetter(columns.findIndex((c) => c.key === key) + 1);
  const ws = tableSheet(
    wb,
    back ? sheetNameIn('stakeholders', loc) : sheetNameIn('partnersAndStakeholders', loc),
    roundTripColumns(columns, loc),
    plan.stakeholders.entries.map((s, index) => {
      const row = index + 2;
      const values: Record<string, CellValue> = {
        id: s.id,
        name: t(s.name),
        organisation: t(s.organisation),
        role: t(s.role),
        relation: choiceLabel(relations, s.relation),
        partnerType: t(choiceLabel(partnerTypes, s.partnerType)),
        power: s.power,
        interest: s.interest,
        // A stakeholder still in the Unplaced tray has no real scores yet: no quadrant either.
        quadrant: isPlaced(s)
          ? {
              formula: quadrantFormula(`${col('power')}${row}`, `${col('interest')}${row}`, terms),
              result: terms.quadrant(quadrantOf(s)),
            }
          : loc.d('stakeholders.unplaced'),
        currentStance: choiceLabel(stances, s.currentStance),
        desiredStance: choiceLabel(stances, s.desiredStance),
        owner: t(s.owner),
        nextCheckpoint: excelDate(s.nextCheckpoint),
        contact: t(s.contact),
        notes: t(s.notes),
      };
      return columns.map((c) => values[c.key] ?? null);
    }),
    title,
    loc,
  );
  // Calculated column: grey, so a recipient sees it is not for typing.
  const at = columns.findIndex((c) => c.key === 'quadrant');
  if (at < 0) return;
  const quadrant = ws.getColumn(at + 1);
  quadrant.eachCell((cell, row) => {
    if (row > 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  });
}

function learnersSheet(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const { w, d } = loc;
  const terms = termsOf(loc);
  const currency = plan.budget.currency;
  const populations = Object.keys(POPULATION_LABELS) as (keyof typeof POPULATION_LABELS)[];
  tableSheet(
    wb,
    sheetNameIn('learners', loc),
    [
      { header: w('col.id'), width: 16, id: true },
      { header: d('col.segment'), width: 40, wrap: true },
      {
        header: d('learners.population'),
        width: 26,
        list: populations.map((p) => listItem(terms.population(p))),
      },
      { header: w('learners.size'), width: 14, kind: 'integer' },
      { header: d('learners.barriers'), width: 40, wrap: true },
      { header: d('learners.incentivesHeading'), width: 60, wrap: true },
      { header: d('budget.participants'), width: 14, kind: 'integer' },
      { header: d('learners.costPerLearner'), width: 18, kind: 'money', currency },
      { header: d('learners.incentiveBudget'), width: 18, kind: 'money', currency },
    ],
    plan.learners.map((s, i) => {
      const b = incentiveBudget(s);
      return [
        s.id,
        t(s.name),
        listItem(terms.population(s.populationType)),
        s.estimatedSize,
        t(s.barriers.map((x) => terms.barrier(x)).join(d('punctuation.comma'))),
        t(s.incentives.map((x) => x.description).join('\n')),
        s.expectedParticipants,
        b.perLearner,
        { formula: `IF(G${i + 2}="","",G${i + 2}*H${i + 2})`, result: b.total ?? '' },
      ];
    }),
    title,
    loc,
  );
}

function catalogSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  options: ExportOptions,
  title: string,
  loc: DocLocale,
): void {
  const { w, d } = loc;
  const terms = termsOf(loc);
  const comma = d('punctuation.comma');
  const internal = shows(options.profile, 'catalogNotes');
  const kinds = Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[];
  tableSheet(
    wb,
    sheetNameIn('catalog', loc),
    [
      { header: w('col.id'), width: 16, id: true },
      { header: d('col.title'), width: 44, wrap: true },
      { header: d('col.provider'), width: 26 },
      { header: d('col.kind'), width: 22, list: kinds.map((k) => listItem(terms.contentKind(k))) },
      {
        header: d('col.level'),
        width: 14,
        list: LEVEL_ORDER.map((l) => listItem(terms.level(l))),
      },
      { header: d('col.hours'), width: 9, kind: 'number' },
      { header: d('catalog.languages'), width: 20 },
      { header: d('col.skills'), width: 40, wrap: true },
      {
        header: d('learners.costPerLearnerShort'),
        width: 16,
        kind: 'money',
        currency: plan.budget.currency,
      },
      { header: w('catalog.link'), width: 36 },
      ...(internal ? [{ header: d('stakeholders.internalNotes'), width: 50, wrap: true }] : []),
    ],
    plan.content.catalog.map((c) => [
      c.id,
      t(c.title),
      t(c.provider),
      listItem(terms.contentKind(c.kind)),
      listItem(terms.level(c.level)),
      c.hours,
      t(c.languages.join(comma)),
      t(c.skills.join(comma)),
      c.costPerLearner,
      linkValue(c.url),
      ...(internal ? [t(c.notes)] : []),
    ]),
    title,
    loc,
  );
}

function pathwaysSheet(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const { w, d } = loc;
  const terms = termsOf(loc);
  const sequence = listItem(w('pathways.sequence'));
  const grouped = listItem(w('pathways.grouped'));
  const rows: CellValue[][] = [];
  for (const p of plan.content.pathways) {
    const summary = summarisePathway(p, plan.content.catalog);
    for (const s of summary.steps)
      rows.push([
        t(p.name),
        t(p.targetRole),
        p.mode === 'group' ? grouped : sequence,
        s.index + 1,
        t(s.group),
        t(s.item?.title ?? d('pathways.removed')),
        t(s.item?.provider),
        s.item ? listItem(terms.level(s.item.level)) : null,
        s.item?.hours ?? null,
        t(s.item?.skills.join(d('punctuation.comma'))),
      ]);
  }
  tableSheet(
    wb,
    sheetNameIn('pathways', loc),
    [
      { header: w('pathways.pathway'), width: 30, wrap: true },
      { header: d('pathways.targetRole'), width: 28, wrap: true },
      { header: d('pathways.arrangement'), width: 13, list: [sequence, grouped] },
      { header: d('pathways.step'), width: 7, kind: 'integer' },
      { header: d('pathways.group'), width: 18 },
      { header: d('col.content'), width: 44, wrap: true },
      { header: d('col.provider'), width: 26 },
      {
        header: d('col.level'),
        width: 14,
        list: LEVEL_ORDER.map((l) => listItem(terms.level(l))),
      },
      { header: d('col.hours'), width: 9, kind: 'number' },
      { header: d('col.skills'), width: 40, wrap: true },
    ],
    rows,
    title,
    loc,
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
function invitationSheets(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const { split, funnel } = invitationRows(plan, loc);
  const waveCount = split.headers.length - 3;
  const segmentRows = split.rows.length - 1;
  const ws = tableSheet(
    wb,
    sheetNameIn('invitations', loc),
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
    loc,
  );
  if (waveCount > 0)
    ws.getCell(split.rows.length + 3, 1).value = t(
      loc.w('invitations.note', { waves: sheetNameIn('invitationWaves', loc) }),
    );
  if (funnel.rows.length > 0) invitationWavesSheet(wb, plan, funnel, title, loc);
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
  loc: DocLocale,
): void {
  const { w, d } = loc;
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
    sheetNameIn('invitationWaves', loc),
    funnel.headers.map((header, i) =>
      i === 0
        ? { header, width: 34, wrap: true }
        : i === 1
          ? { header, width: 14, kind: 'date' as const }
          : { header, width: 14, kind: 'integer' as const },
    ),
    s.waves.map((wave, j) => {
      const r = first + j;
      return [
        t(wave.name || d('invitations.wave')),
        excelDate(wave.date),
        wave.share,
        { formula: waveInvitationsFormula(needed, shares, `C${r}`), result: wave.funnel.invited },
        {
          formula: funnelStageFormula(`D${r}`, abs(rate.registered)),
          result: wave.funnel.registered,
        },
        { formula: funnelStageFormula(`E${r}`, abs(rate.active)), result: wave.funnel.active },
        {
          formula: funnelStageFormula(`F${r}`, abs(rate.completing)),
          result: wave.funnel.completing,
        },
      ];
    }),
    title,
    loc,
  );
  const total = ws.getRow(last + 1);
  total.getCell(1).value = d('invitations.allWaves');
  const sums = [
    s.waves.reduce((a, wave) => a + wave.share, 0),
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
    [d('budget.licences'), s.licences, '#,##0'],
    [
      w('invitations.perLicence', { min: loc.count(RATIO_MIN), max: loc.count(RATIO_MAX) }),
      s.ratio,
      '0.00',
    ],
    [
      w('invitations.needed'),
      { formula: invitationsNeededFormula(cell.licences, cell.ratio), result: s.needed },
      '#,##0',
    ],
    [w('invitations.register'), rates.registered, '0'],
    [w('invitations.startLearning'), rates.active, '0'],
    [w('invitations.complete'), rates.completing, '0'],
  ];
  inputs.forEach(([label, value, numFmt], k) => {
    const row = ws.getRow(input + k);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    row.getCell(2).numFmt = numFmt;
  });
  ws.getCell(input + inputs.length + 1, 1).value = t(w('invitations.wavesNote'));
}

/** Learner progress over time, in aggregates only (issue 14; rows from roster-chapter.ts). */
function progressSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  title: string,
  loc: DocLocale,
  profile: Profile,
): void {
  const sheet = rosterSheet(plan, loc, profile);
  const rows = sheet.rows.map((r) =>
    r.map((v, i) => (i === 0 ? excelDate(v as string | null) : typeof v === 'string' ? t(v) : v)),
  );
  const ws = tableSheet(wb, validSheetName(sheet.name), sheet.columns, rows, title, loc);
  ws.getCell(rows.length + 3, 1).value = t(sheet.footer);
}

/** The KPIs with their actuals, status and the status rule (issue 14; rows from kpis-chapter.ts). */
function kpisSheet(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const sheet = kpiSheet(plan, loc);
  const rows = sheet.rows.map((r) =>
    r.map((v, i) =>
      sheet.columns[i]!.kind === 'date'
        ? excelDate(v as string | null)
        : typeof v === 'string'
          ? t(v)
          : v,
    ),
  );
  const ws = tableSheet(wb, validSheetName(sheet.name), sheet.columns, rows, title, loc);
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
  loc: DocLocale,
): void {
  const { w, d } = loc;
  const rows = onboardingSheetRows(plan, options, loc);
  const status = shows(options.profile, 'checklistStatus');
  const notes = shows(options.profile, 'checklistNotes');
  tableSheet(
    wb,
    sheetNameIn('onboarding', loc),
    [
      { header: d('onboarding.step'), width: 48, wrap: true },
      { header: d('col.owner'), width: 28, wrap: true },
      { header: w('onboarding.partners'), width: 32, wrap: true },
      { header: d('onboarding.due'), width: 34, wrap: true },
      { header: w('onboarding.dueDate'), width: 13, kind: 'date' },
      ...(status ? [{ header: statusHeading(options.asOf, loc), width: 20 }] : []),
      ...(notes ? [{ header: d('col.notes'), width: 60, wrap: true }] : []),
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
    loc,
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
  loc: DocLocale,
): void {
  const { w, d } = loc;
  const status = shows(options.profile, 'communicationStatus');
  tableSheet(
    wb,
    sheetNameIn('communications', loc),
    [
      { header: d('communications.communication'), width: 44, wrap: true },
      { header: d('col.kind'), width: 18 },
      { header: d('communications.subject'), width: 48, wrap: true },
      { header: d('communications.audience'), width: 52, wrap: true },
      { header: w('communications.send'), width: 34, wrap: true },
      { header: d('communications.sendDate'), width: 13, kind: 'date' },
      ...(status ? [{ header: d('col.status'), width: 10 }] : []),
    ],
    communicationSheetRows(plan, loc).map((r) => [
      t(r.title),
      r.kind,
      t(r.subject),
      t(r.audience),
      t(r.send),
      excelDate(r.sendDate),
      ...(status ? [r.status] : []),
    ]),
    title,
    loc,
  );
}

/**
 * The marketing plan (issue 13): one row per channel with the segments it
 * reaches and its budget in the plan currency, and a sheet of learner
 * stories with consent recorded (a story without consent is never written).
 */
function marketingSheets(wb: ExcelJS.Workbook, plan: Plan, title: string, loc: DocLocale): void {
  const { w, d } = loc;
  const semi = d('punctuation.semicolon');
  const m = plan.launch.marketing;
  const currency = plan.budget.currency;
  const segments = new Map(plan.learners.map((s) => [s.id, s.name]));
  const partners = new Map(plan.stakeholders.entries.map((s) => [s.id, s.name]));
  if (m.channels.length > 0) {
    const ws = tableSheet(
      wb,
      sheetNameIn('marketing', loc),
      [
        { header: d('col.name'), width: 28, wrap: true },
        {
          header: d('marketing.channel'),
          width: 20,
          list: CHANNEL_KINDS.map((k) => listItem(channelKind(loc, k))),
        },
        { header: d('col.description'), width: 48, wrap: true },
        { header: d('marketing.segmentsReached'), width: 40, wrap: true },
        { header: w('marketing.outreachPartners'), width: 28, wrap: true },
        { header: d('col.owner'), width: 26, wrap: true },
        { header: d('col.start'), width: 13, kind: 'date' },
        { header: d('col.end'), width: 13, kind: 'date' },
        { header: d('budget.heading'), width: 16, kind: 'money', currency },
      ],
      m.channels.map((c) => [
        t(c.name),
        listItem(channelKind(loc, c.kind)),
        t(c.description),
        t(
          c.segmentIds
            .map((id) => segments.get(id))
            .filter(Boolean)
            .join(semi),
        ),
        t(
          c.partnerIds
            .map((id) => partners.get(id))
            .filter(Boolean)
            .join(semi),
        ),
        t(c.owner),
        excelDate(c.start),
        excelDate(c.end),
        c.budget,
      ]),
      title,
      loc,
    );
    marketingBudgetRows(ws, plan, m.channels.length, 3, 9, moneyFormat(currency), loc);
  }
  const stories = exportableStories(m);
  if (stories.length > 0)
    tableSheet(
      wb,
      sheetNameIn('learnerStories', loc),
      [
        { header: d('col.title'), width: 36, wrap: true },
        { header: w('marketing.story'), width: 80, wrap: true },
        { header: d('col.segment'), width: 30, wrap: true },
        { header: w('marketing.consentGivenOn'), width: 16, kind: 'date' },
      ],
      stories.map((s) => [
        t(s.title),
        t(s.summary),
        t(s.segmentId ? (segments.get(s.segmentId) ?? null) : null),
        excelDate(s.consentDate),
      ]),
      title,
      loc,
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
  loc: DocLocale,
): void {
  const { w } = loc;
  const spend = marketingSpend(plan.launch.marketing, plan.budget);
  const col = columnLetter(budgetColumn);
  const top = channels + 3;
  const at = (k: number) => `${col}${top + k}`;
  const rows: [string, ExcelJS.CellValue, string][] = [
    [
      w('marketing.channelsTotal'),
      { formula: `SUM(${col}2:${col}${channels + 1})`, result: spend.total },
      money,
    ],
    [w('marketing.outreachLine'), spend.outreachLine, money],
    [
      w('marketing.overOutreach'),
      {
        formula: `IF(${at(1)}="","",MAX(0,${at(0)}-${at(1)}))`,
        result: spend.outreachLine === null ? '' : spend.overOutreach,
      },
      money,
    ],
    [w('marketing.programBudget'), spend.programTotal, money],
    [
      w('marketing.shareOfProgram'),
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
  loc: DocLocale,
): DecisionCells[] {
  const { w, d } = loc;
  const terms = termsOf(loc);
  // The words the formulas compare and write: in the document language, as the cells hold them.
  const make = listItem(terms.option('make'));
  const buy = listItem(terms.option('buy'));
  const yes = listItem(w('col.yes'));
  const no = listItem(w('col.no'));
  const q = formulaText;
  const internal = shows(options.profile, 'raterNames');
  const ws = addSheet(wb, sheetNameIn('makeOrBuy', loc), loc, { ySplit: 3 });
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
  const titleRow = ws.addRow([t(w('makeOrBuy.title', { title }))]);
  titleRow.font = { bold: true, size: 14, color: { argb: TITLE_COLOR } };
  ws.mergeCells(titleRow.number, 1, titleRow.number, 7 + maxRaters);
  titleRow.getCell(1).alignment = { vertical: 'top', wrapText: true };
  ws.addRow([w('makeOrBuy.instructions')]).font = { italic: true, color: { argb: 'FF595959' } };
  const bandRow = ws.addRow([w('makeOrBuy.hybridBand'), null, HYBRID_BAND]);
  bandRow.getCell(1).font = { bold: true };
  const band = `$C$${bandRow.number}`;
  const out: DecisionCells[] = [];
  const rater = (i: number) => columnLetter(4 + i);
  const avgCol = columnLetter(4 + maxRaters);
  const shareCol = columnLetter(5 + maxRaters);
  const makeCol = columnLetter(6 + maxRaters);
  const buyCol = columnLetter(7 + maxRaters);
  for (const decision of plan.content.decisions) {
    const score = scorePlanDecision(decision);
    ws.addRow([]);
    const needRow = ws.addRow([t(decision.need)]);
    needRow.font = { bold: true, size: 12, color: { argb: TITLE_COLOR } };
    const hybridRow = ws.addRow([w('makeOrBuy.hybridOffered'), decision.includeHybrid ? yes : no]);
    validations(ws).add(`B${hybridRow.number}`, {
      type: 'list',
      allowBlank: false,
      formulae: [`"${yes},${no}"`],
    });
    const hybrid = `$B$${hybridRow.number}`;
    const header = ws.addRow([
      d('makeOrBuy.criterion'),
      d('makeOrBuy.favours'),
      d('makeOrBuy.weight'),
      ...Array.from({ length: maxRaters }, (_, i) =>
        i < decision.raters.length
          ? internal
            ? t(decision.raters[i]!.name)
            : d('makeOrBuy.rater', { number: i + 1 })
          : '',
      ),
      d('makeOrBuy.average'),
      w('makeOrBuy.makeShare'),
      d('makeOrBuy.makePoints'),
      d('makeOrBuy.buyPoints'),
    ]);
    styleHeader(header);
    const first = header.number + 1;
    const last = first + decision.criteria.length - 1;
    const ratedWeight = `SUMPRODUCT(ISNUMBER($${avgCol}$${first}:$${avgCol}$${last})*$C$${first}:$C$${last})`;
    decision.criteria.forEach((c, i) => {
      const r = first + i;
      const s = score.criteria[i]!;
      const ratings = Array.from({ length: maxRaters }, (_, k) => {
        const raterId = decision.raters[k]?.id;
        const v = raterId ? decision.ratings[raterId]?.[c.id] : undefined;
        return v ?? null;
      });
      const raterRange = `${rater(0)}${r}:${rater(maxRaters - 1)}${r}`;
      const row = ws.addRow([
        t(c.label),
        c.favours === 'make' ? make : buy,
        c.weight,
        ...ratings,
        {
          formula: `IF(COUNT(${raterRange})=0,"",AVERAGE(${raterRange}))`,
          result: s.average ?? '',
        },
        {
          formula: `IF(${avgCol}${r}="","",IF(B${r}=${q(make)},(${avgCol}${r}-1)/4,1-(${avgCol}${r}-1)/4))`,
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
    if (decision.criteria.length > 0) {
      validations(ws).add(`B${first}:B${last}`, {
        type: 'list',
        allowBlank: false,
        formulae: [`"${make},${buy}"`],
      });
      validations(ws).add(`${rater(0)}${first}:${rater(maxRaters - 1)}${last}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [1, 5],
        showErrorMessage: true,
        error: w('validation.rate'),
      });
    }
    const totalsRow = ws.addRow([
      w('col.total'),
      null,
      {
        formula: `SUM(C${first}:C${last})`,
        result: decision.criteria.reduce((a, c) => a + c.weight, 0),
      },
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
    const makeTotal = `${makeCol}${totalsRow.number}`;
    const buyTotal = `${buyCol}${totalsRow.number}`;
    const option = (o: Parameters<Terms['option']>[0]) => q(terms.option(o));
    const recRow = ws.addRow([
      d('makeOrBuy.recommendation'),
      {
        formula: `IF(${makeTotal}="",${option('none')},IF(AND(${hybrid}=${q(yes)},ABS(${makeTotal}-${buyTotal})<${band}),${option('hybrid')},IF(ABS(${makeTotal}-${buyTotal})<0.000001,IF(${hybrid}=${q(yes)},${option('hybrid')},${option('tie')}),IF(${makeTotal}>${buyTotal},${q(make)},${q(buy)}))))`,
        result: terms.option(score.recommendation),
      },
    ]);
    recRow.font = { bold: true };
    recRow.getCell(2).fill = LIGHT;
    ws.addRow([
      d('makeOrBuy.decisionTaken'),
      decision.decision ? terms.option(decision.decision) : d('makeOrBuy.notDecided'),
    ]);
    if (decision.rationale.trim()) {
      const rationale = ws.addRow([d('col.rationale'), t(decision.rationale)]);
      ws.mergeCells(rationale.number, 2, rationale.number, 7 + maxRaters);
      rationale.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    }
    out.push({
      need: decision.need,
      firstCriterionRow: first,
      weightColumn: 'C',
      raterColumns: Array.from({ length: decision.raters.length }, (_, i) => rater(i)),
      make: makeTotal,
      buy: buyTotal,
      recommendation: `B${recRow.number}`,
    });
  }
  printSetup(ws, title, sheetNameIn('makeOrBuy', loc), loc);
  return out;
}

/** The make-or-buy decisions and their reasons, without the scoring (partner-safe). */
function makeOrBuyDecisionsSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  title: string,
  loc: DocLocale,
): void {
  const { w, d } = loc;
  const terms = termsOf(loc);
  tableSheet(
    wb,
    sheetNameIn('makeOrBuy', loc),
    [
      { header: w('makeOrBuy.need'), width: 50, wrap: true },
      { header: d('col.decision'), width: 16 },
      { header: d('col.rationale'), width: 90, wrap: true },
    ],
    plan.content.decisions.map((decision) => [
      t(decision.need),
      decision.decision ? terms.option(decision.decision) : d('makeOrBuy.notDecided'),
      t(decision.rationale),
    ]),
    title,
    loc,
  );
}

/** The workbook for a plan, plus where each make-or-buy result sits (for tests). */
export async function buildPlanWorkbook(
  planAsSaved: Plan,
  options: ExportOptions,
): Promise<{ workbook: ExcelJS.Workbook; decisions: DecisionCells[] }> {
  // One locale for the whole export: the plan's document language unless the caller chose one.
  const loc = options.locale ?? (await documentLocale(planAsSaved.documentLanguage));
  return buildWorkbookIn(planAsSaved, options, loc);
}

/** The workbook in a language (synchronous once the locale is loaded). */
function buildWorkbookIn(
  planAsSaved: Plan,
  options: ExportOptions,
  loc: DocLocale,
): { workbook: ExcelJS.Workbook; decisions: DecisionCells[] } {
  // A link in the file twice is listed once.
  const plan = withUniqueLinks(planAsSaved);
  const title =
    plan.objective.programName.trim() || plan.name.trim() || loc.d('cover.untitledPlan');
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
  const table = (sheet: {
    readonly name: string;
    readonly columns: readonly SheetColumn[];
    readonly rows: readonly (readonly CellValue[])[];
  }) => tableSheet(wb, validSheetName(sheet.name), sheet.columns, sheet.rows, title, loc);
  const steps: [boolean, ExportSectionId | 'summary', () => void][] = [
    [true, 'summary', () => summarySheet(wb, plan, options, title, loc)],
    [
      has('theoryOfChange') && plan.theoryOfChange.nodes.length > 0,
      'theoryOfChange',
      () => tocSheets(wb, plan, title, loc),
    ],
    [
      has('logicModel') && plan.logicModel.items.length > 0,
      'logicModel',
      () => logframeSheet(wb, plan, title, loc),
    ],
    [has('indicators'), 'indicators', () => indicatorsSheet(wb, plan, title, loc)],
    [has('stakeholders'), 'stakeholders', () => stakeholdersSheet(wb, plan, options, title, loc)],
    [
      has('learners') && plan.learners.length > 0,
      'learners',
      () => learnersSheet(wb, plan, title, loc),
    ],
    [
      has('catalog') && plan.content.catalog.length > 0,
      'catalog',
      () => catalogSheet(wb, plan, options, title, loc),
    ],
    [
      has('pathways') && plan.content.pathways.length > 0,
      'pathways',
      () => pathwaysSheet(wb, plan, title, loc),
    ],
    [
      has('onboarding') && hasChecklist(plan),
      'onboarding',
      () => onboardingSheet(wb, plan, options, title, loc),
    ],
    [
      has('communications') && plan.launch.communications.length > 0,
      'communications',
      () => communicationsSheet(wb, plan, options, title, loc),
    ],
    [
      has('invitations') && hasInvitations(plan),
      'invitations',
      () => invitationSheets(wb, plan, title, loc),
    ],
    [has('marketing'), 'marketing', () => marketingSheets(wb, plan, title, loc)],
    [
      has('roster') && hasProgress(plan),
      'roster',
      () => progressSheet(wb, plan, title, loc, options.profile),
    ],
    [
      has('contentInUse'),
      'contentInUse',
      () =>
        contentInUseSheets(plan, options.contentUse, options.asOf, options.profile, loc).forEach(
          table,
        ),
    ],
    [
      has('skillsFirst') && hasSkillsFirst(plan),
      'skillsFirst',
      () => skillsFirstSheets(plan, loc).forEach(table),
    ],
    [
      has('engagement') && hasEngagement(plan),
      'engagement',
      () =>
        engagementSheets(plan, loc).forEach((sheet) =>
          table({
            ...sheet,
            rows: sheet.rows.map((r) =>
              r.map((v, i) =>
                sheet.columns[i]!.kind === 'date'
                  ? excelDate(v as string | null)
                  : typeof v === 'string'
                    ? t(v)
                    : v,
              ),
            ),
          }),
        ),
    ],
    [has('kpis') && hasKpiResults(plan), 'kpis', () => kpisSheet(wb, plan, title, loc)],
    [
      has('reviews') && hasReviews(plan),
      'reviews',
      () =>
        reviewSheets(plan, options.profile, loc).forEach((sheet) =>
          table({
            ...sheet,
            rows: sheet.rows.map((r) =>
              r.map((v, i) => (sheet.columns[i]!.kind === 'date' ? excelDate(v) : t(v ?? ''))),
            ),
          }),
        ),
    ],
  ];
  let decisions: DecisionCells[] = [];
  const active = steps.filter(([on]) => on);
  active.forEach(([, section, run], i) => {
    options.onProgress?.(0.05 + (0.55 * i) / active.length, { step: 'writing', section });
    run();
  });
  if (has('makeOrBuy') && plan.content.decisions.length > 0) {
    options.onProgress?.(0.6, { step: 'writing', section: 'makeOrBuy' });
    if (shows(options.profile, 'makeOrBuyScores'))
      decisions = makeOrBuySheet(wb, plan, options, title, loc);
    else makeOrBuyDecisionsSheet(wb, plan, title, loc);
  }
  finishWorkbook(wb);
  return { workbook: wb, decisions };
}

/**
 * Builds the Excel workbook for a plan (bytes of an .xlsx file), in the
 * plan's document language unless `options.locale` says another.
 */
export async function buildPlanXlsx(plan: Plan, options: ExportOptions): Promise<Uint8Array> {
  const { workbook } = await buildPlanWorkbook(plan, options);
  options.onProgress?.(0.7, { step: 'packing' });
  const buffer = await workbook.xlsx.writeBuffer(WRITE_STORED);
  const bytes = packWorkbook(new Uint8Array(buffer as ArrayBuffer));
  options.onProgress?.(1, { step: 'done' });
  return bytes;
}
