/**
 * Export outside the window: `npm run export` (exit codes, one-line
 * messages, files written; the desktop's headless mode runs the same
 * runExport with bundled assets), and
 * the 'file:save-export' IPC handler (sanitised name, atomic write, size cap
 * in the contract).
 */
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { strFromU8, unzipSync } from 'fflate';
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
      {
        planFile: sample,
        docx,
        xlsx,
        profile: 'partner',
        sections: [...ALL_SECTION_IDS],
        asOf: null,
      },
      { today: '2026-11-22' },
    );
    expect(outcome).toEqual({
      code: 0,
      message: `Exported ${docx} and ${xlsx} (partner profile, as of 2026-11-22).`,
    });
    expect(zipMagic(await fs.readFile(docx))).toBe(true);
    expect(zipMagic(await fs.readFile(xlsx))).toBe(true);
  });

  it('dates the document and its statuses with --as-of, not the day it runs', async () => {
    const docx = join(dir, 'as-of.docx');
    const outcome = await runExport(
      {
        planFile: sample,
        docx,
        xlsx: null,
        profile: 'funder',
        sections: ['stakeholders'],
        asOf: '2027-02-20',
      },
      { today: '2026-11-22' },
    );
    expect(outcome.code).toBe(0);
    const body = strFromU8(unzipSync(await fs.readFile(docx))['word/document.xml']!);
    expect(body).toContain('Status on 20 February 2027');
    expect(body).not.toContain('22 November 2026');
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
      asOf: null,
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

describe('npm run export with hostile input', { timeout: 120_000 }, () => {
  const run = (args: string[]) =>
    promisify(execFile)(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'electron', 'export-cli.ts'), ...args],
      { cwd: dir },
    ).then(
      (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  const samplePlan = () => JSON.parse(readFileSync(sample, 'utf8')) as Record<string, unknown>;

  /** Each input, and the one line the command must print for it. */
  const cases: { name: string; file?: () => Buffer | string; args?: string[]; line: RegExp }[] = [
    {
      name: 'deep.json',
      file: () => `{"schemaVersion":1,"x":${'['.repeat(4_000)}${']'.repeat(4_000)}}`,
      line: /^deep\.json is not a usable plan: This file is nested too deeply to be a plan \(more than 100 levels\)\.$/,
    },
    {
      name: 'latin1.json',
      file: () =>
        Buffer.concat([
          Buffer.from('{"schemaVersion":1,"name":"Caf'),
          Buffer.from([0xe9, 0x22, 0x7d]),
        ]),
      line: /^latin1\.json is not a UTF-8 text file: the bytes at line 1, column 31 \(byte offset 30\)/,
    },
    {
      name: 'text-version.json',
      file: () => JSON.stringify({ ...samplePlan(), schemaVersion: '1' }),
      line: /its schemaVersion is "1" \(text\), not a whole number/,
    },
    {
      name: 'odd-keys.json',
      file: () =>
        JSON.stringify({ ...samplePlan(), schemaVersion: 1.5, toString: 'x', hasOwnProperty: 1 }),
      line: /its schemaVersion is 1\.5, not a whole number/,
    },
    { name: 'array.json', file: () => '[[[]]]', line: /holds no plan object/ },
    { name: 'empty.json', file: () => '', line: /is not a usable plan: This file is empty\.$/ },
    { name: 'missing.json', line: /^missing\.json could not be found/ },
    { name: 'typo', args: ['--profle', 'shareable'], line: /^Unknown option --profle; usage:/ },
  ];

  it.each(cases)('refuses $name with one line, exit code 2 and no stack trace', async (c) => {
    if (c.file) await fs.writeFile(join(dir, c.name), c.file());
    const docx = join(dir, `${c.name}.docx`);
    const result = await run([
      c.name === 'typo' ? sample : c.name,
      '--docx',
      docx,
      ...(c.args ?? []),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(c.line);
    expect(result.stderr).not.toMatch(/^\s+at |Error:|RangeError|node:internal/m);
    await expect(fs.stat(docx)).rejects.toThrow();
  });

  it('prints its usage on --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout.trim()).toMatch(/^usage: <plan-file>/);
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
