/**
 * The Excel round trip never drops data (issue 11): the edits recipients
 * really make — a column of their own, a cleared ID, "75%" typed in Power,
 * "1,050" typed as text, a note above the headings — are read as meant or
 * said, never lost; nothing is removed without a tick; texts the plan schema
 * accepts come back whatever their characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  applyRoundTrip,
  decideRoundTrip,
  isEmptyPreview,
  isPercentUnit,
  matchKey,
  NO_DECISIONS,
  readRoundTripWorkbook,
  type RoundTripPreview,
  type RoundTripResult,
  undecidedRows,
} from '../../shared/export/roundtrip';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { Frequency, Indicator, Stakeholder, Stance, type Plan } from '../../shared/plan/schema';
import { QUADRANT_INFO } from '../../shared/stakeholders/quadrants';
import { textLength } from '../../shared/text-length';
import { bytesOf, col, exportOptions, rowOf, samplePlan } from './export-helpers';

const plan = samplePlan();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cases', 'roundtrip');

async function exported(of: Plan = plan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildPlanXlsx(of, exportOptions())).slice().buffer);
  return wb;
}

function preview(result: RoundTripResult): RoundTripPreview {
  if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
  return result.preview;
}

/**
 * The problems of a workbook that can still be applied, as one text: since
 * new-user finding 12 a bad cell is left as it is and listed, not a refusal.
 */
function failure(result: RoundTripResult): string {
  const { problems } = preview(result);
  expect(problems.length).toBeGreaterThan(0);
  return problems.map((p) => p.message).join('\n');
}

/** Formats one cell as a percentage (exceljs shares a column's style object between its cells). */
function percentFormat(cell: ExcelJS.Cell) {
  cell.style = { ...cell.style, numFmt: '0%' };
}

const entry = (p: Plan, id: string) => p.stakeholders.entries.find((e) => e.id === id)!;

describe('columns and rows the app did not write', { timeout: 30_000 }, () => {
  it('ignores an added column ("Funder comments") and says so in the preview', async () => {
    const wb = await exported();
    for (const name of ['Stakeholders', 'Indicators']) {
      const ws = wb.getWorksheet(name)!;
      const extra = ws.actualColumnCount + 1;
      ws.getRow(1).getCell(extra).value = 'Funder comments';
      ws.getRow(2).getCell(extra).value = 'Please explain the drop in Q3';
    }
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(isEmptyPreview(result)).toBe(true);
    expect(result.notes).toContain(
      'Stakeholders sheet: the column “Funder comments” is not one this app exports, so it is ignored: nothing in it is imported.',
    );
    expect(result.notes.join(' ')).toContain('Indicators sheet: the column “Funder comments”');
  });

  it('finds the headings below a note row typed above them', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    sh.spliceRows(1, 0, ['Returned by the Skills Fund, 3 December — please check Power'], []);
    rowOf(sh, 'sh-ministry').getCell(col(sh, 'Power (0–100)', 3)).value = 85;
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(result.notes).toContain(
      'Stakeholders sheet: the headings are on row 3; the 2 rows above them are passed over.',
    );
    expect(result.stakeholders.changed).toEqual([
      expect.objectContaining({
        id: 'sh-ministry',
        changes: [{ key: 'power', label: 'Power (0–100)', before: '95', after: '85' }],
      }),
    ]);
    expect(result.stakeholders.missing).toEqual([]);
  });
});

describe('a cleared ID cell', { timeout: 30_000 }, () => {
  const skillsFund = entry(plan, 'sh-skills-fund');

  async function clearedId() {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    const row = rowOf(sh, 'sh-skills-fund');
    row.getCell(col(sh, 'Interest (0–100)')).value = 88;
    row.getCell(1).value = null;
    return preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
  }

  it('offers the entry of the same name and removes nothing', async () => {
    expect(skillsFund.actions).toHaveLength(3);
    const result = await clearedId();
    const s = result.stakeholders;
    expect(s.added).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.missing).toEqual([{ id: 'sh-skills-fund', name: 'Skills Fund board' }]);
    expect(s.unmatched).toEqual([
      expect.objectContaining({
        row: 2,
        id: null,
        name: 'Skills Fund board',
        candidate: expect.objectContaining({
          id: 'sh-skills-fund',
          changes: [{ key: 'interest', label: 'Interest (0–100)', before: '85', after: '88' }],
        }),
      }),
    ]);
  });

  it('confirmed, updates the entry: its 3 engagement actions and the snapshot keep their id', async () => {
    const result = await clearedId();
    const decided = decideRoundTrip(result, {
      remove: [],
      match: [matchKey('stakeholders', 2)],
    });
    expect(decided.stakeholders.changed.map((c) => c.id)).toEqual(['sh-skills-fund']);
    const next = produce(plan, (d) => applyRoundTrip(d, decided, (p) => `${p}-new`));
    expect(next.stakeholders.entries).toHaveLength(plan.stakeholders.entries.length);
    expect(entry(next, 'sh-skills-fund')).toMatchObject({
      interest: 88,
      name: 'Skills Fund board',
    });
    expect(entry(next, 'sh-skills-fund').actions).toEqual(skillsFund.actions);
    const ids = new Set(next.stakeholders.entries.map((e) => e.id));
    for (const snapshot of next.stakeholders.snapshots)
      for (const id of Object.keys(snapshot.positions)) expect(ids.has(id)).toBe(true);
  });

  // New-user finding 11: no default may make a duplicate. Undecided, the row waits (Apply is
  // blocked in the dialog) and applying adds nothing; only "add as new" adds a second entry.
  it('undecided, waits: neither added nor matched, the old entry kept whole', async () => {
    const result = await clearedId();
    const undecided = decideRoundTrip(result, NO_DECISIONS);
    expect(undecidedRows(result, NO_DECISIONS).map((r) => [r.row, r.name])).toEqual([
      [2, 'Skills Fund board'],
    ]);
    expect(undecided.stakeholders.added).toEqual([]);
    expect(undecided.stakeholders.unmatched).toHaveLength(1);
    // Its candidate is not offered for removal while the row waits.
    expect(undecided.stakeholders.missing).toEqual([]);
    const next = produce(plan, (d) => applyRoundTrip(d, undecided, (p) => `${p}-new`));
    expect(next).toEqual(plan);
  });

  it('chosen "add as new", adds the row as a new entry and keeps the old one whole', async () => {
    const result = await clearedId();
    const decisions = { remove: [], match: [], addNew: [matchKey('stakeholders', 2)] };
    expect(undecidedRows(result, decisions)).toEqual([]);
    const decided = decideRoundTrip(result, decisions);
    // The old entry now has no row: offered for removal, kept unless ticked.
    expect(decided.stakeholders.missing.map((m) => m.id)).toEqual(['sh-skills-fund']);
    const next = produce(plan, (d) => applyRoundTrip(d, decided, (p) => `${p}-new`));
    expect(next.stakeholders.entries).toHaveLength(plan.stakeholders.entries.length + 1);
    expect(entry(next, 'sh-skills-fund')).toEqual(skillsFund);
    expect(entry(next, 'sh-new')).toMatchObject({ name: 'Skills Fund board', interest: 88 });
    expect(decided.stakeholders.added).toHaveLength(1);
  });

  it('a mistyped ID is offered the same way; chosen "add as new", the row is added with that ID', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    rowOf(sh, 'sh-radio').getCell(1).value = 'sh-radoi';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    const row = result.stakeholders.unmatched[0]!;
    expect([row.id, row.candidate.id, row.candidate.changes]).toEqual(['sh-radoi', 'sh-radio', []]);
    expect(decideRoundTrip(result, NO_DECISIONS).stakeholders.added).toEqual([]);
    expect(
      decideRoundTrip(result, {
        remove: [],
        match: [],
        addNew: [matchKey('stakeholders', row.row)],
      }).stakeholders.added.map((a) => a.id),
    ).toEqual(['sh-radoi']);
    const same = decideRoundTrip(result, {
      remove: [],
      match: [matchKey('stakeholders', row.row)],
    });
    expect(isEmptyPreview(same)).toBe(true);
    expect(produce(plan, (d) => applyRoundTrip(d, same, (p) => p))).toEqual(plan);
  });

  it('a row without an ID and a name of its own is added, removing nothing', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    const row = sh.addRow([]);
    row.getCell(col(sh, 'Name')).value = 'Skills Fund board (observer)';
    row.getCell(col(sh, 'Power (0–100)')).value = 20;
    row.getCell(col(sh, 'Interest (0–100)')).value = 40;
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(result.stakeholders.unmatched).toEqual([]);
    expect(result.stakeholders.added.map((a) => [a.id, a.name])).toEqual([
      [null, 'Skills Fund board (observer)'],
    ]);
    expect(result.stakeholders.missing).toEqual([]);
  });

  it('a removed indicator, confirmed, unlinks the KPIs that tracked it', async () => {
    const tracked = plan.manage.kpis.find((k) => k.indicatorId !== null);
    expect(tracked).toBeDefined();
    const wb = await exported();
    const ind = wb.getWorksheet('Indicators')!;
    ind.spliceRows(rowOf(ind, tracked!.indicatorId!).number, 1);
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(result.indicators.missing.map((m) => m.id)).toEqual([tracked!.indicatorId]);
    const kept = produce(plan, (d) => applyRoundTrip(d, result, (p) => p));
    expect(kept).toEqual(plan);
    const decided = decideRoundTrip(result, {
      remove: [`indicators:remove:${tracked!.indicatorId}`],
      match: [],
    });
    const next = produce(plan, (d) => applyRoundTrip(d, decided, (p) => p));
    expect(next.indicators.some((i) => i.id === tracked!.indicatorId)).toBe(false);
    expect(next.manage.kpis.find((k) => k.id === tracked!.id)!.indicatorId).toBeNull();
  });
});

describe('one length rule: characters as the plan schema counts them', { timeout: 60_000 }, () => {
  // 18,638 letters and 1,362 emoji: 20,000 characters, 21,362 UTF-16 units.
  const notes = `${'a'.repeat(18_638)}${'😀'.repeat(1_362)}`;

  it('brings back notes of 20,000 characters that are 21,362 UTF-16 units long', async () => {
    expect([textLength(notes), notes.length]).toEqual([20_000, 21_362]);
    const long = produce(plan, (d) => {
      d.stakeholders.entries[0]!.notes = notes;
    });
    expect(Stakeholder.safeParse(long.stakeholders.entries[0]).success).toBe(true);
    const result = preview(await readRoundTripWorkbook(await bytesOf(await exported(long)), long));
    expect(isEmptyPreview(result)).toBe(true);
  });

  it('keeps notes longer than an Excel cell holds: the cut-short cell is no edit', async () => {
    // 20,000 emoji are 40,000 UTF-16 units; Excel cells hold 32,767, so the export cuts them.
    const emoji = '😀'.repeat(20_000);
    const long = produce(plan, (d) => {
      d.stakeholders.entries[0]!.notes = emoji;
    });
    const result = preview(await readRoundTripWorkbook(await bytesOf(await exported(long)), long));
    expect(isEmptyPreview(result)).toBe(true);
    expect(
      produce(long, (d) => applyRoundTrip(d, result, (p) => p)).stakeholders.entries[0]!.notes,
    ).toBe(emoji);
  });

  it('refuses notes the schema would refuse, counting the same way', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    rowOf(sh, 'sh-skills-fund').getCell(col(sh, 'Internal notes')).value = `${notes}😀`;
    expect(Stakeholder.shape.notes.safeParse(`${notes}😀`).success).toBe(false);
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expect(failure(result)).toContain(
      'Stakeholders sheet, row 2, Internal notes: is 20,001 characters long (at most 20,000).',
    );
    // The cell is left as it is: the plan's notes stay.
    const next = produce(plan, (d) => applyRoundTrip(d, preview(result), (p) => p));
    expect(entry(next, 'sh-skills-fund').notes).toBe(entry(plan, 'sh-skills-fund').notes);
  });
});

describe('numbers as a person typed them', { timeout: 30_000 }, () => {
  it('power-typed-as-percent.xlsx: a Power cell typed as 75% is 75, never 1', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'power-typed-as-percent.xlsx')));
    const result = preview(await readRoundTripWorkbook(bytes, plan, 'edited.xlsx'));
    const change = result.stakeholders.changed.find((c) => c.id === 'sh-skills-fund');
    expect(change?.changes).toContainEqual({
      key: 'power',
      label: 'Power (0–100)',
      before: '90',
      after: '75',
    });
    const next = produce(plan, (d) => applyRoundTrip(d, result, (p) => p));
    expect(entry(next, 'sh-skills-fund').power).toBe(75);
  });

  it('reads "75%" typed as text, and percent cells in targets of percentage indicators', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    rowOf(sh, 'sh-ministry').getCell(col(sh, 'Interest (0–100)')).value = '35 %';
    const ind = wb.getWorksheet('Indicators')!;
    const rate = rowOf(ind, 'ind-completion-rate'); // unit "% of enrolled learners"
    rate.getCell(col(ind, 'Target')).value = 0.65;
    percentFormat(rate.getCell(col(ind, 'Target')));
    rowOf(ind, 'ind-placement-rate').getCell(col(ind, 'Baseline')).value = '33%';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    const changes = (id: string) =>
      [...result.stakeholders.changed, ...result.indicators.changed].find((c) => c.id === id)
        ?.changes;
    expect(changes('sh-ministry')).toEqual([
      { key: 'interest', label: 'Interest (0–100)', before: '30', after: '35' },
    ]);
    expect(changes('ind-completion-rate')).toEqual([
      { key: 'target', label: 'Target', before: '60', after: '65' },
    ]);
    expect(changes('ind-placement-rate')).toEqual([
      { key: 'baseline', label: 'Baseline', before: '31', after: '33' },
    ]);
  });

  it('refuses a percentage in an indicator that does not count in per cent, naming the cell', async () => {
    const wb = await exported();
    const ind = wb.getWorksheet('Indicators')!;
    const row = rowOf(ind, 'ind-enrolments'); // unit "learners"
    row.getCell(col(ind, 'Target')).value = 0.6;
    percentFormat(row.getCell(col(ind, 'Target')));
    expect(failure(await readRoundTripWorkbook(await bytesOf(wb), plan))).toContain(
      `Indicators sheet, row ${row.number}, Target: “60%” is a percentage, but the indicator's unit is not a percentage`,
    );
  });

  it('refuses a fraction typed in a 0–100 score rather than rounding it to 1', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    rowOf(sh, 'sh-skills-fund').getCell(col(sh, 'Power (0–100)')).value = 0.75;
    expect(failure(await readRoundTripWorkbook(await bytesOf(wb), plan))).toContain(
      'Stakeholders sheet, row 2, Power (0–100): “0.75” is a fraction; type the score from 0 to 100 (75 for 75%).',
    );
  });

  it('reads "1,050" and "12,5" typed as text, as the catalog import does', async () => {
    const wb = await exported();
    const ind = wb.getWorksheet('Indicators')!;
    rowOf(ind, 'ind-certificates').getCell(col(ind, 'Target')).value = '1,150';
    rowOf(ind, 'ind-satisfaction').getCell(col(ind, 'Baseline')).value = '78,5';
    rowOf(ind, 'ind-starting-wage').getCell(col(ind, 'Target')).value = '1.750,50';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    const next = produce(plan, (d) => applyRoundTrip(d, result, (p) => p));
    const value = (id: string) => next.indicators.find((i) => i.id === id)!;
    expect(value('ind-certificates').target.value).toBe(1150);
    expect(value('ind-satisfaction').baseline.value).toBe(78.5);
    expect(value('ind-starting-wage').target.value).toBe(1750.5);
  });

  it('says a Quadrant typed over its formula is ignored, and why', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    const row = rowOf(sh, 'sh-radio'); // power 25, interest 45: Monitor
    const quadrant = col(sh, 'Quadrant');
    row.getCell(quadrant).value = 'Manage closely';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(isEmptyPreview(result)).toBe(true);
    const letter = String.fromCharCode(64 + quadrant);
    expect(result.notes).toContain(
      `Stakeholders sheet, cell ${letter}${row.number}: the Quadrant “Manage closely” was typed in, but the quadrant follows from Power and Interest (here “${QUADRANT_INFO.monitor.label}”), so the typed value is ignored. To move the stakeholder, change Power or Interest.`,
    );
  });

  it('knows a percentage unit', () => {
    expect(
      ['%', '% of completers', 'per cent', 'Percentage of learners'].map(isPercentUnit),
    ).toEqual([true, true, true, true]);
    expect(['learners', 'points (0–100)', 'EUR gross per month'].map(isPercentUnit)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

// ---------------------------------------------------------------- property

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
/** Any text: every code point, controls and emoji included. */
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const score = fc.integer({ min: 0, max: 100 });
const date = fc.option(
  fc
    .date({
      min: new Date('1900-03-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);
const number = fc.option(
  fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  ),
);
const stance = fc.constantFrom(...Stance.options);
const elementIds = [
  ...plan.theoryOfChange.nodes.map((n) => n.id),
  ...plan.logicModel.items.map((i) => i.id),
];

const stakeholderArb = fc.record({
  name: anyText(60).filter((t) => t.trim() !== ''),
  organisation: anyText(60),
  role: anyText(60),
  relation: fc.constantFrom('stakeholder', 'partner' as const),
  partnerType: fc.constantFrom(null, 'programTechnology', 'outreach', 'wraparound', 'other'),
  power: score,
  interest: score,
  currentStance: stance,
  desiredStance: stance,
  owner: anyText(40),
  contact: anyText(40),
  nextCheckpoint: date,
  notes: anyText(400),
  // A new stakeholder still in the Unplaced tray exports "Unplaced" as its quadrant.
  placed: fc.constantFrom(undefined, false),
});

const indicatorArb = fc.record({
  name: anyText(60).filter((t) => t.trim() !== ''),
  subjectIds: fc.uniqueArray(fc.constantFrom(...elementIds), { maxLength: 3 }),
  unit: fc.oneof(anyText(20), fc.constant('% of completers')),
  baseline: fc.record({ value: number, date }),
  target: fc.record({ value: number, date }),
  dataSource: anyText(40),
  frequency: fc.constantFrom(null, ...Frequency.options),
  owner: anyText(40),
});

describe('export → import of any valid plan changes nothing', () => {
  it('holds for stakeholders and indicators with any text, numbers and dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stakeholderArb, { maxLength: 4 }),
        fc.array(indicatorArb, { maxLength: 4 }),
        async (stakeholders, indicators) => {
          const valid = produce(plan, (d) => {
            d.stakeholders.entries = stakeholders.map((s, i) =>
              Stakeholder.parse({ ...s, id: ids('sh', stakeholders.length)[i] }),
            );
            d.indicators = indicators.map((x, i) =>
              Indicator.parse({ ...x, id: ids('ind', indicators.length)[i] }),
            );
          });
          const wb = await buildPlanXlsx(
            valid,
            exportOptions({ sections: ['stakeholders', 'indicators'] }),
          );
          const result = preview(await readRoundTripWorkbook(wb, valid));
          expect(isEmptyPreview(result)).toBe(true);
          expect(result.notes).toEqual([]);
          expect(result.stakeholders.missing).toEqual([]);
          expect(result.indicators.missing).toEqual([]);
          expect(produce(valid, (d) => applyRoundTrip(d, result, (p) => p))).toEqual(valid);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
