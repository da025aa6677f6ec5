// Boots electron/main.ts against a fake `electron` module: the Electron
// binary cannot run here, so this is how the wiring between the small
// modules (protocol, session, IPC, window, menu, close flow, OS-opened
// files) gets exercised end to end.
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcRequest } from '../../shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({
  userData: '',
  appListeners: new Map<string, Listener[]>(),
  handlers: new Map<string, Listener>(),
  windows: [] as {
    options: Record<string, unknown>;
    emit(event: string, ...args: unknown[]): boolean;
    close: ReturnType<typeof vi.fn>;
    setTitle: ReturnType<typeof vi.fn>;
    loadURL: ReturnType<typeof vi.fn>;
    webContents: {
      emit(event: string, ...args: unknown[]): boolean;
      send: ReturnType<typeof vi.fn>;
    };
  }[],
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  sessionCalls: [] as string[],
  menus: [] as unknown[],
  menuItems: new Map<string, { enabled: boolean }>(),
  quit: vi.fn(),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWebContents extends Emitter {
    send = vi.fn();
    isDestroyed = (): boolean => false;
    setWindowOpenHandler = vi.fn();
  }
  class FakeBrowserWindow extends Emitter {
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    setTitle = vi.fn();
    setDocumentEdited = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = (): boolean => false;
    isDestroyed = (): boolean => false;
    close = vi.fn(() => {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.emit('closed');
    });
    constructor(public options: Record<string, unknown>) {
      super();
      fake.windows.push(this as never);
    }
    static getAllWindows = () => fake.windows;
  }
  const on = (event: string, listener: Listener) => {
    fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
  };
  const webRequest = {
    onBeforeRequest: () => fake.sessionCalls.push('onBeforeRequest'),
    onHeadersReceived: () => fake.sessionCalls.push('onHeadersReceived'),
  };
  return {
    app: {
      isPackaged: true,
      name: 'Upskill Workbench',
      on,
      whenReady: async () => undefined,
      isReady: () => true,
      requestSingleInstanceLock: () => true,
      quit: fake.quit,
      getPath: (name: string) => join(fake.userData, name),
      setAppUserModelId: vi.fn(),
      addRecentDocument: vi.fn(),
      clearRecentDocuments: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.handlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
      getApplicationMenu: () => ({
        getMenuItemById: (id: string) => {
          const item = fake.menuItems.get(id) ?? { enabled: true };
          fake.menuItems.set(id, item);
          return item;
        },
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => fake.sessionCalls.push('permissionRequest'),
        setPermissionCheckHandler: () => fake.sessionCalls.push('permissionCheck'),
        setDevicePermissionHandler: () => fake.sessionCalls.push('devicePermission'),
        webRequest,
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});

function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of fake.appListeners.get(event) ?? []) listener(...args);
}

function window() {
  const current = fake.windows.at(-1);
  if (!current) throw new Error('no window was created');
  return current;
}

function invoke(channel: string, payload?: unknown, url = 'app://upskill/index.html'): unknown {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = { sender: window().webContents, senderFrame: { url, parent: null } };
  return handler(
    event as unknown as IpcMainInvokeEvent,
    ...(payload === undefined ? [] : [payload]),
  );
}

beforeAll(async () => {
  fake.userData = await fs.mkdtemp(join(tmpdir(), 'upskill-main-'));
  await import('../../electron/main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(async () => {
  await fs.rm(fake.userData, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('registers the app:// scheme before ready and serves it with a handler', () => {
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
  });

  it('hardens the session and every future WebContents', () => {
    expect(fake.sessionCalls).toEqual(
      expect.arrayContaining([
        'permissionRequest',
        'permissionCheck',
        'devicePermission',
        'onBeforeRequest',
        'onHeadersReceived',
      ]),
    );
    expect(fake.appListeners.get('web-contents-created')).toHaveLength(1);
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    emitApp('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('handles every IPC channel of the contract', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(IpcRequest).sort());
  });

  it('loads the packaged renderer from app:// in a sandboxed window, with a menu', () => {
    expect(window().loadURL).toHaveBeenCalledWith('app://upskill/index.html');
    expect(window().options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(
      String((window().options['webPreferences'] as Record<string, unknown>)['preload']),
    ).toMatch(/preload[\\/]index\.cjs$/);
    expect(fake.menus.length).toBeGreaterThan(0);
  });

  it('refuses IPC from a page that is not the app', async () => {
    await expect(
      Promise.resolve().then(() => invoke('backup:list', { planId: 'p' }, 'https://evil.example/')),
    ).rejects.toThrow(/did not come from/);
  });

  it('applies window state: title and undo/redo menu items', async () => {
    await invoke('window:set-state', {
      title: 'My plan — Upskill Workbench',
      edited: false,
      canUndo: true,
      canRedo: false,
    });
    expect(window().setTitle).toHaveBeenLastCalledWith('My plan — Upskill Workbench');
    expect(fake.menuItems.get('undo')?.enabled).toBe(true);
    expect(fake.menuItems.get('redo')?.enabled).toBe(false);
  });

  it('delivers a plan file from a second launch once the page has loaded', async () => {
    const plan = join(fake.userData, 'handed-over.upskill.json');
    await fs.writeFile(plan, '{"plan":true}');
    emitApp('second-instance', {}, ['/opt/upskill/upskill', '--flag', plan], fake.userData);
    window().webContents.emit('did-finish-load');
    await vi.waitFor(() =>
      expect(window().webContents.send).toHaveBeenCalledWith('file:opened', {
        kind: 'opened',
        fileName: 'handed-over.upskill.json',
        path: plan,
        text: '{"plan":true}',
      }),
    );
  });

  it('holds the close of an edited plan until the renderer has flushed', async () => {
    await invoke('window:set-state', { title: 'x', edited: true, canUndo: true, canRedo: false });
    let prevented = false;
    window().emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window().webContents.send).toHaveBeenCalledWith('app:flush-request', undefined);
    expect(window().close).not.toHaveBeenCalled();
    await invoke('app:flush-done');
    await vi.waitFor(() => expect(window().close).toHaveBeenCalledTimes(1));
  });
});
