/**
 * Dates of engagement actions and checkpoints: what is overdue, what is due
 * soon, and when a recurring checkpoint comes round next. Dates are calendar
 * days (YYYY-MM-DD) compared as days, never as instants, so time zones cannot
 * make something overdue a day early.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + Math.trunc(days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Today's calendar date in the user's local time zone. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Days ahead within which an open item counts as "due soon". */
export const DUE_SOON_DAYS = 14;

/** Where a dated item stands relative to today. */
export const DUE_STATES = {
  done: 'done',
  overdue: 'overdue',
  dueSoon: 'dueSoon',
  scheduled: 'scheduled',
  unscheduled: 'unscheduled',
} as const;

/** Where a dated item stands relative to today. */
export type DueState = (typeof DUE_STATES)[keyof typeof DUE_STATES];

/** The state of a dated item and how many days it is late (or left). */
export interface DueStatus {
  readonly state: DueState;
  /** Days until due (negative when overdue); null when there is no date. */
  readonly days: number | null;
}

/**
 * Status of an item due on `date` (null = not scheduled). Due today is not
 * overdue yet: it becomes overdue the day after.
 */
export function dueStatus(date: string | null, done: boolean, today: string): DueStatus {
  if (done) return { state: 'done', days: date ? daysBetween(today, date) : null };
  if (!date) return { state: 'unscheduled', days: null };
  const days = daysBetween(today, date);
  if (days < 0) return { state: 'overdue', days };
  if (days <= DUE_SOON_DAYS) return { state: 'dueSoon', days };
  return { state: 'scheduled', days };
}

/** "1 day", "3 days". */
const dayCount = (n: number) => countOf(n, 'day', 'days');

/** Short human text for a status: "Overdue by 3 days", "Due today", "Due in 5 days". */
export function describeDue(status: DueStatus): string {
  const { state, days } = status;
  if (state === 'done') return 'Done';
  if (state === 'unscheduled' || days === null) return 'No date set';
  if (state === 'overdue') return `Overdue by ${dayCount(-days)}`;
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${dayCount(days)}`;
}

/** The part of an engagement action or checkpoint that scheduling reads. */
export interface Schedulable {
  readonly when: string | null;
  readonly done: boolean;
  readonly repeatEveryDays: number | null;
}

/**
 * The next date of a recurring item after it was held: one interval after
 * its date, stepped on by whole intervals until it is after `today`, so a
 * checkpoint held late keeps its rhythm instead of drifting.
 */
export function nextRecurrence(date: string, everyDays: number, today: string): string {
  const every = Math.max(1, Math.trunc(everyDays));
  let next = addDays(date, every);
  const behind = daysBetween(next, today);
  if (behind >= 0) next = addDays(next, (Math.floor(behind / every) + 1) * every);
  return next;
}

/**
 * An item after it is marked done: a one-off becomes done; a recurring one
 * stays open with its date moved to the next occurrence (an unscheduled
 * recurring item is scheduled one interval from today).
 */
export function completeItem<T extends Schedulable>(item: T, today: string): T {
  if (item.repeatEveryDays === null) return { ...item, done: true };
  const next = item.when
    ? nextRecurrence(item.when, item.repeatEveryDays, today)
    : addDays(today, item.repeatEveryDays);
  return { ...item, when: next, done: false };
}

/** Repeat intervals with a name of their own (a month of 30 or 31 days…). */
export type RepeatName =
  | 'everyDay'
  | 'everyWeek'
  | 'every2Weeks'
  | 'everyMonth'
  | 'everyQuarter'
  | 'every6Months'
  | 'everyYear';

const REPEAT_NAMES: Readonly<Record<number, RepeatName>> = {
  1: 'everyDay',
  7: 'everyWeek',
  14: 'every2Weeks',
  30: 'everyMonth',
  31: 'everyMonth',
  91: 'everyQuarter',
  92: 'everyQuarter',
  182: 'every6Months',
  183: 'every6Months',
  365: 'everyYear',
};

/** The name of a repeat interval in days, or null when it has none ("every 45 days"). */
export function repeatName(everyDays: number): RepeatName | null {
  return REPEAT_NAMES[everyDays] ?? null;
}

const REPEAT_WORDS: Readonly<Record<RepeatName, string>> = {
  everyDay: 'Every day',
  everyWeek: 'Every week',
  every2Weeks: 'Every 2 weeks',
  everyMonth: 'Every month',
  everyQuarter: 'Every quarter',
  every6Months: 'Every 6 months',
  everyYear: 'Every year',
};

/** Friendly text for a repeat interval ("Every 3 months"). */
export function describeRepeat(everyDays: number | null): string {
  if (everyDays === null) return 'One-off';
  const name = repeatName(everyDays);
  return name ? REPEAT_WORDS[name] : `Every ${everyDays} days`;
}

/** Common repeat intervals offered in the editors (null = one-off). */
export const REPEAT_OPTIONS: readonly { readonly days: number | null; readonly label: string }[] = [
  { days: null, label: 'One-off' },
  { days: 7, label: 'Every week' },
  { days: 14, label: 'Every 2 weeks' },
  { days: 30, label: 'Every month' },
  { days: 91, label: 'Every quarter' },
  { days: 182, label: 'Every 6 months' },
  { days: 365, label: 'Every year' },
];
import { countOf } from '../words';
