/**
 * The Excel round trip as a consultant receiving a funder's edited workbook
 * expects it (new-user findings 11–14 on issue 11): a bad cell does not hide
 * every valid change — it is listed and left as it is; an emptied Power or
 * Interest means "not set"; a renamed sheet is found by its headings; a
 * score rounded, or an edit in a sheet that is not read back, is said.
 * Three of the files are the new user's own (test/fixtures/roundtrip/,
 * exported from the sample plan with catalog items of their own added).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  applyRoundTrip,
  decideRoundTrip,
  isEmptyPreview,
  matchKey,
  NO_DECISIONS,
  readRoundTripWorkbook,
  undecidedRows,
  type RoundTripPreview,
  type RoundTripResult,
} from '../../shared/export/roundtrip';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import type { Profile } from '../../shared/export/options';
import type { Plan } from '../../shared/plan/schema';
import { isPlaced } from '../../shared/stakeholders/register';
import { bytesOf, col, exportOptions, rowOf, samplePlan } from './export-helpers';

const plan = samplePlan();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'roundtrip');

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function exported(of: Plan = plan, profile: Profile = 'internal') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildPlanXlsx(of, exportOptions({ profile }))).slice().buffer);
  return wb;
}

function preview(result: RoundTripResult): RoundTripPreview {
  if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
  return result.preview;
}

const changesOf = (p: RoundTripPreview, id: string) =>
  [...p.stakeholders.changed, ...p.indicators.changed].find((c) => c.id === id)?.changes;

const entry = (p: Plan, id: string) => p.stakeholders.entries.find((e) => e.id === id)!;

describe('rt-full-funder2.xlsx: bad cells are listed and left as they are', () => {
  it('shows the valid changes and lists each problem by row and column', async () => {
    const result = preview(await readRoundTripWorkbook(fixture('rt-full-funder2.xlsx'), plan));
    expect(result.problems.map((p) => [p.row, p.column, p.effect])).toEqual([
      [5, 'Power (0–100)', 'cell'],
      [7, 'Current stance', 'cell'],
      [8, 'Next checkpoint', 'cell'],
      [13, 'Power (0–100)', 'cell'],
      [24, 'ID', 'row'],
      [25, 'Partner type', 'cell'],
    ]);
    const messages = result.problems.map((p) => p.message);
    expect(messages).toContain(
      'Stakeholders sheet, row 5, Power (0–100): “high” is not a number from 0 to 100.',
    );
    expect(messages).toContain(
      'Stakeholders sheet, row 24, ID: “sh-skills-fund” is also used on row 2; IDs must be unique, so this row is not imported (row 2 is).',
    );
    expect(result.problems.find((p) => p.row === 5)!.name).toBe('Riveline Mobile');
    // The valid edits of the file are all in the preview.
    expect(changesOf(result, 'sh-youth-centres')).toEqual([
      {
        key: 'nextCheckpoint',
        label: 'Next checkpoint',
        before: '8 December 2026',
        after: '5 January 2027',
      },
    ]);
    expect(changesOf(result, 'sh-creators')).toEqual([
      expect.objectContaining({ key: 'owner', after: 'Daniel Osei, Partnerships Lead' }),
    ]);
    // Finding 14: "55.5" is rounded, and the preview says so.
    expect(changesOf(result, 'sh-union')).toEqual([
      {
        key: 'interest',
        label: 'Interest (0–100)',
        before: '40',
        after: '56',
        note: '55.5 rounded to a whole score',
      },
    ]);
    // The rows with a bad cell and no other change are unchanged, not refused.
    expect(changesOf(result, 'sh-telecom')).toBeUndefined();
  });

  it('an emptied Power is "not set": the stakeholder goes to the Unplaced tray, keeping its score', async () => {
    const result = preview(await readRoundTripWorkbook(fixture('rt-full-funder2.xlsx'), plan));
    expect(changesOf(result, 'sh-platform')).toEqual([
      {
        key: 'position',
        label: 'Matrix position',
        before: 'On the matrix',
        after: 'Not set (in the Unplaced tray)',
      },
    ]);
    const next = produce(plan, (d) => applyRoundTrip(d, result, (p) => `${p}-new`));
    expect(isPlaced(entry(next, 'sh-platform'))).toBe(false);
    expect(entry(next, 'sh-platform').power).toBe(entry(plan, 'sh-platform').power);
    // Bad cells keep the plan's value; the rest of the file is applied.
    expect(entry(next, 'sh-telecom')).toEqual(entry(plan, 'sh-telecom'));
    expect(entry(next, 'sh-union').interest).toBe(56);
    expect(entry(next, 'sh-youth-centres').nextCheckpoint).toBe('2027-01-05');
    // The duplicate row 24 is left out: the Skills Fund board keeps Power 90, not row 24's 10.
    expect(entry(next, 'sh-skills-fund')).toEqual(entry(plan, 'sh-skills-fund'));
  });

  it('placement follows Power and Interest: emptied → unplaced, typed for an unplaced one → placed', async () => {
    const waiting = produce(plan, (d) => {
      d.stakeholders.entries[1]!.placed = false;
      d.stakeholders.entries[2]!.placed = false;
    });
    const [a, b] = [waiting.stakeholders.entries[1]!, waiting.stakeholders.entries[2]!];
    const wb = await exported(waiting);
    const sh = wb.getWorksheet('Stakeholders')!;
    // Unedited, an unplaced stakeholder stays unplaced.
    const same = preview(await readRoundTripWorkbook(await bytesOf(wb), waiting));
    expect(isEmptyPreview(same)).toBe(true);
    rowOf(sh, b.id).getCell(col(sh, 'Power (0–100)')).value = 70;
    const added = sh.addRow([]);
    added.getCell(col(sh, 'Name')).value = 'Regional Chamber of Crafts';
    added.getCell(col(sh, 'Interest (0–100)')).value = 60;
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), waiting));
    expect(changesOf(result, b.id)).toEqual([
      expect.objectContaining({ key: 'power', after: '70' }),
      {
        key: 'position',
        label: 'Matrix position',
        before: 'Not set (in the Unplaced tray)',
        after: 'On the matrix',
      },
    ]);
    expect(result.problems).toEqual([]);
    const next = produce(waiting, (d) => applyRoundTrip(d, result, (p) => `${p}-new`));
    expect(isPlaced(entry(next, a.id))).toBe(false);
    expect(isPlaced(entry(next, b.id))).toBe(true);
    expect(entry(next, 'sh-new')).toMatchObject({ interest: 60, placed: false });
  });
});

describe('rt-full-funder3-renamed.xlsx: a renamed sheet is found by its headings', () => {
  it('reads “Stakeholders (Fund comments)” as the Stakeholders sheet, and says so', async () => {
    const result = preview(
      await readRoundTripWorkbook(fixture('rt-full-funder3-renamed.xlsx'), plan),
    );
    expect(result.notes).toContain(
      'The workbook has no “Stakeholders” sheet; the sheet “Stakeholders (Fund comments)” has its headings, so it was read as the Stakeholders sheet.',
    );
    expect(result.stakeholders.present).toBe(true);
    expect(result.stakeholders.changed.length).toBe(4);
    expect(result.problems[0]!.message).toBe(
      '“Stakeholders (Fund comments)” sheet, row 5, Power (0–100): “high” is not a number from 0 to 100.',
    );
    expect(isEmptyPreview(result)).toBe(false);
  });

  it('a sheet it cannot read is a problem, never "nothing to import"', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    sh.name = 'Fund comments';
    sh.getRow(1).getCell(col(sh, 'Name')).value = 'Who';
    const ind = wb.getWorksheet('Indicators')!;
    ind.name = 'Measures';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    // The Indicators sheet is found by its headings; the Stakeholders sheet, without Name, is
    // recognised but not read, and the problems say so instead of "no Stakeholders sheet".
    expect(result.notes).toContain(
      'The workbook has no “Indicators” sheet; the sheet “Measures” has its headings, so it was read as the Indicators sheet.',
    );
    expect(result.stakeholders.present).toBe(false);
    expect(result.problems.map((p) => [p.effect, p.message])).toEqual([
      [
        'sheet',
        '“Fund comments” sheet: the column “Name” is missing (it may have been renamed or deleted).',
      ],
      [
        'sheet',
        expect.stringContaining(
          '“Fund comments” sheet, column B: the heading “Who” is not one this app exports',
        ),
      ],
      [
        'sheet',
        'The workbook has no “Stakeholders” sheet; the sheet “Fund comments” looks like it (it has 14 of its 15 headings) but was not read: stakeholders stay as they are. Fix its headings and import the workbook again.',
      ],
    ]);
    expect(result.notes.join(' ')).not.toContain('no “Stakeholders” sheet: stakeholders stay');
    expect(result.notes.join(' ')).not.toContain('“Fund comments” is not one this app exports');
    expect(result.indicators.unchanged).toBe(plan.indicators.length);
  });

  it('never takes another exported sheet for the Stakeholders or Indicators sheet', async () => {
    const wb = await exported(plan, 'partner');
    const ind = wb.getWorksheet('Indicators')!;
    ind.name = 'Measures';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(result.notes.join(' ')).toContain('“Measures” has its headings');
    expect(result.notes.join(' ')).toContain('no “Stakeholders” sheet');
  });
});

describe('rt-share-funder.xlsx: a cleared ID waits for a decision', () => {
  it('a new row named as an entry that keeps its own row is a likely copy: it waits too', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    const copy = sh.addRow([]);
    copy.getCell(col(sh, 'Name')).value = 'community radio ';
    copy.getCell(col(sh, 'Power (0–100)')).value = 10;
    copy.getCell(col(sh, 'Interest (0–100)')).value = 10;
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    const row = result.stakeholders.unmatched[0]!;
    expect([row.row, row.candidate.id, row.candidateRow]).toEqual([
      copy.number,
      'sh-radio',
      rowOf(sh, 'sh-radio').number,
    ]);
    expect(result.stakeholders.added).toEqual([]);
    expect(
      produce(plan, (d) => applyRoundTrip(d, decideRoundTrip(result, NO_DECISIONS), (p) => p)),
    ).toEqual(plan);
    // "It is that entry": the copy is left out, the entry read from its own row.
    const same = decideRoundTrip(result, {
      ...NO_DECISIONS,
      match: [matchKey('stakeholders', copy.number)],
    });
    expect(isEmptyPreview(same)).toBe(true);
    expect(produce(plan, (d) => applyRoundTrip(d, same, (p) => p))).toEqual(plan);
    // "Another one": added beside it, nothing offered for removal.
    const other = decideRoundTrip(result, {
      ...NO_DECISIONS,
      addNew: [matchKey('stakeholders', copy.number)],
    });
    expect(other.stakeholders.added.map((a) => [a.name, a.values.power])).toEqual([
      ['community radio ', 10],
    ]);
    expect(other.stakeholders.missing).toEqual([]);
  });

  it('Riveline Mobile: no default, apply blocked until update or add is chosen', async () => {
    const result = preview(await readRoundTripWorkbook(fixture('rt-share-funder.xlsx'), plan));
    expect(result.stakeholders.unmatched.map((u) => [u.row, u.name, u.candidate.id])).toEqual([
      [6, 'Riveline Mobile', 'sh-telecom'],
    ]);
    expect(undecidedRows(result, NO_DECISIONS)).toHaveLength(1);
    const waiting = decideRoundTrip(result, NO_DECISIONS);
    expect(waiting.stakeholders.added).toEqual([]);
    // Removal of the deleted row stays an explicit tick; Riveline is not offered while it waits.
    expect(waiting.stakeholders.missing.map((m) => m.id)).toEqual(['sh-radio']);
    const updated = decideRoundTrip(result, {
      ...NO_DECISIONS,
      match: [matchKey('stakeholders', 6)],
    });
    const next = produce(plan, (d) => applyRoundTrip(d, updated, (p) => `${p}-new`));
    expect(next.stakeholders.entries.filter((e) => e.name === 'Riveline Mobile')).toHaveLength(1);
    expect(entry(next, 'sh-telecom').actions).toEqual(entry(plan, 'sh-telecom').actions);
  });

  it('shows numbers with thousands separators and counts edits in the Content catalog sheet', async () => {
    const result = preview(await readRoundTripWorkbook(fixture('rt-share-funder.xlsx'), plan));
    expect(changesOf(result, 'ind-enrolments')).toEqual([
      { key: 'target', label: 'Target', before: '1,900', after: '1,050' },
    ]);
    const catalog = result.notes.find((n) => n.startsWith('Content catalog sheet:'));
    expect(catalog).toContain('1 cell differs from the plan (F3 Hours: “12” → “14”)');
    expect(catalog).toContain('This sheet is not read back, so nothing in it is imported');
  });
});

describe('edits in sheets that are not read back', { timeout: 30_000 }, () => {
  it('an unedited workbook has no such note, for each audience', async () => {
    for (const profile of ['internal', 'funder', 'partner'] as const) {
      const result = preview(
        await readRoundTripWorkbook(await bytesOf(await exported(plan, profile)), plan),
      );
      expect(result.notes.filter((n) => !n.includes('stay as they are'))).toEqual([]);
    }
  });

  it('names the sheet and counts the cells, and a sheet of their own', async () => {
    const wb = await exported();
    const catalog = wb.getWorksheet('Content catalog')!;
    const item = plan.content.catalog[0]!;
    const hours = col(catalog, 'Hours');
    rowOf(catalog, item.id).getCell(hours).value = 99;
    rowOf(catalog, item.id).getCell(col(catalog, 'Cost per learner')).value = 2500;
    rowOf(catalog, plan.content.catalog[1]!.id).getCell(col(catalog, 'Title')).value =
      'Renamed by the funder';
    const learners = wb.getWorksheet('Learners')!;
    learners.spliceRows(2, 1);
    wb.addWorksheet('Funder notes').getCell('A1').value = 'Looks good';
    const summary = wb.getWorksheet('Summary')!;
    let changeSought = 0;
    summary.eachRow((row, n) => {
      if (row.getCell(1).value === 'Change sought') changeSought = n;
    });
    summary.getRow(changeSought).getCell(2).value = 'More young people in digital jobs';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan));
    expect(isEmptyPreview(result)).toBe(true);
    const note = (sheet: string) => result.notes.find((n) => n.startsWith(`${sheet} sheet:`));
    expect(note('Content catalog')).toMatch(
      /^Content catalog sheet: 3 cells differ from the plan \(/,
    );
    expect(note('Content catalog')).toContain(`Hours: “${item.hours}” → “99”`);
    // Numbers shown with thousands separators (finding 14).
    expect(note('Content catalog')).toContain(
      `Cost per learner: “${item.costPerLearner}” → “2,500”`,
    );
    expect(note('Learners')).toContain('1 entry of the plan has no row');
    expect(note('Summary')).toContain('Change sought');
    expect(result.notes).toContain(
      'The sheet “Funder notes” is not one this app exports, so nothing in it is imported.',
    );
  });
});
