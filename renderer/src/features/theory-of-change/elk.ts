/** ELK running in a Web Worker, so laying out a large graph never freezes the page. */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ElkLike } from '../../../../shared/toc/layout';

let instance: ElkLike | null = null;

/** The shared ELK instance (created on first use). */
export function getElk(): ElkLike {
  instance ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) }) as unknown as ElkLike;
  return instance;
}
