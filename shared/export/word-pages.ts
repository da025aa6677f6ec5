/**
 * Which page each chapter of the Word program plan starts on, worked out from
 * the document model, without a word processor: the contents page prints
 * these numbers, so a reader in Word's Protected View or in LibreOffice (which
 * show a table of contents as it was written) sees them without updating
 * fields.
 *
 * Every chapter, and every change of paper within one, is a Word section that
 * starts on a new page, so the estimate is the sum of the pages of each
 * section before it. A section's pages are laid out as LibreOffice lays them
 * out (our reference renderer; Word uses the same Arial metrics): lines
 * wrapped with Arial's advance widths (arial-metrics.ts), Arial's line height,
 * the space between paragraphs the larger of one's space after and the next
 * one's space before, table rows that never split, header rows repeated on
 * every page, headings kept with what follows, figures at their printed size.
 * Lengths are in twips (twentieths of a point), as in the Word file.
 */
import { ARIAL_LINE, ARIAL_WIDTH_RUNS, UNITS_PER_EM } from './arial-metrics';
import type { DocBlock, PlanDocument } from './document';
import { sanitizeText } from './sanitize';
import { columnWidths } from './table-widths';

// ---------------------------------------------------------------- text

/** Advance widths in ems for the first 65,536 code points, regular and bold; NaN until known. */
const REGULAR = new Float64Array(0x10000).fill(NaN);
const BOLD = new Float64Array(0x10000).fill(NaN);
const ARIAL_HAS = new Uint8Array(0x10000);
for (const [first, regular, bold] of ARIAL_WIDTH_RUNS) {
  const b = bold.split(',');
  regular.split(',').forEach((w, i) => {
    REGULAR[first + i] = parseInt(w, 36) / UNITS_PER_EM;
    BOLD[first + i] = parseInt(b[i]!, 36) / UNITS_PER_EM;
    ARIAL_HAS[first + i] = 1;
  });
}

/** Scripts set in a full-width fallback font (Arial has none of their letters). */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
/** Characters that take no room (joiners, direction marks, combining marks; variation selectors below). */
const ZERO = /\p{Mn}|\p{Cf}/u;

/** Width in ems of a character Arial lacks (set in a fallback font: estimated). */
function fallbackEms(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (ZERO.test(ch) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (WIDE.test(ch)) return 1;
  if (EMOJI.test(ch)) return 1.2;
  return 0.6;
}

/** Width of a code point in ems of its font size. */
function ems(cp: number, bold: boolean): number {
  if (cp > 0xffff) return fallbackEms(cp);
  const table = bold ? BOLD : REGULAR;
  let w = table[cp]!;
  if (Number.isNaN(w)) {
    w = fallbackEms(cp);
    REGULAR[cp] = w;
    BOLD[cp] = w;
  }
  return w;
}

/** Whether a full-width character (a line may break before and after it). */
const WIDE_CACHE = new Int8Array(0x10000).fill(-1);
function isWide(cp: number): boolean {
  if (cp > 0xffff) return WIDE.test(String.fromCodePoint(cp));
  if (cp < 0x2e80 || ARIAL_HAS[cp]) return false;
  if (WIDE_CACHE[cp] === -1) WIDE_CACHE[cp] = WIDE.test(String.fromCharCode(cp)) ? 1 : 0;
  return WIDE_CACHE[cp] === 1;
}

/** Spaces a line may break after (a no-break space is not one). */
const isSpace = (cp: number) =>
  cp === 0x20 || cp === 0x09 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x205f || cp === 0x3000;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EM_DASH = 0x2014;
/** Hyphen, slash, en dash: a line may break after them, before a letter or digit. */
const isBreakAfter = (cp: number) => cp === 0x2d || cp === 0x2f || cp === 0x2013;

/** The code point at index i of a text, and how many UTF-16 units it takes. */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i)!;
}

/** Width of a text in twips at `size` half-points. */
export function textTwips(text: string, size: number, bold = false): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (cp > 0xffff) i++;
    total += ems(cp, bold);
  }
  return total * size * 10;
}

/** Single line height of Arial at `size` half-points, in twips (ascent, descent and gap each rounded, as LibreOffice does). */
export function lineTwips(size: number): number {
  const twips = size * 10;
  const part = (units: number) => Math.round((twips * units) / UNITS_PER_EM);
  return part(ARIAL_LINE.ascent) + part(ARIAL_LINE.descent) + part(ARIAL_LINE.lineGap);
}

/**
 * How many lines a paragraph of text takes in a column `width` twips wide,
 * filled greedily between the places Unicode line breaking allows for the
 * text of a plan: after spaces (which hang at the line's end), after a hyphen,
 * slash or en dash before a letter or digit, around em dashes and full-width
 * characters. A word longer than the line is broken between characters.
 */
export function wrappedLineCount(text: string, width: number, size: number, bold = false): number {
  // Most cells fit on one line: no need to look for break opportunities.
  if (text === '' || textTwips(text, size, bold) <= width) return 1;
  const scale = size * 10;
  let lines = 1;
  let used = 0;
  /** The piece being read: where it starts, its width without and with its trailing spaces. */
  let start = 0;
  let visible = 0;
  let trailing = 0;
  let inPiece = false;
  const flush = (end: number) => {
    if (used > 0 && used + visible > width) {
      lines++;
      used = 0;
    }
    if (used === 0 && visible > width) {
      for (let k = start; k < end; k++) {
        const cp = codePointAt(text, k);
        if (cp > 0xffff) k++;
        if (isSpace(cp)) break;
        const w = ems(cp, bold) * scale;
        if (used > 0 && used + w > width) {
          lines++;
          used = 0;
        }
        used += w;
      }
      used += trailing;
    } else used += visible + trailing;
    visible = 0;
    trailing = 0;
    inPiece = false;
  };
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    const units = cp > 0xffff ? 2 : 1;
    const wide = isWide(cp);
    const space = isSpace(cp);
    // A break is allowed before an em dash and before a full-width character.
    if (inPiece && trailing === 0 && (cp === EM_DASH || wide) && !space) flush(i);
    if (!inPiece) {
      start = i;
      inPiece = true;
    }
    const w = ems(cp, bold) * scale;
    if (space) trailing += w;
    else visible += w;
    const at = i + units;
    if (at < text.length) {
      const next = codePointAt(text, at);
      if (
        (space && !isSpace(next)) ||
        (isBreakAfter(cp) && LETTER_OR_DIGIT.test(String.fromCodePoint(next))) ||
        cp === EM_DASH ||
        wide
      )
        flush(at);
    }
    i = at - 1;
  }
  if (inPiece) flush(text.length);
  return lines;
}

// ---------------------------------------------------------------- blocks

/** A paragraph as the Word file sets it. */
export interface FlowParagraph {
  readonly kind: 'paragraph';
  readonly text: string;
  /** Font size in half-points. */
  readonly size: number;
  readonly bold?: boolean;
  /** Line spacing in 240ths of a line (240 single, 276 for 1.15). */
  readonly line: number;
  readonly before: number;
  readonly after: number;
  /** Left indent in twips (bullets). */
  readonly indent?: number;
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
  /** A paragraph that holds only a picture this tall (twips), instead of text. */
  readonly pictureHeight?: number;
}

/** A table cell's text: its paragraphs, the first one possibly bold. */
export interface FlowCell {
  readonly text: string;
  /** Columns the cell spans (1 when not given). */
  readonly span?: number;
  readonly bold?: boolean;
  readonly firstLineBold?: boolean;
}

/** A table as the Word file sets it: rows that never split, the first one repeated on every page when `header`. */
export interface FlowTable {
  readonly kind: 'table';
  /** Column widths in twips. */
  readonly columns: readonly number[];
  readonly rows: readonly (readonly FlowCell[])[];
  readonly header: boolean;
  /** Rows kept on the same page as the row after them (keep-with-next), from the top. */
  readonly keptRows: number;
  /** Further rows kept with the row after them (indices into `rows`), such as a group's heading row. */
  readonly keptWithNext?: readonly number[];
  /** Font size in half-points. */
  readonly size: number;
  /** Cell margins in twips. */
  readonly margins: { readonly top: number; readonly bottom: number; readonly side: number };
}

/** A block of a Word section. */
export type FlowBlock = FlowParagraph | FlowTable;

/** Height of a cell's content in twips. */
function cellHeight(cell: FlowCell, width: number, size: number): number {
  const line = lineTwips(size);
  return cell.text
    .split('\n')
    .reduce(
      (sum, text, i) =>
        sum +
        line *
          wrappedLineCount(
            text,
            width,
            size,
            cell.bold === true || (cell.firstLineBold && i === 0),
          ),
      0,
    );
}

/** Border width of our table rules (0.5 pt). */
const RULE_TWIPS = 10;

/** Row heights already worked out (a heading before a table asks for its first rows again). */
const measuredRows = new WeakMap<FlowTable, readonly number[]>();

/** Heights of a table's rows in twips. */
export function rowHeights(table: FlowTable): readonly number[] {
  let heights = measuredRows.get(table);
  if (!heights) {
    heights = measureRows(table);
    measuredRows.set(table, heights);
  }
  return heights;
}

function measureRows(table: FlowTable): number[] {
  return table.rows.map((row) => {
    let content = 0;
    let column = 0;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const columns = table.columns.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      content = Math.max(content, cellHeight(cell, columns - 2 * table.margins.side, table.size));
    }
    return content + table.margins.top + table.margins.bottom + RULE_TWIPS;
  });
}

/** Line pitch of a paragraph in twips. */
function pitch(p: FlowParagraph): number {
  return Math.round((lineTwips(p.size) * p.line) / 240);
}

/** Line count of a paragraph in a text column `width` twips wide. */
function paragraphLines(p: FlowParagraph, width: number): number {
  return p.text
    .split('\n')
    .reduce(
      (sum, text) => sum + wrappedLineCount(text, width - (p.indent ?? 0), p.size, p.bold),
      0,
    );
}

/** Height of a paragraph's text (or picture) in twips, its spacing left out. */
function paragraphHeight(p: FlowParagraph, width: number): number {
  return p.pictureHeight ?? pitch(p) * paragraphLines(p, width);
}

/** A section laid out: how many pages, and what starts each page (for tests and diagnosis). */
export interface SectionLayout {
  readonly pages: number;
  /** The first text (or table cell) on each page. */
  readonly starts: readonly string[];
}

/**
 * Lays out a Word section's blocks on pages whose text area is `box`
 * (twips): how many pages it takes and what starts each page.
 */
export function layoutSection(
  blocks: readonly FlowBlock[],
  pageBox: { readonly width: number; readonly height: number; readonly firstHeight?: number },
): SectionLayout {
  let box = { width: pageBox.width, height: pageBox.firstHeight ?? pageBox.height };
  const starts: string[] = [];
  let y = 0;
  /** Space after the last paragraph, collapsed with the next one's space before. */
  let pendingAfter = 0;
  let fresh = true;
  const newPage = () => {
    box = { width: pageBox.width, height: pageBox.height };
    y = 0;
    pendingAfter = 0;
    fresh = true;
  };
  const mark = (text: string) => {
    if (fresh) starts.push(text);
    fresh = false;
  };
  const gapBefore = (before: number) => (y === 0 ? 0 : Math.max(pendingAfter, before));
  /** Height from the top of block i that must share its page (keep with next), its space before left out. */
  const chain = (i: number): number => {
    const b = blocks[i];
    if (!b) return 0;
    if (b.kind === 'table') {
      const rows = rowHeights(b);
      return rows.slice(0, Math.min(rows.length, b.keptRows + 1)).reduce((s, r) => s + r, 0);
    }
    if (!b.keepNext) return b.pictureHeight ?? pitch(b);
    const next = blocks[i + 1];
    const between = next?.kind === 'paragraph' ? Math.max(b.after, next.before) : b.after;
    return paragraphHeight(b, box.width) + (next ? between + chain(i + 1) : 0);
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      if (block.pageBreakBefore && !(fresh && y === 0)) newPage();
      if (block.keepNext && y > 0) {
        const need = gapBefore(block.before) + chain(index);
        if (need <= box.height && y + need > box.height) newPage();
      }
      const first = block.pictureHeight ?? pitch(block);
      if (y > 0 && y + gapBefore(block.before) + first > box.height) newPage();
      y += gapBefore(block.before);
      mark(block.text || (block.pictureHeight !== undefined ? '[picture]' : '[empty]'));
      if (block.pictureHeight !== undefined) y += block.pictureHeight;
      else {
        const step = pitch(block);
        let lines = paragraphLines(block, box.width);
        while (lines > 0) {
          const room = Math.max(1, Math.floor((box.height - y + 0.5) / step));
          if (lines <= room) {
            y += lines * step;
            lines = 0;
          } else {
            lines -= room;
            newPage();
            mark(block.text);
          }
        }
      }
      pendingAfter = block.after;
      return;
    }
    const rows = rowHeights(block);
    const headerHeight = block.header ? (rows[0] ?? 0) : 0;
    const kept = chain(index);
    if (y > 0 && y + pendingAfter + kept > box.height) newPage();
    else y += y === 0 ? 0 : pendingAfter;
    const keptWithNext = new Set(block.keptWithNext ?? []);
    rows.forEach((h, i) => {
      // A row kept with the next one moves with it when both do not fit (unless they fill a page anyway).
      const need = keptWithNext.has(i) && i + 1 < rows.length ? h + rows[i + 1]! : h;
      const top = block.header && i > 0 ? headerHeight : 0;
      if (y > top && y + need > box.height && top + need <= box.height) {
        newPage();
        if (i > 0 && block.header) y += headerHeight;
      } else if (y > 0 && y + h > box.height) {
        newPage();
        if (i > 0 && block.header) {
          y += headerHeight;
        }
      }
      mark(block.rows[i]?.[0]?.text ?? '[row]');
      y += h;
    });
    pendingAfter = 0;
  });
  return { pages: Math.max(1, starts.length), starts };
}

// ---------------------------------------------------------------- the plan document

/** The paragraph styles of the Word file (docx.ts STYLES): size in half-points, line in 240ths, spacing in twips. */
export const WORD_STYLES = {
  Normal: { size: 17, line: 240, before: 0, after: 0 },
  BodyText: { size: 20, line: 276, before: 0, after: 120 },
  Lead: { size: 21, line: 276, before: 0, after: 200 },
  Note: { size: 18, line: 276, before: 0, after: 120 },
  Quote: { size: 21, line: 276, before: 0, after: 160, indent: 400 },
  Caption: { size: 17, line: 276, before: 0, after: 240 },
  After: { size: 8, line: 120, before: 0, after: 160 },
  Heading1: { size: 34, line: 240, before: 0, after: 240, bold: true },
  Heading2: { size: 26, line: 240, before: 320, after: 120, bold: true },
  Heading3: { size: 22, line: 240, before: 220, after: 80, bold: true },
  Title: { size: 56, line: 240, before: 0, after: 200, bold: true },
  Subtitle: { size: 30, line: 276, before: 0, after: 120 },
  CoverKicker: { size: 22, line: 276, before: 0, after: 120, bold: true },
  ContentsHeading: { size: 34, line: 276, before: 0, after: 240, bold: true },
  TOC1: { size: 22, line: 276, before: 0, after: 100 },
} as const;

/** A paragraph in one of the styles above. */
export function styled(
  style: keyof typeof WORD_STYLES,
  text: string,
  extra: Partial<FlowParagraph> = {},
): FlowParagraph {
  const s: {
    size: number;
    line: number;
    before: number;
    after: number;
    indent?: number;
    bold?: boolean;
  } = WORD_STYLES[style];
  return {
    kind: 'paragraph',
    text: sanitizeText(text),
    size: s.size,
    line: s.line,
    before: s.before,
    after: s.after,
    ...(s.indent ? { indent: s.indent } : {}),
    ...(s.bold ? { bold: true } : {}),
    ...(style.startsWith('Heading') ? { keepNext: true } : {}),
    ...extra,
  };
}

/** A text area in twips. */
export interface PageBox {
  readonly width: number;
  readonly height: number;
}

/** What the Word builder decides about pages, which the estimate follows (see docx.ts). */
export interface WordPageDecisions<Page extends string> {
  /** A chapter's blocks in runs on one kind of page, a Word section each. */
  runs(blocks: readonly DocBlock[]): { page: Page; blocks: DocBlock[] }[];
  /** The text area of a kind of page, when the running header fits in the top margin. */
  box(page: Page): PageBox;
  /** Room for the running header in the top margin (margin less header distance), in twips. */
  readonly headerRoom: number;
  /** The running header's text: it may wrap and push the text area down. */
  readonly headerText: string;
  /** A figure as printed: each part's height in twips and its caption; null when figures are not drawn. */
  figure(
    block: Extract<DocBlock, { type: 'diagram' }>,
  ): { height: number; caption: string }[] | null;
  /** The cover's and contents' own words, as the builder writes them. */
  readonly cover: CoverWords;
}

/** The words the Word builder puts on the cover and the contents page (document language). */
export interface CoverWords {
  /** The line above the title (upper case). */
  readonly kicker: string;
  readonly facts: readonly (readonly [string, string])[];
  /** "Prepared with Upskill Workbench…". */
  readonly prepared: string;
  /** The contents' heading. */
  readonly contents: string;
  /** Said in place of a figure when the export draws none. */
  readonly notDrawn: string;
}

/** The estimated pages of a plan document. */
export interface PlanPages {
  /** The page each chapter starts on (counted from 1, the cover), in chapter order. */
  readonly chapterStarts: readonly number[];
  /** Pages of each Word section in order: the cover and contents, then each run of each chapter. */
  readonly sectionPages: readonly number[];
  readonly pageCount: number;
  /** What starts each page, for tests and diagnosis. */
  readonly pageStarts: readonly string[];
}

/** The running header's rule under its text: 4 pt of space and the 0.5 pt line. */
const HEADER_RULE = 90;

const TABLE_MARGINS = { top: 40, bottom: 40, side: 90 } as const;
const FACT_MARGINS = { top: 50, bottom: 50, side: 60 } as const;

/** A facts table (label and value), as docx.ts sets it. */
function factsFlow(rows: readonly (readonly [string, string])[], width: number): FlowTable {
  return {
    kind: 'table',
    columns: [Math.round(width * 0.26), Math.round(width * 0.74)],
    rows: rows.map(([label, value]) => [
      { text: sanitizeText(label), bold: true },
      { text: sanitizeText(value) },
    ]),
    header: false,
    keptRows: 0,
    size: WORD_STYLES.Normal.size,
    margins: FACT_MARGINS,
  };
}

/** The blocks a DocBlock becomes in the Word file (docx.ts blockChildren). */
function flowOf(
  block: DocBlock,
  box: PageBox,
  figure: WordPageDecisions<string>['figure'],
  notDrawn: string,
): FlowBlock[] {
  switch (block.type) {
    case 'heading':
      return [styled(block.level === 2 ? 'Heading2' : 'Heading3', block.text)];
    case 'paragraph': {
      const style =
        block.style === 'lead'
          ? 'Lead'
          : block.style === 'note'
            ? 'Note'
            : block.style === 'quote'
              ? 'Quote'
              : 'BodyText';
      return block.text.split('\n').map((line) => styled(style, line));
    }
    case 'bullets':
      return block.items.map((item) => styled('BodyText', item, { indent: 400 }));
    case 'facts':
      return [factsFlow(block.rows, box.width), styled('After', '')];
    case 'table': {
      const lastKept = Math.min(1, block.rows.length - 2);
      const groups = new Set(block.groupRows ?? []);
      const grouped = (row: number) => groups.has(row) && block.columns.length > 1;
      const rows: FlowCell[][] = [
        block.columns.map((c) => ({ text: sanitizeText(c.title), bold: true })),
        ...block.rows.map((r, row) =>
          grouped(row)
            ? // A group's heading: its first cell, then one cell across the rest.
              [
                { text: sanitizeText(r[0] ?? ''), bold: true },
                {
                  text: sanitizeText(r.slice(1).join('')),
                  firstLineBold: true,
                  span: block.columns.length - 1,
                },
              ]
            : r.map((text, i) => ({
                text: sanitizeText(text),
                firstLineBold: block.columns[i]?.firstLineBold === true,
              })),
        ),
        ...(block.totalRow
          ? [block.totalRow.map((text) => ({ text: sanitizeText(text), bold: true }))]
          : []),
      ];
      return [
        {
          kind: 'table',
          columns: columnWidths(block.columns, block.rows, box.width),
          rows,
          header: true,
          keptRows: (block.rows.length > 0 ? 1 : 0) + Math.max(0, lastKept + 1),
          keptWithNext: block.rows.flatMap((_, row) => (grouped(row) ? [row + 1] : [])),
          size: WORD_STYLES.Normal.size,
          margins: TABLE_MARGINS,
        },
        styled('After', ''),
      ];
    }
    case 'diagram': {
      const parts = figure(block);
      if (!parts) return [styled('Note', notDrawn), styled('Caption', block.caption)];
      return parts.flatMap((part, index) => [
        {
          kind: 'paragraph',
          text: '',
          size: WORD_STYLES.Normal.size,
          line: 240,
          before: 120,
          after: 60,
          keepNext: true,
          pageBreakBefore: index > 0,
          pictureHeight: part.height,
        } satisfies FlowParagraph,
        styled('Caption', part.caption),
      ]);
    }
  }
}

/** Width of "   " between a chapter's number and title, as the heading and its contents entry write it. */
export const chapterHeading = (number: number, title: string) => `${number}   ${title}`;

/**
 * The cover title's size in half-points: 28 pt, smaller for a long title (down
 * to 14 pt) so that it takes no more height than four lines at 28 pt and the
 * cover stays one page whatever the program is called (and the contents
 * start where the estimate says).
 */
export function coverTitleSize(title: string, width: number): number {
  const room = COVER_TITLE_LINES * lineTwips(56);
  const clean = sanitizeText(title);
  for (const size of [56, 48, 40, 36, 32])
    if (wrappedLineCount(clean, width, size, true) * lineTwips(size) <= room) return size;
  return 28;
}

/** Lines of 28 pt a cover title may take. */
const COVER_TITLE_LINES = 4;

/** The cover page and the contents, as docx.ts coverChildren sets them. */
function coverFlow(doc: PlanDocument, box: PageBox, words: CoverWords): FlowBlock[] {
  return [
    styled('CoverKicker', words.kicker, { before: 2600 }),
    styled('Title', doc.title, { size: coverTitleSize(doc.title, box.width) }),
    ...(doc.organisation ? [styled('Subtitle', doc.organisation)] : []),
    // The rule under the title (an empty paragraph with a bottom border).
    { ...styled('Normal', ''), before: 600, after: 300, pictureHeight: lineTwips(17) + 50 },
    factsFlow(words.facts, box.width),
    styled('Note', doc.audienceNote, { before: 1600 }),
    styled('Note', words.prepared),
    // What is left of the paragraph holding the page break starts the next page.
    styled('Normal', '', { pageBreakBefore: true }),
    styled('ContentsHeading', words.contents),
    ...doc.sections.map((s) => styled('TOC1', `${chapterHeading(s.number, s.title)} 999`)),
    styled('Normal', ''),
  ];
}

/**
 * The pages of the Word program plan: which page each chapter starts on,
 * following the builder's decisions on paper and figures.
 */
export function planPages<Page extends string>(
  doc: PlanDocument,
  portrait: Page,
  decisions: WordPageDecisions<Page>,
): PlanPages {
  const sectionPages: number[] = [];
  const pageStarts: string[] = [];
  /** The text area under the running header, which pushes it down when it takes more than its room. */
  const under = (page: Page): PageBox => {
    const box = decisions.box(page);
    const header =
      lineTwips(16) * wrappedLineCount(decisions.headerText, box.width, 16) + HEADER_RULE;
    return { width: box.width, height: box.height - Math.max(0, header - decisions.headerRoom) };
  };
  const add = (blocks: readonly FlowBlock[], box: PageBox & { firstHeight?: number }) => {
    const laid = layoutSection(blocks, box);
    sectionPages.push(laid.pages);
    pageStarts.push(...laid.starts);
  };
  // The cover has no running header; the contents after it have.
  add(coverFlow(doc, decisions.box(portrait), decisions.cover), {
    ...under(portrait),
    firstHeight: decisions.box(portrait).height,
  });
  const chapterStarts: number[] = [];
  for (const section of doc.sections) {
    chapterStarts.push(1 + sectionPages.reduce((s, p) => s + p, 0));
    const runs = decisions.runs(section.blocks);
    if (runs.length === 0) runs.push({ page: portrait, blocks: [] });
    runs.forEach((run, index) => {
      const box = under(run.page);
      add(
        [
          ...(index === 0
            ? [styled('Heading1', chapterHeading(section.number, section.title))]
            : []),
          ...run.blocks.flatMap((b) => flowOf(b, box, decisions.figure, decisions.cover.notDrawn)),
        ],
        box,
      );
    });
  }
  return {
    chapterStarts,
    sectionPages,
    pageCount: sectionPages.reduce((s, p) => s + p, 0),
    pageStarts,
  };
}
