/**
 * `npm run export -- <plan-file> --docx <out.docx> --xlsx <out.xlsx>
 * [--profile partner] [--sections a,b] [--as-of 2026-12-31] [--language es]`: the desktop app's
 * export, run in
 * plain Node (no Electron binary needed). Prints one line; exits 0 on
 * success, 2 on bad input, 1 when writing failed. Never a stack trace: the
 * person at the terminal gets a sentence whatever goes wrong.
 */
import { EXPORT_USAGE, parseExportArguments, tokenizeArguments } from './command-line';
import { runExport, type ExportOutcome } from './export-node';

/** One line, however many the underlying message had. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

async function main(args: readonly string[]): Promise<ExportOutcome> {
  const tokens = tokenizeArguments(args);
  if (tokens.flags.has('help') || tokens.flags.has('h')) return { code: 0, message: EXPORT_USAGE };
  const parsed = parseExportArguments(tokens, process.cwd(), { strict: true });
  if (!parsed.ok) return { code: 2, message: parsed.message };
  return runExport(parsed.request);
}

let outcome: ExportOutcome;
try {
  outcome = await main(process.argv.slice(2));
} catch (error) {
  outcome = {
    code: 1,
    message: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}
(outcome.code === 0 ? console.log : console.error)(oneLine(outcome.message));
process.exitCode = outcome.code;
