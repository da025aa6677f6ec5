/**
 * Texts beyond the Basic Multilingual Plane (emoji, CJK extension B) and
 * multi-code-point characters (accents, flags, ZWJ sequences) reach the
 * Excel and Word files whole, whatever their length and wherever they fall
 * in the file: no part holds U+FFFD, a lone surrogate or bytes that are not
 * UTF-8, and the round trip gives back exactly the text.
 *
 * Two faults this pins (issue 12): the cut to Excel's 32,767-unit cell limit
 * split a surrogate pair or a grapheme cluster, and JSZip (inside exceljs)
 * encoded each 16,384-unit chunk of a part on its own, turning an emoji that
 * straddled a chunk into two U+FFFD.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { produce } from 'immer';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../shared/export/diagrams/scene';
import { buildPlanDocx } from '../../shared/export/docx';
import {
  applyRoundTrip,
  isEmptyPreview,
  readRoundTripWorkbook,
  type RoundTripResult,
} from '../../shared/export/roundtrip';
import { cellText, MAX_CELL_CHARS } from '../../shared/export/sanitize';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { Plan } from '../../shared/plan/schema';
import { cutText, textLength } from '../../shared/text-length';
import { exportOptions, samplePlan } from './export-helpers';

const sample = samplePlan();

/** Characters made of more than one UTF-16 unit or more than one code point. */
const CLUSTERS = ['😀', '𠀀', 'e\u0301', '🇩🇪', '👩‍💻', '👍🏽'] as const;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** The cluster (what a reader sees as one character) holding the unit at `at`. */
const clusterAt = (text: string, at: number) => graphemes.segment(text).containing(at);
/** True when `at` falls between two clusters of `text`. */
const isBoundary = (text: string, at: number) =>
  at === 0 || at === text.length || clusterAt(text, at)?.index === at;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every fault in the text parts of a zip (xlsx/docx): names each part and what is wrong. */
function partFaults(bytes: Uint8Array): string[] {
  const faults: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      faults.push(`${name}: not UTF-8`);
      continue;
    }
    const bad = text.indexOf('\ufffd');
    if (bad >= 0) faults.push(`${name}: U+FFFD at ${bad}`);
    const lone = LONE_SURROGATE.exec(text);
    if (lone) faults.push(`${name}: lone surrogate at ${lone.index}`);
  }
  return faults;
}

/** Keys whose strings are ids, references, dates or choices rather than free text. */
const NOT_TEXT =
  /(^id$|Id$|Ids$|^source$|^target$|^kind$|^type$|^level$|^schemaVersion$|date|Date|At$|^url$)/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The plan with every free-text field (any string the schema takes any text
 * in) set to `text(path)`, cut to the field's limit where the schema says so.
 */
function withTextEverywhere(plan: Plan, text: (path: string) => string): Plan {
  const copy = structuredClone(plan) as unknown as Json;
  const paths: (string | number)[][] = [];
  const walk = (node: Json, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, [...path, i]));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && !NOT_TEXT.test(k) && v.trim() !== '') paths.push([...path, k]);
        else walk(v, [...path, k]);
      }
  };
  walk(copy, []);
  const get = (path: (string | number)[]) =>
    path
      .slice(0, -1)
      .reduce<Json>((n, k) => (n as Record<string | number, Json>)[k]!, copy) as Record<
      string | number,
      Json
    >;
  const originals = new Map(paths.map((p) => [p.join('.'), get(p)[p.at(-1)!]]));
  for (const p of paths) get(p)[p.at(-1)!] = text(p.join('.'));
  for (let round = 0; round < 5; round++) {
    const parsed = Plan.safeParse(copy);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (!originals.has(key)) continue;
      const p = issue.path as (string | number)[];
      const now = get(p)[p.at(-1)!] as string;
      // Too long: keep as many code points as the field takes; anything else: the sample's value.
      get(p)[p.at(-1)!] =
        issue.code === 'too_big' && typeof issue.maximum === 'number'
          ? [...now].slice(0, Number(issue.maximum)).join('')
          : originals.get(key)!;
    }
  }
  throw new Error('plan still invalid');
}

/** `count` clusters after `prefix` letters, as long as the field takes. */
const run = (cluster: string, prefix: number, units: number) =>
  `${'a'.repeat(prefix)}${cluster.repeat(Math.ceil(Math.max(0, units - prefix) / cluster.length))}`;

async function roundTripPreview(bytes: Uint8Array, plan: Plan) {
  const result: RoundTripResult = await readRoundTripWorkbook(bytes, plan);
  if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
  return result.preview;
}

async function cellsOf(bytes: Uint8Array, sheet: string, header: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const ws = wb.getWorksheet(sheet)!;
  let column = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) column = n;
  });
  const out = new Map<string, string>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = ws.getRow(r).getCell(1).value;
    if (typeof id === 'string') out.set(id, String(ws.getRow(r).getCell(column).value ?? ''));
  }
  return out;
}

describe('cutText: never inside a surrogate pair or a grapheme cluster', () => {
  it('keeps the longest start of whole characters that fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...CLUSTERS), fc.string({ unit: 'grapheme' })), {
          maxLength: 40,
        }),
        fc.nat(120),
        (parts, max) => {
          const text = parts.join('');
          const cut = cutText(text, max);
          expect(text.startsWith(cut)).toBe(true);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(LONE_SURROGATE.test(cut)).toBe(false);
          const first = clusterAt(text, 0);
          if (first && first.segment.length > max && max < text.length) {
            // One cluster longer than the limit: cut between code points, as long as fits.
            expect(cut.length).toBeGreaterThanOrEqual(max - 1);
          } else if (cut.length < text.length) {
            expect(isBoundary(text, cut.length)).toBe(true);
            // The next whole character would not have fitted.
            const next = clusterAt(text, cut.length)!;
            expect(next.index + next.segment.length).toBeGreaterThan(max);
          } else expect(cut).toBe(text);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('cuts a cluster longer than the limit between code points, never inside a pair', () => {
    const zalgo = `😀${'\u0301'.repeat(50)}`;
    expect(cutText(zalgo, 10)).toBe(`😀${'\u0301'.repeat(8)}`);
    expect(cutText('😀😀', 3)).toBe('😀');
    expect(cutText('😀', 1)).toBe('');
  });

  it('cellText cuts long texts to Excel’s limit at a character boundary, with an ellipsis', () => {
    for (const cluster of CLUSTERS)
      for (let prefix = 0; prefix < 6; prefix++) {
        const text = run(cluster, prefix, MAX_CELL_CHARS + 8);
        const cell = cellText(text);
        expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
        expect(cell.endsWith('…')).toBe(true);
        const kept = cell.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        expect(isBoundary(text, kept.length)).toBe(true);
        expect(kept.length).toBeGreaterThan(MAX_CELL_CHARS - 1 - cluster.length);
      }
  });
});

describe('diagram text wraps between whole characters', () => {
  it('breaks an over-long word of flags, ZWJ sequences or accents only between clusters', () => {
    for (const cluster of CLUSTERS) {
      const lines = wrapText(cluster.repeat(60), 60, 12, 3);
      expect(lines.length).toBe(3);
      for (const line of lines)
        for (const { segment } of graphemes.segment(line))
          expect([cluster, '…']).toContain(segment);
    }
  });
});

describe('JSZip keeps a character that straddles two of its 16 KiB chunks', () => {
  it('writes UTF-8, not two U+FFFD', async () => {
    for (const prefix of [16_383, 16_384, 32_767]) {
      const text = `${'a'.repeat(prefix)}😀𠀀🇩🇪 end`;
      const zip = new JSZip();
      zip.file('part.xml', text);
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      const back = new TextDecoder('utf-8', { fatal: true }).decode(unzipSync(bytes)['part.xml']);
      // Only the end differs when it fails; comparing it keeps the message short.
      expect(back.slice(prefix - 4)).toBe(text.slice(prefix - 4));
      expect(back.length).toBe(text.length);
    }
  });
});

describe(
  'astral and multi-code-point text in every field of the exports',
  { timeout: 240_000 },
  () => {
    it('every text field holds clusters: both files are clean and the round trip is no change', async () => {
      let n = 0;
      const plan = withTextEverywhere(sample, () => {
        const cluster = CLUSTERS[n++ % CLUSTERS.length]!;
        return `${cluster} Lower Valley ${cluster}${cluster} ${n}`;
      });
      const xlsx = await buildPlanXlsx(plan, exportOptions());
      expect(partFaults(xlsx)).toEqual([]);
      expect(isEmptyPreview(await roundTripPreview(xlsx, plan))).toBe(true);
      const names = await cellsOf(xlsx, 'Stakeholders', 'Name');
      for (const e of plan.stakeholders.entries) expect(names.get(e.id)).toBe(e.name);
      const docx = await buildPlanDocx(plan, exportOptions());
      expect(partFaults(docx)).toEqual([]);
    });

    it('long notes at every offset around the chunk and cell boundaries come back exactly', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CLUSTERS),
          fc.nat(7),
          fc.constantFrom(16_384, 32_766, 32_767, 32_768, 36_000),
          fc.integer({ min: -6, max: 6 }),
          fc.constantFrom('Total', 'Total planned', 'Σ'),
          async (cluster, prefix, around, shift, totalLabel) => {
            // The schema counts code points (at most 20,000 for notes).
            const notes = [...run(cluster, prefix, around + shift)].slice(0, 20_000).join('');
            expect(textLength(notes)).toBeLessThanOrEqual(20_000);
            const plan = produce(sample, (d) => {
              d.stakeholders.entries[0]!.notes = notes;
              d.stakeholders.entries[1]!.role = cluster.repeat(60);
              // What comes before the notes in the file moves them against JSZip's chunks.
              d.objective.programName = `${totalLabel} ${'x'.repeat(prefix)}`;
            });
            const xlsx = await buildPlanXlsx(plan, exportOptions());
            expect(partFaults(xlsx)).toEqual([]);
            const cells = await cellsOf(xlsx, 'Stakeholders', 'Internal notes');
            const cell = cells.get(plan.stakeholders.entries[0]!.id)!;
            if (notes.length <= MAX_CELL_CHARS) expect(cell).toBe(notes);
            else {
              expect(cell.endsWith('…')).toBe(true);
              expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
              expect(notes.startsWith(cell.slice(0, -1))).toBe(true);
              expect(isBoundary(notes, cell.length - 1)).toBe(true);
            }
            const preview = await roundTripPreview(xlsx, plan);
            expect(isEmptyPreview(preview)).toBe(true);
            const back = produce(plan, (d) => applyRoundTrip(d, preview, (p) => p));
            expect(back.stakeholders.entries[0]!.notes).toBe(notes);
            expect(back.stakeholders.entries[1]!.role).toBe(plan.stakeholders.entries[1]!.role);
            const docx = await buildPlanDocx(plan, exportOptions());
            expect(partFaults(docx)).toEqual([]);
          },
        ),
        { numRuns: 24, seed: 12 },
      );
    });
  },
);
