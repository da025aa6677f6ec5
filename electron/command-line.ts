/**
 * Parsing the process command line: plan files handed to us by a file
 * association, a double click, a second launch, or a terminal. Flags are
 * tokenised generically so headless export flags can be added later by
 * listing them in {@link FLAGS_WITH_VALUE} and mapping them in
 * {@link parseCommandLine}.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALL_SECTION_IDS,
  isProfile,
  parseSections,
  PROFILES,
  type ExportSectionId,
  type Profile,
} from '../shared/export/options';
import { isLanguage, LANGUAGES, type Language } from '../shared/i18n/languages';

/**
 * Our flags that take a value (`--name value` or `--name=value`), without the
 * leading dashes. Every other flag — Chromium's, Electron's, macOS's `-psn_…`
 * — is a switch we ignore. The export flags run a headless export.
 */
export const FLAGS_WITH_VALUE: ReadonlySet<string> = new Set<string>([
  'docx',
  'xlsx',
  'profile',
  'sections',
  'as-of',
  'language',
]);

/** Flags that turn a launch into a headless export (no window). */
export const EXPORT_FLAGS = ['docx', 'xlsx', 'profile', 'sections', 'as-of', 'language'] as const;

/** The command line split into positional arguments and flags. */
export type CommandLineTokens = { positionals: string[]; flags: Map<string, string | true> };

/** A headless export: one plan file to one or two output files. */
export type ExportRequest = {
  planFile: string;
  docx: string | null;
  xlsx: string | null;
  profile: Profile;
  sections: ExportSectionId[];
  /** The "as of" date (YYYY-MM-DD); null = today where the export runs. */
  asOf: string | null;
  /** The language the files are written in; null or absent = the plan's document language. */
  language?: Language | null;
};

/** An export request, or the one-line reason the arguments cannot be used. */
export type ExportParse = { ok: true; request: ExportRequest } | { ok: false; message: string };

/** What the app should do at launch; `export` is present only when export flags were given. */
export type CommandLine = { planFiles: string[]; export?: ExportParse };

/** How to call the export, for error messages and `--help`. */
export const EXPORT_USAGE =
  'usage: <plan-file> [--docx <out.docx>] [--xlsx <out.xlsx>] [--profile internal|funder|partner] [--sections a,b,…] [--as-of YYYY-MM-DD] [--language en|es|fr|ar|uk]';

/** How the process was started: `electron .` in development puts the app path at argv[1]. */
export type LaunchContext = { defaultApp: boolean; cwd: string };

/** Splits user arguments (executable and app path already removed) into flags and positionals. */
export function tokenizeArguments(args: readonly string[]): CommandLineTokens {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (arg.length > 1 && arg.startsWith('-')) {
      const body = arg.replace(/^--?/, '');
      const equals = body.indexOf('=');
      const name = equals === -1 ? body : body.slice(0, equals);
      if (equals !== -1) flags.set(name, body.slice(equals + 1));
      else if (FLAGS_WITH_VALUE.has(name) && index + 1 < args.length) {
        flags.set(name, args[index + 1] ?? '');
        index += 1;
      } else flags.set(name, true);
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, flags };
}

/** Removes the executable (and, in development, the app path) from a full argv. */
export function userArguments(argv: readonly string[], context: LaunchContext): string[] {
  return argv.slice(context.defaultApp ? 2 : 1);
}

/** Parses a full process argv (as in `process.argv` or the 'second-instance' event). */
export function parseCommandLine(argv: readonly string[], context: LaunchContext): CommandLine {
  const tokens = tokenizeArguments(userArguments(argv, context));
  if (EXPORT_FLAGS.some((flag) => tokens.flags.has(flag))) {
    return { planFiles: [], export: parseExportArguments(tokens, context.cwd) };
  }
  const { positionals } = tokens;
  const planFiles: string[] = [];
  for (const positional of positionals) {
    const path = toLocalPath(positional, context.cwd);
    // Only plan-looking files: a stray argument must not make us open, say, a binary.
    if (path && path.toLowerCase().endsWith('.json') && !planFiles.includes(path)) {
      planFiles.push(path);
    }
  }
  return { planFiles };
}

/** A positional argument as an absolute local path (Linux launchers may pass file:// URLs). */
function toLocalPath(arg: string, cwd: string): string | null {
  if (arg.trim() === '') return null;
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null; // http:// and friends are not files
  return isAbsolute(arg) ? arg : resolve(cwd, arg);
}

/** The value of a flag that needs one, or an error message. */
function flagValue(tokens: CommandLineTokens, name: string): string | null | { error: string } {
  const value = tokens.flags.get(name);
  if (value === undefined) return null;
  if (value === true || value.trim() === '') return { error: `--${name} needs a value.` };
  return value;
}

/** An output path, checked for the right extension. */
function outputPath(
  tokens: CommandLineTokens,
  name: 'docx' | 'xlsx',
  cwd: string,
): string | null | { error: string } {
  const value = flagValue(tokens, name);
  if (value === null || typeof value === 'object') return value;
  const path = toLocalPath(value, cwd);
  if (!path) return { error: `--${name} needs a file path, not "${value}".` };
  if (!path.toLowerCase().endsWith(`.${name}`))
    return { error: `--${name} must name a .${name} file (got "${value}").` };
  return path;
}

/**
 * Reads the export flags (`--docx`, `--xlsx`, `--profile`, `--sections`, `--as-of`) and
 * the plan file. With `strict` (the plain command line, where nothing else
 * passes flags) any other flag is refused: a typo such as `--profle
 * partner` must not quietly export the internal profile. The desktop app
 * is not strict, since Chromium and macOS add flags of their own.
 */
export function parseExportArguments(
  tokens: CommandLineTokens,
  cwd: string,
  options: { strict?: boolean } = {},
): ExportParse {
  const fail = (message: string): ExportParse => ({ ok: false, message });
  if (options.strict) {
    const unknown = [...tokens.flags.keys()].filter(
      (name) => !(EXPORT_FLAGS as readonly string[]).includes(name),
    );
    if (unknown.length > 0)
      return fail(
        `Unknown option ${unknown.map((name) => `--${name}`).join(', ')}; ${EXPORT_USAGE}`,
      );
  }
  if (tokens.positionals.length === 0) return fail(`No plan file given; ${EXPORT_USAGE}`);
  if (tokens.positionals.length > 1)
    return fail(`Give exactly one plan file (got ${tokens.positionals.length}); ${EXPORT_USAGE}`);
  const planFile = toLocalPath(tokens.positionals[0] ?? '', cwd);
  if (!planFile) return fail(`"${tokens.positionals[0]}" is not a plan file path.`);
  const docx = outputPath(tokens, 'docx', cwd);
  if (docx && typeof docx === 'object') return fail(docx.error);
  const xlsx = outputPath(tokens, 'xlsx', cwd);
  if (xlsx && typeof xlsx === 'object') return fail(xlsx.error);
  if (!docx && !xlsx)
    return fail(`Nothing to export: give --docx, --xlsx or both; ${EXPORT_USAGE}`);
  if (docx === planFile || xlsx === planFile)
    return fail('An output file may not be the plan file.');
  const profile = flagValue(tokens, 'profile') ?? 'internal';
  if (typeof profile === 'object') return fail(profile.error);
  if (profile === 'shareable')
    // The old "shareable" profile told partners how they are rated (issue 12);
    // a script must choose which of the two safer profiles it means.
    return fail(
      'The "shareable" profile was replaced by "funder" (keeps the stakeholder analysis) and "partner" (partner-safe); choose one.',
    );
  if (!isProfile(profile))
    return fail(`Unknown profile "${profile}"; choose ${Object.keys(PROFILES).join(', ')}.`);
  const asOf = flagValue(tokens, 'as-of');
  if (asOf !== null && typeof asOf === 'object') return fail(asOf.error);
  if (asOf !== null && !isIsoDate(asOf))
    return fail(`--as-of needs a date written YYYY-MM-DD (got "${asOf}").`);
  const sectionsText = flagValue(tokens, 'sections');
  if (sectionsText !== null && typeof sectionsText === 'object') return fail(sectionsText.error);
  let sections: ExportSectionId[] = [...ALL_SECTION_IDS];
  if (sectionsText !== null) {
    const parsed = parseSections(sectionsText);
    if (!parsed.ok) return fail(parsed.message);
    sections = parsed.sections;
  }
  const language = flagValue(tokens, 'language');
  if (language !== null && typeof language === 'object') return fail(language.error);
  if (language !== null && !isLanguage(language))
    return fail(
      `Unknown language "${language}"; choose ${LANGUAGES.join(', ')} (the plan's own document language when left out).`,
    );
  return {
    ok: true,
    request: {
      planFile,
      docx,
      xlsx,
      profile,
      sections,
      asOf,
      ...(language !== null ? { language } : {}),
    },
  };
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}
