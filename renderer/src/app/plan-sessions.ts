/**
 * One writer per plan across tabs and windows. A window edits a plan only
 * while it holds the plan's Web Lock; other windows show it read-only and
 * follow its saves, announced on a BroadcastChannel. "Edit here" asks the
 * writer to hand over (it saves, then lets go); a writer that does not answer
 * within a few seconds has the lock taken from it. Electron windows share the
 * app's origin, so the same rule holds between them.
 */
import { newId } from '../../../shared/plan/create';

/** This window's identity in messages and as the writer token's prefix. */
export const WINDOW_ID = newId('window');

/** Messages windows send each other about plans. */
export type PlanMessage =
  /** A writer saved records of a plan (the new revision and the changed record keys). */
  | { type: 'saved'; planId: string; rev: number; keys: string[] }
  /** The library list changed (new, renamed, duplicated, restored plan). */
  | { type: 'libraryChanged' }
  /** A plan was moved to Recently deleted (`purged`: deleted for good). */
  | { type: 'planRemoved'; planId: string; purged: boolean }
  /** A plan's content was replaced wholesale (a file opened over the library copy). */
  | { type: 'planReplaced'; planId: string }
  /** A reader asks the writer to hand the plan over. */
  | { type: 'takeoverRequest'; planId: string }
  /** The writer of a plan let go of it. */
  | { type: 'released'; planId: string };

type Envelope = PlanMessage & { from: string };

const CHANNEL_NAME = 'upskill-workbench';
let channel: BroadcastChannel | null = null;
const listeners = new Set<(message: PlanMessage) => void>();

function openChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<Envelope>) => {
    const message = event.data;
    if (!message || message.from === WINDOW_ID) return;
    for (const listener of listeners) listener(message);
  };
  return channel;
}

/** Tells the other windows something. */
export function broadcast(message: PlanMessage): void {
  openChannel()?.postMessage({ ...message, from: WINDOW_ID } satisfies Envelope);
}

/** Listens to the other windows; returns a function that stops listening. */
export function onPlanMessage(listener: (message: PlanMessage) => void): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The right to edit one plan, held until released or taken by another window. */
export interface EditLease {
  readonly planId: string;
  /** Lets go of the plan. */
  release(): void;
  /** Resolves if another window takes the lock without asking (a steal). */
  readonly lost: Promise<void>;
  /** Whether the lock was taken away (see `lost`). */
  isLost(): boolean;
}

const lockName = (planId: string) => `upskill-plan:${planId}`;

/** How to ask for a plan's lock: only if free now, wait for it, or take it. */
export type LeaseMode = 'ifAvailable' | 'wait' | 'steal';

/**
 * Asks for the right to edit a plan. Resolves with the lease, or null if
 * another window holds it (`ifAvailable`). Without Web Locks (very old
 * browsers) every window gets a lease; the database's writer token still
 * keeps a window that lost the plan from overwriting it.
 */
export function acquireEditLease(
  planId: string,
  mode: LeaseMode,
  signal?: AbortSignal,
): Promise<EditLease | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    return Promise.resolve({
      planId,
      release: () => undefined,
      lost: new Promise(() => undefined),
      isLost: () => false,
    });
  }
  return new Promise<EditLease | null>((resolve, reject) => {
    let release: () => void = () => undefined;
    let markLost: () => void = () => undefined;
    let wasLost = false;
    const held = new Promise<void>((r) => (release = r));
    const lost = new Promise<void>((r) => (markLost = r)).then(() => {
      wasLost = true;
    });
    const options: LockOptions =
      mode === 'ifAvailable'
        ? { ifAvailable: true }
        : mode === 'steal'
          ? { steal: true }
          : signal
            ? { signal }
            : {};
    locks
      .request(lockName(planId), options, async (lock) => {
        if (!lock) {
          resolve(null);
          return;
        }
        resolve({ planId, release, lost, isLost: () => wasLost });
        await held;
      })
      .catch((error: unknown) => {
        // A steal by another window rejects the holder's request; an abort
        // rejects a wait that was given up.
        markLost();
        reject(error);
      });
  }).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  });
}

/**
 * Waits for a plan's lock after asking its writer to hand over; takes it
 * if the writer has not let go within `patienceMs` (a hung window).
 */
export async function takeOverEditLease(planId: string, patienceMs = 4000): Promise<EditLease> {
  // Asked again every second: a window that became the writer just after the
  // first request (another reader taking over at the same time) hears it too.
  broadcast({ type: 'takeoverRequest', planId });
  const asking = setInterval(() => broadcast({ type: 'takeoverRequest', planId }), 1000);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), patienceMs);
  try {
    const lease = await acquireEditLease(planId, 'wait', controller.signal);
    if (lease) return lease;
  } finally {
    clearTimeout(timer);
    clearInterval(asking);
  }
  const stolen = await acquireEditLease(planId, 'steal');
  if (!stolen) throw new Error('The plan could not be taken over.');
  return stolen;
}
