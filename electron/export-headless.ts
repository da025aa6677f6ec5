/// <reference types="electron-vite/node" />
/**
 * The desktop app's headless export (`Upskill Workbench plan.json --docx
 * out.docx`): no window, one line of output, an exit code. Loaded by main.ts
 * only when export flags are given. The rasteriser's WebAssembly module and
 * fonts are bundled as assets (`?asset`), so the packaged app needs no
 * node_modules.
 */
import boldFont from '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf?asset';
import regularFont from '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf?asset';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm?asset';
import type { ExportParse } from './command-line';
import { runExport, type ExportOutcome } from './export-node';

/** Runs the export a command line asked for; never throws. */
export async function runHeadlessExport(parsed: ExportParse): Promise<ExportOutcome> {
  if (!parsed.ok) return { code: 2, message: parsed.message };
  try {
    return await runExport(parsed.request, {
      assets: { wasm: resvgWasm, fonts: [regularFont, boldFont] },
    });
  } catch (error) {
    return {
      code: 1,
      message: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
