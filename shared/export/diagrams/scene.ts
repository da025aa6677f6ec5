/**
 * Diagrams as a short list of shapes (boxes, lines, text), so one drawing can
 * be written as SVG (for resvg in Node and for the document's vector copy)
 * and painted on a canvas (in the browser worker, where the app's strict
 * Content-Security-Policy forbids compiling WebAssembly). Pure: text is
 * wrapped with an estimate of glyph widths, not by measuring.
 */
import { sanitizeText } from '../sanitize';

/** A rectangle; `dash` lists stroke-dash lengths (empty = solid). */
export interface RectShape {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly radius?: number;
  readonly fill: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: readonly number[];
}

/** A straight line, optionally ending in an arrowhead at (x2, y2). */
export interface LineShape {
  readonly type: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dash?: readonly number[];
  readonly arrow?: boolean;
}

/** One line of text; `y` is the baseline. */
export interface TextShape {
  readonly type: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly fill: string;
  /**
   * The width of the box a start-anchored line sits in, from `x`: a line that
   * reads right to left (Arabic, Hebrew…) is set against the box's right edge.
   */
  readonly lineWidth?: number;
}

/** A filled circle (a stakeholder on the matrix). */
export interface CircleShape {
  readonly type: 'circle';
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly fill: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

/** Anything a diagram is drawn with. */
export type Shape = RectShape | LineShape | TextShape | CircleShape;

/** A whole diagram in its own units; `alt` describes it for screen readers. */
export interface DiagramScene {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
  readonly alt: string;
  /**
   * A drawing made elsewhere as a whole SVG document (a Manage chart drawn by
   * ECharts' server-side renderer, shared/manage/chart-svg.ts): written and
   * rasterised instead of the shapes, which are then its plain fallback for
   * painters that cannot read SVG (the browser worker's canvas).
   */
  readonly svg?: string;
}

/** The font diagrams are drawn in (Inter ships with the app; the rest are fallbacks). */
export const DIAGRAM_FONT = 'Inter, Arial, Helvetica, sans-serif';

/** Greys a reader can tell apart on a black-and-white printout. */
export const GREYS = {
  ink: '#1a1a1a',
  text: '#333333',
  muted: '#666666',
  line: '#8c8c8c',
  rule: '#bfbfbf',
  fillDark: '#d9d9d9',
  fill: '#efefef',
  fillLight: '#f7f7f7',
  white: '#ffffff',
} as const;

/** Approximate advance width of a character, in ems (Inter-like proportions). */
function charWidth(ch: string): number {
  if (" .,:;!|'’`ijlI()[]{}".includes(ch)) return 0.3;
  if ('mwMW@%'.includes(ch)) return 0.88;
  if (ch >= 'A' && ch <= 'Z') return 0.68;
  if (ch >= '0' && ch <= '9') return 0.6;
  const code = ch.codePointAt(0) ?? 0;
  // CJK and emoji are about a full em wide.
  if (code >= 0x2e80) return 1;
  return 0.56;
}

/** Estimated width of a text at a font size, in the same units as the size. */
export function textWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * size * (bold ? 1.06 : 1);
}

/** Whether a text reads right to left: its first letter is Arabic, Hebrew, Syriac, Thaana, N'Ko or Adlam. */
export function isRightToLeft(text: string): boolean {
  const letter = /\p{L}/u.exec(text)?.[0];
  return (
    letter !== undefined &&
    /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u.test(
      letter,
    )
  );
}

/** Where a text line is drawn from and how it is anchored (right-to-left lines against their box's right edge). */
export function textPlacement(s: TextShape): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const anchor = s.anchor ?? 'start';
  if (anchor === 'start' && s.lineWidth !== undefined && isRightToLeft(s.text))
    return { x: s.x + s.lineWidth, anchor: 'end' };
  return { x: s.x, anchor };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A text's characters as a reader sees them (grapheme clusters). */
const characters = (text: string): string[] =>
  Array.from(graphemes.segment(text), (s) => s.segment);

/**
 * Wraps a text into lines no wider than `maxWidth`; at most `maxLines`, the
 * last ending in "…" when something was cut. Words longer than a line are
 * broken.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  maxLines = Infinity,
  bold = false,
): string[] {
  const words = sanitizeText(text).replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const fits = (t: string) => textWidth(t, size, bold) <= maxWidth;
  for (let word of words) {
    while (!fits(word)) {
      // Break an over-long word at the widest prefix that fits, between whole
      // characters (a flag or "👩‍💻" split over two lines reads as two symbols).
      const chars = characters(word);
      let cut = chars.length - 1;
      while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(chars.slice(0, cut).join(''));
      word = chars.slice(cut).join('');
    }
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (!fits(last) && last.length > 1) last = `${characters(last).slice(0, -2).join('')}…`;
  kept[maxLines - 1] = last;
  return kept;
}

const escapeXml = (text: string) =>
  sanitizeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The arrowhead of a line as a triangle's three points. */
export function arrowHead(line: LineShape, length = 9): [number, number][] {
  const angle = Math.atan2(line.y2 - line.y1, line.x2 - line.x1);
  const spread = Math.PI / 7;
  return [
    [line.x2, line.y2],
    [line.x2 - length * Math.cos(angle - spread), line.y2 - length * Math.sin(angle - spread)],
    [line.x2 - length * Math.cos(angle + spread), line.y2 - length * Math.sin(angle + spread)],
  ];
}

/** The scene as a standalone SVG document. */
export function sceneToSvg(scene: DiagramScene): string {
  if (scene.svg) return scene.svg;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(scene.width)}" height="${num(scene.height)}" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" font-family="${DIAGRAM_FONT}">`,
    `<title>${escapeXml(scene.alt)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (const s of scene.shapes) {
    const dash = 'dash' in s && s.dash?.length ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
    switch (s.type) {
      case 'rect':
        out.push(
          `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.width)}" height="${num(s.height)}"${s.radius ? ` rx="${num(s.radius)}"` : ''} fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${num(s.strokeWidth ?? 1)}"` : ''}${dash}/>`,
        );
        break;
      case 'line':
        out.push(
          `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" stroke="${s.stroke}" stroke-width="${num(s.strokeWidth)}"${dash}/>`,
        );
        if (s.arrow)
          out.push(
            `<polygon points="${arrowHead(s)
              .map(([x, y]) => `${num(x)},${num(y)}`)
              .join(' ')}" fill="${s.stroke}"/>`,
          );
        break;
      case 'circle':
        out.push(
          `<circle cx="${num(s.cx)}" cy="${num(s.cy)}" r="${num(s.r)}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${num(s.strokeWidth ?? 1)}"` : ''}/>`,
        );
        break;
      case 'text': {
        const { x, anchor } = textPlacement(s);
        out.push(
          `<text x="${num(x)}" y="${num(s.y)}" font-size="${num(s.size)}"${s.bold ? ' font-weight="700"' : ''}${s.italic ? ' font-style="italic"' : ''}${anchor !== 'start' ? ` text-anchor="${anchor}"` : ''} fill="${s.fill}">${escapeXml(s.text)}</text>`,
        );
        break;
      }
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Largest PNG we make, in pixels (width × height): keeps documents small and fast. */
export const MAX_DIAGRAM_PIXELS = 12_000_000;

/**
 * The PNG width for a scene: `preferred` pixels, reduced so the image stays
 * under MAX_DIAGRAM_PIXELS (a 1,000-element theory of change is very tall).
 */
export function pixelWidthFor(scene: DiagramScene, preferred: number): number {
  const aspect = scene.height / Math.max(1, scene.width);
  const capped = Math.sqrt(MAX_DIAGRAM_PIXELS / Math.max(aspect, 1e-6));
  return Math.max(200, Math.floor(Math.min(preferred, capped)));
}
