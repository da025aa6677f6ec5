/**
 * The Excel round trip with LibreOffice as the recipient's spreadsheet: the
 * sample plan's workbook, opened and saved again as .xlsx by LibreOffice
 * (its own writer, its own styles and shared strings), imports back as "no
 * changes" — and an added column and a note row above the headings, saved
 * by LibreOffice, are passed over and said so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { isEmptyPreview, readRoundTripWorkbook } from '../../shared/export/roundtrip';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { exportOptions, samplePlan } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const work = mkdtempSync(join(tmpdir(), 'upskill-lo-roundtrip-'));
const profile = `file://${join(work, 'profile')}`;
const plan = samplePlan();

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The workbook as LibreOffice saves it again (Calc's "Excel 2007-365" filter). */
function resavedByLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
  const dir = join(work, name);
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return new Uint8Array(readFileSync(join(out, `${name}.xlsx`)));
}

describe.skipIf(!existsSync(SOFFICE))(
  'round trip through LibreOffice',
  { timeout: 180_000 },
  () => {
    it('an unedited workbook saved again by LibreOffice changes nothing', async () => {
      for (const profileName of ['internal', 'funder'] as const) {
        const bytes = resavedByLibreOffice(
          await buildPlanXlsx(plan, exportOptions({ profile: profileName })),
          `unedited-${profileName}`,
        );
        const result = await readRoundTripWorkbook(bytes, plan);
        if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
        expect(isEmptyPreview(result.preview)).toBe(true);
        expect(result.preview.stakeholders.missing).toEqual([]);
        expect(result.preview.indicators.missing).toEqual([]);
        // No column, heading row or quadrant worth a remark (LibreOffice keeps the formulas).
        expect(result.preview.notes).toEqual(
          profileName === 'internal'
            ? []
            : [
                'The Stakeholders sheet has no Contact or Internal notes column (a Funder export): contacts and notes stay as they are.',
              ],
        );
      }
    });

    it('an added column and a note row, saved by LibreOffice, are passed over and said so', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildPlanXlsx(plan, exportOptions())).slice().buffer);
      const ind = wb.getWorksheet('Indicators')!;
      ind.getRow(1).getCell(ind.actualColumnCount + 1).value = 'Funder comments';
      ind.spliceRows(1, 0, ['Reviewed by the Skills Fund board']);
      const bytes = resavedByLibreOffice(
        new Uint8Array(await wb.xlsx.writeBuffer()),
        'column-and-note',
      );
      const result = await readRoundTripWorkbook(bytes, plan);
      if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
      expect(isEmptyPreview(result.preview)).toBe(true);
      expect(result.preview.notes).toEqual(
        expect.arrayContaining([
          'Indicators sheet: the column “Funder comments” is not one this app exports, so it is ignored: nothing in it is imported.',
          'Indicators sheet: the headings are on row 2; the row above them is passed over.',
        ]),
      );
    });
  },
);
