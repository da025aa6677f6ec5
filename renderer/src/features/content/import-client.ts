/**
 * Talks to the import worker with promises; falls back to in-thread where
 * Workers are missing. Every request carries the UI's language, so the
 * worker's messages (and the failed-rows CSV) are in it.
 */
import { i18n, uiLanguage } from '../../i18n/i18n';
import type { ImportProgress, ImportRequest, ImportResponse } from './import-protocol';

type RequestBody =
  | Omit<Extract<ImportRequest, { type: 'read'; target?: 'catalog' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'read'; target: 'stakeholders' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'read'; target: 'invitations' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'invitationPreview' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'read'; target: 'roster' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'rosterPreview' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'rosterMerge' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'layout' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'preview' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'stakeholderPreview' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'failedCsv' }>, 'id'>
  | Omit<Extract<ImportRequest, { type: 'items' }>, 'id'>;

/** Hears what arrives before the answer: progress, and item chunks. */
export type OnPartial = (
  message:
    ImportProgress | Extract<ImportResponse, { type: 'items' | 'invitationItems' | 'rosterChunk' }>,
) => void;

/** A connection to one import session. */
export interface ImportClient {
  /** Sends a request; resolves with the final answer (for items: the last chunk). */
  request(body: RequestBody, onPartial?: OnPartial): Promise<ImportResponse>;
  dispose(): void;
}

interface Pending {
  resolve: (response: ImportResponse) => void;
  onPartial?: OnPartial;
}

/** Whether a message ends its request. */
function isFinal(message: ImportResponse): boolean {
  if (message.type === 'progress' || message.type === 'rosterChunk') return false;
  if (
    message.type === 'items' ||
    message.type === 'stakeholderItems' ||
    message.type === 'invitationItems'
  )
    return message.last;
  return true;
}

/** Starts an import session in a Web Worker (or in-thread when there is none). */
export function createImportClient(): ImportClient {
  let next = 0;
  const pending = new Map<number, Pending>();
  const receive = (message: ImportResponse) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (
      message.type === 'progress' ||
      message.type === 'items' ||
      message.type === 'invitationItems' ||
      message.type === 'rosterChunk'
    )
      waiting.onPartial?.(message);
    if (isFinal(message)) {
      pending.delete(message.id);
      waiting.resolve(message);
    }
  };

  if (typeof Worker === 'undefined') {
    // jsdom (component tests) has no Worker; the session is the same code.
    const sessionPromise = import('./import-protocol').then((m) => new m.ImportSession());
    return {
      request: (body, onPartial) =>
        new Promise((resolve) => {
          const id = ++next;
          pending.set(id, { resolve, onPartial });
          void sessionPromise.then((s) =>
            s.handle({ ...body, id, language: uiLanguage() } as ImportRequest, receive),
          );
        }),
      dispose: () => pending.clear(),
    };
  }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<ImportResponse>) => receive(event.data);
  const stopped = (id: number): ImportResponse => ({
    id,
    type: 'read',
    ok: false,
    message: i18n.t('content:import.readerStopped'),
  });
  // Set once the worker has failed: a worker whose script could not load (the app was
  // updated under an open window: its chunk is gone) fails before any request is sent.
  let failed = false;
  worker.onerror = (event) => {
    // A crashed worker (out of memory, say) must not leave the dialog waiting.
    event.preventDefault();
    failed = true;
    for (const [id, { resolve }] of pending) resolve(stopped(id));
    pending.clear();
  };
  return {
    request(body, onPartial) {
      const id = ++next;
      // A dead worker never answers: later requests get the same answer at once.
      if (failed) return Promise.resolve(stopped(id));
      return new Promise((resolve) => {
        pending.set(id, { resolve, onPartial });
        const message = { ...body, id, language: uiLanguage() } as ImportRequest;
        worker.postMessage(message, message.type === 'read' ? [message.bytes] : []);
      });
    },
    dispose: () => {
      worker.terminate();
      pending.clear();
    },
  };
}
