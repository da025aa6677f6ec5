/**
 * The Excel round trip: export the sample plan's workbook, edit it the way a
 * recipient would, read it back, check the preview, apply it in one step —
 * and refuse bad workbooks with a clear message, changing nothing.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  applyRoundTrip,
  decideRoundTrip,
  isEmptyPreview,
  readRoundTripWorkbook,
  removalKey,
  type RoundTripResult,
} from '../../shared/export/roundtrip';
import type { Profile } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { bytesOf, col, exportOptions, rowOf, samplePlan } from './export-helpers';

const plan = samplePlan();

async function exported(profile: Profile = 'internal'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildPlanXlsx(plan, exportOptions({ profile }))).slice().buffer);
  return wb;
}

function expectFailure(result: RoundTripResult, text: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect([result.message, ...result.details].join(' ')).toContain(text);
}

/** The problems of a preview that can still be applied, as one text. */
function expectProblem(result: RoundTripResult, text: string) {
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.preview.problems.map((p) => p.message).join(' ')).toContain(text);
}

describe('round trip of an unedited workbook', { timeout: 30_000 }, () => {
  it('changes nothing', async () => {
    for (const profile of ['internal', 'funder'] as const) {
      const result = await readRoundTripWorkbook(await bytesOf(await exported(profile)), plan);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.preview.stakeholders.unchanged).toBe(plan.stakeholders.entries.length);
      expect(result.preview.indicators.unchanged).toBe(plan.indicators.length);
      expect(isEmptyPreview(result.preview)).toBe(true);
    }
  });

  it('reads the indicators of a partner-safe workbook and leaves stakeholders alone', async () => {
    // Partner-safe writes no power or interest, so its stakeholder list is not the round-trip sheet.
    const wb = await exported('partner');
    expect(wb.getWorksheet('Stakeholders')).toBeUndefined();
    expect(wb.getWorksheet('Partners and stakeholders')).toBeDefined();
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.indicators.unchanged).toBe(plan.indicators.length);
    expect(isEmptyPreview(result.preview)).toBe(true);
    expect(result.preview.notes.join(' ')).toContain('no “Stakeholders” sheet');
  });
});

describe('one measurement framework in the workbook (issue 10)', { timeout: 30_000 }, () => {
  it('shares an indicator between elements listed in Measures (IDs)', async () => {
    const wb = await exported();
    const ind = wb.getWorksheet('Indicators')!;
    const indicator = plan.indicators.find((i) => i.subjectIds.length === 1)!;
    const other = plan.logicModel.items.find((i) => !indicator.subjectIds.includes(i.id))!;
    rowOf(ind, indicator.id).getCell(col(ind, 'Measures (IDs)')).value =
      `${indicator.subjectIds[0]}, ${other.id}`;
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const next = structuredClone(plan);
    applyRoundTrip(next, result.preview, (prefix) => `${prefix}-new`);
    expect(next.indicators.find((i) => i.id === indicator.id)!.subjectIds).toEqual([
      indicator.subjectIds[0],
      other.id,
    ]);
  });

  it('still reads a workbook from plan format 1 (heading “Measures (ID)”)', async () => {
    const wb = await exported();
    const ind = wb.getWorksheet('Indicators')!;
    ind.getRow(1).getCell(col(ind, 'Measures (IDs)')).value = 'Measures (ID)';
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expect(result.ok).toBe(true);
    if (result.ok) expect(isEmptyPreview(result.preview)).toBe(true);
  });
});

describe('round trip of an edited workbook', { timeout: 30_000 }, () => {
  it('previews added, changed and removed rows field by field, and applies them', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    const first = plan.stakeholders.entries[0]!;
    const removedId = plan.stakeholders.entries[1]!.id;
    rowOf(sh, first.id).getCell(col(sh, 'Power (0–100)')).value = 20;
    rowOf(sh, first.id).getCell(col(sh, 'Current stance')).value = 'Leading';
    sh.spliceRows(rowOf(sh, removedId).number, 1);
    const added = sh.addRow([]);
    added.getCell(col(sh, 'Name')).value = 'Regional Chamber of Crafts';
    added.getCell(col(sh, 'Power (0–100)')).value = 35;
    added.getCell(col(sh, 'Interest (0–100)')).value = 75;
    added.getCell(col(sh, 'Relation')).value = 'Partner';
    added.getCell(col(sh, 'Partner type')).value = 'Outreach';
    added.getCell(col(sh, 'Next checkpoint')).value = new Date(Date.UTC(2027, 2, 15));
    const ind = wb.getWorksheet('Indicators')!;
    const indicator = plan.indicators[0]!;
    rowOf(ind, indicator.id).getCell(col(ind, 'Target')).value = 4500;

    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { stakeholders, indicators } = result.preview;
    expect(stakeholders.changed).toEqual([
      expect.objectContaining({
        id: first.id,
        changes: [
          { key: 'power', label: 'Power (0–100)', before: String(first.power), after: '20' },
          {
            key: 'currentStance',
            label: 'Current stance',
            before: 'Supportive',
            after: 'Leading',
          },
        ],
      }),
    ]);
    // A deleted row is only removed when the planner ticks it (issue 11).
    expect(stakeholders.removed).toEqual([]);
    expect(stakeholders.missing).toEqual([
      { id: removedId, name: plan.stakeholders.entries[1]!.name },
    ]);
    expect(stakeholders.added).toHaveLength(1);
    expect(stakeholders.added[0]!.name).toBe('Regional Chamber of Crafts');
    expect(indicators.changed).toEqual([
      expect.objectContaining({
        id: indicator.id,
        // Shown with thousands separators (issue 11, new-user finding 14).
        changes: [{ key: 'target', label: 'Target', before: '4,000', after: '4,500' }],
      }),
    ]);

    const kept = produce(plan, (draft) => applyRoundTrip(draft, result.preview, (p) => `${p}-new`));
    expect(kept.stakeholders.entries.some((e) => e.id === removedId)).toBe(true);
    const confirmed = decideRoundTrip(result.preview, {
      remove: [removalKey('stakeholders', removedId)],
      match: [],
    });
    expect(confirmed.stakeholders.removed.map((r) => r.id)).toEqual([removedId]);
    const next = produce(plan, (draft) => applyRoundTrip(draft, confirmed, (p) => `${p}-new`));
    const entries = next.stakeholders.entries;
    expect(entries.find((e) => e.id === first.id)).toMatchObject({
      power: 20,
      currentStance: 'leading',
    });
    expect(entries.some((e) => e.id === removedId)).toBe(false);
    expect(entries.find((e) => e.id === 'sh-new')).toMatchObject({
      name: 'Regional Chamber of Crafts',
      relation: 'partner',
      partnerType: 'outreach',
      power: 35,
      interest: 75,
      nextCheckpoint: '2027-03-15',
    });
    // Fields the sheet does not carry (actions, history) survive.
    expect(entries.find((e) => e.id === first.id)!.actions).toEqual(first.actions);
    expect(next.indicators.find((i) => i.id === indicator.id)!.target.value).toBe(4500);
    expect(next.stakeholders.entries).toHaveLength(plan.stakeholders.entries.length);
  });

  it('keeps contacts and notes when a funder workbook comes back', async () => {
    const wb = await exported('funder');
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expect(result.ok && result.preview.notes.join(' ')).toContain('contacts and notes stay');
    if (!result.ok) return;
    const next = produce(plan, (draft) => applyRoundTrip(draft, result.preview, (p) => p));
    expect(next.stakeholders.entries.map((e) => e.contact)).toEqual(
      plan.stakeholders.entries.map((e) => e.contact),
    );
  });
});

describe('bad workbooks change nothing and say why', { timeout: 30_000 }, () => {
  it('refuses files that are not xlsx', async () => {
    expectFailure(
      await readRoundTripWorkbook(strToU8('name,power\nA,1'), plan, 'edited.csv'),
      'not an Excel workbook',
    );
    expectFailure(
      await readRoundTripWorkbook(zipSync({ 'word/document.xml': strToU8('<w/>') }), plan),
      'not an Excel workbook',
    );
    expectFailure(await readRoundTripWorkbook(new Uint8Array(), plan), 'empty');
  });

  it('refuses files over 10 MB before reading them', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expectFailure(await readRoundTripWorkbook(big, plan), 'at most 10 MB');
  });

  it('refuses zip bombs before exceljs inflates them', { timeout: 30_000 }, async () => {
    // 24 MB of zeros compresses to about 24 KB: a 1,000× expansion.
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(24 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expectFailure(await readRoundTripWorkbook(bomb, plan), 'zip bomb');
    const many: Record<string, Uint8Array> = { 'xl/workbook.xml': strToU8('<x/>') };
    for (let i = 0; i < 5000; i++) many[`xl/p${i}.xml`] = strToU8('<x/>');
    expectFailure(await readRoundTripWorkbook(zipSync(many), plan), 'internal parts');
  });

  it('refuses a workbook without the sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Name', 'Power']);
    expectFailure(
      await readRoundTripWorkbook(await bytesOf(wb), plan),
      'no “Stakeholders” or “Indicators” sheet',
    );
  });

  it('refuses renamed and missing headings, naming them', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    sh.getRow(1).getCell(col(sh, 'Power (0–100)')).value = 'Influence';
    // A renamed required heading: that sheet is not read (the Indicators sheet still is, since
    // new-user finding 12); the unknown heading is named to explain it.
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expectProblem(result, '“Influence” is not one this app exports');
    expectProblem(result, '“Power (0–100)” is missing');
    expectProblem(result, 'The Stakeholders sheet was not read: stakeholders stay as they are.');
    if (!result.ok) return;
    expect(result.preview.stakeholders.present).toBe(false);
    expect(result.preview.indicators.unchanged).toBe(plan.indicators.length);
    // Both sheets unreadable: nothing is imported at all.
    const ind = wb.getWorksheet('Indicators')!;
    ind.getRow(1).getCell(col(ind, 'Indicator')).value = 'Measure';
    expectFailure(
      await readRoundTripWorkbook(await bytesOf(wb), plan),
      '“Power (0–100)” is missing',
    );
    expectFailure(await readRoundTripWorkbook(await bytesOf(wb), plan), '“Indicator” is missing');
  });

  it('refuses wrong types, naming the row and column', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    sh.getRow(3).getCell(col(sh, 'Interest (0–100)')).value = 'very high';
    sh.getRow(4).getCell(col(sh, 'Next checkpoint')).value = 'soon';
    sh.getRow(5).getCell(col(sh, 'Relation')).value = 'Friend';
    const ind = wb.getWorksheet('Indicators')!;
    ind.getRow(2).getCell(col(ind, 'Baseline')).value = 'n/a';
    ind.getRow(3).getCell(col(ind, 'Measures (IDs)')).value = 'nowhere';
    sh.getRow(5).getCell(col(sh, 'Power (0–100)')).value = 12;
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    // Since new-user finding 12 each bad cell is a problem left as it is, not a refusal of the file.
    expectProblem(
      result,
      'Stakeholders sheet, row 3, Interest (0–100): “very high” is not a number from 0 to 100',
    );
    expectProblem(result, 'row 4, Next checkpoint: “soon” is not a date');
    expectProblem(result, 'row 5, Relation: “Friend” is not one of Stakeholder, Partner');
    expectProblem(result, 'Indicators sheet, row 2, Baseline: “n/a” is not a number');
    expectProblem(result, 'row 3, Measures (IDs): “nowhere” is not an element');
    if (!result.ok) return;
    expect(result.preview.problems.every((p) => p.effect === 'cell')).toBe(true);
    // The row's other change (Power 12 on row 5) is applied; the bad cells keep the plan's values.
    const row5 = plan.stakeholders.entries[3]!;
    expect(result.preview.stakeholders.changed).toEqual([
      expect.objectContaining({
        id: row5.id,
        changes: [
          { key: 'power', label: 'Power (0–100)', before: String(row5.power), after: '12' },
        ],
      }),
    ]);
    expect(result.preview.indicators.changed).toEqual([]);
    const next = produce(plan, (d) => applyRoundTrip(d, result.preview, (p) => p));
    expect(next.stakeholders.entries[3]).toEqual({ ...row5, power: 12 });
    expect(next.stakeholders.entries[1]).toEqual(plan.stakeholders.entries[1]);
    expect(next.indicators).toEqual(plan.indicators);
  });

  it('refuses duplicate IDs', async () => {
    const wb = await exported();
    const sh = wb.getWorksheet('Stakeholders')!;
    sh.getRow(3).getCell(1).value = sh.getRow(2).getCell(1).value;
    const result = await readRoundTripWorkbook(await bytesOf(wb), plan);
    expectProblem(result, 'IDs must be unique');
    expectProblem(result, 'so this row is not imported (row 2 is)');
    if (!result.ok) return;
    expect(result.preview.problems.map((p) => [p.row, p.effect])).toEqual([[3, 'row']]);
    // Row 3's own entry has no row left: kept unless ticked, never silently removed.
    expect(result.preview.stakeholders.missing.map((m) => m.id)).toEqual([
      plan.stakeholders.entries[1]!.id,
    ]);
  });
});
