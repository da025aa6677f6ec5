/**
 * A structural checker over the Word export (issue 12, "Checks to keep in the
 * test suite"), reading the file's XML parts as a strict reader would, for the
 * sample plan in every audience profile, a large plan and a multilingual plan:
 * - every XML part is well-formed and holds no character XML forbids;
 * - drawing ids (`wp:docPr/@id`) are unique (Word repairs a file with repeats);
 * - every table's grid has as many columns as each of its rows spans;
 * - table rows never split across pages and heading rows repeat;
 * - every style a style is based on is defined, and every font is named;
 * - figure text prints at 8 pt or more: each SVG's smallest font size, scaled
 *   from its view box to the size the drawing is placed at.
 */
import { strFromU8, unzipSync, zipSync } from 'fflate';
// @ts-expect-error -- jsdom ships no type declarations; the few members used are typed below.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { PROFILE_IDS } from '../../shared/export/audience';
import { buildPlanDocx } from '../../shared/export/docx';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import type { Rasterize } from '../../shared/export/options';
import type { Plan } from '../../shared/plan/schema';
import { largePlan } from '../helpers/large-plan';
import { multilingualPlan } from '../helpers/multilingual-plan';
import { exportOptions, samplePlan, XML_FORBIDDEN } from './export-helpers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ASVG = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';
const EMU_PER_PT = 12_700;

/** The members of a parsed XML node this file uses. */
interface Element {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly firstElementChild: Element | null;
  readonly nextElementSibling: Element | null;
  readonly textContent: string | null;
  getAttributeNS(namespace: string | null, name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<Element>;
  getElementsByTagName(name: string): ArrayLike<Element>;
}
const { DOMParser } = (
  new JSDOM('') as {
    window: { DOMParser: new () => { parseFromString(text: string, type: string): Element } };
  }
).window;

function parseXml(name: string, text: string): Element {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
  return doc;
}

const all = (parent: Element, ns: string, tag: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS(ns, tag));

/** Direct children of `parent` in the WordprocessingML namespace named `tag`. */
function kids(parent: Element, tag: string): Element[] {
  const out: Element[] = [];
  for (let e = parent.firstElementChild; e; e = e.nextElementSibling)
    if (e.localName === tag && e.namespaceURI === W) out.push(e);
  return out;
}
const kid = (parent: Element, tag: string) => kids(parent, tag)[0] ?? null;
const wVal = (e: Element | null) => e?.getAttributeNS(W, 'val') ?? null;

/** What is wrong with one Word file, as readable lines (empty: nothing). */
function checkDocx(bytes: Uint8Array): string[] {
  const faults: string[] = [];
  const files = unzipSync(bytes);
  const parts = new Map<string, Element>();
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = strFromU8(data);
    const bad = XML_FORBIDDEN.exec(text);
    if (bad) faults.push(`${name}: forbidden character U+${bad[0].codePointAt(0)!.toString(16)}`);
    parts.set(name, parseXml(name, text));
  }
  const body = parts.get('word/document.xml');
  if (!body) return ['no word/document.xml'];

  // Drawing ids, unique across the document, headers and footers.
  const ids = new Map<string, number>();
  for (const [name, doc] of parts)
    if (name.startsWith('word/'))
      for (const pr of all(doc, WP, 'docPr')) {
        const id = pr.getAttributeNS(null, 'id') ?? '';
        ids.set(id, (ids.get(id) ?? 0) + 1);
      }
  for (const [id, n] of ids) if (n > 1) faults.push(`drawing id ${id} used ${n} times`);

  // Tables: grid columns = each row's span; rows kept whole; heading rows repeat.
  for (const [t, table] of all(body, W, 'tbl').entries()) {
    const grid = kid(table, 'tblGrid');
    const columns = grid ? kids(grid, 'gridCol').length : 0;
    const rows = kids(table, 'tr');
    for (const [r, row] of rows.entries()) {
      const span = kids(row, 'tc').reduce(
        (n, cell) => n + Number(wVal(kid(kid(cell, 'tcPr') ?? cell, 'gridSpan')) ?? 1),
        0,
      );
      if (span !== columns)
        faults.push(`table ${t + 1} row ${r + 1} spans ${span} of ${columns} grid columns`);
      const props = kid(row, 'trPr');
      if (!props || !kid(props, 'cantSplit'))
        faults.push(`table ${t + 1} row ${r + 1} may split across pages`);
    }
    const first = kid(rows[0] ?? table, 'trPr');
    if (rows.length > 1 && !(first && kid(first, 'tblHeader')) && columns > 2)
      faults.push(`table ${t + 1} (${columns} columns) has no repeating heading row`);
  }

  // Styles: every basedOn defined; every font named.
  const styles = parts.get('word/styles.xml');
  if (styles) {
    const defined = new Set(all(styles, W, 'style').map((s) => s.getAttributeNS(W, 'styleId')));
    for (const based of all(styles, W, 'basedOn'))
      if (!defined.has(wVal(based))) faults.push(`a style is based on undefined "${wVal(based)}"`);
  }
  for (const [name, doc] of parts)
    for (const fonts of all(doc, W, 'rFonts'))
      if (!fonts.getAttributeNS(W, 'ascii') && !fonts.getAttributeNS(W, 'asciiTheme'))
        faults.push(`${name}: a run font without a name`);

  // Figures: smallest SVG text, scaled to the placed size, at least 8 pt.
  const rels = parts.get('word/_rels/document.xml.rels');
  const target = new Map(
    rels
      ? all(
          rels,
          'http://schemas.openxmlformats.org/package/2006/relationships',
          'Relationship',
        ).map(
          (rel) => [rel.getAttributeNS(null, 'Id'), rel.getAttributeNS(null, 'Target')] as const,
        )
      : [],
  );
  for (const inline of [...all(body, WP, 'inline'), ...all(body, WP, 'anchor')]) {
    const extent = all(inline, WP, 'extent')[0];
    const svgBlip = all(inline, ASVG, 'svgBlip')[0] ?? null;
    const ref =
      svgBlip?.getAttributeNS(R, 'embed') ?? all(inline, A, 'blip')[0]?.getAttributeNS(R, 'embed');
    const file = ref ? target.get(ref) : undefined;
    if (!extent || !file?.endsWith('.svg')) continue;
    const svg = strFromU8(files[`word/${file}`]!);
    const viewWidth = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg)?.[1]);
    const placedPt = Number(extent.getAttributeNS(null, 'cx')) / EMU_PER_PT;
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    if (!viewWidth || !sizes.length) continue;
    const smallest = (Math.min(...sizes) * placedPt) / viewWidth;
    // The drawing is placed at a whole number of pixels: allow that rounding (under 0.05 pt).
    if (smallest < 7.95)
      faults.push(`${file}: smallest text prints at ${smallest.toFixed(2)} pt (under 8)`);
  }
  return faults;
}

let rasterize: Rasterize;
beforeAll(async () => {
  rasterize = await createNodeRasterizer();
});

describe('the structural checker', () => {
  it('finds repeated drawing ids, a grid that does not match its rows, a nameless font and small figure text', () => {
    const docXml = `<?xml version="1.0"?><w:document xmlns:w="${W}" xmlns:wp="${WP}" xmlns:a="${A}" xmlns:r="${R}" xmlns:asvg="${ASVG}"><w:body>
      <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc/><w:tc/><w:tc/></w:tr></w:tbl>
      <w:p><w:r><w:rPr><w:rFonts w:hAnsi="Arial"/></w:rPr></w:r></w:p>
      <w:p><w:r><w:drawing><wp:inline><wp:extent cx="${EMU_PER_PT * 100}" cy="1"/><wp:docPr id="1" name="a"/>
        <a:graphic><a:graphicData><a:blip r:embed="rId1"><a:extLst><a:ext><asvg:svgBlip r:embed="rId2"/></a:ext></a:extLst></a:blip></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
      <w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="b"/></wp:inline></w:drawing></w:r></w:p>
    </w:body></w:document>`;
    const files = {
      'word/document.xml': new TextEncoder().encode(docXml),
      'word/_rels/document.xml.rels': new TextEncoder().encode(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Target="media/a.svg"/></Relationships>`,
      ),
      'word/media/a.svg': new TextEncoder().encode(
        '<svg viewBox="0 0 1000 500"><text font-size="40">x</text></svg>',
      ),
    };
    const faults = checkDocx(zipSync(files));
    expect(faults).toEqual(
      expect.arrayContaining([
        'drawing id 1 used 2 times',
        'table 1 row 1 spans 3 of 2 grid columns',
        'word/document.xml: a run font without a name',
        'media/a.svg: smallest text prints at 4.00 pt (under 8)',
      ]),
    );
  });
});

describe('the Word export, read as a strict reader reads it', { timeout: 300_000 }, () => {
  const cases: [string, () => Plan, readonly (typeof PROFILE_IDS)[number][]][] = [
    ['the sample plan', samplePlan, PROFILE_IDS],
    ['a multilingual plan', multilingualPlan, ['internal', 'partner']],
    [
      'a large plan',
      () => largePlan({ tocElements: 300, stakeholders: 300, catalogItems: 500 }),
      ['internal'],
    ],
  ];
  for (const [name, plan, profiles] of cases)
    it.each(profiles)(`${name}, %s profile: no structural fault`, async (profile) => {
      const bytes = await buildPlanDocx(plan(), exportOptions({ profile, rasterize }));
      expect(checkDocx(bytes)).toEqual([]);
    });
});

describe('the language of the plan', () => {
  it('is the language the Word and Excel files declare (issue 12: document language set from the plan)', async () => {
    const plan = samplePlan();
    expect(plan.objective.language).toBe('en-GB');
    const french = { ...plan, objective: { ...plan.objective, language: 'fr-FR' } };
    const styles = strFromU8(
      unzipSync(await buildPlanDocx(french, exportOptions()))['word/styles.xml']!,
    );
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="fr-FR"\/>/s);
    const core = strFromU8(
      unzipSync(await buildPlanXlsx(french, exportOptions()))['docProps/core.xml']!,
    );
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
  });
});
