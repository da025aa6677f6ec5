/**
 * The Excel KPIs sheet prints readably (issue 14 new-user finding: it
 * printed tiny, its headings running into each other): the table is 190
 * characters wide with every text column wrapping, the side margins are
 * narrow so fit-to-width scales it less, headings over numbers and dates
 * sit on the right, text after a number column is indented from it, and
 * the status rule under the table is merged across it and wraps. (The
 * LibreOffice test of the same sheet, export-kpis.test.ts, opens it.)
 */
import { describe, expect, it } from 'vitest';
import { kpiSheet } from '../../shared/export/kpis-chapter';
import { buildPlanWorkbook } from '../../shared/export/xlsx';
import { exportOptions, samplePlan } from './export-helpers';

describe('the KPIs sheet in print', () => {
  const plan = samplePlan();

  it('is 190 characters wide, every text column wrapping', () => {
    const { columns } = kpiSheet(plan);
    expect(columns.reduce((s, c) => s + c.width, 0)).toBe(190);
    for (const c of columns) if (!c.kind) expect(c.wrap, c.header).toBe(true);
  });

  it('has narrow side margins, headings right over numbers, the rule merged and wrapped', async () => {
    const { workbook } = await buildPlanWorkbook(plan, exportOptions());
    const ws = workbook.getWorksheet('KPIs')!;
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      margins: { left: 0.25, right: 0.25 },
    });
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const at = (header: string) => headers.indexOf(header) + 1;
    expect(ws.getCell(1, at('Actual')).alignment?.horizontal).toBe('right');
    expect(ws.getCell(1, at('KPI')).alignment?.horizontal).toBeUndefined();
    // The cohort follows the expected value: indented from it.
    expect(ws.getCell(2, at('Cohort')).alignment).toMatchObject({ horizontal: 'left', indent: 2 });
    let rule = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(1).value ?? '').startsWith('Status rule:')) rule = n;
    });
    expect(rule).toBeGreaterThan(2);
    const cell = ws.getCell(rule, 1);
    expect(cell.alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell(rule, headers.length).isMerged).toBe(true);
    // Tall enough for its wrapped lines (xlsx-layout.ts sets the height of wrapped rows).
    expect(ws.getRow(rule).height).toBeGreaterThan(30);
  });
});
