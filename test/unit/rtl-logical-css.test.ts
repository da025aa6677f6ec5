/**
 * Right to left (issue 15): with Arabic the app mirrors through `<html dir>`
 * and CSS logical properties, so no renderer stylesheet writes a physical
 * side (left/right margins, paddings, borders, offsets, alignment, corners,
 * sideways shadows) — except the declarations listed below, each with the
 * reason it must stay physical (mostly the canvases, which keep their flow
 * direction in a right-to-left UI). A sideways shadow is also fine when a
 * `:dir(rtl)` rule for the same selector mirrors it. Inline styles in the
 * renderer's scripts follow the same rule for their unambiguous physical
 * names (marginLeft, borderRightColor, textAlign: 'left'…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const rendererSrc = join(root, 'renderer', 'src');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** A declaration allowed to stay physical, and why. */
interface Allowed {
  file: string;
  selector: string;
  property: string;
  reason: string;
}

const MATRIX =
  'the stakeholder matrix plot is laid out in physical pixels (dir="ltr"); a right-to-left UI mirrors it once, in the pixel mapping (shared/stakeholders/quadrants.ts)';
const STAKEHOLDERS = 'renderer/src/features/stakeholders/stakeholders.css';

/** Physical declarations on purpose. */
const ALLOWED: Allowed[] = [
  {
    file: 'renderer/src/styles.css',
    selector: '.notice-region',
    property: 'left',
    reason: 'left: 50% with translateX(-50%) centres the notices, the same in both directions',
  },
  ...['.sh-q--tl', '.sh-q--bl'].flatMap((selector) => [
    { file: STAKEHOLDERS, selector, property: 'left', reason: MATRIX },
    {
      file: STAKEHOLDERS,
      selector,
      property: 'border-right',
      reason: `${MATRIX}: the line between low and high interest`,
    },
  ]),
  ...['.sh-q--tr', '.sh-q--br'].map((selector) => ({
    file: STAKEHOLDERS,
    selector,
    property: 'right',
    reason: MATRIX,
  })),
  ...[
    '.sh-q--tl .sh-q-label, .sh-q--bl .sh-q-label',
    '.sh-q--tr .sh-q-label, .sh-q--br .sh-q-label',
  ].map((selector) => ({
    file: STAKEHOLDERS,
    selector,
    property: 'text-align',
    reason: `${MATRIX}: quadrant labels hug their quadrant's outer edge`,
  })),
  ...['.sh-marker', '.sh-matrix--workshop .sh-marker'].map((selector) => ({
    file: STAKEHOLDERS,
    selector,
    property: 'left',
    reason:
      'centres the dot on its point of the matrix (half its width), the same in both directions',
  })),
  {
    file: STAKEHOLDERS,
    selector: '.sh-leader',
    property: 'left',
    reason: `${MATRIX}: a leader line starts at its dot and is rotated towards the card`,
  },
  {
    file: STAKEHOLDERS,
    selector: '.sh-card',
    property: 'left',
    reason: `${MATRIX}: the card is placed by the layout's x/y offsets from its dot`,
  },
  {
    file: STAKEHOLDERS,
    selector: '.sh-drag-readout',
    property: 'left',
    reason: 'left: 0 with translateX(-50%) centres the readout over the dragged dot',
  },
  {
    file: 'renderer/src/features/indicators/indicators.css',
    selector: '.indicator-chevron',
    property: 'border-right',
    reason: 'a chevron drawn by two borders and rotated; its :dir(rtl) rotation points it left',
  },
  {
    file: 'renderer/src/features/logic-model/logic-model.css',
    selector: '.lm-arrows',
    property: 'left',
    reason:
      'the logic model keeps its flow (inputs to impact, left to right); arrows are drawn in x from the left edge',
  },
  {
    file: 'renderer/src/features/theory-of-change/toc.css',
    selector: '.toc-empty-hint',
    property: 'left',
    reason: 'left: 50% with translate(-50%, -50%) centres the hint on the canvas',
  },
  {
    file: 'renderer/src/features/theory-of-change/toc.css',
    selector: '.toc-static-links, .toc-static-nodes',
    property: 'left',
    reason:
      'the theory-of-change canvas keeps its flow; tiles are drawn in canvas x from its left edge',
  },
];

/** Properties that name a physical side. */
const PHYSICAL_PROPERTY =
  /^(left|right|(margin|padding|scroll-margin|scroll-padding)-(left|right)|border-(left|right)(-(width|color|style))?|border-(top|bottom)-(left|right)-radius)$/;
/** Properties whose value can name a physical side. */
const SIDE_VALUE = /^(text-align|float|clear|justify-self|justify-items|caption-side)$/;
/** Shorthands whose four values are top, right, bottom, left. */
const FOUR_SIDES =
  /^(margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)$/;

/** Splits a value on top-level spaces (not inside calc() or var()). */
function words(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of value.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (word) out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Why a declaration is physical, or null when it is not. */
function physical(property: string, value: string): string | null {
  const v = value.replace(/!important/, '').trim();
  if (PHYSICAL_PROPERTY.test(property)) return 'physical side';
  if (SIDE_VALUE.test(property) && /\b(left|right)\b/.test(v)) return 'left/right value';
  if (property === 'background-position' && /\b(left|right)\b/.test(v)) return 'left/right value';
  if (FOUR_SIDES.test(property)) {
    const w = words(v);
    if (w.length === 4 && w[1] !== w[3]) return 'right and left differ';
  }
  if (property === 'border-radius' && !v.includes('/')) {
    const w = words(v);
    const symmetric =
      w.length === 1 ||
      (w.length === 2 && w[0] === w[1]) ||
      (w.length === 3 && w[0] === w[1] && w[1] === w[2]) ||
      (w.length === 4 && w[0] === w[1] && w[2] === w[3]);
    if (!symmetric) return 'corners differ between left and right';
  }
  if (property === 'content' && /[←→⇐⇒⟵⟶«»‹›▶◀▸◂►◄]/.test(v)) return 'an arrow that points';
  if (property === 'box-shadow') {
    for (const shadow of v.split(/,(?![^(]*\))/)) {
      const lengths = words(shadow).filter((x) => /^-?[\d.]+[a-z]*$/.test(x));
      if (lengths.length >= 2 && Number.parseFloat(lengths[0]!) !== 0) return 'sideways shadow';
    }
  }
  return null;
}

interface Declaration {
  file: string;
  line: number;
  selector: string;
  property: string;
  value: string;
}

/** The declarations of a stylesheet with their rule's selector (nested at-rules included). */
function declarations(file: string): Declaration[] {
  // Comments become spaces, keeping line numbers.
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) =>
    c.replace(/[^\n]/g, ' '),
  );
  const out: Declaration[] = [];
  const selectors: string[] = [];
  let buffer = '';
  let line = 1;
  let bufferLine = 1;
  const flush = () => {
    const text = buffer.trim();
    const m = /^([-a-z]+)\s*:\s*([\s\S]+)$/i.exec(text);
    if (m && selectors.length) {
      out.push({
        file: relative(root, file),
        line: bufferLine,
        selector: selectors.at(-1)!,
        property: m[1]!.toLowerCase(),
        value: m[2]!.replace(/\s+/g, ' '),
      });
    }
    buffer = '';
  };
  for (const ch of css) {
    if (!buffer.trim()) bufferLine = line;
    if (ch === '\n') line++;
    if (ch === '{') {
      selectors.push(buffer.trim().replace(/\s+/g, ' '));
      buffer = '';
    } else if (ch === '}') {
      flush();
      selectors.pop();
    } else if (ch === ';') flush();
    else buffer += ch;
  }
  return out;
}

/**
 * Whether a `:dir(rtl)` rule for each of the selector's parts sets the same
 * property (`a::after` is mirrored by `a:dir(rtl)::after`).
 */
function mirrored(d: Declaration, all: Declaration[]): boolean {
  const wanted = d.selector
    .split(',')
    .map((s) => s.trim().replace(/(::?(before|after|marker))?$/, ':dir(rtl)$1'))
    .join(', ');
  return all.some((o) => o.selector === wanted && o.property === d.property);
}

const stylesheets = filesUnder(rendererSrc, /\.css$/);

describe('right to left: logical properties', () => {
  it('no renderer stylesheet writes a physical side outside the allow-list', () => {
    const found: string[] = [];
    const used = new Set<Allowed>();
    for (const file of stylesheets) {
      const all = declarations(file);
      for (const d of all) {
        const why = physical(d.property, d.value);
        // Rules for one direction (`:dir(rtl)`) say physical sides on purpose.
        if (!why || /:dir\((rtl|ltr)\)/.test(d.selector) || mirrored(d, all)) continue;
        const allowed = ALLOWED.find(
          (a) => a.file === d.file && a.selector === d.selector && a.property === d.property,
        );
        if (allowed) used.add(allowed);
        else found.push(`${d.file}:${d.line} ${d.selector} { ${d.property}: ${d.value} } — ${why}`);
      }
    }
    expect(found, 'use start/end (inline) properties, or allow-list with a reason').toEqual([]);
    const stale = ALLOWED.filter((a) => !used.has(a)).map(
      (a) => `${a.file} ${a.selector} { ${a.property} }`,
    );
    expect(stale, 'allow-list entries that match nothing any more').toEqual([]);
  });

  it('every allowed physical declaration says why', () => {
    for (const a of ALLOWED)
      expect(a.reason.length, `${a.selector} ${a.property}`).toBeGreaterThan(20);
  });

  it('inline styles in the renderer use start/end names', () => {
    /** Physical inline styles on purpose: file and the text of the line, with why. */
    const allowedInline = [
      {
        file: 'renderer/src/features/stakeholders/Matrix.tsx',
        text: 'borderLeftColor: colour,',
        reason: `${MATRIX}: a card's colour edge is its left border there`,
      },
    ];
    const found: string[] = [];
    for (const file of filesUnder(rendererSrc, /\.tsx?$/)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (
            /\b(margin|padding|border)(Left|Right)\w*\s*:|\bborder(Top|Bottom)(Left|Right)Radius\s*:|\btextAlign\s*:\s*['"](left|right)['"]|\b(cssFloat|float)\s*:\s*['"](left|right)['"]/.test(
              line,
            ) &&
            !allowedInline.some((a) => a.file === relative(root, file) && a.text === line.trim())
          )
            found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('finds what it guards against (the checker itself)', () => {
    expect(physical('margin-left', '1rem')).not.toBeNull();
    expect(physical('text-align', 'right')).not.toBeNull();
    expect(physical('padding', '0 1rem 0 2rem')).not.toBeNull();
    expect(physical('border-radius', '2px 16px 2px 2px')).not.toBeNull();
    expect(physical('box-shadow', 'inset 3px 0 0 var(--accent)')).not.toBeNull();
    expect(physical('margin-inline-start', '1rem')).toBeNull();
    expect(physical('text-align', 'start')).toBeNull();
    expect(physical('padding', '0 1rem 0 1rem')).toBeNull();
    expect(physical('padding', 'calc(1px + 2px) 0')).toBeNull();
    expect(physical('box-shadow', '0 10px 30px rgb(var(--shadow-rgb) / 30%)')).toBeNull();
    expect(physical('white-space', 'nowrap')).toBeNull();
    expect(physical('content', "' →'")).not.toBeNull();
    expect(physical('content', "counter(ob) '.'")).toBeNull();
  });
});
