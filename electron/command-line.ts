/**
 * Parsing the process command line: plan files handed to us by a file
 * association, a double click, a second launch, or a terminal. Flags are
 * tokenised generically so headless export flags can be added later by
 * listing them in {@link FLAGS_WITH_VALUE} and mapping them in
 * {@link parseCommandLine}.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Our flags that take a value (`--name value` or `--name=value`), without the
 * leading dashes. Every other flag — Chromium's, Electron's, macOS's `-psn_…`
 * — is a switch we ignore. Future: 'docx', 'xlsx' for headless export.
 */
export const FLAGS_WITH_VALUE: ReadonlySet<string> = new Set<string>([]);

/** The command line split into positional arguments and flags. */
export type CommandLineTokens = { positionals: string[]; flags: Map<string, string | true> };

/** What the app should do at launch according to its command line. */
export type CommandLine = { planFiles: string[] };

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
  const { positionals } = tokenizeArguments(userArguments(argv, context));
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
