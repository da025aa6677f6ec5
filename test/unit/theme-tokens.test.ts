/**
 * The colour themes stay whole (issue 15): the renderer's stylesheets paint
 * only with tokens from renderer/src/theme/themes.css, every token they use
 * exists, and the dark and high-contrast themes give every colour token of
 * the light theme a value of their own (or share one on purpose).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const rendererSrc = join(root, 'renderer', 'src');
const THEMES_CSS = join(rendererSrc, 'theme', 'themes.css');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

const stylesheets = filesUnder(rendererSrc, /\.css$/).filter((f) => f !== THEMES_CSS);
const themes = readFileSync(THEMES_CSS, 'utf8');
/** A named colour keyword used as a value (not part of a name such as white-space). */
const NAMED_COLOUR =
  /(?<![-\w])(white|black|red|green|blue|gray|grey|orange|yellow|purple|navy|silver|maroon)(?![-\w])/;

/** The declarations of a theme block, by token name. */
function themeBlock(selector: string): Map<string, string> {
  const start = themes.indexOf(`${selector} {`);
  expect(start, `${selector} in themes.css`).toBeGreaterThanOrEqual(0);
  const body = themes.slice(start, themes.indexOf('\n}\n', start));
  return new Map(
    [...body.matchAll(/^\s*(--[a-z0-9-]+):\s*([^;]+);/gm)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

describe('theme tokens', () => {
  it('no stylesheet outside themes.css writes a colour of its own', () => {
    const found: string[] = [];
    for (const file of stylesheets) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\*.*?\*\//g, '');
          const literal =
            /#[0-9a-f]{3,8}\b/i.test(code) ||
            // Shadows take their colour from a token: rgb(var(--shadow-rgb) / 20%).
            /\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\((?!var\()/i.test(code) ||
            NAMED_COLOUR.test(code);
          if (literal) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('every token the renderer uses is defined', () => {
    const defined = new Set(
      [themes, ...stylesheets.map((f) => readFileSync(f, 'utf8'))].flatMap((css) =>
        [...css.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]!),
      ),
    );
    // Set from script (style={{ '--card-font': … }}), with a fallback where used.
    for (const fromScript of ['--card-font', '--lines']) defined.add(fromScript);
    const sources = [
      ...stylesheets,
      ...filesUnder(rendererSrc, /\.(ts|tsx)$/),
      join(root, 'shared', 'manage', 'charts.ts'),
    ];
    const missing = new Set<string>();
    for (const file of sources)
      for (const m of readFileSync(file, 'utf8').matchAll(/var\((--[a-z0-9-]+)/g))
        if (!defined.has(m[1]!)) missing.add(`${relative(root, file)}: ${m[1]}`);
    expect([...missing]).toEqual([]);
  });

  it('dark and high contrast give every light colour token its own value, or share it on purpose', () => {
    const light = themeBlock(":root,\n:root[data-theme='light']");
    /** Shared by every theme: widths, references to other tokens, the print page. */
    const shared = (name: string, value: string) =>
      /^var\(|^\d|^none$|^transparent$/.test(value) || name === '--print-page';
    for (const selector of [":root[data-theme='dark']", ":root[data-theme='high-contrast']"]) {
      const theme = themeBlock(selector);
      const missing = [...light].filter(
        ([name, value]) => !theme.has(name) && !shared(name, value),
      );
      expect(
        missing.map(([name]) => name),
        selector,
      ).toEqual([]);
      const unknown = [...theme.keys()].filter((name) => !light.has(name));
      expect(unknown, `${selector} tokens the light theme lacks`).toEqual([]);
    }
  });

  it('stakeholder card colours keep 3:1 against the matrix and card surfaces in every theme (WCAG 1.4.11)', () => {
    const light = themeBlock(":root,\n:root[data-theme='light']");
    const low: string[] = [];
    for (const selector of [
      ":root,\n:root[data-theme='light']",
      ":root[data-theme='dark']",
      ":root[data-theme='high-contrast']",
    ]) {
      const theme = new Map([...light, ...themeBlock(selector)]);
      const hex = (name: string) => {
        const value = theme.get(name)!;
        expect(value, `${selector} ${name}`).toMatch(/^#[0-9a-f]{6}$/i);
        return value;
      };
      const colours = [...theme.keys()].filter((n) => /^--sh-(stance|type)-/.test(n));
      const surfaces = [...[...theme.keys()].filter((n) => /^--sh-q-/.test(n)), '--paper'];
      for (const colour of colours)
        for (const surface of surfaces) {
          const ratio = contrast(hex(colour), hex(surface));
          if (ratio < 3)
            low.push(`${selector.split('\n').pop()} ${colour} on ${surface}: ${ratio.toFixed(2)}`);
        }
    }
    expect(low).toEqual([]);
  });
});

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
