/**
 * The Word power/interest matrix reads at any size (issue 12): every
 * stakeholder a small numbered marker, no two markers overlapping, each inside
 * its own quadrant; quadrant names, tick labels and axis labels never covered
 * and clear of one another; the numbers print at 8 pt or more; the key follows
 * the figure as tables by quadrant, in the profiles that may show quadrants.
 * Boxes are computed from the scene (text from its estimated glyph widths).
 */
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import type { Profile } from '../../shared/export/audience';
import {
  boxesOverlap,
  matrixDrawsArrows,
  matrixScene,
  shapeBox,
  type Box,
} from '../../shared/export/diagrams/matrix';
import type { DiagramScene, Shape } from '../../shared/export/diagrams/scene';
import { POINTS_PER_UNIT } from '../../shared/export/diagrams/tiles';
import { planDocument, statusOn, type DocBlock } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import type { Stakeholder } from '../../shared/plan/schema';
import { QUADRANT_INFO, quadrantOf, type Quadrant } from '../../shared/stakeholders/quadrants';
import { isPlaced } from '../../shared/stakeholders/register';
import { largePlan } from '../helpers/large-plan';
import { exportOptions, samplePlan } from './export-helpers';

type Rect = Extract<Shape, { type: 'rect' }>;
type Text = Extract<Shape, { type: 'text' }>;

/** The scene taken apart: quadrant boxes, markers (box + number), and every other text. */
function parts(scene: DiagramScene) {
  const shapes = scene.shapes;
  const big = shapes.filter(
    (s): s is Rect => s.type === 'rect' && s.width === s.height && s.width > 100,
  );
  expect(big).toHaveLength(4);
  const [top, bottom] = [Math.min(...big.map((r) => r.y)), Math.max(...big.map((r) => r.y))];
  const [left, right] = [Math.min(...big.map((r) => r.x)), Math.max(...big.map((r) => r.x))];
  const at = (x: number, y: number) => shapeBox(big.find((r) => r.x === x && r.y === y)!);
  const quadrants: Record<Quadrant, Box> = {
    keepSatisfied: at(left, top),
    manageClosely: at(right, top),
    monitor: at(left, bottom),
    keepInformed: at(right, bottom),
  };
  const markers = shapes.flatMap((s, i) => {
    const before = shapes[i - 1];
    return s.type === 'text' && s.bold && /^\d+$/.test(s.text) && before?.type === 'rect'
      ? [{ number: Number(s.text), box: shapeBox(before), text: s, rect: before }]
      : [];
  });
  const numbers = new Set(markers.map((m) => m.text));
  const labels = shapes.filter((s): s is Text => s.type === 'text' && !numbers.has(s));
  const plot: Box = {
    left: quadrants.keepSatisfied.left,
    top: quadrants.keepSatisfied.top,
    right: quadrants.keepInformed.right,
    bottom: quadrants.keepInformed.bottom,
  };
  return { quadrants, markers, labels, plot };
}

const inside = (inner: Box, outer: Box, margin = 0) =>
  inner.left >= outer.left + margin - 1e-6 &&
  inner.top >= outer.top + margin - 1e-6 &&
  inner.right <= outer.right - margin + 1e-6 &&
  inner.bottom <= outer.bottom - margin + 1e-6;

/** Every geometric promise of the figure; returns the problems found (empty = all kept). */
function problems(entries: readonly Stakeholder[]): string[] {
  const scene = matrixScene(entries);
  const { quadrants, markers, labels, plot } = parts(scene);
  const found: string[] = [];
  const placed = entries.flatMap((e, i) => (isPlaced(e) ? [i + 1] : []));
  if (markers.map((m) => m.number).join() !== placed.join())
    found.push('markers are not the placed entries, numbered in register order');
  for (const [i, m] of markers.entries()) {
    const entry = entries[m.number - 1]!;
    if (!inside(m.box, quadrants[quadrantOf(entry)], 1))
      found.push(`marker ${m.number} is not inside its quadrant`);
    const digits = shapeBox(m.text);
    if (digits.right - digits.left > m.box.right - m.box.left)
      found.push(`marker ${m.number}: its number is wider than the marker`);
    for (const other of markers.slice(i + 1))
      if (boxesOverlap(m.box, other.box, 0))
        found.push(`markers ${m.number} and ${other.number} overlap`);
    for (const label of labels)
      if (boxesOverlap(m.box, shapeBox(label), 0))
        found.push(`marker ${m.number} covers "${label.text}"`);
  }
  for (const [i, label] of labels.entries()) {
    for (const other of labels.slice(i + 1))
      // Lines of one label (a name and its summary) may sit close; a tick label keeps clear.
      if (
        boxesOverlap(
          shapeBox(label),
          shapeBox(other),
          /^\d+$/.test(label.text) || /^\d+$/.test(other.text) ? 3 : 0,
        )
      )
        found.push(`"${label.text}" touches "${other.text}"`);
    if (boxesOverlap(shapeBox(label), plot, 0)) found.push(`"${label.text}" is inside the plot`);
    if (shapeBox(label).left < 0 || shapeBox(label).right > scene.width)
      found.push(`"${label.text}" is outside the figure`);
  }
  return found;
}

/** A stakeholder like the sample's first, at the given scores. */
function at(
  i: number,
  power: number,
  interest: number,
  more: Partial<Stakeholder> = {},
): Stakeholder {
  const base = samplePlan().stakeholders.entries[0]!;
  return { ...base, id: `s${i}`, name: `Stakeholder ${i}`, power, interest, ...more };
}

const sample = samplePlan();
const large = largePlan({
  tocElements: 40,
  stakeholders: 300,
  catalogItems: 20,
  logicModelCopies: 1,
});

describe('the matrix figure', () => {
  it('has the sample’s 22 markers apart, in their quadrants, covering no name or axis label', () => {
    expect(problems(sample.stakeholders.entries)).toEqual([]);
    const { markers, labels } = parts(matrixScene(sample.stakeholders.entries));
    expect(markers).toHaveLength(22);
    // The faults the issue saw: marker 3 over "Keep satisfied", the power label on the "50".
    const name = labels.find((l) => l.text === QUADRANT_INFO.keepSatisfied.label)!;
    expect(boxesOverlap(markers.find((m) => m.number === 3)!.box, shapeBox(name))).toBe(false);
    const fifty = labels.filter((l) => l.text === '50');
    expect(fifty).toHaveLength(2);
    for (const word of labels.filter((l) => ['Power', 'over the', 'program'].includes(l.text)))
      for (const tick of fifty) expect(boxesOverlap(shapeBox(word), shapeBox(tick), 4)).toBe(false);
  });

  it('keeps 300 stakeholders apart, each in its quadrant, on a plot no larger than the sample’s', () => {
    const entries = large.stakeholders.entries;
    expect(entries).toHaveLength(300);
    expect(problems(entries)).toEqual([]);
    const scene = matrixScene(entries);
    expect(scene.width).toBe(matrixScene(sample.stakeholders.entries).width);
    // Too crowded for arrows: the key tables say where the team wants them instead.
    expect(scene.shapes.some((s) => s.type === 'line' && s.dash?.length && s.arrow)).toBe(false);
    expect(matrixDrawsArrows(entries)).toBe(false);
    expect(matrixDrawsArrows(sample.stakeholders.entries)).toBe(true);
  });

  it('keeps its promises for any set of positions, crowded or not', () => {
    const entry = fc.record({
      power: fc.integer({ min: 0, max: 100 }),
      interest: fc.integer({ min: 0, max: 100 }),
      partner: fc.boolean(),
      placed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 0, maxLength: 160 }),
        fc.integer({ min: 0, max: 60 }),
        (list, pile) => {
          // Some piled on one spot (a workshop that scored many alike), some spread.
          const entries = [
            ...list.map((e, i) =>
              at(i, e.power, e.interest, {
                relation: e.partner ? 'partner' : 'stakeholder',
                placed: e.placed || i % 3 !== 0,
              }),
            ),
            ...Array.from({ length: pile }, (_, i) => at(list.length + i, 50, 50)),
          ];
          expect(problems(entries)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 30_000);

  it('holds a quadrant crammed with hundreds on one spot (the plot grows rather than overlap)', () => {
    const entries = Array.from({ length: 400 }, (_, i) => at(i, 100, 0));
    expect(problems(entries)).toEqual([]);
  }, 30_000);
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

describe('the matrix in the Word file', () => {
  it.each([
    ['the sample', sample],
    ['300 stakeholders', large],
  ])(
    'prints whole, its numbers and labels at 8 pt or more (%s)',
    async (_, plan) => {
      const docx = await buildPlanDocx(
        plan,
        exportOptions({ sections: ['stakeholders'], rasterize: await createNodeRasterizer() }),
      );
      const matrix = drawings(docx).filter(({ svg }) => svg.includes('Power/interest matrix'));
      // One part: the matrix is never cut across pages.
      expect(matrix).toHaveLength(1);
      const { widthPt, svg } = matrix[0]!;
      const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
      const scale = widthPt / POINTS_PER_UNIT / width;
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(plan.stakeholders.entries.length);
      expect(Math.min(...sizes) * scale * POINTS_PER_UNIT).toBeGreaterThanOrEqual(8);
    },
    60_000,
  );
});

const tables = (blocks: readonly DocBlock[]) =>
  blocks.filter((b): b is Extract<DocBlock, { type: 'table' }> => b.type === 'table');

/** The stakeholder chapter's blocks from the figure's key on, up to the register. */
function keyBlocks(plan: typeof sample, profile: Profile): DocBlock[] {
  const blocks = planDocument(plan, exportOptions({ profile })).sections.find(
    (s) => s.id === 'stakeholders',
  )!.blocks;
  const from = blocks.findIndex(
    (b) => b.type === 'heading' && b.text === 'Engagement approach by quadrant',
  );
  const to = blocks.findIndex((b) => b.type === 'heading' && b.text === 'Register');
  expect(to).toBeGreaterThan(0);
  return from < 0 ? [] : blocks.slice(from, to);
}

describe('the key to the matrix', () => {
  it.each(['internal', 'funder'] as const)(
    'follows the figure as a table per quadrant: number, stakeholder, organisation (%s)',
    (profile) => {
      const entries = sample.stakeholders.entries;
      const blocks = planDocument(sample, exportOptions({ profile })).sections.find(
        (s) => s.id === 'stakeholders',
      )!.blocks;
      const figure = blocks.findIndex((b) => b.type === 'diagram');
      expect(blocks[figure + 1]).toMatchObject({
        type: 'heading',
        text: 'Engagement approach by quadrant',
      });
      const key = keyBlocks(sample, profile);
      const seen: string[] = [];
      let quadrant: Quadrant | null = null;
      for (const block of key) {
        if (block.type === 'heading' && block.level === 3)
          quadrant = (Object.keys(QUADRANT_INFO) as Quadrant[]).find((q) =>
            block.text.startsWith(`${QUADRANT_INFO[q].label} (`),
          )!;
        if (block.type !== 'table') continue;
        expect(block.columns.map((c) => c.title)).toEqual(['No.', 'Stakeholder', 'Organisation']);
        for (const [number, name, organisation] of block.rows) {
          const entry = entries[Number(number) - 1]!;
          expect(name).toBe(entry.name);
          expect(organisation).toBe(entry.organisation);
          expect(quadrantOf(entry)).toBe(quadrant);
          seen.push(number!);
        }
      }
      // Every placed stakeholder once, in register order within its quadrant.
      expect(seen.map(Number).sort((a, b) => a - b)).toEqual(entries.map((_, i) => i + 1));
      for (const t of tables(key))
        expect(t.rows.map((r) => Number(r[0]))).toEqual(
          [...t.rows.map((r) => Number(r[0]))].sort((a, b) => a - b),
        );
    },
  );

  it('is left out of the partner-safe file with the figure, the numbers and every quadrant', () => {
    const blocks = planDocument(sample, exportOptions({ profile: 'partner' })).sections.find(
      (s) => s.id === 'stakeholders',
    )!.blocks;
    expect(blocks.some((b) => b.type === 'diagram')).toBe(false);
    expect(keyBlocks(sample, 'partner')).toEqual([]);
    const text = JSON.stringify(blocks);
    for (const q of Object.values(QUADRANT_INFO)) {
      expect(text).not.toContain(q.label);
      expect(text).not.toContain(q.summary);
    }
    for (const t of tables(blocks)) expect(t.columns.map((c) => c.title)).not.toContain('No.');
  });

  it('says where the team wants them when the figure is too crowded for arrows', () => {
    const key = tables(keyBlocks(large, 'funder'));
    const moving = key.filter((t) => t.columns.some((c) => c.title === 'Team wants them in'));
    expect(moving.length).toBeGreaterThan(0);
    const entries = large.stakeholders.entries;
    for (const t of moving)
      for (const row of t.rows) {
        const entry = entries[Number(row[0]) - 1]!;
        const wanted = entry.desiredPosition ? quadrantOf(entry.desiredPosition) : null;
        expect(row.at(-1)).toBe(
          wanted && wanted !== quadrantOf(entry) ? QUADRANT_INFO[wanted].label : '—',
        );
      }
    // The sample's figure draws its arrows, so its key needs no such column.
    for (const t of tables(keyBlocks(sample, 'funder')))
      expect(t.columns.map((c) => c.title)).not.toContain('Team wants them in');
  });
});

describe('engagement statuses in the Word file', () => {
  const asOf = '2026-11-22';
  it('reads as a person writes them, as of the chosen date', () => {
    expect(statusOn({ done: true, when: '2026-01-01' }, asOf)).toBe('Done');
    expect(statusOn({ done: false, when: null }, asOf)).toBe('No date set');
    expect(statusOn({ done: false, when: '2026-11-21' }, asOf)).toBe('Overdue');
    expect(statusOn({ done: false, when: '2026-11-22' }, asOf)).toBe('Due today');
    expect(statusOn({ done: false, when: '2026-11-23' }, asOf)).toBe('Due tomorrow');
    // Later: never "Due in 157 days"; the row's When column gives the date.
    expect(statusOn({ done: false, when: '2026-11-27' }, asOf)).toBe('Not yet due');
    expect(statusOn({ done: false, when: '2027-04-28' }, asOf)).toBe('Not yet due');
  });

  it('never counts days anywhere in the document, and dates every open action', () => {
    for (const profile of ['internal', 'funder'] as const) {
      const doc = planDocument(large, exportOptions({ profile, asOf: '2027-02-20' }));
      expect(JSON.stringify(doc)).not.toMatch(/(Due in|Overdue by) \d+ days?/);
      const plan = tables(doc.sections.find((s) => s.id === 'stakeholders')!.blocks).find(
        (t) => t.columns.at(-1)?.title === 'Status on 20 February 2027',
      )!;
      expect(plan.columns[0]!.title).toBe('When');
      const statuses = new Set(plan.rows.map((r) => r.at(-1)!));
      expect(statuses).toContain('Overdue');
      expect(statuses).toContain('Not yet due');
      for (const status of statuses)
        expect(['Done', 'Overdue', 'Due today', 'Due tomorrow', 'Not yet due']).toContain(status);
      for (const row of plan.rows)
        if (row.at(-1) !== 'Done') expect(row[0]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    }
  });
});
