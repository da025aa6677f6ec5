import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../../shared/ipc';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, IpcListener>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => bridge.invoke(...args),
    on: (channel: string, listener: IpcListener) => bridge.listeners.set(channel, listener),
  },
}));

let api: WorkbenchApi;
const secretEvent = { sender: { send: () => 'the raw ipcRenderer' }, ports: [] };

function emit(channel: string, ...args: unknown[]): void {
  const listener = bridge.listeners.get(channel);
  if (!listener) throw new Error(`preload did not listen on ${channel}`);
  listener(secretEvent, ...args);
}

beforeAll(async () => {
  await import('../../electron/preload');
  api = bridge.exposed.get('workbench') as WorkbenchApi;
});

beforeEach(() => {
  bridge.invoke.mockClear();
});

describe('preload API', () => {
  it('exposes exactly one object, window.workbench, with the contract methods', () => {
    expect([...bridge.exposed.keys()]).toEqual(['workbench']);
    expect(api.platform).toBe('desktop');
    expect(Object.keys(api).sort()).toEqual(
      [
        'flushDone',
        'listBackups',
        'on',
        'openExternal',
        'openPlanFile',
        'platform',
        'readBackup',
        'readPersonalBackup',
        'deletePersonalBackups',
        'saveExport',
        'savePlanFile',
        'setWindowState',
        'writeBackup',
      ].sort(),
    );
  });

  it('maps each method onto its channel', async () => {
    await api.openPlanFile();
    await api.savePlanFile({ suggestedName: 'a', text: '{}' });
    await api.writeBackup({ planId: 'p', text: '{}' });
    await api.listBackups('p');
    await api.readBackup('p', 'f.upskill.json');
    await api.readPersonalBackup('p', 'f.upskill.json');
    await api.deletePersonalBackups('p');
    await api.setWindowState({ title: 't', edited: true, canUndo: true, canRedo: false });
    await api.openExternal('https://example.org/');
    await api.flushDone();
    const bytes = new Uint8Array([1, 2]);
    await api.saveExport({ suggestedName: 'Plan.docx', kind: 'docx', bytes });
    expect(bridge.invoke.mock.calls).toEqual([
      ['file:open'],
      ['file:save', { suggestedName: 'a', text: '{}' }],
      ['backup:write', { planId: 'p', text: '{}' }],
      ['backup:list', { planId: 'p' }],
      ['backup:read', { planId: 'p', file: 'f.upskill.json' }],
      ['backup:read-personal', { planId: 'p', file: 'f.upskill.json' }],
      ['backup:delete-personal', { planId: 'p' }],
      ['window:set-state', { title: 't', edited: true, canUndo: true, canRedo: false }],
      ['shell:open-external', { url: 'https://example.org/' }],
      ['app:flush-done'],
      ['file:save-export', { suggestedName: 'Plan.docx', kind: 'docx', bytes }],
    ]);
  });

  it('passes only the payload to listeners, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    const unsubscribe = api.on('menu:command', listener);
    emit('menu:command', 'undo');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['undo']);
    unsubscribe();
    emit('menu:command', 'redo');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses events that are not in the contract', () => {
    const on = api.on as (event: string, listener: () => void) => () => void;
    for (const name of ['ping', '__proto__', 'constructor', 'toString', 'file:open']) {
      expect(() => on(name, () => undefined)).toThrow(/Unknown workbench event/);
    }
    expect(() => (api.on as (e: string, l: unknown) => void)('menu:command', 'x')).toThrow(
      /must be a function/,
    );
  });

  it('keeps a file opened before the page subscribed and delivers it on subscribe', () => {
    const file = {
      kind: 'opened',
      fileName: 'a.upskill.json',
      path: '/a.upskill.json',
      text: '{}',
    };
    emit('file:opened', file);
    const listener = vi.fn();
    const unsubscribe = api.on('file:opened', listener);
    expect(listener).toHaveBeenCalledWith(file);
    emit('file:opened', { ...file, fileName: 'b.upskill.json' });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('answers a flush request at once when nobody could have pending saves', () => {
    emit('app:flush-request');
    expect(bridge.invoke).toHaveBeenCalledWith('app:flush-done');
    bridge.invoke.mockClear();
    const listener = vi.fn();
    const unsubscribe = api.on('app:flush-request', listener);
    emit('app:flush-request');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(bridge.invoke).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('isolates a throwing listener from the others', () => {
    const failing = vi.fn(() => {
      throw new Error('boom');
    });
    const working = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const off = [api.on('menu:command', failing), api.on('menu:command', working)];
    emit('menu:command', 'newPlan');
    expect(working).toHaveBeenCalledWith('newPlan');
    off.forEach((unsubscribe) => unsubscribe());
    quiet.mockRestore();
  });
});

describe('preload boundaries (static)', () => {
  const electronDir = join(import.meta.dirname, '..', '..', 'electron');

  it('imports only electron at runtime (a sandboxed preload cannot require anything else)', () => {
    const source = readFileSync(join(electronDir, 'preload.ts'), 'utf8');
    const runtimeImports = [
      ...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms),
    ].map((match) => match[1]);
    expect(runtimeImports).toEqual(['electron']);
  });

  it('is the only file that mentions ipcRenderer', () => {
    const offenders = readdirSync(electronDir)
      .filter((name) => name.endsWith('.ts') && name !== 'preload.ts')
      .filter((name) => readFileSync(join(electronDir, name), 'utf8').includes('ipcRenderer'));
    expect(offenders).toEqual([]);
  });
});
