/** Shared helpers for the export tests: the sample plan, options, and reading files back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { ALL_SECTION_IDS, type ExportOptions } from '../../shared/export/options';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';

/** The bundled sample plan, parsed. */
export function samplePlan(): Plan {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

/** Export options with every section, a fixed date and no rasteriser. */
export function exportOptions(overrides: Partial<ExportOptions> = {}): ExportOptions {
  return { profile: 'internal', sections: ALL_SECTION_IDS, asOf: '2026-11-22', ...overrides };
}

/** The text of every XML part of a zip (docx/xlsx) matching `pattern`, tags removed. */
export function zipText(bytes: Uint8Array, pattern: RegExp): string {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => pattern.test(name))
    .map(([, data]) => strFromU8(data))
    .join('\n');
}

/** Decodes the XML entities our builders and exceljs write. */
export function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/* eslint-disable no-control-regex -- these are exactly the characters under test */
/** Every character XML 1.0 forbids (what Word refuses to open). */
export const XML_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */

/** Column number of `header` on row `headingRow` of a sheet. @throws when no cell holds it. */
export function col(ws: ExcelJS.Worksheet, header: string, headingRow = 1): number {
  let found = 0;
  ws.getRow(headingRow).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The row whose first cell holds `id`. @throws when there is none. */
export function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}

/** A workbook's bytes, as an edited file comes back. */
export const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> =>
  new Uint8Array(await wb.xlsx.writeBuffer());
