import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT_PER_PLAN,
  backupFileName,
  backupSavedAt,
  createBackupStore,
} from '../../electron/backups';
import { IpcRequest } from '../../shared/ipc';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'upskill-backups-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A clock that advances one second per call, from a fixed start. */
function steppingClock(start = Date.UTC(2025, 0, 31, 23, 59, 0, 123)) {
  let time = start;
  return () => {
    const now = new Date(time);
    time += 1000;
    return now;
  };
}

describe('backup file names', () => {
  it('are ISO timestamps without colons or dots, accepted by the IPC schema', () => {
    const name = backupFileName(new Date(Date.UTC(2025, 5, 1, 8, 5, 9, 7)));
    expect(name).toBe('2025-06-01T08-05-09-007Z.upskill.json');
    expect(IpcRequest['backup:read'].shape.file.safeParse(name).success).toBe(true);
    expect(backupSavedAt(name)).toBe('2025-06-01T08:05:09.007Z');
    expect(backupSavedAt('notes.txt')).toBeNull();
  });
});

describe('backup store', () => {
  it('writes into <root>/<planId>/ and reads back', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    const { file } = await store.write('plan-1', '{"v":1}');
    expect(file).toBe('2025-01-31T23-59-00-123Z.upskill.json');
    expect(await fs.readFile(join(root, 'plan-1', file), 'utf8')).toBe('{"v":1}');
    expect(await store.read('plan-1', file)).toEqual({ text: '{"v":1}' });
  });

  it('lists newest first with savedAt and size', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    await store.write('p', 'one');
    await store.write('p', 'three');
    const list = await store.list('p');
    expect(list).toEqual([
      {
        file: '2025-01-31T23-59-01-123Z.upskill.json',
        savedAt: '2025-01-31T23:59:01.123Z',
        bytes: 5,
      },
      {
        file: '2025-01-31T23-59-00-123Z.upskill.json',
        savedAt: '2025-01-31T23:59:00.123Z',
        bytes: 3,
      },
    ]);
    expect(await store.list('never-saved')).toEqual([]);
  });

  it(`keeps only the newest ${BACKUPS_KEPT_PER_PLAN} per plan`, async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    const written: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      written.push((await store.write('p', `{"n":${index}}`)).file);
    }
    await store.write('other', 'x');
    const list = await store.list('p');
    expect(list).toHaveLength(BACKUPS_KEPT_PER_PLAN);
    expect(list.map((backup) => backup.file)).toEqual(written.slice(5).reverse());
    expect(await store.read('p', written[24] ?? '')).toEqual({ text: '{"n":24}' });
    await expect(store.read('p', written[0] ?? '')).rejects.toThrow(/ENOENT/);
    expect(await store.list('other')).toHaveLength(1);
  });

  it('never overwrites a backup written in the same millisecond', async () => {
    const fixed = new Date(Date.UTC(2025, 0, 1));
    const store = createBackupStore(root, { now: () => fixed });
    const results = await Promise.all([store.write('p', 'a'), store.write('p', 'b')]);
    expect(new Set(results.map((result) => result.file)).size).toBe(2);
    const texts = await Promise.all(results.map((result) => store.read('p', result.file)));
    expect(texts.map((entry) => entry.text).sort()).toEqual(['a', 'b']);
  });

  it('ignores and never prunes files it did not write', async () => {
    const store = createBackupStore(root, { now: steppingClock(), keep: 1 });
    await fs.mkdir(join(root, 'p'), { recursive: true });
    await fs.writeFile(join(root, 'p', 'notes.txt'), 'mine');
    await store.write('p', 'a');
    await store.write('p', 'b');
    expect((await store.list('p')).map((backup) => backup.file)).toHaveLength(1);
    expect(await fs.readFile(join(root, 'p', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses path traversal in the file name or the plan id', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    await store.write('victim', 'secret');
    await fs.writeFile(join(root, 'outside.upskill.json'), 'outside');
    for (const file of [
      '../outside.upskill.json',
      '..\\outside.upskill.json',
      '/etc/passwd',
      '../victim/2025-01-31T23-59-00-123Z.upskill.json',
      'plan.json',
      '',
    ]) {
      await expect(store.read('p', file)).rejects.toThrow(/Refused/);
    }
    for (const planId of ['..', '../victim', 'a/b', '', '.', 'x'.repeat(101)]) {
      await expect(store.read(planId, '2025-01-31T23-59-00-123Z.upskill.json')).rejects.toThrow(
        /Invalid plan id/,
      );
      await expect(store.write(planId, 'x')).rejects.toThrow(/Invalid plan id/);
      await expect(store.list(planId)).rejects.toThrow(/Invalid plan id/);
    }
  });
});
