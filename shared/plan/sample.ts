/**
 * The bundled sample plan, kept current: it is written as of one day
 * (SAMPLE_AS_OF), with actions due in the following weeks and targets years
 * ahead. Opened later, every date in it moves forward by the same whole number
 * of months, so nothing is overdue on first open and the timeline still lies
 * ahead. Month ends stay month ends (30 June → 31 July), other days keep
 * their number (clamped to the month's length).
 */
import type { Plan } from './schema';

/** The day the sample plan describes as "today". */
export const SAMPLE_AS_OF = '2026-11-20';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(T.*)$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A YYYY-MM-DD date moved by `months` whole months. */
export function shiftDate(date: string, months: number): string {
  const m = DATE.exec(date);
  if (!m) return date;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const last = daysIn(y, mo);
  const d = day === daysIn(year, month) ? last : Math.min(day, last);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole months from the sample's day to `today` (0 when today is not later). */
export function monthsSinceSample(today: string): number {
  const a = DATE.exec(SAMPLE_AS_OF)!;
  const b = DATE.exec(today);
  if (!b) return 0;
  let months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
  if (Number(b[3]) < Number(a[3])) months -= 1;
  return Math.max(0, months);
}

function shiftAll(value: unknown, months: number): unknown {
  if (typeof value === 'string') {
    if (DATE.test(value)) return shiftDate(value, months);
    const t = DATE_TIME.exec(value);
    if (t) return `${shiftDate(`${t[1]}-${t[2]}-${t[3]}`, months)}${t[4]}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => shiftAll(v, months));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shiftAll(v, months);
    return out;
  }
  return value;
}

/**
 * The sample plan as of `today` (YYYY-MM-DD): every calendar date and
 * timestamp moved forward by the whole months since SAMPLE_AS_OF. Texts are
 * not rewritten; the plan is returned as is when no month has passed.
 */
export function sampleAsOf(plan: Plan, today: string): Plan {
  const months = monthsSinceSample(today);
  if (months === 0) return plan;
  return shiftAll(plan, months) as Plan;
}
