// Tiered backup retention over a simulated month of work: which backups
// remain, that pruning after every write keeps the same as one prune at the
// end, and that pruning twice changes nothing.
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  parseBackupFileName,
  type BackupReason,
} from '../../shared/backups/backup-files';
import {
  BACKUP_RETENTION,
  LOCAL_CALENDAR,
  pruneBackups,
  UTC_CALENDAR,
  type RetainedBackup,
} from '../../shared/backups/retention';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Day 1 of the simulation is Monday 2 March 2026 (UTC). */
const DAY_ONE = Date.UTC(2026, 2, 2);

/** The moment `hh:mm:ss` (UTC) on simulated day `day` (1-based). */
function at(day: number, hours: number, minutes: number, seconds = 0): number {
  return DAY_ONE + (day - 1) * DAY + hours * HOUR + minutes * MINUTE + seconds * 1000;
}

type Backup = RetainedBackup & { name: string };

function backup(time: number, reason: BackupReason = 'rolling'): Backup {
  return { time, reason, name: `${new Date(time).toISOString()} ${reason}` };
}

const LAST_DAY = 35;
const NOW = at(LAST_DAY, 12, 30);

/**
 * A month of work, oldest first: a rolling backup every minute from 9:00 to
 * 16:59 on 35 days in a row (the last day stops at 12:30, "now"), a quit at
 * lunch every day, one import on day 10 and one restore on day 20.
 */
function simulatedMonth(): Backup[] {
  const all: Backup[] = [];
  for (let day = 1; day <= LAST_DAY; day += 1) {
    for (let minute = 9 * 60; minute < 17 * 60; minute += 1) {
      const time = at(day, 0, minute);
      if (time > NOW) break;
      all.push(backup(time));
      if (minute === 12 * 60) all.push(backup(at(day, 12, 0, 30), 'quit'));
      if (day === 10 && minute === 10 * 60 + 15) {
        all.push(backup(at(day, 10, 15, 30), 'before-import'));
      }
      if (day === 20 && minute === 14 * 60 + 45) {
        all.push(backup(at(day, 14, 45, 30), 'before-restore'));
      }
    }
  }
  return all;
}

const prune = (backups: readonly Backup[], now = NOW) =>
  pruneBackups(backups, now, { calendar: UTC_CALENDAR });

const names = (backups: readonly Backup[]) => backups.map((b) => b.name).sort();

describe('tiered backup retention over a simulated month', () => {
  const month = simulatedMonth();
  const { keep, prune: pruned } = prune(month);

  it('keeps exactly: every minute of the last hour, hourly for 48 h, daily for 30 days, every special', () => {
    const expected: Backup[] = [];
    // The last hour: 11:31 … 12:30 today (11:30 is exactly an hour old).
    for (let minute = 11 * 60 + 31; minute <= 12 * 60 + 30; minute += 1) {
      expected.push(backup(at(LAST_DAY, 0, minute)));
    }
    // One per hour for two days: the newest of each hour (x:59) back to 48 h ago,
    // which is 12:30 the day before yesterday, so its 12 o'clock hour (12:59) still counts.
    for (const hour of [9, 10]) expected.push(backup(at(LAST_DAY, hour, 59)));
    for (let hour = 9; hour <= 16; hour += 1) expected.push(backup(at(LAST_DAY - 1, hour, 59)));
    for (let hour = 12; hour <= 16; hour += 1) expected.push(backup(at(LAST_DAY - 2, hour, 59)));
    // One per day for 30 days: the day's last backup, 16:59. Day 5's is 29 d 19.5 h old,
    // day 4's is 30 d 19.5 h old. (Days 33 and 34 are already in the hourly tier.)
    for (let day = 5; day <= LAST_DAY - 3; day += 1) expected.push(backup(at(day, 16, 59)));
    // Every special backup, including quits from more than a month ago.
    for (let day = 1; day <= LAST_DAY; day += 1) expected.push(backup(at(day, 12, 0, 30), 'quit'));
    expected.push(backup(at(10, 10, 15, 30), 'before-import'));
    expected.push(backup(at(20, 14, 45, 30), 'before-restore'));

    expect(keep).toHaveLength(60 + 15 + 28 + (LAST_DAY + 2));
    expect(names(keep)).toEqual(names(expected));
    expect(keep.length + pruned.length).toBe(month.length);
  });

  it('keeps every minute of the last hour', () => {
    const lastHour = month.filter((b) => NOW - b.time < HOUR);
    expect(lastHour.filter((b) => b.reason === 'rolling')).toHaveLength(60);
    expect(keep).toEqual(expect.arrayContaining(lastHour));
  });

  it('keeps one rolling backup per hour between one and 48 hours old', () => {
    const perHour = new Map<number, number>();
    for (const b of keep) {
      const age = NOW - b.time;
      if (b.reason !== 'rolling' || age < HOUR || age >= 2 * DAY) continue;
      const hour = Math.floor(b.time / HOUR);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    expect([...perHour.values()].every((count) => count === 1)).toBe(true);
    // Today 9, 10 (11 and 12 are in the last hour); yesterday 9–16; the day before 12–16.
    expect(perHour.size).toBe(2 + 8 + 5);
  });

  it('keeps one rolling backup per day for 30 days and nothing older but specials', () => {
    const olderThanTwoDays = keep.filter((b) => NOW - b.time >= 2 * DAY);
    const rollingDays = olderThanTwoDays
      .filter((b) => b.reason === 'rolling')
      .map((b) => Math.floor(b.time / DAY));
    expect(new Set(rollingDays).size).toBe(rollingDays.length);
    expect(rollingDays).toHaveLength(28);
    expect(keep.filter((b) => b.reason === 'rolling' && NOW - b.time >= 30 * DAY)).toEqual([]);
    // Beyond 30 days only the special backups remain.
    const beyondAMonth = keep.filter((b) => NOW - b.time >= 30 * DAY);
    expect(beyondAMonth.map((b) => b.reason)).toEqual(['quit', 'quit', 'quit', 'quit', 'quit']);
  });

  it('keeps every quit, before-restore and before-import backup', () => {
    const specials = month.filter((b) => b.reason !== 'rolling');
    expect(specials).toHaveLength(LAST_DAY + 2);
    expect(keep).toEqual(expect.arrayContaining(specials));
  });

  it('is idempotent: pruning what was kept keeps all of it', () => {
    const again = prune(keep);
    expect(again.prune).toEqual([]);
    expect(names(again.keep)).toEqual(names(keep));
  });

  it('pruning after every write (as the store does) keeps what one prune at the end keeps', () => {
    let kept: Backup[] = [];
    for (const written of month) {
      kept = prune([...kept, written], written.time).keep;
    }
    expect(names(kept)).toEqual(names(keep));
  });

  it('never prunes the backup just written', () => {
    const written = backup(NOW + 1);
    expect(prune([...month, written], written.time).keep).toContain(written);
  });
});

describe('special backups are capped', () => {
  it('keeps the newest 50 quits, however old, and counts each reason on its own', () => {
    const quits = Array.from({ length: 80 }, (_, i) => backup(at(1, 17, 0) + i * 3 * DAY, 'quit'));
    const restore = backup(at(1, 9, 0), 'before-restore');
    const now = quits.at(-1)!.time + HOUR;
    const { keep } = prune([restore, ...quits], now);
    expect(names(keep)).toEqual(
      names([restore, ...quits.slice(-BACKUP_RETENTION.specialPerReason)]),
    );
  });

  it('still keeps a special beyond the cap when it is the newest backup of a recent day', () => {
    // One quit an hour from 17:00 on day 1 for 60 hours, pruned three days later.
    const quits = Array.from({ length: 60 }, (_, i) => backup(at(1, 17, 0) + i * HOUR, 'quit'));
    const { keep } = prune(quits, quits.at(-1)!.time + 3 * DAY);
    // The 10 oldest (day 1 17:00 to day 2 02:00) are beyond the cap of 50; of them
    // only day 1's last backup, 23:00, stays, as that day's daily backup.
    expect(names(keep)).toEqual(names([quits[6]!, ...quits.slice(-50)]));
  });
});

describe('retention edge cases', () => {
  it('keeps backups dated in the future (a clock set back) instead of judging them old', () => {
    const future = backup(NOW + 5 * DAY);
    const past = [backup(NOW - 10 * MINUTE), backup(NOW - 70 * MINUTE)];
    expect(prune([future, ...past]).keep).toContain(future);
  });

  it('keeps nothing it was not asked about and handles an empty folder', () => {
    expect(prune([])).toEqual({ keep: [], prune: [] });
  });

  it('uses the local calendar by default, so a "day" is the user\'s day', () => {
    const lateEvening = new Date(2026, 5, 10, 23, 30).getTime();
    const nextMorning = new Date(2026, 5, 11, 0, 30).getTime();
    expect(LOCAL_CALENDAR.dayOf(lateEvening)).toBe('2026-06-10');
    expect(LOCAL_CALENDAR.dayOf(nextMorning)).toBe('2026-06-11');
    expect(LOCAL_CALENDAR.hourOf(lateEvening)).toBe('2026-06-10T23');
    const now = nextMorning + 5 * DAY;
    const { keep } = pruneBackups(
      [backup(lateEvening - HOUR), backup(lateEvening), backup(nextMorning)],
      now,
    );
    expect(keep.map((b) => b.time)).toEqual([nextMorning, lateEvening]);
  });
});

describe('backup file names carry time and reason', () => {
  it('round-trips every reason, and rolling keeps the old name', () => {
    const date = new Date(Date.UTC(2026, 10, 20, 17, 2, 11, 123));
    expect(backupFileName(date)).toBe('2026-11-20T17-02-11-123Z.upskill.json');
    for (const reason of ['rolling', 'quit', 'before-restore', 'before-import'] as const) {
      expect(parseBackupFileName(backupFileName(date, reason))).toEqual({
        savedAt: '2026-11-20T17:02:11.123Z',
        time: date.getTime(),
        reason,
      });
    }
    expect(backupFileName(date, 'quit')).toBe('2026-11-20T17-02-11-123Z.quit.upskill.json');
  });

  it('refuses names we never write', () => {
    for (const name of [
      'notes.txt',
      '2026-11-20T17-02-11-123Z.other.upskill.json',
      '2026-13-20T17-02-11-123Z.upskill.json',
      '2026-11-20T25-02-11-123Z.upskill.json',
      '../2026-11-20T17-02-11-123Z.upskill.json',
      '2026-11-20T17-02-11-123Z.upskill.json.tmp',
      'plan-id.json',
    ]) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });
});
