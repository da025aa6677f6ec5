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

const session = new ExportSession(
  async (scene, width) => {
    await fontsReady;
    return canvasRasterize(scene, width);
  },
  (response) =>
    response.type === 'exported'
      ? scope.postMessage(response, [response.bytes.buffer as ArrayBuffer])
      : scope.postMessage(response),
);

scope.onmessage = (event) => {
  void session.handle(event.data);
};
