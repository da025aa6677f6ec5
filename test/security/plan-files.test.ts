import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupStore } from '../../electron/backups';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { createTypedIpcMain } from '../../electron/ipc-main';
import {
  describeSize,
  ensurePlanExtension,
  planFileDialogFilters,
  readPlanFile,
  sanitizePlanFileName,
  type PlanFileFs,
} from '../../electron/plan-files';
import { createRecentFiles } from '../../electron/recent-files';
import { MAX_PLAN_FILE_BYTES, type IpcChannel } from '../../shared/ipc';
import { decodePlanFileBytes } from '../../shared/plan/plan-file';

const MB = 1024 * 1024;
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'upskill-files-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A sparse file: the size is real, the disk use is not. */
async function fileOfSize(name: string, bytes: number): Promise<string> {
  const path = join(dir, name);
  await fs.writeFile(path, '');
  await fs.truncate(path, bytes);
  return path;
}

/** Real fs calls, recording every open and read. */
function spyingFs() {
  const calls = { stat: 0, open: 0, read: 0 };
  const io: PlanFileFs = {
    stat: (async (path: string) => {
      calls.stat += 1;
      return fs.stat(path);
    }) as PlanFileFs['stat'],
    open: (async (path: string, flags?: string) => {
      calls.open += 1;
      const handle = await fs.open(path, flags);
      return new Proxy(handle, {
        get(real, property) {
          if (property === 'read' || property === 'readFile') calls.read += 1;
          const value: unknown = Reflect.get(real, property);
          return typeof value === 'function' ? value.bind(real) : value;
        },
      });
    }) as PlanFileFs['open'],
  };
  return { io, calls };
}

describe('readPlanFile', () => {
  it('refuses an oversized file from its size alone, without opening or reading it', async () => {
    const path = await fileOfSize('big.upskill.json', Math.round(23.4 * MB));
    const { io, calls } = spyingFs();
    const result = await readPlanFile(path, { fs: io });
    expect(result).toEqual({
      kind: 'error',
      message: 'big.upskill.json is 23.4 MB; plan files can be at most 20 MB.',
    });
    expect(calls).toEqual({ stat: 1, open: 0, read: 0 });
  });

  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    const atLimit = await fileOfSize('limit.json', MAX_PLAN_FILE_BYTES);
    expect((await readPlanFile(atLimit)).kind).toBe('opened');
    const over = await fileOfSize('over.json', MAX_PLAN_FILE_BYTES + 1);
    expect(await readPlanFile(over)).toEqual({
      kind: 'error',
      message: 'over.json is 20.1 MB; plan files can be at most 20 MB.',
    });
  });

  it('reads UTF-8 text (dropping a BOM) and reports name and path', async () => {
    const path = join(dir, 'Plan ü.upskill.json');
    await fs.writeFile(path, '\uFEFF{"name":"Zoë"}', 'utf8');
    expect(await readPlanFile(path)).toEqual({
      kind: 'opened',
      fileName: 'Plan ü.upskill.json',
      path,
      text: '{"name":"Zoë"}',
    });
  });

  it('explains missing files, folders and binary files', async () => {
    expect(await readPlanFile(join(dir, 'gone.json'))).toEqual({
      kind: 'error',
      message: 'gone.json could not be found. It may have been moved or deleted.',
    });
    await fs.mkdir(join(dir, 'folder.json'));
    expect(await readPlanFile(join(dir, 'folder.json'))).toEqual({
      kind: 'error',
      message: 'folder.json is not a file.',
    });
    await fs.writeFile(join(dir, 'binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    expect(await readPlanFile(join(dir, 'binary.json'))).toEqual({
      kind: 'error',
      message:
        'binary.json is not a UTF-8 text file: the bytes at line 1, column 1 (byte offset 0) are not valid UTF-8. Save it as UTF-8 text and open it again.',
    });
  });

  it('refuses invalid UTF-8 by the same rule as the browser, naming where it is', async () => {
    // "Café" saved as Windows-1252 on the second line: never opened with U+FFFD in its place.
    const path = join(dir, 'latin1.upskill.json');
    await fs.writeFile(
      path,
      Buffer.concat([
        Buffer.from('{"schemaVersion": 1,\n"name": "Caf'),
        Buffer.from([0xe9, 0x22, 0x7d]),
      ]),
    );
    const bytes = new Uint8Array(await fs.readFile(path));
    const shared = decodePlanFileBytes(bytes, 'latin1.upskill.json');
    expect(shared).toMatchObject({ ok: false, line: 2, column: 13 });
    expect(await readPlanFile(path)).toEqual({
      kind: 'error',
      message: shared.ok ? '' : shared.message,
    });
  });

  it('formats sizes without rounding an oversize file down to the limit', () => {
    expect(describeSize(Math.round(23.4 * MB), 20 * MB)).toBe('23.4 MB');
    expect(describeSize(20 * MB + 1, 20 * MB)).toBe('20.1 MB');
    expect(describeSize(512 * 1024, 20 * MB)).toBe('0.5 MB');
  });
});

describe('plan file names', () => {
  it('sanitises suggested names and adds .upskill.json', () => {
    expect(sanitizePlanFileName('Youth Digital Skills 2025')).toBe(
      'Youth Digital Skills 2025.upskill.json',
    );
    expect(sanitizePlanFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j.upskill.json');
    expect(sanitizePlanFileName('../../etc/passwd')).toBe('etc passwd.upskill.json');
    expect(sanitizePlanFileName('plan.upskill.json')).toBe('plan.upskill.json');
    expect(sanitizePlanFileName('plan.JSON')).toBe('plan.upskill.json');
    expect(sanitizePlanFileName('  ...hidden. ')).toBe('hidden.upskill.json');
    expect(sanitizePlanFileName('CON')).toBe('CON plan.upskill.json');
    expect(sanitizePlanFileName('tab\there\u0000nul')).toBe('tab here nul.upskill.json');
    expect(sanitizePlanFileName('???')).toBe('Untitled plan.upskill.json');
    expect(sanitizePlanFileName('x'.repeat(300))).toHaveLength(120 + '.upskill.json'.length);
  });

  it('adds the extension to a bare chosen path unless that would replace another file', () => {
    expect(ensurePlanExtension('/d/plan.upskill.json', () => false)).toBe('/d/plan.upskill.json');
    expect(ensurePlanExtension('/d/plan.json', () => false)).toBe('/d/plan.json');
    expect(ensurePlanExtension('/d/plan', () => false)).toBe('/d/plan.upskill.json');
    expect(ensurePlanExtension('/d/plan', () => true)).toBe('/d/plan');
  });

  it('offers plan and JSON filters (macOS matches only the last extension)', () => {
    expect(planFileDialogFilters('win32').map((filter) => filter.extensions)).toEqual([
      ['upskill.json'],
      ['json'],
    ]);
    expect(planFileDialogFilters('darwin').map((filter) => filter.extensions)).toEqual([['json']]);
  });
});

describe('file and backup IPC handlers', () => {
  type Call = (channel: IpcChannel, payload?: unknown) => Promise<unknown>;

  async function setup(overrides: Partial<IpcHandlerDeps> = {}) {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: (
        channel: string,
        listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
      ) => handlers.set(channel, listener),
    } as unknown as Pick<IpcMain, 'handle'>;
    const recentFiles = createRecentFiles(join(dir, 'recent.json'));
    await recentFiles.load();
    const deps: IpcHandlerDeps = {
      platform: 'linux',
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      defaultSaveFolder: () => join(dir, 'Documents'),
      recentFiles,
      backups: createBackupStore(join(dir, 'backups')),
      applyWindowState: vi.fn(),
      openLink: vi.fn(async () => true),
      flushDone: vi.fn(),
      ...overrides,
    };
    registerIpcHandlers(
      createTypedIpcMain(ipcMain, () => true),
      deps,
    );
    const call: Call = async (channel, ...payload) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({} as IpcMainInvokeEvent, ...payload);
    };
    return { call, deps, recentFiles, handlers };
  }

  it('registers a handler for every channel of the contract', async () => {
    const { handlers } = await setup();
    expect([...handlers.keys()].sort()).toEqual(
      [
        'app:flush-done',
        'backup:delete-personal',
        'backup:list',
        'backup:read',
        'backup:read-personal',
        'backup:write',
        'file:open',
        'file:save',
        'file:save-export',
        'shell:open-external',
        'window:set-state',
      ].sort(),
    );
  });

  it('file:open refuses an oversized file without reading it and does not add it to recent', async () => {
    const path = await fileOfSize('huge.upskill.json', Math.round(23.4 * MB));
    const { io, calls } = spyingFs();
    const { call, recentFiles } = await setup({
      showOpenDialog: async () => ({ canceled: false, filePaths: [path] }),
      readPlanFile: (file) => readPlanFile(file, { fs: io }),
    });
    expect(await call('file:open')).toEqual({
      kind: 'error',
      message: 'huge.upskill.json is 23.4 MB; plan files can be at most 20 MB.',
    });
    expect(calls.read).toBe(0);
    expect(calls.open).toBe(0);
    expect(recentFiles.list()).toEqual([]);
  });

  it('file:open returns the text and remembers the file', async () => {
    const path = join(dir, 'a.upskill.json');
    await fs.writeFile(path, '{"a":1}');
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [path] }));
    const { call, recentFiles } = await setup({ showOpenDialog });
    expect(await call('file:open')).toEqual({
      kind: 'opened',
      fileName: 'a.upskill.json',
      path,
      text: '{"a":1}',
    });
    expect(recentFiles.list()).toEqual([path]);
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        properties: ['openFile'],
        filters: planFileDialogFilters('linux'),
      }),
    );
  });

  it('file:open reports a cancelled dialog', async () => {
    const { call } = await setup();
    expect(await call('file:open')).toEqual({ kind: 'canceled' });
  });

  it('file:save suggests a sanitised name, writes atomically and remembers the file', async () => {
    let asked: SaveDialogOptions | undefined;
    const chosen = join(dir, 'Annual plan');
    const { call, recentFiles } = await setup({
      showSaveDialog: async (options) => {
        asked = options;
        return { canceled: false, filePath: chosen };
      },
    });
    const result = await call('file:save', { suggestedName: 'Annual: plan/2025', text: '{"v":2}' });
    expect(asked?.defaultPath).toBe(join(dir, 'Documents', 'Annual plan 2025.upskill.json'));
    expect(result).toEqual({ kind: 'saved', path: `${chosen}.upskill.json` });
    expect(await fs.readFile(`${chosen}.upskill.json`, 'utf8')).toBe('{"v":2}');
    expect(recentFiles.list()).toEqual([`${chosen}.upskill.json`]);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('file:save reports a write failure as an error result', async () => {
    const { call } = await setup({
      showSaveDialog: async () => ({
        canceled: false,
        filePath: join(dir, 'no', 'such', 'x.json'),
      }),
    });
    const result = (await call('file:save', { suggestedName: 'x', text: '{}' })) as {
      kind: string;
      message: string;
    };
    expect(result.kind).toBe('error');
    expect(result.message).toMatch(/^Could not save x\.json: /);
  });

  it('backup channels write, list and read; invalid names never reach the disk', async () => {
    const { call } = await setup();
    const { file } = (await call('backup:write', { planId: 'p1', text: '{"b":1}' })) as {
      file: string;
    };
    expect(await call('backup:list', { planId: 'p1' })).toEqual([
      expect.objectContaining({ file, bytes: 7 }),
    ]);
    expect(await call('backup:read', { planId: 'p1', file })).toEqual({ text: '{"b":1}' });
    await expect(
      call('backup:read', { planId: 'p1', file: '../../recent.upskill.json' }),
    ).rejects.toThrow(/invalid payload/);
    // Any id the plan format allows is backed up (in a hashed folder, so '../..'
    // stays inside); only ids the format refuses are refused here.
    await expect(call('backup:list', { planId: '' })).rejects.toThrow(/invalid payload/);
    await expect(call('backup:list', { planId: '../..' })).resolves.toEqual([]);
  });

  it('personal-data channels: a companion written beside a backup, read with it, deleted on opting out', async () => {
    const { call } = await setup();
    const personal = '{"roster":"ada@example.org"}';
    const { file } = (await call('backup:write', { planId: 'p1', text: '{"b":1}', personal })) as {
      file: string;
    };
    expect(await call('backup:read', { planId: 'p1', file })).toEqual({ text: '{"b":1}' });
    expect(await call('backup:list', { planId: 'p1' })).toEqual([
      expect.objectContaining({ file, personal: true }),
    ]);
    expect(await call('backup:read-personal', { planId: 'p1', file })).toEqual({ text: personal });
    await expect(
      call('backup:read-personal', { planId: 'p1', file: '../x.personal.json' }),
    ).rejects.toThrow(/invalid payload/);
    await expect(call('backup:write', { planId: 'p1', text: '{}', personal: 42 })).rejects.toThrow(
      /invalid payload/,
    );
    expect(await call('backup:delete-personal', { planId: 'p1' })).toEqual({ deleted: 1 });
    expect(await call('backup:read-personal', { planId: 'p1', file })).toEqual({ text: null });
  });

  it('window:set-state, shell:open-external and app:flush-done reach their targets', async () => {
    const { call, deps } = await setup();
    const state = {
      title: 'Plan — Upskill Workbench',
      edited: true,
      canUndo: true,
      canRedo: false,
    };
    await call('window:set-state', state);
    expect(deps.applyWindowState).toHaveBeenCalledWith(state);
    expect(await call('shell:open-external', { url: 'https://example.org/' })).toEqual({
      opened: true,
    });
    expect(deps.openLink).toHaveBeenCalledWith('https://example.org/');
    await call('app:flush-done');
    expect(deps.flushDone).toHaveBeenCalledTimes(1);
  });
});
