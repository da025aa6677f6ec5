/**
 * The desktop app's preload API (`window.workbench`) in the browser build,
 * for end-to-end tests of what only the desktop has — backups on disk. The
 * page gets an object with the contract's methods; each call crosses to the
 * test process, where the real backup store (electron/backups.ts) writes
 * into a temporary folder. Plan files and exports are written there too;
 * menu commands and "flush before quit" are sent by the test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createBackupStore } from '../../electron/backups';
import type { MenuCommand } from '../../shared/ipc';

/** What the fake desktop did, for the test to look at. */
export interface FakeDesktop {
  /** The folder the backups are written to (userData/backups in the app). */
  readonly backupRoot: string;
  /** Files saved by "Save as file…" and exports. */
  readonly saved: string[];
  /** How many times the page said it had flushed (before a quit). */
  flushes: number;
}

/** Gives every page of `context` a desktop `window.workbench` backed by `folder`. */
export async function installFakeDesktop(
  context: BrowserContext,
  folder: string,
): Promise<FakeDesktop> {
  const backupRoot = join(folder, 'backups');
  const savedDir = join(folder, 'saved');
  mkdirSync(savedDir, { recursive: true });
  const store = createBackupStore(backupRoot);
  const desktop: FakeDesktop = { backupRoot, saved: [], flushes: 0 };
  await context.exposeBinding('__desk', async (_source, method: string, args: unknown[]) => {
    const a = args as string[];
    switch (method) {
      case 'writeBackup': {
        const request = args[0] as {
          planId: string;
          text: string;
          reason?: 'rolling';
          personal?: string;
        };
        return store.write(request.planId, request.text, request.reason, request.personal);
      }
      case 'listBackups':
        return store.list(a[0]!);
      case 'readBackup':
        return store.read(a[0]!, a[1]!);
      case 'readPersonalBackup':
        return store.readPersonal(a[0]!, a[1]!);
      case 'deletePersonalBackups':
        return store.deletePersonal(a[0]!);
      case 'savePlanFile': {
        const request = args[0] as { suggestedName: string; text: string };
        const path = join(savedDir, request.suggestedName);
        writeFileSync(path, request.text);
        desktop.saved.push(path);
        return { kind: 'saved', path };
      }
      case 'saveExport': {
        const request = args[0] as { suggestedName: string; base64: string };
        const path = join(savedDir, request.suggestedName);
        writeFileSync(path, Buffer.from(request.base64, 'base64'));
        desktop.saved.push(path);
        return { kind: 'saved', path };
      }
      case 'flushDone':
        desktop.flushes += 1;
        return undefined;
      default:
        return undefined;
    }
  });
  await context.addInitScript(() => {
    type Desk = (method: string, args: unknown[]) => Promise<unknown>;
    const desk = (method: string, ...args: unknown[]) =>
      (window as unknown as { __desk: Desk }).__desk(method, args);
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    (window as unknown as { __deskEmit: unknown }).__deskEmit = (
      event: string,
      payload: unknown,
    ) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    };
    (window as unknown as { workbench: unknown }).workbench = {
      platform: 'desktop',
      openPlanFile: () => Promise.resolve({ kind: 'canceled' }),
      savePlanFile: (request: unknown) => desk('savePlanFile', request),
      writeBackup: (request: unknown) => desk('writeBackup', request),
      listBackups: (planId: string) => desk('listBackups', planId),
      readBackup: (planId: string, file: string) => desk('readBackup', planId, file),
      readPersonalBackup: (planId: string, file: string) =>
        desk('readPersonalBackup', planId, file),
      deletePersonalBackups: (planId: string) => desk('deletePersonalBackups', planId),
      setWindowState: () => Promise.resolve(),
      openExternal: () => Promise.resolve({ opened: false }),
      on: (event: string, listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
      flushDone: () => desk('flushDone'),
      saveExport: (request: { suggestedName: string; kind: string; bytes: Uint8Array }) => {
        let binary = '';
        for (const byte of request.bytes) binary += String.fromCharCode(byte);
        return desk('saveExport', { suggestedName: request.suggestedName, base64: btoa(binary) });
      },
    };
  });
  return desktop;
}

/** Sends a native-menu command to the page, as the desktop menu does. */
export async function menuCommand(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((c) => {
    (window as unknown as { __deskEmit: (e: string, p: unknown) => void }).__deskEmit(
      'menu:command',
      c,
    );
  }, command);
}

/** Asks the page to flush and write its quit backup, as the desktop does before closing; waits for it. */
export async function flushBeforeQuit(page: Page, desktop: FakeDesktop): Promise<void> {
  const before = desktop.flushes;
  await page.evaluate(() => {
    (window as unknown as { __deskEmit: (e: string, p: unknown) => void }).__deskEmit(
      'app:flush-request',
      undefined,
    );
  });
  const start = Date.now();
  while (desktop.flushes === before) {
    if (Date.now() - start > 20_000) throw new Error('The page did not flush before quitting.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
