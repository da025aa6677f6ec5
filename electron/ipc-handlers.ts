/**
 * One handler per renderer → main channel. Every desktop capability is
 * injected, so tests can run each handler against temp folders and fake
 * dialogs without Electron.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { OpenFileResult, SaveFileResult } from '../shared/ipc';
import { writeFileAtomic } from './atomic-write';
import type { BackupStore } from './backups';
import { ensureExportExtension, exportDialogFilters, sanitizeExportFileName } from './export-files';
import type { IpcPayload, TypedIpcMain } from './ipc-main';
import {
  ensurePlanExtension,
  planFileDialogFilters,
  readPlanFile,
  sanitizePlanFileName,
} from './plan-files';
import type { RecentFiles } from './recent-files';

/** The desktop capabilities the handlers use. */
export type IpcHandlerDeps = {
  platform: NodeJS.Platform;
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** Folder the save dialog starts in when no recent file suggests one. */
  defaultSaveFolder: () => string;
  /** Reads a plan file with the size limit (defaults to readPlanFile). */
  readPlanFile?: (path: string) => Promise<OpenFileResult>;
  writeFile?: (path: string, text: string) => Promise<void>;
  /** Writes an export's bytes (defaults to the atomic writer). */
  writeBytes?: (path: string, bytes: Uint8Array) => Promise<void>;
  recentFiles: RecentFiles;
  backups: BackupStore;
  applyWindowState: (state: IpcPayload<'window:set-state'>) => void;
  /** Opens a URL in the browser if its scheme is safe (openExternalSafely). */
  openLink: (url: string) => Promise<boolean>;
  flushDone: () => void;
};

/** Registers the handler of every channel in IpcRequest. */
export function registerIpcHandlers(ipc: TypedIpcMain, deps: IpcHandlerDeps): void {
  const read = deps.readPlanFile ?? ((path: string) => readPlanFile(path));
  const write = deps.writeFile ?? ((path: string, text: string) => writeFileAtomic(path, text));

  ipc.handle('file:open', async () => {
    const choice = await deps.showOpenDialog({
      title: 'Open Plan',
      properties: ['openFile'],
      filters: planFileDialogFilters(deps.platform),
    });
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return { kind: 'canceled' };
    const result = await read(path);
    if (result.kind === 'opened') await deps.recentFiles.add(path).catch(() => undefined);
    return result;
  });

  ipc.handle('file:save', async ({ suggestedName, text }): Promise<SaveFileResult> => {
    const recentFile = deps.recentFiles.list()[0];
    const folder = recentFile ? dirname(recentFile) : deps.defaultSaveFolder();
    const choice = await deps.showSaveDialog({
      title: 'Save Plan As',
      defaultPath: join(folder, sanitizePlanFileName(suggestedName)),
      filters: planFileDialogFilters(deps.platform),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { kind: 'canceled' };
    const path = ensurePlanExtension(choice.filePath, existsSync);
    try {
      await write(path, text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'error', message: `Could not save ${basename(path)}: ${reason}` };
    }
    await deps.recentFiles.add(path).catch(() => undefined);
    return { kind: 'saved', path };
  });

  const writeBytes =
    deps.writeBytes ?? ((path: string, bytes: Uint8Array) => writeFileAtomic(path, bytes));
  ipc.handle(
    'file:save-export',
    async ({ suggestedName, kind, bytes }): Promise<SaveFileResult> => {
      const recentFile = deps.recentFiles.list()[0];
      const folder = recentFile ? dirname(recentFile) : deps.defaultSaveFolder();
      const choice = await deps.showSaveDialog({
        title: kind === 'docx' ? 'Export Word Document' : 'Export Excel Workbook',
        defaultPath: join(folder, sanitizeExportFileName(suggestedName, kind)),
        filters: exportDialogFilters(kind),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { kind: 'canceled' };
      const path = ensureExportExtension(choice.filePath, kind);
      try {
        await writeBytes(path, bytes);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { kind: 'error', message: `Could not save ${basename(path)}: ${reason}` };
      }
      return { kind: 'saved', path };
    },
  );

  ipc.handle('backup:write', ({ planId, text, reason, personal }) =>
    deps.backups.write(planId, text, reason, personal),
  );
  ipc.handle('backup:list', ({ planId }) => deps.backups.list(planId));
  ipc.handle('backup:read', ({ planId, file }) => deps.backups.read(planId, file));
  ipc.handle('backup:read-personal', ({ planId, file }) => deps.backups.readPersonal(planId, file));
  ipc.handle('backup:delete-personal', ({ planId }) => deps.backups.deletePersonal(planId));

  ipc.handle('window:set-state', (state) => deps.applyWindowState(state));

  ipc.handle('shell:open-external', async ({ url }) => ({ opened: await deps.openLink(url) }));

  ipc.handle('app:flush-done', () => deps.flushDone());
}
