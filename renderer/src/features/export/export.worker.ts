/**
 * Builds exports off the UI thread: a large plan takes about a second in
 * docx/exceljs, which would freeze the app. Loads the Inter fonts the
 * diagrams are drawn in before the first export.
 */
import interBold from '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf?url';
import interRegular from '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf?url';
import {
  ExportSession,
  type ExportWorkerRequest,
  type ExportWorkerResponse,
} from './export-protocol';
import { canvasRasterize } from './paint';

const scope = self as unknown as {
  postMessage(message: ExportWorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ExportWorkerRequest>) => void) | null;
  fonts?: { add(face: FontFace): void };
};

/** Loads Inter once; diagrams fall back to the system sans-serif if it cannot load. */
const fontsReady = Promise.all(
  [
    [interRegular, '400'],
    [interBold, '700'],
  ].map(async ([url, weight]) => {
    const face = new FontFace('Inter', `url(${url})`, { weight });
    scope.fonts?.add(await face.load());
  }),
).catch(() => undefined);

/** Drawings sent to the page to paint, by id, waiting for its answer. */
const painting = new Map<number, (png: Uint8Array | null) => void>();
let nextSvg = 0;
/** The export being built (one at a time), whose id the page's answers carry. */
let exportId = 0;

/** PNG of a whole SVG drawing, painted by the page (null when it could not). */
function paintedByPage(svg: string, pixelWidth: number): Promise<Uint8Array | null> {
  const svgId = ++nextSvg;
  return new Promise((resolve) => {
    painting.set(svgId, resolve);
    scope.postMessage({ id: exportId, type: 'paintSvg', svgId, svg, pixelWidth });
  });
}

const session = new ExportSession(
  async (scene, width) => {
    await fontsReady;
    // A chart drawn by ECharts is a whole SVG this canvas cannot read: the
    // page paints it; its plain shapes stand in only if the page cannot.
    if (scene.svg) {
      const png = await paintedByPage(scene.svg, width);
      if (png) return png;
    }
    return canvasRasterize(scene, width);
  },
  (response) =>
    response.type === 'exported'
      ? scope.postMessage(response, [response.bytes.buffer as ArrayBuffer])
      : scope.postMessage(response),
);

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'svgPainted') {
    painting.get(request.svgId)?.(request.png);
    painting.delete(request.svgId);
    return;
  }
  if (request.type !== 'planPart') exportId = request.id;
  void session.handle(request);
};
