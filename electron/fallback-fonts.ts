/**
 * Fonts for the scripts Inter does not cover, found among the fonts installed
 * on this computer, so a diagram rasterised in Node (resvg, which cannot see
 * system fonts from WebAssembly) draws Arabic, Hebrew, Indic, Thai, Chinese,
 * Japanese or Korean names instead of empty boxes. Only the scripts a diagram
 * uses are looked up, and each font file is read once per process.
 */
import { promises as fs, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A script Inter lacks, how to spot it, and font files that cover it (best first, by file name). */
interface ScriptFonts {
  readonly script: string;
  readonly test: RegExp;
  readonly files: readonly RegExp[];
}

/**
 * File names, in order of preference: Noto (Linux, and installed by many
 * users), then what Windows and macOS ship.
 */
const SCRIPTS: readonly ScriptFonts[] = [
  {
    script: 'Arabic',
    test: /\p{Script=Arabic}/u,
    files: [
      /^NotoSansArabic-Regular\./i,
      /^NotoNaskhArabic-Regular\./i,
      /^arial\.ttf$/i,
      /^segoeui\.ttf$/i,
      /^GeezaPro\./i,
    ],
  },
  {
    script: 'Hebrew',
    test: /\p{Script=Hebrew}/u,
    files: [/^NotoSansHebrew-Regular\./i, /^arial\.ttf$/i, /^segoeui\.ttf$/i, /^ArialHB\./i],
  },
  {
    script: 'Devanagari',
    test: /\p{Script=Devanagari}/u,
    files: [/^NotoSansDevanagari-Regular\./i, /^Nirmala\.ttf$/i, /^DevanagariMT\./i],
  },
  {
    script: 'Bengali',
    test: /\p{Script=Bengali}/u,
    files: [/^NotoSansBengali-Regular\./i, /^Nirmala\.ttf$/i, /^BanglaMN\./i],
  },
  {
    script: 'Tamil',
    test: /\p{Script=Tamil}/u,
    files: [/^NotoSansTamil-Regular\./i, /^Nirmala\.ttf$/i, /^TamilMN\./i],
  },
  {
    script: 'Thai',
    test: /\p{Script=Thai}/u,
    files: [/^NotoSansThai-Regular\./i, /^leelawui\.ttf$/i, /^Thonburi\./i],
  },
  {
    script: 'Ethiopic',
    test: /\p{Script=Ethiopic}/u,
    files: [/^NotoSansEthiopic-Regular\./i, /^ebrima\.ttf$/i],
  },
  {
    script: 'Han',
    test: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
    files: [
      /^NotoSansCJK-Regular\.ttc$/i,
      /^NotoSansCJK.*-Regular\./i,
      /^NotoSans(SC|TC|JP|KR)-Regular\./i,
      /^msyh\.ttc$/i,
      /^YuGothR\.ttc$/i,
      /^malgun\.ttf$/i,
      /^PingFang\.ttc$/i,
      /^Hiragino Sans GB\.ttc$/i,
      /^AppleSDGothicNeo\.ttc$/i,
      /^DroidSansFallback/i,
      /^wqy-/i,
    ],
  },
  {
    script: 'Symbols',
    test: /[\p{Extended_Pictographic}\u2190-\u2BFF]/u,
    files: [/^NotoSansSymbols2-Regular\./i, /^seguisym\.ttf$/i, /^DejaVuSans\.ttf$/i],
  },
];

/** The scripts in `text` that need a font other than Inter (names from SCRIPTS). */
export function scriptsNeeding(text: string): string[] {
  return SCRIPTS.filter((s) => s.test.test(text)).map((s) => s.script);
}

/**
 * For each script, the best font file among `files` (full paths) by the
 * preference lists above; scripts with no matching file are left out.
 */
export function chooseFallbackFiles(
  scripts: readonly string[],
  files: readonly string[],
): Map<string, string> {
  const byName = files.map((path) => ({ path, name: path.split(/[\\/]/).pop() ?? path }));
  const chosen = new Map<string, string>();
  for (const script of scripts) {
    const wanted = SCRIPTS.find((s) => s.script === script);
    for (const pattern of wanted?.files ?? []) {
      const hit = byName.find((f) => pattern.test(f.name));
      if (hit) {
        chosen.set(script, hit.path);
        break;
      }
    }
  }
  return chosen;
}

/** Where fonts are installed on this platform. */
function fontDirectories(): string[] {
  const home = homedir();
  if (process.platform === 'win32') {
    const windir = process.env.WINDIR ?? 'C:\\Windows';
    const local = process.env.LOCALAPPDATA;
    return [
      join(windir, 'Fonts'),
      ...(local ? [join(local, 'Microsoft', 'Windows', 'Fonts')] : []),
    ];
  }
  if (process.platform === 'darwin')
    return [
      '/System/Library/Fonts',
      '/System/Library/Fonts/Supplemental',
      '/Library/Fonts',
      join(home, 'Library', 'Fonts'),
    ];
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local', 'share', 'fonts'),
    join(home, '.fonts'),
  ];
}

/** Font files under `dir`, a few levels deep; a missing or unreadable folder gives none. */
async function fontFilesIn(dir: string, depth = 4): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...(await fontFilesIn(path, depth - 1)));
    else if (/\.(ttf|otf|ttc)$/i.test(entry.name)) found.push(path);
  }
  return found;
}

/**
 * Reads fallback fonts for the scripts of the texts it is given, from this
 * computer's fonts. Returns what it could find; a script with no installed
 * font still draws as boxes, as it would anywhere.
 */
export function createFallbackFonts(): (texts: readonly string[]) => Promise<Uint8Array[]> {
  let installed: Promise<string[]> | null = null;
  const read = new Map<string, Promise<Uint8Array | null>>();
  return async (texts) => {
    const scripts = scriptsNeeding(texts.join('\n'));
    if (scripts.length === 0) return [];
    installed ??= Promise.all(fontDirectories().map((d) => fontFilesIn(d))).then((l) => l.flat());
    const files = chooseFallbackFiles(scripts, await installed);
    const fonts = await Promise.all(
      [...new Set(files.values())].map((path) => {
        if (!read.has(path))
          read.set(
            path,
            fs.readFile(path).then(
              (bytes) => new Uint8Array(bytes),
              () => null,
            ),
          );
        return read.get(path)!;
      }),
    );
    return fonts.filter((f): f is Uint8Array => f !== null);
  };
}
