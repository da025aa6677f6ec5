/**
 * The preload script: the only code that touches ipcRenderer. It exposes one
 * narrow, typed object as `window.workbench` (after actualbudget/actual's
 * preload). It runs sandboxed, so it imports only `electron` at runtime —
 * the contract from shared/ipc.ts is used for types alone.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, IpcEvents, IpcRequestOf, IpcResponse, WorkbenchApi } from '../shared/ipc';

type EventName = keyof IpcEvents;
type Listener<E extends EventName> = (payload: IpcEvents[E]) => void;

// A Record over every event name: adding an event to IpcEvents without
// allowing it here is a type error, and nothing else can be subscribed to.
const listeners: { [E in EventName]: Set<Listener<E>> } = {
  'menu:command': new Set(),
  'file:opened': new Set(),
  'app:flush-request': new Set(),
};

/** Files the main process sent before the page subscribed (it sends on load). */
const unclaimedFiles: IpcEvents['file:opened'][] = [];

function invoke<C extends IpcChannel>(
  channel: C,
  ...payload: [] | [IpcRequestOf<C>]
): Promise<IpcResponse[C]> {
  return ipcRenderer.invoke(channel, ...payload) as Promise<IpcResponse[C]>;
}

function dispatch<E extends EventName>(event: E, payload: IpcEvents[E]): void {
  for (const listener of [...listeners[event]]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`A '${event}' listener failed:`, error);
    }
  }
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(listeners, name);
}

// One IPC listener per event; the IpcRendererEvent (which carries `sender`)
// is dropped here and never reaches the page.
ipcRenderer.on('menu:command', (_event, command: IpcEvents['menu:command']) => {
  dispatch('menu:command', command);
});
ipcRenderer.on('file:opened', (_event, file: IpcEvents['file:opened']) => {
  if (listeners['file:opened'].size === 0) unclaimedFiles.push(file);
  else dispatch('file:opened', file);
});
ipcRenderer.on('app:flush-request', () => {
  // No subscriber yet means nothing is pending: let the window close at once.
  if (listeners['app:flush-request'].size === 0) void invoke('app:flush-done');
  else dispatch('app:flush-request', undefined);
});

const api = {
  platform: 'desktop',
  openPlanFile: () => invoke('file:open'),
  savePlanFile: (request) => invoke('file:save', request),
  writeBackup: (request) => invoke('backup:write', request),
  listBackups: (planId) => invoke('backup:list', { planId }),
  readBackup: (planId, file) => invoke('backup:read', { planId, file }),
  readPersonalBackup: (planId, file) => invoke('backup:read-personal', { planId, file }),
  deletePersonalBackups: (planId) => invoke('backup:delete-personal', { planId }),
  setWindowState: (state) => invoke('window:set-state', state),
  openExternal: (url) => invoke('shell:open-external', { url }),
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    if (!isEventName(event)) throw new Error(`Unknown workbench event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('A workbench listener must be a function.');
    const set = listeners[event] as Set<Listener<E>>;
    set.add(listener);
    if (event === 'file:opened') {
      for (const file of unclaimedFiles.splice(0)) dispatch('file:opened', file);
    }
    return () => {
      set.delete(listener);
    };
  },
  flushDone: () => invoke('app:flush-done'),
  saveExport: (request) => invoke('file:save-export', request),
} satisfies WorkbenchApi;

contextBridge.exposeInMainWorld('workbench', api);
