/** Talks to the export worker with promises; falls back to in-thread where Workers are missing. */
import type { RoundTripResult } from '../../../../shared/export/roundtrip-model';
import type { ExportWorkerRequest, ExportWorkerResponse } from './export-protocol';

type Body<T extends ExportWorkerRequest['type']> = Omit<
  Extract<ExportWorkerRequest, { type: T }>,
  'id'
>;

/** A connection to the export worker. */
export interface ExportClient {
  /** Builds a file; `onProgress` gets 0..1 and a step name. */
  exportFile(
    body: Body<'export'>,
    onProgress: (fraction: number, step: string) => void,
  ): Promise<Uint8Array>;
  /** Reads an edited workbook into a round-trip preview. */
  readWorkbook(body: Body<'roundtrip'>): Promise<RoundTripResult>;
  dispose(): void;
}

type Listener = (response: ExportWorkerResponse) => void;

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
    worker.onmessage = (event: MessageEvent<ExportWorkerResponse>) => deliver(event.data);
    worker.onerror = (event) => {
      // A crashed worker (out of memory, say) must not leave the dialog waiting.
      event.preventDefault();
      for (const id of [...listeners.keys()])
        deliver({
          id,
          type: 'failed',
          message: 'The export stopped unexpectedly. Try again, or export fewer sections.',
        });
    };
    send = (request) =>
      worker.postMessage(request, request.type === 'roundtrip' ? [request.bytes] : []);
    dispose = () => worker.terminate();
  }
  function request(
    body: Body<'export'> | Body<'roundtrip'>,
    listener: (r: ExportWorkerResponse, done: () => void) => void,
  ) {
    const id = ++next;
    listeners.set(id, (r) => listener(r, () => listeners.delete(id)));
    send({ ...body, id } as ExportWorkerRequest);
  }
  return {
    exportFile: (body, onProgress) =>
      new Promise((resolve, reject) =>
        request(body, (r, done) => {
          if (r.type === 'progress') return onProgress(r.fraction, r.step);
          done();
          if (r.type === 'exported') resolve(r.bytes);
          else
            reject(
              new Error(
                r.type === 'failed' ? r.message : 'Unexpected reply from the export worker.',
              ),
            );
        }),
      ),
    readWorkbook: (body) =>
      new Promise((resolve) =>
        request(body, (r, done) => {
          if (r.type === 'progress') return;
          done();
          if (r.type === 'roundtrip') resolve(r.result);
          else
            resolve({
              ok: false,
              message: r.type === 'failed' ? r.message : 'The workbook could not be read.',
              details: [],
            });
        }),
      ),
    dispose: () => dispose(),
  };
}
