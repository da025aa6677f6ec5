/**
 * Export outside the window: `npm run export` (exit codes, one-line
 * messages, files written; the desktop's headless mode runs the same
 * runExport with bundled assets), and
 * the 'file:save-export' IPC handler (sanitised name, atomic write, size cap
 * in the contract).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureExportExtension, sanitizeExportFileName } from '../../electron/export-files';
import { runExport } from '../../electron/export-node';
import { registerIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc-handlers';
import { createTypedIpcMain } from '../../electron/ipc-main';
import { ALL_SECTION_IDS } from '../../shared/export/options';
import { IpcRequest, MAX_EXPORT_FILE_BYTES } from '../../shared/ipc';

const root = join(import.meta.dirname, '..', '..');
const sample = join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json');
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'upskill-export-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const zipMagic = (bytes: Buffer) => bytes.subarray(0, 4).toString('hex') === '504b0304';

describe('runExport', { timeout: 60_000 }, () => {
  it('writes both files and reports them in one line', async () => {
    const docx = join(dir, 'plan.docx');
    const xlsx = join(dir, 'plan.xlsx');
    const outcome = await runExport(
      { planFile: sample, docx, xlsx, profile: 'shareable', sections: [...ALL_SECTION_IDS] },
      { today: '2026-11-22' },
    );
    expect(outcome).toEqual({
      code: 0,
      message: `Exported ${docx} and ${xlsx} (shareable profile).`,
    });
    expect(zipMagic(await fs.readFile(docx))).toBe(true);
    expect(zipMagic(await fs.readFile(xlsx))).toBe(true);
  });

  it('refuses a file that is not a plan with exit code 2 and writes nothing', async () => {
    const notPlan = join(dir, 'notes.json');
    await fs.writeFile(notPlan, '{"hello": 1}');
    const docx = join(dir, 'never.docx');
    const outcome = await runExport({
      planFile: notPlan,
      docx,
      xlsx: null,
      profile: 'internal',
      sections: ['objective'],
    });
    expect(outcome.code).toBe(2);
    expect(outcome.message).toMatch(/^notes\.json is not a usable plan/);
    await expect(fs.stat(docx)).rejects.toThrow();
  });
});

describe('npm run export', { timeout: 60_000 }, () => {
  const run = (args: string[]) =>
    promisify(execFile)(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'electron', 'export-cli.ts'), ...args],
      {
        cwd: dir,
      },
    );

  it('exits 0 with one line on success, non-zero with one line on bad input', async () => {
    const ok = await run([sample, '--xlsx', 'out.xlsx', '--sections', 'stakeholders']);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toContain('out.xlsx');
    const failure = await run([sample, '--docx', 'out.txt']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      '--docx must name a .docx file (got "out.txt").',
    );
  });
});

describe("the 'file:save-export' channel", () => {
  it('validates kind and size in the contract', () => {
    const schema = IpcRequest['file:save-export'];
    expect(
      schema.safeParse({ suggestedName: 'a.docx', kind: 'docx', bytes: new Uint8Array(3) }).success,
    ).toBe(true);
    expect(
      schema.safeParse({ suggestedName: 'a.exe', kind: 'exe', bytes: new Uint8Array(3) }).success,
    ).toBe(false);
    expect(schema.safeParse({ suggestedName: 'a.docx', kind: 'docx', bytes: 'text' }).success).toBe(
      false,
    );
    expect(
      schema.safeParse({ suggestedName: 'a.docx', kind: 'docx', bytes: new Uint8Array(0) }).success,
    ).toBe(false);
    const tooBig = { byteLength: MAX_EXPORT_FILE_BYTES + 1 };
    Object.setPrototypeOf(tooBig, Uint8Array.prototype);
    expect(schema.safeParse({ suggestedName: 'a.docx', kind: 'docx', bytes: tooBig }).success).toBe(
      false,
    );
  });

  it('cleans the suggested name and adds the extension', () => {
    expect(sanitizeExportFileName('../../etc/Plan: "draft".docx', 'docx')).toBe('Plan draft.docx');
    expect(sanitizeExportFileName('CON', 'xlsx')).toBe('Export.xlsx');
    expect(ensureExportExtension('/home/ada/plan', 'xlsx')).toBe('/home/ada/plan.xlsx');
  });

  it('asks where to save, then writes the bytes atomically to the chosen path', async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: (channel: string, h: never) => handlers.set(channel, h),
    } as unknown as IpcMain;
    let dialogOptions: SaveDialogOptions | undefined;
    const target = join(dir, 'chosen');
    const deps = {
      platform: 'linux',
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(async (options: SaveDialogOptions) => {
        dialogOptions = options;
        return { canceled: false, filePath: target };
      }),
      defaultSaveFolder: () => dir,
      recentFiles: { list: () => [], add: vi.fn() },
      backups: {},
      applyWindowState: vi.fn(),
      openLink: vi.fn(),
      flushDone: vi.fn(),
    } as unknown as IpcHandlerDeps;
    registerIpcHandlers(
      createTypedIpcMain(ipcMain, () => true),
      deps,
    );
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 9]);
    const result = await handlers.get('file:save-export')!({} as IpcMainInvokeEvent, {
      suggestedName: '../Lower Valley: plan.docx',
      kind: 'docx',
      bytes,
    });
    expect(dialogOptions?.defaultPath).toBe(join(dir, 'Lower Valley plan.docx'));
    expect(dialogOptions?.filters).toEqual([
      { name: 'Word document (*.docx)', extensions: ['docx'] },
    ]);
    expect(result).toEqual({ kind: 'saved', path: `${target}.docx` });
    expect(new Uint8Array(await fs.readFile(`${target}.docx`))).toEqual(bytes);
    await expect(
      handlers.get('file:save-export')!({} as IpcMainInvokeEvent, {
        suggestedName: 'x',
        kind: 'docx',
        bytes: 'no',
      }),
    ).rejects.toThrow(/invalid payload/);
  });
});
