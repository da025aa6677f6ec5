/**
 * `npm run export -- <plan-file> --docx <out.docx> --xlsx <out.xlsx>
 * [--profile shareable] [--sections a,b]`: the desktop app's export, run in
 * plain Node (no Electron binary needed). Prints one line; exits 0 on
 * success, 2 on bad input, 1 when writing failed.
 */
import { parseExportArguments, tokenizeArguments } from './command-line';
import { runExport } from './export-node';

const parsed = parseExportArguments(tokenizeArguments(process.argv.slice(2)), process.cwd());
if (!parsed.ok) {
  console.error(parsed.message);
  process.exitCode = 2;
} else {
  const outcome = await runExport(parsed.request);
  (outcome.code === 0 ? console.log : console.error)(outcome.message);
  process.exitCode = outcome.code;
}
