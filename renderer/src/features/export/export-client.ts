/** Talks to the export worker with promises; falls back to in-thread where Workers are missing. */
import type { ExportStep } from '../../../../shared/export/options';
import type { RoundTripResult } from '../../../../shared/export/roundtrip-model';
import { planToRecords } from '../../../../shared/plan/records';
import type { Plan } from '../../../../shared/plan/schema';
import { yieldToPage } from '../../store/yield-to-page';
import type { ExportWorkerRequest, ExportWorkerResponse } from './export-protocol';
import { i18n } from '../../i18n/i18n';

type Body<T extends 'export' | 'roundtrip'> = Omit<
  Extract<ExportWorkerRequest, { type: T }>,
  'id'
> & { readonly plan: Plan };

/** Storage records of the plan per message (a few hundred KB of a large plan). */
const RECORDS_PER_PART = 100;

/** A connection to the export worker. */
export interface ExportClient {
  /** Builds a file; `onProgress` gets 0..1 and the step being done. */
  exportFile(
    body: Body<'export'>,
    onProgress: (fraction: number, step: ExportStep) => void,
  ): Promise<Uint8Array>;
  /** Reads an edited workbook into a round-trip preview. */
  readWorkbook(body: Body<'roundtrip'>): Promise<RoundTripResult>;
  dispose(): void;
}

type Listener = (response: ExportWorkerResponse) => void;

/**
 * Paints a whole SVG drawing as PNG bytes `pixelWidth` wide, on a white
 * ground, for the export worker (whose canvas cannot read SVG). Null when
 * the drawing cannot be decoded; the worker then uses its plain fallback.
 */
async function paintSvg(svg: string, pixelWidth: number): Promise<Uint8Array | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = image.naturalWidth || pixelWidth;
    const height = image.naturalHeight || width;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(pixelWidth);
    canvas.height = Math.max(1, Math.round((height * pixelWidth) / width));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Starts the export worker (or an in-thread session when there is no Worker). */
export function createExportClient(): ExportClient {
  let next = 0;
  const listeners = new Map<number, Listener>();
  const deliver = (response: ExportWorkerResponse) => listeners.get(response.id)?.(response);
  let send: (request: ExportWorkerRequest) => void;
  let dispose = () => undefined as void;
  if (typeof Worker === 'undefined') {
    // jsdom has no Worker; the session is the same code, without diagrams.
    const session = import('./export-protocol').then(
      (m) => new m.ExportSession(undefined, deliver),
    );
    send = (request) => void session.then((s) => s.handle(request));
  } else {
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ExportWorkerResponse>) => {
      const response = event.data;
      if (response.type !== 'paintSvg') return deliver(response);
      void paintSvg(response.svg, response.pixelWidth).then((png) =>
        worker.postMessage(
          { id: response.id, type: 'svgPainted', svgId: response.svgId, png },
          png ? [png.buffer] : [],
        ),
      );
    };
    worker.onerror = (event) => {
      // A crashed worker (out of memory, say) must not leave the dialog waiting.
      event.preventDefault();
      for (const id of [...listeners.keys()])
        deliver({
          id,
          type: 'failed',
          message: i18n.t('shell:messages.exportStopped'),
        });
    };
    send = (request) =>
      worker.postMessage(request, request.type === 'roundtrip' ? [request.bytes] : []);
    dispose = () => worker.terminate();
  }
  async function request(
    { plan, ...body }: Body<'export'> | Body<'roundtrip'>,
    listener: (r: ExportWorkerResponse, done: () => void) => void,
  ) {
    const id = ++next;
    listeners.set(id, (r) => listener(r, () => listeners.delete(id)));
    // The plan as its storage records, a batch per task (see ExportWorkerRequest).
    const records = planToRecords(plan);
    for (let i = 0; i < records.length; i += RECORDS_PER_PART) {
      if (i > 0) await yieldToPage();
      send({ id, type: 'planPart', records: records.slice(i, i + RECORDS_PER_PART) });
    }
    send({ ...body, id } as ExportWorkerRequest);
  }
  return {
    exportFile: (body, onProgress) =>
      new Promise(
        (resolve, reject) =>
          void request(body, (r, done) => {
            if (r.type === 'progress') return onProgress(r.fraction, r.step);
            done();
            if (r.type === 'exported') resolve(r.bytes);
            else
              reject(
                new Error(
                  r.type === 'failed' ? r.message : i18n.t('shell:messages.exportUnexpected'),
                ),
              );
          }),
      ),
    readWorkbook: (body) =>
      new Promise(
        (resolve) =>
          void request(body, (r, done) => {
            if (r.type === 'progress') return;
            done();
            if (r.type === 'roundtrip') resolve(r.result);
            else
              resolve({
                ok: false,
                message:
                  r.type === 'failed' ? r.message : i18n.t('shell:messages.workbookUnreadable'),
                details: [],
              });
          }),
      ),
    dispose: () => dispose(),
  };
}
