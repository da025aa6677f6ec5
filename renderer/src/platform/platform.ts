/**
 * The renderer's view of the machine it runs on: the Electron desktop app
 * (through the preload's `window.workbench`) or a plain browser, where files
 * are picked with a file input and saved as downloads.
 */
import {
  MAX_PLAN_FILE_BYTES,
  type BackupInfo,
  type IpcEvents,
  type OpenFileResult,
  type SaveFileResult,
  type WorkbenchApi,
} from '../../../shared/ipc';
import type { BackupReason } from '../../../shared/backups/backup-files';
import { decodePlanFileBytes, formatSizeOverLimit } from '../../../shared/plan/plan-file';
import { EXPORT_KINDS, type ExportKind } from '../../../shared/export/sanitize';

declare global {
  interface Window {
    /** Present only inside the desktop app (set by the preload script). */
    workbench?: WorkbenchApi;
  }
}

/** On-disk backups (rolling, on quit, before a restore or import); only the desktop app has them. */
export interface BackupStore {
  /**
   * Writes a backup; without a reason it is the once-a-minute rolling copy.
   * `personal` is the companion text of the plan's personal data
   * (shared/backups/personal-backup.ts), given only when the user opted in.
   */
  write(planId: string, text: string, reason?: BackupReason, personal?: string): Promise<void>;
  list(planId: string): Promise<BackupInfo[]>;
  read(planId: string, file: string): Promise<string>;
  /** The personal data that goes with a backup, or null when none does. */
  readPersonal(planId: string, file: string): Promise<string | null>;
  /** Deletes the personal data from every backup of a plan; returns how many files went. */
  deletePersonal(planId: string): Promise<number>;
}

/** What the UI may ask of the platform. */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  openPlanFile(): Promise<OpenFileResult>;
  savePlanFile(suggestedName: string, text: string): Promise<SaveFileResult>;
  readonly backups: BackupStore | null;
  setWindowState(state: {
    title: string;
    edited: boolean;
    canUndo: boolean;
    canRedo: boolean;
  }): void;
  on<E extends keyof IpcEvents>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
  flushDone(): void;
  /** Saves an exported .docx/.xlsx: a save dialog and atomic write, or a download. */
  saveExport(suggestedName: string, bytes: Uint8Array, kind: ExportKind): Promise<SaveFileResult>;
}

function desktopPlatform(api: WorkbenchApi): Platform {
  // The store notifies on every keystroke; only a real change crosses IPC.
  let lastWindowState = '';
  return {
    kind: 'desktop',
    openPlanFile: () => api.openPlanFile(),
    savePlanFile: (suggestedName, text) => api.savePlanFile({ suggestedName, text }),
    backups: {
      write: async (planId, text, reason, personal) => {
        await api.writeBackup({
          planId,
          text,
          reason,
          ...(personal === undefined ? {} : { personal }),
        });
      },
      list: (planId) => api.listBackups(planId),
      read: async (planId, file) => (await api.readBackup(planId, file)).text,
      readPersonal: async (planId, file) => (await api.readPersonalBackup(planId, file)).text,
      deletePersonal: async (planId) => (await api.deletePersonalBackups(planId)).deleted,
    },
    setWindowState: (state) => {
      const key = JSON.stringify(state);
      if (key === lastWindowState) return;
      lastWindowState = key;
      void api.setWindowState(state);
    },
    on: (event, listener) => api.on(event, listener),
    flushDone: () => void api.flushDone(),
    saveExport: (suggestedName, bytes, kind) => api.saveExport({ suggestedName, bytes, kind }),
  };
}

/** Lets the user pick a file with a temporary file input. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** Starts a download of `text` as a file named `fileName`. */
function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Starts a download of a blob as a file named `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs `work` when the page is idle, within 500 ms at the latest. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 50);
}

function browserPlatform(): Platform {
  let wantedTitle = '';
  let titleQueued = false;
  return {
    kind: 'browser',
    async openPlanFile() {
      const file = await pickFile('.json,.upskill.json,application/json');
      if (!file) return { kind: 'canceled' };
      if (file.size > MAX_PLAN_FILE_BYTES) {
        return {
          kind: 'error',
          message: `"${file.name}" is ${formatSizeOverLimit(file.size, MAX_PLAN_FILE_BYTES).join('; plan files can be at most ')}.`,
        };
      }
      // Bytes, not file.text(): that would put U+FFFD in place of bytes that
      // are not UTF-8, where the desktop refuses the file. One rule for both.
      const decoded = decodePlanFileBytes(
        new Uint8Array(await file.arrayBuffer()),
        `"${file.name}"`,
      );
      if (!decoded.ok) return { kind: 'error', message: decoded.message };
      return { kind: 'opened', fileName: file.name, path: file.name, text: decoded.text };
    },
    async savePlanFile(suggestedName, text) {
      downloadText(suggestedName, text);
      return { kind: 'saved', path: suggestedName };
    },
    backups: null,
    setWindowState: ({ title, edited }) => {
      // A title change costs the browser a few ms; it is made when the page
      // is idle, and only the last state of a burst is shown (a save that
      // starts and ends within the wait never changes the title at all), so
      // neither a keystroke nor a save's own task pays for it.
      wantedTitle = edited ? `• ${title}` : title;
      if (titleQueued) return;
      titleQueued = true;
      whenIdle(() => {
        titleQueued = false;
        if (document.title !== wantedTitle) document.title = wantedTitle;
      });
    },
    on: () => () => undefined,
    flushDone: () => undefined,
    async saveExport(suggestedName, bytes, kind) {
      downloadBlob(
        suggestedName,
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: EXPORT_KINDS[kind].mime }),
      );
      return { kind: 'saved', path: suggestedName };
    },
  };
}

/** The platform this renderer runs on. */
export function detectPlatform(): Platform {
  return window.workbench ? desktopPlatform(window.workbench) : browserPlatform();
}
