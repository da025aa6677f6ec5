/**
 * The Word program plan: renders a PlanDocument with the `docx` library.
 * Real heading styles (navigation pane, table of contents), a cover page, a
 * running header and "Page X of Y", tables with a shaded header row that
 * repeats on every page, landscape pages for wide tables, figures on the page that prints them legibly.
 * Arial is used because Word, Google Docs and LibreOffice (as the
 * metric-compatible Liberation Sans) all have it, so pages break the same.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LeaderType,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
  type PageNumberEstimator,
} from 'docx';
import { pixelWidthFor, sceneToSvg, type DiagramScene } from './diagrams/scene';
import { printDiagram, type PrintedDiagram } from './diagrams/tiles';
import { columnWidths } from './table-widths';
import { planDocument, type DocBlock, type PlanDocument } from './document';
import { documentLocale, englishLocale, localeFor, type DocLocale } from './locale';
import type { ExportOptions } from './options';
import { sanitizeText } from './sanitize';
import {
  chapterHeading,
  coverTitleSize,
  planPages,
  type CoverWords,
  type PlanPages,
  type WordPageDecisions,
} from './word-pages';

/** A4 in twentieths of a point, and our margins (2 cm). */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
/** A3, for a figure too large to print legibly on A4. */
const A3 = { width: 16838, height: 23811 } as const;

/** The pages a Word section can be set on. */
export type PageKind = 'portrait' | 'landscape' | 'a3Landscape';

/** Paper width and height of a page kind, in twips. */
function paper(kind: PageKind): { width: number; height: number } {
  if (kind === 'portrait') return { width: PAGE.width, height: PAGE.height };
  if (kind === 'landscape') return { width: PAGE.height, height: PAGE.width };
  return { width: A3.height, height: A3.width };
}
const TWIPS_PER_PX = 15;
const FONT = 'Arial';
const INK = '1F2937';
const ACCENT = '1F3864';
const HEADER_FILL = 'DCE3EE';
const TOTAL_FILL = 'F2F2F2';
/** Shading of a row heading a group (a result over its indicators). */
const GROUP_FILL = 'EEF2F7';
const RULE = 'A6A6A6';

/** Content width and height of a page in twips. */
function contentBox(kind: PageKind): { width: number; height: number } {
  const { width, height } = paper(kind);
  return { width: width - PAGE.margin * 2, height: height - PAGE.margin * 2 - 700 };
}

const text = (t: string) => sanitizeText(t);

/** Letters of the scripts written right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * How paragraphs, runs and tables are laid out: right to left in a document
 * whose language is written so (Arabic). Left-to-right documents get no
 * properties at all, so their XML is as before.
 */
interface Direction {
  readonly rtl: boolean;
  /** Options of a paragraph without text of its own: right to left (`w:bidi`) in an RTL document. */
  readonly paragraph: { readonly bidirectional?: true };
  /**
   * Options of a paragraph of text: the direction of its first letter, as
   * HTML's dir="auto" (an English sentence a planner typed into an Arabic
   * document reads left to right, its full stop at its end; an Arabic name
   * in an English document right to left); the document's without a letter.
   */
  of(text: string): { readonly bidirectional?: true };
  /** Table options: columns from right to left (`w:bidiVisual`) in an RTL document. */
  readonly table: { readonly visuallyRightToLeft?: true };
}

const BIDI = { bidirectional: true } as const;
const NOT_BIDI = {} as const;
const FIRST_LETTER = /\p{L}/u;

/** Whether a text reads right to left: its first letter does, or, without one, the document. */
function readsRightToLeft(text: string, rtlDocument: boolean): boolean {
  // Most cells of most documents hold no right-to-left letter at all: no need to look further.
  if (!rtlDocument && !RTL_LETTER.test(text)) return false;
  const letter = FIRST_LETTER.exec(text)?.[0];
  return letter === undefined ? rtlDocument : RTL_LETTER.test(letter);
}

const LTR: Direction = {
  rtl: false,
  paragraph: NOT_BIDI,
  of: (text) => (readsRightToLeft(text, false) ? BIDI : NOT_BIDI),
  table: {},
};
const RTL: Direction = {
  rtl: true,
  paragraph: BIDI,
  of: (text) => (readsRightToLeft(text, true) ? BIDI : NOT_BIDI),
  table: { visuallyRightToLeft: true },
};

/** The layout direction of a document in `loc`'s language. */
const directionOf = (loc: DocLocale): Direction => (loc.dir === 'rtl' ? RTL : LTR);

/**
 * A run of text. In an RTL document a run holding right-to-left letters is
 * marked so (`w:rtl`), so Word sets it with the complex-script font and
 * orders it right to left; runs of Latin names and numbers stay as they are.
 */
function run(line: string, bold = false): TextRun {
  const rtl = RTL_LETTER.test(line);
  // Plain runs carry no properties: a few thousand table cells add up.
  if (!bold && !rtl) return new TextRun(line);
  return new TextRun({
    text: line,
    ...(bold ? { bold: true } : {}),
    ...(rtl ? { rightToLeft: true } : {}),
  });
}

/** Left-to-right mark (U+200E). */
const LRM = '\u200e';

/**
 * Figures without words ("35 (2026)", "1.2–1.4") in a right-to-left
 * paragraph, held left to right between two left-to-right marks: alone, the
 * brackets and dashes between them take the paragraph's direction and the
 * figures change places ("(2026) 35").
 */
function figuresLeftToRight(line: string): string {
  // Text Intl already marked (money, percentages) is left as it is.
  return /\d/.test(line) &&
    !FIRST_LETTER.test(line) &&
    /[^\d\s.,]/.test(line) &&
    !/[\u200e\u200f\u061c]/.test(line)
    ? `${LRM}${line}${LRM}`
    : line;
}

/** Paragraphs for a text that may hold line breaks. */
function lines(
  t: string,
  dir: Direction,
  style?: string,
  bold = false,
  firstLineBold = false,
  keepNext = false,
): Paragraph[] {
  return text(t)
    .split('\n')
    .map(
      (line, i) =>
        new Paragraph({
          style,
          ...dir.of(line),
          ...(keepNext ? { keepNext: true } : {}),
          children: [
            run(dir.rtl ? figuresLeftToRight(line) : line, bold || (firstLineBold && i === 0)),
          ],
        }),
    );
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
const TABLE_BORDERS = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder,
} as const;

function table(block: Extract<DocBlock, { type: 'table' }>, width: number, dir: Direction): Table {
  const widths = columnWidths(block.columns, block.rows, width);
  // The heading row and the first two body rows keep together (keep-with-next
  // on their paragraphs), so a table never starts at a page's foot with one row.
  const cell = (value: string, i: number, kind: 'head' | 'body' | 'total', keepNext = false) => {
    const numeric = block.columns[i]?.numeric === true;
    // Table text is the document default, so the thousands of body cells need no style.
    const style = kind === 'head' ? 'TableHead' : numeric ? 'TableNumber' : undefined;
    return new TableCell({
      // Widths on the header row only: with a fixed layout the grid sizes the rest.
      ...(kind === 'head' ? { width: { size: widths[i] ?? 0, type: WidthType.DXA } } : {}),
      ...(kind === 'body'
        ? {}
        : {
            shading: {
              type: ShadingType.CLEAR,
              color: 'auto',
              fill: kind === 'head' ? HEADER_FILL : TOTAL_FILL,
            },
          }),
      children: lines(
        value,
        dir,
        style,
        kind === 'total',
        kind === 'body' && block.columns[i]?.firstLineBold === true,
        keepNext,
      ),
    });
  };
  const lastKept = Math.min(1, block.rows.length - 2);
  const groups = new Set(block.groupRows ?? []);
  // A group's heading row: its first cell, then one shaded cell across the
  // rest, kept on the page of the row under it.
  const groupRow = (r: readonly string[]) => {
    const shade = { type: ShadingType.CLEAR, color: 'auto', fill: GROUP_FILL } as const;
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          shading: shade,
          children: lines(r[0] ?? '', dir, undefined, true, false, true),
        }),
        new TableCell({
          shading: shade,
          columnSpan: block.columns.length - 1,
          children: lines(r.slice(1).join(''), dir, undefined, false, true, true),
        }),
      ],
    });
  };
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map((c, i) => cell(c.title, i, 'head', block.rows.length > 0)),
    }),
    ...block.rows.map((r, row) =>
      groups.has(row) && block.columns.length > 1
        ? groupRow(r)
        : new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, i, 'body', row <= lastKept)),
          }),
    ),
  ];
  if (block.totalRow)
    rows.push(
      new TableRow({
        cantSplit: true,
        children: block.totalRow.map((v, i) => cell(v, i, 'total')),
      }),
    );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    // No columnWidths: docx would then give every cell a width of its own; the
    // header row's widths size the grid, and a fixed layout follows the grid.

    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
    ...dir.table,
    rows,
  });
}

function facts(block: Extract<DocBlock, { type: 'facts' }>, width: number, dir: Direction): Table {
  const widths = [Math.round(width * 0.26), Math.round(width * 0.74)];
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'D0D0D0' } as const;
  return new Table({
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: none,
      right: none,
      insideHorizontal: line,
      insideVertical: none,
    },
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    ...dir.table,
    rows: block.rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              children: lines(label, dir, 'FactLabel'),
            }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              children: lines(value, dir, 'TableText'),
            }),
          ],
        }),
    ),
  });
}

type Child = Paragraph | Table | TableOfContents;

/** The page area a figure may use, in scene units (its caption needs the rest). */
function figureArea(kind: PageKind): { width: number; height: number } {
  const box = contentBox(kind);
  return { width: box.width / TWIPS_PER_PX, height: (box.height - 800) / TWIPS_PER_PX };
}

/**
 * How a diagram prints: on the first of an A4 portrait, an A4 landscape or
 * an A3 landscape page where all its text prints at 8 pt or more (the
 * larger scale when both A4 orientations do), else cut into parts on A3
 * landscape pages (see printDiagram: continuation markers where arrows cross
 * a cut).
 */
function diagramLayout(
  scene: DiagramScene,
  loc: DocLocale,
): { page: PageKind; printed: PrintedDiagram } {
  // Asked for by the page runs, the figure and the contents' page estimate: laid out once.
  let layout = laidOutDiagrams.get(scene);
  if (!layout || layout.loc !== loc) {
    layout = { loc, ...layOutDiagram(scene, loc) };
    laidOutDiagrams.set(scene, layout);
  }
  return layout;
}

const laidOutDiagrams = new WeakMap<
  DiagramScene,
  { loc: DocLocale; page: PageKind; printed: PrintedDiagram }
>();

function layOutDiagram(
  scene: DiagramScene,
  loc: DocLocale,
): { page: PageKind; printed: PrintedDiagram } {
  const print = (kind: PageKind) => printDiagram(scene, figureArea(kind), undefined, loc);
  const portrait = print('portrait');
  const landscape = print('landscape');
  if (portrait.tiles.length === 1 && landscape.tiles.length === 1)
    return landscape.scale > portrait.scale * 1.05
      ? { page: 'landscape', printed: landscape }
      : { page: 'portrait', printed: portrait };
  if (landscape.tiles.length === 1) return { page: 'landscape', printed: landscape };
  if (portrait.tiles.length === 1) return { page: 'portrait', printed: portrait };
  return { page: 'a3Landscape', printed: print('a3Landscape') };
}

async function diagram(
  block: Extract<DocBlock, { type: 'diagram' }>,
  options: ExportOptions,
  loc: DocLocale,
): Promise<Child[]> {
  const dir = directionOf(loc);
  const caption = (words: string) =>
    new Paragraph({ style: 'Caption', ...dir.of(words), children: [run(text(words))] });
  if (!options.rasterize)
    return [
      new Paragraph({
        style: 'Note',
        ...dir.of(loc.d('figure.notDrawn')),
        children: [run(loc.d('figure.notDrawn'))],
      }),
      caption(block.caption),
    ];
  const { printed } = diagramLayout(block.scene, loc);
  const { scale, tiles } = printed;
  const children: Child[] = [];
  for (const [index, tile] of tiles.entries()) {
    // The PNG is the fallback for word processors without SVG (Word before
    // 2016): 96 dpi as printed, within the figure's pixel budget. Print and
    // every current reader use the vector drawing; at 144 dpi the fallbacks
    // took ~0.5 s of a large plan's export (resvg in Node).
    const pixels = pixelWidthFor(
      tile.scene,
      Math.min(block.pixelWidth, Math.max(600, Math.round(tile.scene.width * scale))),
    );
    const png = await options.rasterize(tile.scene, pixels);
    const part = partLabel(printed, index, loc);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        ...dir.paragraph,
        keepNext: true,
        // Each further part on a page of its own.
        pageBreakBefore: index > 0,
        spacing: { before: 120, after: 60 },
        children: [
          // The vector drawing, so print is sharp and text in any script is set
          // in the reader's fonts; the PNG for word processors without SVG.
          new ImageRun({
            type: 'svg',
            data: new TextEncoder().encode(sceneToSvg(tile.scene)),
            fallback: { type: 'png', data: png },
            transformation: {
              width: Math.round(tile.scene.width * scale),
              height: Math.round(tile.scene.height * scale),
            },
            altText: {
              name: loc.d('figure.altName'),
              title: text(`${part}${block.caption.split('.')[0] ?? ''}`),
              description: text(tile.scene.alt),
            },
          }),
        ],
      }),
      caption(partCaption(block, printed, index, loc)),
    );
  }
  return children;
}

/** "Part 2 of 4 (row 1 of 2, column 2 of 2). " for a figure in parts; empty for a whole one. */
function partLabel(printed: PrintedDiagram, index: number, loc: DocLocale): string {
  const tile = printed.tiles[index]!;
  const n = printed.tiles.length;
  if (n <= 1) return '';
  const where = [
    ...(printed.rows > 1 ? [loc.d('figure.row', { row: tile.row + 1, rows: printed.rows })] : []),
    ...(printed.columns > 1
      ? [loc.d('figure.column', { column: tile.column + 1, columns: printed.columns })]
      : []),
  ].join(loc.d('punctuation.comma'));
  return `${loc.d('figure.part', { part: index + 1, parts: n, where })} `;
}

/** The caption under one part of a figure. */
function partCaption(
  block: Extract<DocBlock, { type: 'diagram' }>,
  printed: PrintedDiagram,
  index: number,
  loc: DocLocale,
): string {
  const n = printed.tiles.length;
  if (n <= 1) return block.caption;
  const prefix = loc.d('figure.prefix');
  const caption = block.caption.startsWith(prefix)
    ? `${loc.d('figure.partPrefix', { part: index + 1, parts: n })}${block.caption.slice(prefix.length)}`
    : block.caption;
  return `${caption} ${partLabel(printed, index, loc)}${loc.d('figure.inParts', { parts: n })}`;
}

/** The builder's decisions on paper and figures, for the page estimate of the contents (word-pages.ts). */
function pageDecisions(
  doc: PlanDocument,
  options: ExportOptions,
  loc: DocLocale,
): WordPageDecisions<PageKind> {
  return {
    headerRoom: PAGE.margin - HEADER_DISTANCE,
    headerText: text(`${headerTitle(doc)}\u2003${loc.d(`cover.version.${doc.profile}`)}`),
    cover: coverWords(doc, loc),
    runs: (blocks) => pageRuns(blocks, loc),
    box: (page) => {
      const { width, height } = paper(page);
      return { width: width - PAGE.margin * 2, height: height - PAGE.margin * 2 };
    },
    figure: (block) => {
      if (!options.rasterize) return null;
      const { printed } = diagramLayout(block.scene, loc);
      return printed.tiles.map((tile, index) => ({
        height: Math.round(tile.scene.height * printed.scale) * TWIPS_PER_PX,
        caption: partCaption(block, printed, index, loc),
      }));
    },
  };
}

/**
 * Writes the estimated page of each chapter into the contents: the page
 * references to the bookmarks docx puts on the chapter headings (Heading 1),
 * in order. Given page numbers, docx writes the contents and its page
 * references clean, so Word shows them as written and does not ask to update.
 */
function chapterPageNumbers(pages: PlanPages): PageNumberEstimator {
  return (body) => {
    const bookmarks = new Map<string, string>();
    // Chapter headings are paragraphs of the body itself, never inside a table.
    const children = (body as { 'w:body'?: unknown })['w:body'];
    let chapter = 0;
    for (const child of Array.isArray(children) ? children : []) {
      const content = (child as { 'w:p'?: unknown } | null)?.['w:p'];
      if (!Array.isArray(content) || !isChapterHeading(content)) continue;
      const start = content.find(
        (c): c is { 'w:bookmarkStart': unknown } =>
          typeof c === 'object' && c !== null && 'w:bookmarkStart' in c,
      );
      const page = pages.chapterStarts[chapter++];
      const bookmark = start && attribute(start['w:bookmarkStart'], 'w:name');
      if (bookmark && page !== undefined) bookmarks.set(bookmark, String(page));
    }
    return { bookmarks, pageCount: pages.pageCount, sectionPageCounts: pages.sectionPages };
  };
}

/** An attribute of a formatted element's content (docx writes them as `{ _attr: {...} }`). */
function attribute(content: unknown, name: string): string | undefined {
  const holder = Array.isArray(content)
    ? (content.find((c) => typeof c === 'object' && c !== null && '_attr' in c) as unknown)
    : content;
  const attrs = (holder as { _attr?: Record<string, unknown> } | undefined)?._attr;
  const value = attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a formatted paragraph is a chapter heading (style Heading1). */
function isChapterHeading(paragraph: unknown[]): boolean {
  const properties = paragraph.find(
    (c): c is { 'w:pPr': unknown } => typeof c === 'object' && c !== null && 'w:pPr' in c,
  );
  const props = properties?.['w:pPr'];
  if (!Array.isArray(props)) return false;
  const style = props.find(
    (c): c is { 'w:pStyle': unknown } => typeof c === 'object' && c !== null && 'w:pStyle' in c,
  );
  return style !== undefined && attribute(style['w:pStyle'], 'w:val') === 'Heading1';
}

/**
 * The page a block is set on: landscape for tables with many columns,
 * diagrams on the page that prints them legibly (diagramLayout); running
 * text portrait; a heading goes with the block after it.
 */
function pageFor(block: DocBlock, loc: DocLocale): PageKind | null {
  switch (block.type) {
    case 'table':
      return block.columns.length > WIDE_TABLE_COLUMNS ? 'landscape' : 'portrait';
    case 'diagram':
      return diagramLayout(block.scene, loc).page;
    case 'heading':
      return null;
    default:
      return 'portrait';
  }
}

/** Tables with more columns than this get a landscape page. */
const WIDE_TABLE_COLUMNS = 6;

/** A section's blocks in runs on one kind of page (a Word section each). */
export function pageRuns(
  blocks: readonly DocBlock[],
  loc: DocLocale = englishLocale(),
): { page: PageKind; blocks: DocBlock[] }[] {
  const wanted = blocks.map((block) => pageFor(block, loc));
  // Headings take the page of what follows them.
  for (let i = wanted.length - 1; i >= 0; i--)
    if (wanted[i] === null) wanted[i] = i + 1 < wanted.length ? wanted[i + 1]! : 'portrait';
  // A few lines of text between two landscape tables (raters under a
  // scoring table) stay on the landscape page rather than flip the paper.
  const textOnly = (i: number, j: number) =>
    blocks.slice(i, j).every((b) => b.type !== 'table' && b.type !== 'diagram');
  for (let i = 0; i < wanted.length;) {
    let j = i;
    while (j < wanted.length && wanted[j] === wanted[i]) j++;
    const before = i > 0 ? wanted[i - 1] : undefined;
    const after = j < wanted.length ? wanted[j] : undefined;
    // So does a chapter's short introduction before a landscape table.
    const tableAfter = after === 'landscape' && blocks[j]?.type !== 'diagram';
    if (
      wanted[i] === 'portrait' &&
      j - i <= SHORT_TEXT_BLOCKS &&
      textOnly(i, j) &&
      ((before === 'landscape' && (after === 'landscape' || after === undefined)) ||
        (i === 0 && tableAfter))
    )
      for (let k = i; k < j; k++) wanted[k] = 'landscape';
    i = j;
  }
  const runs: { page: PageKind; blocks: DocBlock[] }[] = [];
  blocks.forEach((block, i) => {
    const page = wanted[i]!;
    const last = runs.at(-1);
    if (last && last.page === page) last.blocks.push(block);
    else runs.push({ page, blocks: [block] });
  });
  return runs;
}

/** Text blocks few enough to stay on a landscape page between or after landscape tables. */
const SHORT_TEXT_BLOCKS = 6;

async function blockChildren(
  block: DocBlock,
  page: PageKind,
  options: ExportOptions,
  loc: DocLocale,
): Promise<Child[]> {
  const width = contentBox(page).width;
  const dir = directionOf(loc);
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          ...dir.of(block.text),
          children: [run(text(block.text))],
        }),
      ];
    case 'paragraph':
      return lines(
        block.text,
        dir,
        block.style === 'lead'
          ? 'Lead'
          : block.style === 'note'
            ? 'Note'
            : block.style === 'quote'
              ? 'Quote'
              : 'BodyText',
      );
    case 'bullets':
      return block.items.map(
        (item) =>
          new Paragraph({
            style: 'BodyText',
            ...dir.of(item),
            numbering: { reference: 'bullets', level: 0 },
            children: [run(text(item))],
          }),
      );
    case 'facts':
      return [
        facts(block, width, dir),
        new Paragraph({ style: 'After', ...dir.paragraph, children: [] }),
      ];
    case 'table':
      return [
        table(block, width, dir),
        new Paragraph({ style: 'After', ...dir.paragraph, children: [] }),
      ];
    case 'diagram':
      return diagram(block, options, loc);
  }
}

/** The running header's title. */
const headerTitle = (doc: PlanDocument) => `${doc.title} — ${doc.subtitle}`;

/** Where the running header starts, from the paper's top edge (twips). */
const HEADER_DISTANCE = 567;

function header(doc: PlanDocument, page: PageKind, loc: DocLocale): Header {
  const dir = directionOf(loc);
  const version = loc.d(`cover.version.${doc.profile}`);
  return new Header({
    children: [
      new Paragraph({
        style: 'RunningHeader',
        ...dir.of(headerTitle(doc)),
        // At the far end of the line: the right edge, the left in a right-to-left paragraph.
        tabStops: [
          // "Right" is the far end of a right-to-left paragraph too (Word reads it as "end").
          { type: TabStopType.RIGHT, position: contentBox(page).width },
        ],
        children: [
          run(text(headerTitle(doc))),
          new TextRun({
            children: [new Tab(), version],
            ...(dir.rtl && RTL_LETTER.test(version) ? { rightToLeft: true } : {}),
          }),
        ],
      }),
    ],
  });
}

/** "Page 3 of 12" with the two numbers as fields, in the document language. */
function footer(loc: DocLocale): Footer {
  const dir = directionOf(loc);
  // The message with markers where the page numbers go, cut at them.
  const page = '\uE000';
  const pages = '\uE001';
  const words = loc.d('page.footer', { page, pages });
  const children = words
    .split(new RegExp(`(${page}|${pages})`))
    .filter((part) => part !== '')
    .map((part) =>
      part === page ? PageNumber.CURRENT : part === pages ? PageNumber.TOTAL_PAGES : part,
    );
  return new Footer({
    children: [
      new Paragraph({
        style: 'RunningFooter',
        alignment: AlignmentType.CENTER,
        ...dir.paragraph,
        children: [
          new TextRun({
            children,
            ...(dir.rtl && RTL_LETTER.test(words) ? { rightToLeft: true } : {}),
          }),
        ],
      }),
    ],
  });
}

function pageProperties(page: PageKind) {
  const { width, height } = paper(page);
  return {
    page: {
      size: {
        // docx swaps the two for landscape itself: give them portrait-wise.
        width: Math.min(width, height),
        height: Math.max(width, height),
        orientation: page === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
      },
      margin: {
        top: PAGE.margin,
        bottom: PAGE.margin,
        left: PAGE.margin,
        right: PAGE.margin,
        header: HEADER_DISTANCE,
        footer: 567,
      },
    },
  };
}

/** The cover's and contents' own words (the page estimate sets the same). */
function coverWords(doc: PlanDocument, loc: DocLocale): CoverWords {
  const d = loc.d;
  return {
    kicker: doc.subtitle.toLocaleUpperCase(loc.language),
    facts: [
      [d('col.organisation'), doc.organisation || '—'],
      [d('col.region'), doc.region || '—'],
      [d('cover.asOf'), doc.dateLabel],
      [d('cover.versionLabel'), doc.version],
      [d('cover.audience'), d(`cover.version.${doc.profile}`)],
    ],
    prepared: d('cover.prepared', { date: doc.dateLabel }),
    contents: d('cover.contents'),
    notDrawn: d('figure.notDrawn'),
  };
}

function coverChildren(doc: PlanDocument, loc: DocLocale): Child[] {
  const dir = directionOf(loc);
  const words = coverWords(doc, loc);
  const contents = words.contents;
  return [
    new Paragraph({
      spacing: { before: 2600 },
      style: 'CoverKicker',
      ...dir.paragraph,
      children: [run(words.kicker)],
    }),
    new Paragraph({
      style: 'Title',
      ...dir.paragraph,
      children: [
        new TextRun({
          text: text(doc.title),
          size: coverTitleSize(doc.title, contentBox('portrait').width),
          ...(dir.rtl && RTL_LETTER.test(doc.title) ? { rightToLeft: true } : {}),
        }),
      ],
    }),
    ...(doc.organisation
      ? [
          new Paragraph({
            style: 'Subtitle',
            ...dir.paragraph,
            children: [run(text(doc.organisation))],
          }),
        ]
      : []),
    new Paragraph({
      spacing: { before: 600, after: 300 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 1 } },
      ...dir.paragraph,
      children: [],
    }),
    facts({ type: 'facts', rows: words.facts }, contentBox('portrait').width, dir),
    new Paragraph({
      spacing: { before: 1600 },
      style: 'Note',
      ...dir.paragraph,
      children: [run(text(doc.audienceNote))],
    }),
    new Paragraph({
      style: 'Note',
      ...dir.paragraph,
      children: [run(text(words.prepared))],
    }),
    new Paragraph({ ...dir.paragraph, children: [new PageBreak()] }),
    new Paragraph({
      style: 'ContentsHeading',
      ...dir.paragraph,
      children: [run(text(contents))],
    }),
    // docx writes an entry per chapter heading, linked to it, with a PAGEREF
    // field whose result is the page word-pages.ts estimates (see
    // chapterPageNumbers): LibreOffice, Google Docs and Word's Protected View
    // show them as written, and Word's Update Field still works. (docx/layout's
    // own estimate took ~4 s.)
    new TableOfContents(text(contents), {
      hyperlink: true,
      headingStyleRange: '1-1',
      tabLeader: LeaderType.DOT,
    }),
  ];
}

/** Complex-script language of a document: Arabic text is marked Arabic for Word's proofing and shaping. */
const BIDI_LANGUAGE = 'ar-SA';

/**
 * The font of a style: Arial for Latin, Greek and Cyrillic text; in a
 * right-to-left document, Arabic text in Noto Naskh Arabic, a Naskh face for
 * formal documents that LibreOffice, Google Docs and Android have (Word on a
 * computer without it sets the text in its own Arabic face; Arial's Arabic
 * is Windows-only, so a Linux LibreOffice fell back to DejaVu Sans).
 */
const fontOf = (rtl: boolean) =>
  rtl ? { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: ARABIC_FONT } : FONT;

/** The complex-script font of a right-to-left document. */
const ARABIC_FONT = 'Noto Naskh Arabic';

/**
 * The document's styles: the plan's text in `language` (a BCP 47 tag), and
 * for a right-to-left document language its complex-script language.
 */
const styles = (language: string, rtl = false) => ({
  default: {
    // The default is table text (most paragraphs are table cells); body text has its own style.
    document: {
      // The plan's language (Objective → language): spell-checking, hyphenation
      // and screen readers follow it; in an Arabic document, the Arabic text's too.
      run: {
        font: fontOf(rtl),
        size: 17,
        color: INK,
        language: rtl ? { value: language, bidirectional: BIDI_LANGUAGE } : { value: language },
      },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: fontOf(rtl), size: 34, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: fontOf(rtl), size: 26, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: fontOf(rtl), size: 22, bold: true, color: INK },
      paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, keepLines: true },
    },
    title: {
      run: { font: fontOf(rtl), size: 56, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 200 } },
    },
  },
  // Word's built-in character styles (Hyperlink, footnote reference…) are
  // based on this one: defined, so strict readers find every base style.
  characterStyles: [
    {
      id: 'DefaultParagraphFont',
      name: 'Default Paragraph Font',
      uiPriority: 1,
      semiHidden: true,
      unhideWhenUsed: true,
    },
  ],
  paragraphStyles: [
    {
      id: 'BodyText',
      name: 'Body Text',
      basedOn: 'Normal',
      run: { size: 20 },
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'BodyText',
      run: { size: 22 },
      // The contents' entries read from the right in a right-to-left document.
      paragraph: { spacing: { after: 100 }, ...(rtl ? { bidirectional: true } : {}) },
    },
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'BodyText', run: { size: 30, color: '404040' } },
    {
      id: 'CoverKicker',
      name: 'Cover kicker',
      basedOn: 'BodyText',
      // Letter spacing would break up joined Arabic letters: none in a right-to-left document.
      run: { size: 22, bold: true, color: '595959', characterSpacing: rtl ? 0 : 40 },
    },
    {
      id: 'ContentsHeading',
      name: 'Contents heading',
      basedOn: 'BodyText',
      run: { size: 34, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'Lead',
      name: 'Lead',
      basedOn: 'BodyText',
      run: { size: 21, color: '404040' },
      paragraph: { spacing: { after: 200 } },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'BodyText',
      run: { size: 18, italics: true, color: '595959' },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'BodyText',
      run: { size: 21, italics: true, color: '404040' },
      paragraph: { indent: { left: 400 }, spacing: { after: 160 } },
    },
    {
      id: 'Caption',
      name: 'Caption',
      basedOn: 'BodyText',
      run: { size: 17, italics: true, color: '595959' },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'TableText',
      name: 'Table text',
      basedOn: 'Normal',
      run: { size: 17 },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'TableNumber',
      name: 'Table number',
      basedOn: 'TableText',
      // Numbers align on their last digit, at the right, in either direction. Word
      // reads "left" in a right-to-left paragraph as its start: the right.
      paragraph: { alignment: rtl ? AlignmentType.LEFT : AlignmentType.RIGHT },
    },
    {
      id: 'TableHead',
      name: 'Table heading',
      basedOn: 'TableText',
      run: { bold: true, color: ACCENT },
      paragraph: { keepNext: true },
    },
    {
      id: 'FactLabel',
      name: 'Fact label',
      basedOn: 'TableText',
      run: { bold: true, color: '404040' },
    },
    {
      id: 'After',
      name: 'Space after table',
      basedOn: 'BodyText',
      run: { size: 8 },
      paragraph: { spacing: { after: 160, line: 120, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'RunningHeader',
      name: 'Running header',
      basedOn: 'Normal',
      run: { size: 16, color: '595959' },
      paragraph: {
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
      },
    },
    {
      id: 'RunningFooter',
      name: 'Running footer',
      basedOn: 'Normal',
      run: { size: 16, color: '595959' },
      paragraph: { spacing: { after: 0 } },
    },
  ],
});

const NUMBERING = {
  config: [
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 400, hanging: 260 } } },
        },
      ],
    },
  ],
};

/**
 * Builds the Word document for a plan (bytes of a .docx file), in the plan's
 * document language unless `options.locale` says another.
 */
export async function buildPlanDocx(
  plan: Parameters<typeof planDocument>[0],
  options: ExportOptions,
): Promise<Uint8Array> {
  options.onProgress?.(0.05, { step: 'collecting' });
  // One locale for the whole export: created once, however many labels it writes.
  const locale = options.locale ?? (await documentLocale(plan.documentLanguage));
  const withLocale = { ...options, locale };
  const doc = planDocument(plan, withLocale);
  return renderPlanDocx(doc, withLocale, locale);
}

/** The estimated pages of a plan's Word document: where each chapter starts (see word-pages.ts). */
export function estimatePlanPages(
  plan: Parameters<typeof planDocument>[0],
  options: ExportOptions,
): PlanPages {
  const loc = localeFor(plan, options.locale);
  const doc = planDocument(plan, { ...options, locale: loc });
  return planPages(doc, 'portrait', pageDecisions(doc, options, loc));
}

/** Renders an already-built PlanDocument (the benchmark times this half separately). */
async function renderPlanDocx(
  doc: PlanDocument,
  options: ExportOptions,
  loc: DocLocale,
): Promise<Uint8Array> {
  const dir = directionOf(loc);
  const headers: Record<PageKind, Header> = {
    portrait: header(doc, 'portrait', loc),
    landscape: header(doc, 'landscape', loc),
    a3Landscape: header(doc, 'a3Landscape', loc),
  };
  const foot = footer(loc);
  const empty = {
    header: new Header({ children: [new Paragraph({})] }),
    footer: new Footer({ children: [new Paragraph({})] }),
  };
  const sections: ISectionOptions[] = [
    {
      properties: { ...pageProperties('portrait'), titlePage: true },
      headers: { default: headers.portrait, first: empty.header },
      footers: { default: foot, first: empty.footer },
      children: coverChildren(doc, loc),
    },
  ];
  let done = 0;
  for (const section of doc.sections) {
    // Running text on portrait pages; wide tables and figures on landscape
    // pages of their own (a Word section per change of orientation).
    const runs = pageRuns(section.blocks, loc);
    if (runs.length === 0) runs.push({ page: 'portrait', blocks: [] });
    for (const [index, pageRun] of runs.entries()) {
      const children: Child[] =
        index === 0
          ? [
              new Paragraph({
                heading: HeadingLevel.HEADING_1,
                ...dir.paragraph,
                children: [run(text(chapterHeading(section.number, section.title)))],
              }),
            ]
          : [];
      for (const block of pageRun.blocks)
        children.push(...(await blockChildren(block, pageRun.page, options, loc)));
      sections.push({
        properties: pageProperties(pageRun.page),
        headers: { default: headers[pageRun.page] },
        footers: { default: foot },
        children,
      });
    }
    done++;
    options.onProgress?.(0.1 + (0.6 * done) / Math.max(1, doc.sections.length), {
      step: 'writing',
      section: section.id,
    });
  }
  const document = new Document({
    pageNumbers: chapterPageNumbers(planPages(doc, 'portrait', pageDecisions(doc, options, loc))),
    creator: text(doc.organisation || 'Upskill Workbench'),
    title: text(`${doc.title} — ${doc.subtitle}`),
    description: text(doc.audienceNote),
    styles: styles(doc.language, dir.rtl),
    numbering: NUMBERING,
    sections,
  });
  options.onProgress?.(0.75, { step: 'packing' });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  options.onProgress?.(1, { step: 'done' });
  return bytes;
}

/** A short stand-alone document (one launch communication, an onboarding guide). */
export interface ShortDocument {
  /** The document's title, set as its first line. */
  readonly title: string;
  /** A line above the title (the program's name); '' for none. */
  readonly kicker: string;
  /** The running header's text. */
  readonly header: string;
  /** The file's author (the organisation). */
  readonly creator: string;
  /** The language of its text (BCP 47); English (UK) if not given. */
  readonly language?: string;
  /** The language of the words the app adds to it (the plan's document language); English if not given. */
  readonly locale?: DocLocale;
  readonly blocks: readonly DocBlock[];
}

/**
 * Builds a short Word document in the plan document's styles: a title and
 * its blocks on portrait pages, with a running header and page numbers, and
 * no cover or contents (issue 13: a communication exported on its own).
 */
export async function buildShortDocx(doc: ShortDocument): Promise<Uint8Array> {
  const loc = doc.locale ?? englishLocale();
  const dir = directionOf(loc);
  const options: ExportOptions = { profile: 'internal', sections: [], asOf: '', locale: loc };
  const width = contentBox('portrait').width;
  const children: Child[] = [];
  if (doc.kicker)
    children.push(
      new Paragraph({
        style: 'CoverKicker',
        ...dir.paragraph,
        children: [run(text(doc.kicker.toLocaleUpperCase(loc.language)))],
      }),
    );
  children.push(
    new Paragraph({
      style: 'Title',
      ...dir.of(doc.title),
      children: [new TextRun({ text: text(doc.title), size: coverTitleSize(doc.title, width) })],
    }),
  );
  for (const block of doc.blocks)
    children.push(...(await blockChildren(block, 'portrait', options, loc)));
  const document = new Document({
    creator: text(doc.creator || 'Upskill Workbench'),
    title: text(doc.title),
    styles: styles(doc.language ?? 'en-GB', dir.rtl),
    numbering: NUMBERING,
    sections: [
      {
        properties: pageProperties('portrait'),
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: 'RunningHeader',
                ...dir.of(doc.header),
                children: [run(text(doc.header))],
              }),
            ],
          }),
        },
        footers: { default: footer(loc) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
