/** Talks to the import worker with promises; falls back to in-thread where Workers are missing. */
import type { ImportRequest, ImportResponse } from './import-protocol';

type Pending = (response: ImportResponse) => void;
type RequestBody =
  | Omit<Extract<ImportRequest, { type: 'read' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'preview' }>, 'id'>;

/** A connection to one import session. */
export interface ImportClient {
  request(body: RequestBody): Promise<ImportResponse>;
  dispose(): void;
}

/** Starts an import session in a Web Worker (or in-thread when there is none). */
export function createImportClient(): ImportClient {
  let next = 0;
  if (typeof Worker === 'undefined') {
    // jsdom (component tests) has no Worker; the session is the same code.
    const sessionPromise = import('./import-protocol').then((m) => new m.ImportSession());
    return {
      request: async (body) =>
        (await sessionPromise).handle({ ...body, id: ++next } as ImportRequest),
      dispose: () => undefined,
    };
  }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  worker.onerror = (event) => {
    // A crashed worker (out of memory, say) must not leave the dialog waiting.
    event.preventDefault();
    for (const [id, resolve] of pending)
      resolve({
        id,
        type: 'read',
        ok: false,
        message: 'The file could not be read: the reader stopped unexpectedly.',
      });
    pending.clear();
  };
  return {
    request(body) {
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const message = { ...body, id } as ImportRequest;
        worker.postMessage(message, message.type === 'read' ? [message.bytes] : []);
      });
    },
    dispose: () => worker.terminate(),
  };
}
