/**
 * Exports in Node, without a window: the diagram rasteriser (resvg compiled
 * to WebAssembly, with the Inter fonts the app ships) and the export command
 * that both `npm run export` and the desktop app's headless flag mode run.
 * The same pure builders as the renderer's worker produce the files.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { sceneToSvg } from '../shared/export/diagrams/scene';
import { buildPlanDocx } from '../shared/export/docx';
import type { ExportOptions, Rasterize } from '../shared/export/options';
import { buildPlanXlsx } from '../shared/export/xlsx';
import { documentLocale } from '../shared/export/locale';
import { LANGUAGE_INFO } from '../shared/i18n/languages';
import { readPlanFile as parsePlanFile } from '../shared/plan/plan-file';
import type { Plan } from '../shared/plan/schema';
import { writeFileAtomic } from './atomic-write';
import { createFallbackFonts } from './fallback-fonts';
import type { ExportRequest } from './command-line';
import { readPlanFile } from './plan-files';
import { localToday } from '../shared/stakeholders/schedule';

/** Where the rasteriser finds its WebAssembly module and fonts. */
export type RasterAssets = { wasm: string; fonts: readonly string[] };

/** The assets as installed in node_modules (the command line and tests). */
export function nodeModuleAssets(): RasterAssets {
  const require = createRequire(import.meta.url);
  return {
    wasm: require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
    fonts: [
      require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
      require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
    ],
  };
}

let wasmReady: Promise<void> | null = null;

/** A rasteriser backed by resvg; the WebAssembly module is compiled once per process. */
export async function createNodeRasterizer(
  assets: RasterAssets = nodeModuleAssets(),
): Promise<Rasterize> {
  wasmReady ??= fs.readFile(assets.wasm).then((bytes) => initWasm(bytes));
  await wasmReady;
  const fontBuffers = await Promise.all(
    assets.fonts.map(async (f) => new Uint8Array(await fs.readFile(f))),
  );
  const fallbackFonts = createFallbackFonts();
  return async (scene, pixelWidth) => {
    // Names in scripts Inter lacks are drawn with this computer's fonts
    // (resvg in WebAssembly cannot look for them itself).
    const texts = scene.shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));
    const resvg = new Resvg(sceneToSvg(scene), {
      fitTo: { mode: 'width', value: pixelWidth },
      font: {
        fontBuffers: [...fontBuffers, ...(await fallbackFonts(texts))],
        defaultFontFamily: 'Inter',
        sansSerifFamily: 'Inter',
        loadSystemFonts: false,
      },
      background: '#ffffff',
    });
    try {
      const image = resvg.render();
      try {
        return image.asPng();
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  };
}

/** Outcome of an export command: the exit code and the one line printed. */
export type ExportOutcome = { code: number; message: string };

/** Reads, validates and migrates a plan file from disk. */
async function loadPlan(path: string): Promise<{ plan: Plan } | { error: string }> {
  const file = await readPlanFile(path);
  if (file.kind === 'error') return { error: file.message };
  if (file.kind !== 'opened') return { error: `${basename(path)} could not be read.` };
  const parsed = parsePlanFile(file.text);
  if (!parsed.ok) return { error: `${basename(path)} is not a usable plan: ${parsed.message}` };
  return { plan: parsed.plan };
}

/** Runs an export request: reads the plan, builds each file, writes it atomically. */
export async function runExport(
  request: ExportRequest,
  deps: { assets?: RasterAssets; today?: string } = {},
): Promise<ExportOutcome> {
  const loaded = await loadPlan(request.planFile);
  if ('error' in loaded) return { code: 2, message: loaded.error };
  const options: ExportOptions = {
    profile: request.profile,
    sections: request.sections,
    asOf: request.asOf ?? deps.today ?? localToday(),
    rasterize: request.docx ? await createNodeRasterizer(deps.assets) : undefined,
    // --language writes the files in another language than the plan's document language.
    ...(request.language ? { locale: await documentLocale(request.language) } : {}),
  };
  const written: string[] = [];
  try {
    if (request.docx) {
      await writeFileAtomic(request.docx, await buildPlanDocx(loaded.plan, options));
      written.push(request.docx);
    }
    if (request.xlsx) {
      await writeFileAtomic(request.xlsx, await buildPlanXlsx(loaded.plan, options));
      written.push(request.xlsx);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { code: 1, message: `Export failed: ${reason}` };
  }
  // The date is said, so a default of today is never a silent one.
  return {
    code: 0,
    message: `Exported ${written.join(' and ')} (${request.profile} profile, as of ${options.asOf}${request.language ? `, in ${LANGUAGE_INFO[request.language].nativeName}` : ''}).`,
  };
}
