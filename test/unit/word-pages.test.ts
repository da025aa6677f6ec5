/** The page estimate behind the Word contents (shared/export/word-pages.ts), on blocks laid out by hand. */
import { describe, expect, it } from 'vitest';
import { buildPlanDocx, estimatePlanPages } from '../../shared/export/docx';
import { createBlankPlan } from '../../shared/plan/create';
import { exportOptions, samplePlan, zipText } from './export-helpers';
import {
  coverTitleSize,
  layoutSection,
  lineTwips,
  rowHeights,
  styled,
  textTwips,
  WORD_STYLES,
  wrappedLineCount,
  type FlowTable,
} from '../../shared/export/word-pages';

const A4 = { width: 9638, height: 14570 };

/** A one-column table of `rows` one-line rows under a heading row. */
function table(rows: number, text = 'Row'): FlowTable {
  return {
    kind: 'table',
    columns: [A4.width],
    rows: [
      [{ text: 'Heading', bold: true }],
      ...Array.from({ length: rows }, (_, i) => [{ text: `${text} ${i + 1}` }]),
    ],
    header: true,
    keptRows: 3,
    size: 17,
    margins: { top: 40, bottom: 40, side: 90 },
  };
}

describe('text measurement', () => {
  it('measures with Arial’s advance widths and line height', () => {
    // Arial: "H" is 1479/2048 em, a space 569/2048 em; 10 pt is 200 twips.
    expect(textTwips('H', 20)).toBeCloseTo((1479 / 2048) * 200, 5);
    expect(textTwips('H H', 20)).toBeCloseTo(((2 * 1479 + 569) / 2048) * 200, 5);
    expect(textTwips('H', 20, true)).toBeCloseTo((1479 / 2048) * 200, 5);
    // 8.5 pt: ascent 154 + descent 36 + gap 6 twips (as LibreOffice prints its table rows: 15.3 pt with margins).
    expect(lineTwips(17)).toBe(196);
  });

  it('wraps at spaces, hyphens and dashes, and breaks a word longer than the line', () => {
    const word = textTwips('word', 20);
    const space = textTwips(' ', 20);
    // Three words fit in exactly their width (trailing spaces hang), not in less.
    expect(wrappedLineCount('word word word', 3 * word + 2 * space, 20)).toBe(1);
    expect(wrappedLineCount('word word word', 3 * word + 2 * space - 1, 20)).toBe(2);
    expect(wrappedLineCount('word-word', word + textTwips('-', 20), 20)).toBe(2);
    expect(wrappedLineCount('wordword', word, 20)).toBe(2);
    expect(wrappedLineCount('', 100, 20)).toBe(1);
    // Full-width characters break anywhere.
    expect(wrappedLineCount('青年数字技能', 3 * 200, 20)).toBe(2);
  });

  it('sets a long cover title smaller so the cover stays one page', () => {
    expect(coverTitleSize('Lower Valley Digital Futures 2027', A4.width)).toBe(56);
    expect(coverTitleSize('Programme national '.repeat(12), A4.width)).toBeLessThan(56);
  });
});

describe('laying out a section', () => {
  it('repeats the heading row on every page and never splits a row', () => {
    const t = table(100);
    const [head, row] = rowHeights(t);
    expect(head).toBe(196 + 80 + 10);
    expect(row).toBe(head);
    const perPage = Math.floor(A4.height / row!); // heading row included
    const layout = layoutSection([t], A4);
    const bodyRowsPerPage = perPage - 1;
    expect(layout.pages).toBe(Math.ceil(100 / bodyRowsPerPage));
    // The second page starts with the row after the last one that fitted on the first.
    expect(layout.starts[1]).toBe(`Row ${bodyRowsPerPage + 1}`);
  });

  it('keeps a group’s heading row with the row under it, and sizes a spanning cell across its columns', () => {
    const t = table(100);
    const row = rowHeights(t)[1]!;
    const perPage = Math.floor(A4.height / row);
    // The last row that fits on the first page heads a group: it moves to the next page with its first row.
    const last = perPage - 1;
    const layout = layoutSection([{ ...t, keptWithNext: [last] }], A4);
    expect(layout.starts[1]).toBe(`Row ${last}`);
    const spanning: FlowTable = {
      ...t,
      columns: [1000, 1000, A4.width - 2000],
      rows: [[{ text: 'No.' }, { text: 'word '.repeat(40), span: 2 }]],
    };
    const lines = wrappedLineCount(`${'word '.repeat(40)}`, A4.width - 1000 - 180, 17);
    expect(rowHeights(spanning)[0]).toBe(lines * 196 + 90);
  });

  it('counts a row by its tallest cell, wrapped to its column', () => {
    const wide = { ...table(1, 'word '.repeat(60)), columns: [2000, A4.width - 2000] };
    const lines = wrappedLineCount(`${'word '.repeat(60)}1`, 2000 - 180, 17);
    expect(lines).toBeGreaterThan(5);
    expect(rowHeights(wide)[1]).toBe(lines * 196 + 90);
  });

  it('moves a heading at the foot of a page to the next page, with what it heads', () => {
    const body = styled('BodyText', 'text');
    const step = Math.round((lineTwips(20) * 276) / 240);
    const fill = Math.floor(A4.height / step) - 2;
    const filler = Array.from({ length: fill }, () => ({ ...body, after: 0 }));
    const layout = layoutSection(
      [...filler, styled('Heading2', 'Next part'), styled('BodyText', 'First line of it')],
      A4,
    );
    expect(layout.pages).toBe(2);
    expect(layout.starts[1]).toBe('Next part');
    // Without the heading the paragraph still fits on the first page.
    expect(layoutSection([...filler, styled('BodyText', 'First line of it')], A4).pages).toBe(1);
  });

  it('starts a page for a paragraph with a page break before it and splits long paragraphs by lines', () => {
    expect(
      layoutSection(
        [styled('BodyText', 'a'), styled('BodyText', 'b', { pageBreakBefore: true })],
        A4,
      ).pages,
    ).toBe(2);
    const long = styled('BodyText', Array.from({ length: 2000 }, () => 'word').join(' '));
    const lines = wrappedLineCount(long.text, A4.width, 20);
    const step = Math.round((lineTwips(20) * 276) / 240);
    expect(layoutSection([long], A4).pages).toBe(Math.ceil(lines / Math.floor(A4.height / step)));
  });
});

describe('the styles the estimate assumes', () => {
  it('are those the Word file defines (size, spacing, line, bold, indent), inherited as Word does', async () => {
    const bytes = await buildPlanDocx(
      createBlankPlan('Styles'),
      exportOptions({ sections: ['objective'] }),
    );
    const xml = zipText(bytes, /^word\/styles\.xml$/);
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(xml)![1]!;
    const styleXml = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(xml)?.[1];
    /** An attribute along the style's basedOn chain, then the document defaults. */
    const resolve = (id: string, pattern: RegExp): string | undefined => {
      for (let at: string | undefined = id; at;) {
        const body = styleXml(at);
        if (body === undefined) break;
        const found = pattern.exec(body)?.[1];
        if (found !== undefined) return found;
        at = /<w:basedOn w:val="([^"]+)"/.exec(body)?.[1];
      }
      return pattern.exec(defaults)?.[1];
    };
    const number = (id: string, pattern: RegExp) => Number(resolve(id, pattern) ?? 0);
    for (const [id, expected] of Object.entries(WORD_STYLES)) {
      const defined = {
        size: number(id, /<w:sz w:val="(\d+)"/),
        line: number(id, /<w:spacing [^>]*w:line="(\d+)"/),
        before: number(id, /<w:spacing [^>]*w:before="(\d+)"/),
        after: number(id, /<w:spacing [^>]*w:after="(\d+)"/),
        bold: resolve(id, /<w:(b)\/>/) !== undefined,
        indent: number(id, /<w:ind [^>]*w:left="(\d+)"/),
      };
      const assumed = expected as {
        size: number;
        line: number;
        before: number;
        after: number;
        bold?: boolean;
        indent?: number;
      };
      expect({ id, ...defined }).toEqual({
        id,
        size: assumed.size,
        line: assumed.line,
        before: assumed.before,
        after: assumed.after,
        bold: assumed.bold === true,
        indent: assumed.indent ?? 0,
      });
    }
  });
});

describe('the contents of the Word file', () => {
  it('write each chapter’s estimated page as the result of its page reference, clean', async () => {
    const plan = samplePlan();
    const options = exportOptions({ sections: ['objective', 'stakeholders', 'catalog'] });
    const xml = zipText(await buildPlanDocx(plan, options), /^word\/document\.xml$/);
    const results = [
      ...xml.matchAll(
        /<w:instrText[^>]*>PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<\/w:r><w:r>)?<w:t[^>]*>(\d+)<\/w:t>/g,
      ),
    ].map((m) => Number(m[2]));
    const estimate = estimatePlanPages(plan, options);
    expect(results).toEqual(estimate.chapterStarts);
    expect(estimate.chapterStarts[0]).toBe(3);
    expect(xml).not.toContain('w:dirty');
  });
});
