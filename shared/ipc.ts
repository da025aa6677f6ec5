/**
 * The contract between the Electron main process and the renderer: every
 * channel, its payload schema and its answer type, plus the one API object the
 * preload script exposes as `window.workbench`. Both sides import from here so
 * a channel cannot drift between them.
 */
import { z } from 'zod';
import { BACKUP_FILE_NAME_PATTERN, BackupReason } from './backups/backup-files';
import { MAX_PERSONAL_BACKUP_CHARS } from './backups/personal-backup';

/** Largest plan file we read (bytes); bigger files are refused before reading. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** Largest export the renderer may hand to the desktop to write (a large plan's .docx is ~3 MB). */
export const MAX_EXPORT_FILE_BYTES = 100 * 1024 * 1024;

/** Kinds of export file the desktop writes. */
export const ExportFileKind = z.enum(['docx', 'xlsx', 'txt', 'eml']);

/** Commands the native menu sends to the renderer. */
export const MenuCommand = z.enum([
  'newPlan',
  'openFile',
  'saveAs',
  'showLibrary',
  'undo',
  'redo',
  'restoreBackup',
  'about',
  'shortcuts',
]);
/** A command from the native menu. */
export type MenuCommand = z.infer<typeof MenuCommand>;

/** A file the user picked (or the OS handed us) with its text. */
export type OpenedFile = { kind: 'opened'; fileName: string; path: string; text: string };
/** Result of asking the user for a plan file to open. */
export type OpenFileResult = OpenedFile | { kind: 'canceled' } | { kind: 'error'; message: string };
/** Result of saving a plan file. */
export type SaveFileResult =
  { kind: 'saved'; path: string } | { kind: 'canceled' } | { kind: 'error'; message: string };

/**
 * One backup of a plan on disk: its file name, when it was taken, why, and its
 * size; `personal` when the plan's personal data (opted in) goes with it.
 */
export type BackupInfo = {
  file: string;
  savedAt: string;
  reason: BackupReason;
  bytes: number;
  personal?: true;
};

// Any id the plan file format allows (shared/plan/schema.ts: 1–100 characters);
// the backup store maps it to a safe folder name, so nothing else is refused.
const PlanId = z.string().min(1, 'plan id is empty').max(100, 'plan id is over 100 characters');
const BackupFile = z
  .string()
  .max(100)
  .regex(BACKUP_FILE_NAME_PATTERN, 'backup file name must be one we wrote');
const PlanText = z.string().max(MAX_PLAN_FILE_BYTES);

/** Payload schemas, one per renderer → main channel. Main validates every call. */
export const IpcRequest = {
  'file:open': z.undefined(),
  'file:save': z.object({ suggestedName: z.string().min(1).max(200), text: PlanText }),
  // The reason is optional so a plain rolling copy needs none.
  'backup:write': z.object({
    planId: PlanId,
    text: PlanText,
    reason: BackupReason.default('rolling'),
    // The roster and invitation list, only when the user opted in (a companion file).
    personal: z.string().max(MAX_PERSONAL_BACKUP_CHARS).optional(),
  }),
  'backup:list': z.object({ planId: PlanId }),
  'backup:read': z.object({ planId: PlanId, file: BackupFile }),
  'backup:read-personal': z.object({ planId: PlanId, file: BackupFile }),
  'backup:delete-personal': z.object({ planId: PlanId }),
  'window:set-state': z.object({
    title: z.string().max(300),
    edited: z.boolean(),
    canUndo: z.boolean(),
    canRedo: z.boolean(),
  }),
  'shell:open-external': z.object({ url: z.string().max(4000) }),
  'app:flush-done': z.undefined(),
  'file:save-export': z.object({
    suggestedName: z.string().min(1).max(200),
    kind: ExportFileKind,
    bytes: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array')
      .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_EXPORT_FILE_BYTES, {
        message: 'export must be 1 byte to 100 MB',
      }),
  }),
} as const;

/** What each renderer → main channel answers. */
export type IpcResponse = {
  'file:open': OpenFileResult;
  'file:save': SaveFileResult;
  'backup:write': { file: string };
  'backup:list': BackupInfo[];
  'backup:read': { text: string };
  'backup:read-personal': { text: string | null };
  'backup:delete-personal': { deleted: number };
  'window:set-state': void;
  'shell:open-external': { opened: boolean };
  'app:flush-done': void;
  'file:save-export': SaveFileResult;
};

/** A renderer → main channel name. */
export type IpcChannel = keyof typeof IpcRequest;
/** The payload type of a channel. */
export type IpcRequestOf<C extends IpcChannel> = z.input<(typeof IpcRequest)[C]>;

/** Main → renderer events and their payloads. */
export type IpcEvents = {
  'menu:command': MenuCommand;
  'file:opened': OpenedFile;
  'app:flush-request': void;
};

/** Only these URL schemes may be handed to the operating system. */
export const EXTERNAL_URL_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** True when a URL may be opened in the user's browser or mail client. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return (EXTERNAL_URL_SCHEMES as readonly string[]).includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * The API the preload script exposes as `window.workbench` — the renderer's
 * only door to the desktop. The browser build has no such object.
 */
export interface WorkbenchApi {
  readonly platform: 'desktop';
  openPlanFile(): Promise<OpenFileResult>;
  savePlanFile(request: IpcRequestOf<'file:save'>): Promise<SaveFileResult>;
  writeBackup(request: IpcRequestOf<'backup:write'>): Promise<{ file: string }>;
  listBackups(planId: string): Promise<BackupInfo[]>;
  readBackup(planId: string, file: string): Promise<{ text: string }>;
  /** The personal data that goes with a backup (opted in), or null. */
  readPersonalBackup(planId: string, file: string): Promise<{ text: string | null }>;
  /** Deletes the personal data from every backup of a plan (opted out). */
  deletePersonalBackups(planId: string): Promise<{ deleted: number }>;
  setWindowState(state: IpcRequestOf<'window:set-state'>): Promise<void>;
  openExternal(url: string): Promise<{ opened: boolean }>;
  /** Subscribe to main → renderer events; returns an unsubscribe function. */
  on<E extends keyof IpcEvents>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
  /** Tell main the renderer has flushed pending saves and the window may close. */
  flushDone(): Promise<void>;
  /** Asks where to save an exported .docx/.xlsx and writes it atomically. */
  saveExport(request: IpcRequestOf<'file:save-export'>): Promise<SaveFileResult>;
}
