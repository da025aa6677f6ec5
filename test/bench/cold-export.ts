/**
 * One export in a fresh Node process, for the export bench's `.cold`
 * figures: nothing compiled, cached or initialised yet except the imported
 * modules (their loading is left out: tsx transpiles them on the fly, which a
 * built app does not). The Word export includes creating the diagram
 * rasteriser (WebAssembly compile, fonts), as a fresh `npm run export` does.
 *
 * Usage: tsx test/bench/cold-export.ts docx|xlsx <plan.upskill.json>
 * Prints {"ms": …}.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildPlanDocx } from '../../shared/export/docx';
import { ALL_SECTION_IDS, type ExportOptions, type Rasterize } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { readPlanFile } from '../../shared/plan/plan-file';

/** The options every bench export uses: everything, for internal use, a fixed date. */
export const EXPORT_OPTIONS: ExportOptions = {
  profile: 'internal',
  sections: ALL_SECTION_IDS,
  asOf: '2026-11-22',
};

/**
 * The Node rasteriser lives in electron/, which the bench's tsconfig does not
 * cover, so it is loaded at run time and described by the part used.
 */
export async function nodeRasterizer(): Promise<Rasterize> {
  const module = (await import(
    /* @vite-ignore */ new URL('../../electron/export-node.ts', import.meta.url).href
  )) as { createNodeRasterizer: () => Promise<Rasterize> };
  return module.createNodeRasterizer();
}

async function main(format: string | undefined, file: string | undefined): Promise<void> {
  if ((format !== 'docx' && format !== 'xlsx') || !file)
    throw new Error('Usage: cold-export.ts docx|xlsx <plan file>');
  const read = readPlanFile(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Error(read.message);
  const started = performance.now();
  if (format === 'docx')
    await buildPlanDocx(read.plan, { ...EXPORT_OPTIONS, rasterize: await nodeRasterizer() });
  else await buildPlanXlsx(read.plan, EXPORT_OPTIONS);
  process.stdout.write(JSON.stringify({ ms: performance.now() - started }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv[2], process.argv[3]);
