/**
 * Figures a ministry can read in print (issue 12): diagram text never prints
 * below 8 pt; a figure too large for that on one page is cut into parts at
 * the gaps between boxes, with lettered markers where arrows continue; running
 * text stays on portrait pages, wide tables and figures get pages of their own.
 */
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import type { DiagramScene, Shape } from '../../shared/export/diagrams/scene';
import {
  MIN_PRINTED_TEXT_PT,
  POINTS_PER_UNIT,
  printDiagram,
  smallestText,
} from '../../shared/export/diagrams/tiles';
import { tocScene } from '../../shared/export/diagrams/toc';
import { planDocument, type DocBlock } from '../../shared/export/document';
import { buildPlanDocx, pageRuns } from '../../shared/export/docx';
import { exportOptions, samplePlan } from './export-helpers';

/** A grid of boxes with a title each, linked to the box above. */
function gridScene(columns: number, rows: number): DiagramScene {
  const shapes: Shape[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const x = 20 + c * 260;
      const y = 20 + r * 140;
      shapes.push(
        { type: 'rect', x, y, width: 220, height: 84, fill: '#fff', stroke: '#000' },
        { type: 'text', x: x + 10, y: y + 30, text: `Box ${r}.${c}`, size: 11, fill: '#000' },
      );
      if (r > 0)
        shapes.push({
          type: 'line',
          x1: x + 110,
          y1: y,
          x2: x + 110 + (c % 2 ? 40 : 0),
          y2: y - 56,
          stroke: '#000',
          strokeWidth: 1,
          arrow: true,
        });
    }
  return { width: 40 + columns * 260, height: 40 + rows * 140, shapes, alt: 'A grid.' };
}

const rects = (scene: DiagramScene) =>
  scene.shapes.filter((s): s is Extract<Shape, { type: 'rect' }> => s.type === 'rect');

describe('printing a diagram legibly', () => {
  const page = { width: 971, height: 560 };

  it('prints a figure that fits whole, on one part, not blown up', () => {
    const printed = printDiagram(gridScene(2, 2), page);
    expect(printed.tiles).toHaveLength(1);
    expect(printed.scale).toBeLessThanOrEqual(1.25);
    expect(printed.smallestTextPt).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT);
  });

  it('cuts a large figure into page-sized parts between its boxes, never shrinking text below 8 pt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (c, r) => {
        const scene = gridScene(c, r);
        const printed = printDiagram(scene, page);
        expect(smallestText(scene) * printed.scale * POINTS_PER_UNIT).toBeGreaterThanOrEqual(
          MIN_PRINTED_TEXT_PT - 1e-9,
        );
        for (const tile of printed.tiles) {
          expect(tile.scene.width * printed.scale).toBeLessThanOrEqual(page.width + 1e-6);
          expect(tile.scene.height * printed.scale).toBeLessThanOrEqual(page.height + 1e-6);
          // Every box in a part lies wholly inside it: the cuts fall in the gaps.
          for (const box of rects(tile.scene)) {
            expect(box.x).toBeGreaterThanOrEqual(0);
            expect(box.y).toBeGreaterThanOrEqual(0);
            expect(box.x + box.width).toBeLessThanOrEqual(tile.scene.width + 1e-6);
            expect(box.y + box.height).toBeLessThanOrEqual(tile.scene.height + 1e-6);
          }
        }
        // Each box is drawn whole exactly once.
        const boxes = printed.tiles.flatMap((t) =>
          rects(t.scene).filter((b) => b.width === 220 && b.height === 84),
        );
        expect(boxes).toHaveLength(c * r);
      }),
      { numRuns: 40 },
    );
  });

  it('marks an arrow that crosses a cut with the same letter on both parts', () => {
    const printed = printDiagram(gridScene(2, 8), page);
    expect(printed.rows).toBeGreaterThan(1);
    const letters = printed.tiles.map((t) =>
      t.scene.shapes.flatMap((s) => (s.type === 'text' && /^[A-Z]+$/.test(s.text) ? [s.text] : [])),
    );
    const all = letters.flat();
    expect(all.length).toBeGreaterThan(0);
    for (const letter of new Set(all)) expect(all.filter((l) => l === letter)).toHaveLength(2);
    expect(printed.tiles[0]!.scene.alt).toMatch(/arrows marked A/);
  });
});

/** Each drawing of a Word file: its printed width (pt) and the SVG it shows. */
function drawings(docx: Uint8Array): { widthPt: number; svg: string }[] {
  const files = unzipSync(docx);
  const body = strFromU8(files['word/document.xml']!);
  const rels = strFromU8(files['word/_rels/document.xml.rels']!);
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return [...body.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map(([drawing]) => {
    const cx = Number(/<wp:extent cx="(\d+)"/.exec(drawing)![1]);
    const svgId = /svgBlip[^>]*r:embed="([^"]+)"/.exec(drawing)![1]!;
    return { widthPt: cx / 12_700, svg: strFromU8(files[`word/${target(svgId)!}`]!) };
  });
}

describe('the Word document', () => {
  // The whole sample with every figure rasterised (the KPI chapter adds a dozen charts): more than the default 5 s on a busy machine.
  it(
    'prints every figure of the sample with its smallest text at 8 pt or more',
    { timeout: 30_000 },
    async () => {
      const docx = await buildPlanDocx(
        samplePlan(),
        exportOptions({ rasterize: await createNodeRasterizer() }),
      );
      const figures = drawings(docx);
      expect(figures.length).toBeGreaterThanOrEqual(3);
      for (const { widthPt, svg } of figures) {
        const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
        const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        const scale = widthPt / POINTS_PER_UNIT / width;
        expect(Math.min(...sizes) * scale * POINTS_PER_UNIT).toBeGreaterThanOrEqual(7.95);
      }
    },
  );

  it('sets running text on portrait pages, wide tables and figures on pages of their own', () => {
    const doc = planDocument(samplePlan(), exportOptions());
    const runs = Object.fromEntries(doc.sections.map((s) => [s.id, pageRuns(s.blocks)]));
    const pages = (id: string) => runs[id]!.map((r) => r.page);
    expect(pages('objective')).toEqual(['portrait']);
    expect(pages('pathways')).toEqual(['portrait']);
    // The catalog table has nine columns: with its short introduction, landscape.
    expect(pages('catalog')).toEqual(['landscape']);
    // The theory of change's text first, its figure on a large page, its tables portrait.
    expect(pages('theoryOfChange')).toEqual(['portrait', 'a3Landscape', 'portrait']);
    const wide = (b: DocBlock) => b.type === 'table' && b.columns.length > 6;
    for (const sectionRuns of Object.values(runs))
      for (const run of sectionRuns) if (run.blocks.some(wide)) expect(run.page).toBe('landscape');
  });

  it('keeps every table heading row with its first body rows (never one row at a page foot)', async () => {
    const files = unzipSync(await buildPlanDocx(samplePlan(), exportOptions()));
    const body = strFromU8(files['word/document.xml']!);
    const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([r]) => r);
      if (rows.length < 2 || !rows[0]!.includes('w:tblHeader')) continue;
      expect(rows[0]).toContain('<w:keepNext/>');
      if (rows.length > 3) expect(rows[1]).toContain('<w:keepNext/>');
      expect(rows.at(-1)).not.toContain('<w:keepNext/>');
    }
  });

  it('splits the sample theory of change by level: the whole pathway on one part', () => {
    const printed = printDiagram(tocScene(samplePlan()), { width: 1436, height: 871 });
    const titles = (i: number) =>
      printed.tiles[i]!.scene.shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));
    expect(printed.tiles.length).toBeLessThanOrEqual(2);
    expect(titles(0)).toContain('IMPACT');
    expect(titles(0)).toContain('INTERVENTION');
  });
});
