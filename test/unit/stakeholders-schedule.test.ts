/** Overdue, due-soon and recurring checkpoints of engagement actions. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  completeItem,
  daysBetween,
  describeDue,
  describeRepeat,
  dueStatus,
  isIsoDate,
  localToday,
  nextRecurrence,
  repeatName,
} from '../../shared/stakeholders/schedule';

describe('calendar days', () => {
  it('adds days across months, leap years and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-22', '2027-02-20')).toBe(90);
  });

  it('recognises real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-02-01')).toBe(false);
  });

  it('reads today in local time', () => {
    expect(localToday(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(localToday(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
  });
});

describe('dueStatus', () => {
  const today = '2026-11-22';
  it('is overdue from the day after the due date', () => {
    expect(dueStatus('2026-11-21', false, today)).toEqual({ state: 'overdue', days: -1 });
    expect(dueStatus('2026-11-22', false, today)).toEqual({ state: 'dueSoon', days: 0 });
    expect(dueStatus('2026-12-06', false, today)).toEqual({ state: 'dueSoon', days: 14 });
    expect(dueStatus('2026-12-07', false, today)).toEqual({ state: 'scheduled', days: 15 });
  });

  it('never reports done or undated items as overdue', () => {
    expect(dueStatus('2020-01-01', true, today).state).toBe('done');
    expect(dueStatus(null, false, today)).toEqual({ state: 'unscheduled', days: null });
  });

  it('describes the status in words', () => {
    expect(describeDue({ state: 'overdue', days: -1 })).toBe('Overdue by 1 day');
    expect(describeDue({ state: 'overdue', days: -12 })).toBe('Overdue by 12 days');
    expect(describeDue({ state: 'dueSoon', days: 0 })).toBe('Due today');
    expect(describeDue({ state: 'dueSoon', days: 1 })).toBe('Due tomorrow');
    expect(describeDue({ state: 'scheduled', days: 40 })).toBe('Due in 40 days');
    expect(describeDue({ state: 'unscheduled', days: null })).toBe('No date set');
  });
});

describe('recurring checkpoints', () => {
  it('moves to the next occurrence after today, keeping the rhythm', () => {
    expect(nextRecurrence('2026-10-01', 91, '2026-10-01')).toBe('2026-12-31');
    // Held late: the next date stays on the original quarterly rhythm.
    expect(nextRecurrence('2026-01-01', 7, '2026-01-20')).toBe('2026-01-22');
    // Held early: one interval after its date.
    expect(nextRecurrence('2026-01-10', 7, '2026-01-03')).toBe('2026-01-17');
  });

  it('marks a one-off done and rolls a recurring one forward', () => {
    const oneOff = { when: '2026-11-01', done: false, repeatEveryDays: null };
    expect(completeItem(oneOff, '2026-11-22')).toEqual({ ...oneOff, done: true });
    const quarterly = { when: '2026-11-01', done: false, repeatEveryDays: 91 };
    expect(completeItem(quarterly, '2026-11-22')).toEqual({
      when: '2027-01-31',
      done: false,
      repeatEveryDays: 91,
    });
    const undated = { when: null, done: false, repeatEveryDays: 30 };
    expect(completeItem(undated, '2026-11-22').when).toBe('2026-12-22');
  });

  it('names common intervals', () => {
    expect(describeRepeat(null)).toBe('One-off');
    expect(describeRepeat(91)).toBe('Every quarter');
    expect(describeRepeat(45)).toBe('Every 45 days');
    // The name the UI words in its language; none for an interval without one.
    expect(repeatName(31)).toBe('everyMonth');
    expect(repeatName(45)).toBeNull();
  });
});
