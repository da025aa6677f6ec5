import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PLAN_ID_FILE,
  backupFileName,
  backupFolderName,
  backupSavedAt,
  createBackupStore,
} from '../../electron/backups';
import { MAX_PERSONAL_BACKUP_CHARS } from '../../shared/backups/personal-backup';
import { UTC_CALENDAR, type RetentionPolicy } from '../../shared/backups/retention';
import { IpcRequest } from '../../shared/ipc';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'upskill-backups-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A clock that advances `stepMs` per call (one second by default), from a fixed start. */
function steppingClock(start = Date.UTC(2025, 0, 31, 23, 59, 0, 123), stepMs = 1000) {
  let time = start;
  return () => {
    const now = new Date(time);
    time += stepMs;
    return now;
  };
}

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2025, 0, 1, 9)) {
  const clock = { time: start, now: () => new Date(clock.time) };
  return clock;
}

const folderOf = (planId: string) => join(root, backupFolderName(planId));

describe('backup file names', () => {
  it('are ISO timestamps without colons or dots, accepted by the IPC schema', () => {
    const name = backupFileName(new Date(Date.UTC(2025, 5, 1, 8, 5, 9, 7)));
    expect(name).toBe('2025-06-01T08-05-09-007Z.upskill.json');
    expect(IpcRequest['backup:read'].shape.file.safeParse(name).success).toBe(true);
    expect(backupSavedAt(name)).toBe('2025-06-01T08:05:09.007Z');
    expect(backupSavedAt('notes.txt')).toBeNull();
  });

  it('carry the reason, so listing never opens a plan', () => {
    const name = backupFileName(new Date(Date.UTC(2025, 5, 1, 8, 5, 9, 7)), 'before-restore');
    expect(name).toBe('2025-06-01T08-05-09-007Z.before-restore.upskill.json');
    expect(IpcRequest['backup:read'].shape.file.safeParse(name).success).toBe(true);
    expect(backupSavedAt(name)).toBe('2025-06-01T08:05:09.007Z');
  });
});

describe('backup store', () => {
  it('writes into the plan folder and reads back', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    const { file } = await store.write('plan-1', '{"v":1}');
    expect(file).toBe('2025-01-31T23-59-00-123Z.upskill.json');
    expect(await fs.readFile(join(folderOf('plan-1'), file), 'utf8')).toBe('{"v":1}');
    expect(await store.read('plan-1', file)).toEqual({ text: '{"v":1}' });
  });

  it('lists newest first with savedAt, reason and size', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    await store.write('p', 'one');
    await store.write('p', 'three', 'quit');
    const list = await store.list('p');
    expect(list).toEqual([
      {
        file: '2025-01-31T23-59-01-123Z.quit.upskill.json',
        savedAt: '2025-01-31T23:59:01.123Z',
        reason: 'quit',
        bytes: 5,
      },
      {
        file: '2025-01-31T23-59-00-123Z.upskill.json',
        savedAt: '2025-01-31T23:59:00.123Z',
        reason: 'rolling',
        bytes: 3,
      },
    ]);
    expect(await store.list('never-saved')).toEqual([]);
  });

  it('never overwrites a backup written in the same millisecond', async () => {
    const fixed = new Date(Date.UTC(2025, 0, 1));
    const store = createBackupStore(root, { now: () => fixed });
    const results = await Promise.all([
      store.write('p', 'a'),
      store.write('p', 'b', 'quit'),
      store.write('p', 'c'),
    ]);
    expect(new Set(results.map((result) => backupSavedAt(result.file))).size).toBe(3);
    const texts = await Promise.all(results.map((result) => store.read('p', result.file)));
    expect(texts.map((entry) => entry.text).sort()).toEqual(['a', 'b', 'c']);
  });

  it('ignores and never prunes files it did not write', async () => {
    const clock = manualClock();
    const tiny: RetentionPolicy = {
      keepAllForMs: MINUTE,
      hourlyForMs: 0,
      dailyForMs: 0,
      specialPerReason: 0,
    };
    const store = createBackupStore(root, { now: clock.now, policy: tiny });
    await store.write('p', 'a');
    await fs.writeFile(join(folderOf('p'), 'notes.txt'), 'mine');
    clock.time += HOUR;
    await store.write('p', 'b');
    expect(await store.list('p')).toHaveLength(1);
    expect(await fs.readFile(join(folderOf('p'), 'notes.txt'), 'utf8')).toBe('mine');
    expect(await fs.readFile(join(folderOf('p'), PLAN_ID_FILE), 'utf8')).toBe('{"planId":"p"}\n');
  });

  it('does not write the same text twice; a quit marks an identical rolling copy instead', async () => {
    const clock = manualClock();
    const store = createBackupStore(root, { now: clock.now });
    const first = await store.write('p', 'same');
    clock.time += MINUTE;
    expect(await store.write('p', 'same')).toEqual(first);
    clock.time += MINUTE;
    const quit = await store.write('p', 'same', 'quit');
    expect(quit.file).toBe(backupFileName(new Date(Date.UTC(2025, 0, 1, 9)), 'quit'));
    clock.time += MINUTE;
    expect(await store.write('p', 'same', 'before-restore')).toEqual(quit);
    expect((await store.list('p')).map((b) => b.reason)).toEqual(['quit']);
    clock.time += MINUTE;
    await store.write('p', 'changed', 'quit');
    expect((await store.list('p')).map((b) => b.reason)).toEqual(['quit', 'quit']);
  });

  it('keeps tiers over days of work: recent copies, hourly, daily, and every quit', async () => {
    // Four days of 9:00–17:00, a backup every five minutes and a quit at 17:00.
    const clock = manualClock(Date.UTC(2025, 2, 3, 9));
    const store = createBackupStore(root, { now: clock.now, calendar: UTC_CALENDAR });
    const start = clock.time;
    for (let day = 0; day < 4; day += 1) {
      for (let minute = 0; minute < 8 * 60; minute += 5) {
        clock.time = start + day * DAY + minute * MINUTE;
        await store.write('p', `{"day":${day},"minute":${minute}}`);
      }
      clock.time = start + day * DAY + 8 * HOUR;
      await store.write('p', `{"day":${day},"quit":true}`, 'quit');
    }
    const list = await store.list('p');
    expect(list.filter((b) => b.reason === 'quit')).toHaveLength(4);
    const rolling = list.filter((b) => b.reason === 'rolling').map((b) => b.savedAt.slice(8, 16));
    // The last hour (16:05–16:55), then the newest of each hour back to 48 h ago;
    // older days are represented by their quit, the newest backup of the day.
    const two = (value: number) => String(value).padStart(2, '0');
    const hourly = (day: number, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `${two(day)}T${two(from + i)}:55`);
    expect(rolling).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `06T16:${String(55 - 5 * i).padStart(2, '0')}`),
      ...hourly(6, 9, 15).reverse(),
      ...hourly(5, 9, 16).reverse(),
    ]);
    const onDisk = (await fs.readdir(folderOf('p'))).filter((name) => name !== PLAN_ID_FILE);
    expect(onDisk.sort()).toEqual(list.map((b) => b.file).sort());
  });

  it('refuses path traversal in the file name', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    await store.write('victim', 'secret');
    await fs.writeFile(join(root, 'outside.upskill.json'), 'outside');
    for (const file of [
      '../outside.upskill.json',
      '..\\outside.upskill.json',
      '/etc/passwd',
      '../victim/2025-01-31T23-59-00-123Z.upskill.json',
      `../${backupFolderName('victim')}/2025-01-31T23-59-00-123Z.upskill.json`,
      'plan.json',
      PLAN_ID_FILE,
      '',
    ]) {
      await expect(store.read('p', file)).rejects.toThrow(/Refused/);
    }
  });

  it('refuses plan ids the file format refuses: empty or over 100 characters', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    for (const planId of ['', 'x'.repeat(101)]) {
      await expect(store.read(planId, '2025-01-31T23-59-00-123Z.upskill.json')).rejects.toThrow(
        /Invalid plan id/,
      );
      await expect(store.write(planId, 'x')).rejects.toThrow(/Invalid plan id/);
      await expect(store.list(planId)).rejects.toThrow(/Invalid plan id/);
    }
  });
});

describe('every plan id the file format allows gets backups', () => {
  const ids = [
    'a b',
    'plan.2026',
    'CON',
    'con',
    'nul.txt',
    'COM1',
    'Plan',
    'plan',
    'ünïcödé',
    'café', // NFC
    'cafe\u0301', // NFD: a different id with the same look
    '🙂 emoji',
    '中文计划',
    'x'.repeat(100),
    '🙂'.repeat(50), // 100 UTF-16 units, 200 UTF-8 bytes
    '\ud800',
    '\udfff', // both unpaired surrogates would be U+FFFD in UTF-8
    '..',
    '.',
    '../victim',
    'a/b',
    'a\\b',
    'C:\\Windows',
    'trailing. ',
    ' leading',
    'tab\tnew\nline',
    'ends with dot.',
    '<>:"|?*',
    'plan.0123456789abcdef0123456789abcdef',
  ];

  it('maps each to its own short, portable folder name', () => {
    const names = ids.map(backupFolderName);
    // Distinct even on case-insensitive disks (macOS, Windows).
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(ids.length);
    for (const name of names) {
      expect(name).toMatch(/^plan\.[0-9a-f]{32}$/);
      expect(name.length).toBeLessThanOrEqual(40);
    }
  });

  it('writes, lists and reads back a backup for each, all inside the backup folder', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    for (const [index, planId] of ids.entries()) {
      const { file } = await store.write(planId, `{"n":${index}}`, 'before-import');
      expect(await store.read(planId, file)).toEqual({ text: `{"n":${index}}` });
      const list = await store.list(planId);
      expect(list.map((b) => [b.file, b.reason])).toEqual([[file, 'before-import']]);
      const owner = JSON.parse(await fs.readFile(join(folderOf(planId), PLAN_ID_FILE), 'utf8'));
      expect(owner).toEqual({ planId }); // reversible: the folder names its plan
    }
    // Nothing escaped the root, and nothing else appeared in it.
    expect((await fs.readdir(root)).sort()).toEqual(ids.map(backupFolderName).sort());
    expect(await fs.readdir(join(root, '..'))).not.toContain('victim');
  });

  it('refuses a folder whose plan-id.json names another plan', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    await fs.mkdir(folderOf('mine'), { recursive: true });
    await fs.writeFile(join(folderOf('mine'), PLAN_ID_FILE), '{"planId":"someone else"}');
    await expect(store.write('mine', 'x')).rejects.toThrow(/belongs to another plan/);
    await expect(store.list('mine')).rejects.toThrow(/belongs to another plan/);
  });

  it('rewrites a missing or damaged plan-id.json', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    await fs.mkdir(folderOf('p'), { recursive: true });
    await fs.writeFile(join(folderOf('p'), PLAN_ID_FILE), '{"plan');
    await store.write('p', 'x');
    expect(await fs.readFile(join(folderOf('p'), PLAN_ID_FILE), 'utf8')).toBe('{"planId":"p"}\n');
  });
});

describe('backups written by the previous layout (<root>/<planId>/)', () => {
  const OLD_FILE = '2025-01-01T08-00-00-000Z.upskill.json';

  async function writeOld(planId: string, file = OLD_FILE, text = '{"old":true}') {
    await fs.mkdir(join(root, planId), { recursive: true });
    await fs.writeFile(join(root, planId, file), text);
  }

  it('are listed and restored beside new ones', async () => {
    await writeOld('plan-1');
    const store = createBackupStore(root, { now: () => new Date(Date.UTC(2025, 0, 1, 8, 30)) });
    expect(await store.list('plan-1')).toEqual([
      { file: OLD_FILE, savedAt: '2025-01-01T08:00:00.000Z', reason: 'rolling', bytes: 12 },
    ]);
    const { file } = await store.write('plan-1', '{"new":true}');
    expect((await store.list('plan-1')).map((b) => b.file)).toEqual([file, OLD_FILE]);
    expect(await store.read('plan-1', OLD_FILE)).toEqual({ text: '{"old":true}' });
    expect(await store.read('plan-1', file)).toEqual({ text: '{"new":true}' });
  });

  it('are pruned by the same tiers, and their folder goes once empty', async () => {
    await writeOld('plan-1', '2025-01-01T08-00-00-000Z.upskill.json');
    await writeOld('plan-1', '2025-01-01T08-01-00-000Z.upskill.json');
    const store = createBackupStore(root, {
      now: () => new Date(Date.UTC(2025, 2, 1)),
      calendar: UTC_CALENDAR,
    });
    await store.write('plan-1', '{"new":true}');
    expect(await store.list('plan-1')).toHaveLength(1);
    await expect(fs.stat(join(root, 'plan-1'))).rejects.toThrow(/ENOENT/);
  });

  it('are never looked for under ids the old layout refused', async () => {
    // An old folder named like a reserved device or with a dot was never ours.
    await writeOld('CON');
    await writeOld('plan.2026');
    const store = createBackupStore(root, { now: steppingClock() });
    expect(await store.list('CON')).toEqual([]);
    expect(await store.list('plan.2026')).toEqual([]);
    await expect(store.read('plan.2026', OLD_FILE)).rejects.toThrow(/ENOENT/);
  });
});

describe('personal data beside backups (opted in)', () => {
  const PERSONAL = '{"roster":"ada@example.org"}';

  it('writes it in a companion, never in the plan backup, and pairs each backup with the newest at or before it', async () => {
    const clock = manualClock();
    const store = createBackupStore(root, { now: clock.now, calendar: UTC_CALENDAR });
    const before = await store.write('p', '{"v":0}');
    clock.time += MINUTE;
    const first = await store.write('p', '{"v":1}', 'rolling', PERSONAL);
    clock.time += MINUTE;
    // The plan changed, the personal data did not: no companion is sent.
    const second = await store.write('p', '{"v":2}');
    clock.time += MINUTE;
    // The personal data changed while the plan did not: a backup is still written with it.
    const third = await store.write('p', '{"v":2}', 'rolling', '{"roster":"bob@example.org"}');
    expect(third.file).not.toBe(second.file);

    const names = (await fs.readdir(folderOf('p'))).sort();
    const companions = names.filter((n) => n.endsWith('.personal.json'));
    expect(companions).toEqual([
      '2025-01-01T09-01-00-000Z.personal.json',
      '2025-01-01T09-03-00-000Z.personal.json',
    ]);
    for (const name of names.filter((n) => n.endsWith('.upskill.json'))) {
      expect(await fs.readFile(join(folderOf('p'), name), 'utf8')).not.toContain('@example.org');
    }
    const list = await store.list('p');
    expect(list.map((b) => [b.file, b.personal ?? false])).toEqual([
      [third.file, true],
      [second.file, true],
      [first.file, true],
      [before.file, false],
    ]);
    expect(await store.readPersonal('p', before.file)).toEqual({ text: null });
    expect(await store.readPersonal('p', first.file)).toEqual({ text: PERSONAL });
    expect(await store.readPersonal('p', second.file)).toEqual({ text: PERSONAL });
    expect(await store.readPersonal('p', third.file)).toEqual({
      text: '{"roster":"bob@example.org"}',
    });
    // A companion is not a backup: it cannot be read as one.
    await expect(store.read('p', companions[0]!)).rejects.toThrow(/not a backup file name/);
    expect(
      IpcRequest['backup:read-personal'].safeParse({ planId: 'p', file: companions[0] }).success,
    ).toBe(false);
  });

  it('deletes companions no kept backup needs, with the backups', async () => {
    const clock = manualClock(Date.UTC(2025, 2, 1, 9));
    const policy: RetentionPolicy = {
      keepAllForMs: 2 * MINUTE,
      hourlyForMs: 0,
      dailyForMs: 0,
      specialPerReason: 0,
    };
    const store = createBackupStore(root, { now: clock.now, policy, calendar: UTC_CALENDAR });
    for (let i = 0; i < 5; i += 1) {
      await store.write('p', `{"v":${i}}`, 'rolling', `{"n":${i}}`);
      clock.time += MINUTE;
    }
    // Only the backups of the last two minutes are kept, and the companions they need.
    const list = await store.list('p');
    expect(list).toHaveLength(2);
    const companions = (await fs.readdir(folderOf('p'))).filter((n) =>
      n.endsWith('.personal.json'),
    );
    expect(companions.sort()).toEqual([
      '2025-03-01T09-03-00-000Z.personal.json',
      '2025-03-01T09-04-00-000Z.personal.json',
    ]);
  });

  it('deletes every companion of a plan in one step (opted out), leaving its backups', async () => {
    const clock = manualClock();
    const store = createBackupStore(root, { now: clock.now });
    await store.write('p', '{"v":1}', 'quit', PERSONAL);
    clock.time += MINUTE;
    await store.write('p', '{"v":2}', 'rolling', PERSONAL);
    await store.write('other', '{"v":1}', 'rolling', PERSONAL);
    expect(await store.deletePersonal('p')).toEqual({ deleted: 2 });
    const names = await fs.readdir(folderOf('p'));
    expect(names.filter((n) => n.endsWith('.personal.json'))).toEqual([]);
    expect((await store.list('p')).every((b) => !b.personal)).toBe(true);
    expect(await store.list('p')).toHaveLength(2);
    // Another plan's are untouched.
    expect((await store.list('other'))[0]!.personal).toBe(true);
  });

  it('refuses personal data over the size limit before touching the disk', async () => {
    const store = createBackupStore(root, { now: steppingClock() });
    const huge = { length: MAX_PERSONAL_BACKUP_CHARS + 1 } as unknown as string;
    await expect(store.write('p', '{}', 'rolling', huge)).rejects.toThrow(/size limit/);
    await expect(fs.stat(folderOf('p'))).rejects.toThrow(/ENOENT/);
  });
});
