/** A stakeholder still in the Unplaced tray has no quadrant yet, in the Word and Excel exports too. */
import ExcelJS from 'exceljs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { matrixScene } from '../../shared/export/diagrams/matrix';
import { planDocument, type DocBlock } from '../../shared/export/document';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { exportOptions, samplePlan } from './export-helpers';

const plan = produce(samplePlan(), (d) => {
  d.stakeholders.entries[0]!.placed = false;
});
const name = plan.stakeholders.entries[0]!.name;

describe('an unplaced stakeholder in exports', () => {
  it('reads "Unplaced" in the Word register and is listed under no quadrant', () => {
    const section = planDocument(plan, exportOptions()).sections.find(
      (s) => s.id === 'stakeholders',
    )!;
    const tables = section.blocks.filter(
      (b): b is Extract<DocBlock, { type: 'table' }> => b.type === 'table',
    );
    const row = tables.flatMap((t) => t.rows).find((r) => r.includes(name))!;
    expect(row).toContain('Unplaced');
    const lists = section.blocks
      .filter((b) => b.type === 'paragraph' && 'style' in b && b.style === 'note')
      .map((b) => (b as { text: string }).text);
    expect(lists.some((text) => text.split('; ').some((n) => n.startsWith(name)))).toBe(false);
    const lead = section.blocks[0] as { text: string };
    expect(lead.text).toMatch(/Each placed one is on the power\/interest matrix/);
    expect(lead.text).toMatch(/1 entry is not yet placed on the matrix\.$/);
  });

  it('draws no marker for it on the Word matrix figure, and numbers the others as the register does', () => {
    const placed = matrixScene(samplePlan().stakeholders.entries);
    const scene = matrixScene(plan.stakeholders.entries);
    const labels = (s: typeof scene) =>
      s.shapes.flatMap((shape) => ('text' in shape ? [String(shape.text)] : []));
    expect(labels(placed)).toContain('1');
    expect(labels(scene)).not.toContain('1');
    expect(labels(scene)).toContain('2');
    expect(scene.alt).toMatch(`with ${plan.stakeholders.entries.length - 1} stakeholders`);
  });

  it('reads "Unplaced" in the Excel Stakeholders sheet, without a quadrant formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildPlanXlsx(plan, exportOptions())).slice().buffer);
    const ws = wb.getWorksheet('Stakeholders')!;
    let quadrantColumn = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (cell.value === 'Quadrant') quadrantColumn = n;
    });
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBe(name);
    expect(row.getCell(quadrantColumn).value).toBe('Unplaced');
    expect(ws.getRow(3).getCell(quadrantColumn).formula).toBeTruthy();
  });
});
