import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlushCoordinator, guardWindowClose } from '../../electron/close-guard';
import { parseCommandLine, tokenizeArguments } from '../../electron/command-line';
import { buildMenuTemplate, type MenuContext } from '../../electron/menu';
import { createRecentFiles, MAX_RECENT_FILES } from '../../electron/recent-files';

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return {
    platform: 'linux',
    isDev: false,
    appName: 'Upskill Workbench',
    recentFiles: [],
    canUndo: true,
    canRedo: false,
    send: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    ...overrides,
  };
}

const plain = (label: string | undefined): string => (label ?? '').replace(/&/g, '');

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenu(template.find((item) => plain(item.label) === label));
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => plain(entry.label) === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('application menu', () => {
  it('has File, Edit, View, Window, Help in that order (app menu first on macOS)', () => {
    const linux = buildMenuTemplate(context());
    expect(linux.map((entry) => plain(entry.label) || entry.role)).toEqual([
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help',
    ]);
    const mac = buildMenuTemplate(context({ platform: 'darwin' }));
    expect(mac.map((entry) => plain(entry.label) || entry.role)).toEqual([
      'Upskill Workbench',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help',
    ]);
  });

  it('sends document commands to the renderer with display-only accelerators', () => {
    const ctx = context();
    const template = buildMenuTemplate(ctx);
    const file = menu(template, 'File');
    const edit = menu(template, 'Edit');
    const expected: [MenuItemConstructorOptions[], string, string, string | undefined][] = [
      [file, 'New Plan', 'newPlan', 'CmdOrCtrl+N'],
      [file, 'Open…', 'openFile', 'CmdOrCtrl+O'],
      [file, 'Save As…', 'saveAs', 'Shift+CmdOrCtrl+S'],
      [file, 'Restore from Backup…', 'restoreBackup', undefined],
      [file, 'Plan Library', 'showLibrary', undefined],
      [edit, 'Undo', 'undo', 'CmdOrCtrl+Z'],
      [edit, 'Redo', 'redo', 'Shift+CmdOrCtrl+Z'],
    ];
    for (const [items, label, command, accelerator] of expected) {
      const entry = item(items, label);
      expect(entry.accelerator).toBe(accelerator);
      // The page handles the keystroke itself; a registered accelerator would double it.
      if (accelerator) expect(entry.registerAccelerator).toBe(false);
      click(entry);
      expect(ctx.send).toHaveBeenLastCalledWith(command);
    }
  });

  it('uses Ctrl+Y for Redo on Windows and mirrors undo/redo availability', () => {
    const edit = menu(
      buildMenuTemplate(context({ platform: 'win32', canUndo: false, canRedo: true })),
      'Edit',
    );
    expect(item(edit, 'Redo').accelerator).toBe('CmdOrCtrl+Y');
    expect(item(edit, 'Undo')).toMatchObject({ id: 'undo', enabled: false });
    expect(item(edit, 'Redo')).toMatchObject({ id: 'redo', enabled: true });
    expect(edit.filter((entry) => entry.role).map((entry) => entry.role)).toEqual([
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('lists recent files, opens one on click and can clear the list', () => {
    const ctx = context({ recentFiles: ['/plans/a.upskill.json', '/plans/R&D.upskill.json'] });
    const recent = submenu(item(menu(buildMenuTemplate(ctx), 'File'), 'Open Recent'));
    expect(recent.map((entry) => entry.label ?? entry.type)).toEqual([
      '/plans/a.upskill.json',
      '/plans/R&&D.upskill.json',
      'separator',
      'Clear Recent',
    ]);
    click(recent[1] as MenuItemConstructorOptions);
    expect(ctx.openRecent).toHaveBeenCalledWith('/plans/R&D.upskill.json');
    click(item(recent, 'Clear Recent'));
    expect(ctx.clearRecent).toHaveBeenCalled();

    const empty = submenu(item(menu(buildMenuTemplate(context()), 'File'), 'Open Recent'));
    expect(empty[0]).toMatchObject({ label: 'No Recent Plans', enabled: false });
    expect(item(empty, 'Clear Recent').enabled).toBe(false);
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (isDev: boolean) =>
      menu(buildMenuTemplate(context({ isDev })), 'View').map((entry) => entry.role ?? entry.type);
    expect(roles(false)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    expect(roles(true)).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });

  it('closes per platform conventions', () => {
    const last = (platform: NodeJS.Platform) =>
      menu(buildMenuTemplate(context({ platform })), 'File').at(-1);
    expect(last('darwin')).toMatchObject({ role: 'close' });
    expect(last('win32')).toMatchObject({ role: 'quit', label: 'E&xit' });
    expect(last('linux')).toMatchObject({ role: 'quit' });
    const appMenu = submenu(buildMenuTemplate(context({ platform: 'darwin' }))[0]);
    expect(appMenu.at(-1)).toMatchObject({ role: 'quit' });
  });

  it('has About (in Help, or the app menu on macOS) and Keyboard Shortcuts', () => {
    const ctx = context();
    const help = menu(buildMenuTemplate(ctx), 'Help');
    click(item(help, 'About Upskill Workbench'));
    expect(ctx.send).toHaveBeenLastCalledWith('about');
    click(item(help, 'Keyboard Shortcuts'));
    expect(ctx.send).toHaveBeenLastCalledWith('shortcuts');

    const mac = buildMenuTemplate(context({ platform: 'darwin' }));
    expect(() => item(menu(mac, 'Help'), 'About Upskill Workbench')).toThrow();
    expect(item(submenu(mac[0]), 'About Upskill Workbench')).toBeDefined();
    expect(
      menu(mac, 'File')
        .map((entry) => entry.label ?? '')
        .join(''),
    ).not.toContain('&');
  });
});

describe('command line', () => {
  const packaged = { defaultApp: false, cwd: '/home/ada' };
  const development = { defaultApp: true, cwd: '/repo' };

  it('finds plan files after the executable, resolving relative paths', () => {
    expect(
      parseCommandLine(['/opt/Upskill/upskill', 'plans/a.upskill.json', '/tmp/b.json'], packaged),
    ).toEqual({ planFiles: ['/home/ada/plans/a.upskill.json', '/tmp/b.json'] });
  });

  it('skips the app path when started as `electron .`', () => {
    expect(parseCommandLine(['/x/electron', '.', 'c.upskill.json'], development)).toEqual({
      planFiles: ['/repo/c.upskill.json'],
    });
  });

  it('ignores Chromium, Electron and macOS flags and non-plan arguments', () => {
    expect(
      parseCommandLine(
        [
          '/opt/Upskill/upskill',
          '--no-sandbox',
          '--enable-logging=stderr',
          '--inspect=9229',
          '-psn_0_12345',
          '--allow-file-access-from-files',
          'notes.txt',
          'https://example.org/x.json',
          'a.upskill.json',
          'a.upskill.json',
        ],
        packaged,
      ),
    ).toEqual({ planFiles: ['/home/ada/a.upskill.json'] });
  });

  it('accepts file:// URLs from Linux launchers and everything after --', () => {
    expect(
      parseCommandLine(
        ['/opt/upskill', 'file:///home/ada/My%20Plan.upskill.json', '--', '--odd-name.json'],
        packaged,
      ),
    ).toEqual({ planFiles: ['/home/ada/My Plan.upskill.json', '/home/ada/--odd-name.json'] });
  });

  it('tokenises flags generically, ready for value flags such as --docx', () => {
    expect(tokenizeArguments(['--docx=out.docx', '--quiet', 'plan.json'])).toEqual({
      positionals: ['plan.json'],
      flags: new Map<string, string | true>([
        ['docx', 'out.docx'],
        ['quiet', true],
      ]),
    });
  });
});

describe('recent files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'upskill-recent-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it(`keeps at most ${MAX_RECENT_FILES}, newest first, without duplicates, and persists`, async () => {
    const store = join(dir, 'recent-files.json');
    const os = { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() };
    const onChange = vi.fn();
    const recent = createRecentFiles(store, { os, onChange, platform: 'linux' });
    await recent.load();
    for (let index = 0; index < 12; index += 1) await recent.add(`/p/${index}.upskill.json`);
    await recent.add('/p/5.upskill.json');
    expect(recent.list()).toHaveLength(MAX_RECENT_FILES);
    expect(recent.list().slice(0, 3)).toEqual([
      '/p/5.upskill.json',
      '/p/11.upskill.json',
      '/p/10.upskill.json',
    ]);
    expect(os.addRecentDocument).toHaveBeenLastCalledWith('/p/5.upskill.json');
    expect(onChange).toHaveBeenCalled();

    const reopened = createRecentFiles(store);
    expect(await reopened.load()).toEqual(recent.list());

    await recent.remove('/p/5.upskill.json');
    expect(recent.list()).not.toContain('/p/5.upskill.json');
    await recent.clear();
    expect(recent.list()).toEqual([]);
    expect(os.clearRecentDocuments).toHaveBeenCalled();
    expect(await createRecentFiles(store).load()).toEqual([]);
  });

  it('treats a damaged store as empty', async () => {
    const store = join(dir, 'recent-files.json');
    await fs.writeFile(store, '{not json');
    expect(await createRecentFiles(store).load()).toEqual([]);
    await fs.writeFile(store, JSON.stringify({ version: 1, files: ['/ok.json', 42, null] }));
    expect(await createRecentFiles(store).load()).toEqual(['/ok.json']);
  });
});

describe('close flow', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves when the renderer reports the flush is done', async () => {
    const requestFlush = vi.fn();
    const coordinator = createFlushCoordinator({ requestFlush });
    const first = coordinator.flush();
    const second = coordinator.flush();
    expect(requestFlush).toHaveBeenCalledTimes(1);
    coordinator.done();
    expect(await first).toBe('flushed');
    expect(await second).toBe('flushed');
  });

  it('gives up after the timeout so a hung renderer cannot block closing', async () => {
    vi.useFakeTimers();
    const coordinator = createFlushCoordinator({ requestFlush: () => undefined, timeoutMs: 3000 });
    const result = coordinator.flush();
    await vi.advanceTimersByTimeAsync(2999);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe('timeout');
  });

  it('does not wait when the renderer cannot be asked', async () => {
    const coordinator = createFlushCoordinator({
      requestFlush: () => {
        throw new Error('window gone');
      },
    });
    expect(await coordinator.flush()).toBe('timeout');
  });

  function fakeWindow() {
    let listener: ((event: { preventDefault(): void }) => void) | undefined;
    const window = {
      on: (_event: 'close', callback: typeof listener) => (listener = callback),
      close: vi.fn(() => {
        const event = { preventDefault: vi.fn() };
        listener?.(event);
        return event;
      }),
      isDestroyed: () => false,
    };
    const tryClose = () => {
      const event = { preventDefault: vi.fn() };
      listener?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { window, tryClose };
  }

  it('lets a clean window close at once', () => {
    const { window, tryClose } = fakeWindow();
    const coordinator = createFlushCoordinator({ requestFlush: vi.fn() });
    guardWindowClose(window, {
      isEdited: () => false,
      coordinator,
      isQuitting: () => false,
      quit: vi.fn(),
    });
    expect(tryClose()).toBe(false);
  });

  it('holds an edited window, asks for a flush, then closes for real', async () => {
    const { window, tryClose } = fakeWindow();
    const requestFlush = vi.fn();
    const coordinator = createFlushCoordinator({ requestFlush });
    const quit = vi.fn();
    guardWindowClose(window, { isEdited: () => true, coordinator, isQuitting: () => false, quit });
    expect(tryClose()).toBe(true);
    expect(requestFlush).toHaveBeenCalledTimes(1);
    expect(window.close).not.toHaveBeenCalled();
    coordinator.done();
    await vi.waitFor(() => expect(window.close).toHaveBeenCalledTimes(1));
    expect(window.close.mock.results[0]?.value.preventDefault).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });

  it('resumes an interrupted quit after the flush', async () => {
    const { window, tryClose } = fakeWindow();
    const coordinator = createFlushCoordinator({ requestFlush: vi.fn() });
    const quit = vi.fn();
    guardWindowClose(window, { isEdited: () => true, coordinator, isQuitting: () => true, quit });
    expect(tryClose()).toBe(true);
    coordinator.done();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(window.close).not.toHaveBeenCalled();
    expect(tryClose()).toBe(false); // the resumed quit's close goes through
  });
});
