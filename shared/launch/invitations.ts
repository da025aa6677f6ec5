/**
 * The invitation planner's arithmetic: licences × invitation ratio →
 * invitations needed, split by learner segment (in proportion to the
 * participants each is expected to bring) and into waves (by their shares),
 * the expected funnel of each wave, and the licence use it forecasts.
 *
 * Every split is an apportionment: whole invitations that add up exactly to
 * the total they split (largest remainders, shared/numbers.ts roundToTotal),
 * so the tables a planner reads never disagree with their own totals.
 *
 * Why a ratio: not everyone invited takes a place. Filling every licence
 * needs 1.5 to 2.25 invitations per licence (the launch part of the program
 * brief, ../shared/seeds/000_857f88f6bec027f8.txt): 5,000 licences need
 * 7,500 to 11,250 invitations.
 */
import { roundToTotal } from '../numbers';
import type { FunnelRates, InvitationWave, Plan } from '../plan/schema';
import { launchStart, resolveLaunchDate } from './onboarding';

/** Fewest and most invitations per licence, and the usual number. */
export const RATIO_MIN = 1.5;
export const RATIO_MAX = 2.25;
export const RATIO_DEFAULT = 2;

/** Why there are more invitations than licences, in words for the planner. */
export const RATIO_EXPLANATION =
  'Not everyone you invite will sign up, so filling every licence takes more invitations than licences: ' +
  'usually 1.5 to 2.25 per licence. For example, 5,000 licences need 7,500 to 11,250 invitations.';

/** Invitations needed for `licences` at `ratio` invitations per licence (rounded up: a part invitation is a whole one). */
export function invitationsNeeded(licences: number | null, ratio: number): number {
  if (licences === null || !Number.isFinite(licences) || licences <= 0) return 0;
  const r = Number.isFinite(ratio)
    ? Math.min(RATIO_MAX, Math.max(RATIO_MIN, ratio))
    : RATIO_DEFAULT;
  // Round away float noise first (1.1 × 3 = 3.3000000000000003 must not become 4).
  return Math.ceil(Math.round(licences * r * 1e6) / 1e6);
}

/** The usual range of invitations for `licences` (at the lowest and highest ratio). */
export function invitationRange(licences: number | null): { low: number; high: number } {
  return {
    low: invitationsNeeded(licences, RATIO_MIN),
    high: invitationsNeeded(licences, RATIO_MAX),
  };
}

/**
 * `total` whole items shared in proportion to `weights` (largest
 * remainders): the parts add up to `total` exactly and each is within one
 * of its exact share. All-zero (or no positive) weights share evenly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const whole = Math.max(0, Math.round(total));
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((s, w) => s + w, 0);
  const shares = sum > 0 ? clean : clean.map(() => 1);
  const shareSum = sum > 0 ? sum : n;
  const exact = shares.map((w) => (whole * w) / shareSum);
  const parts = roundToTotal(exact, whole, 0);
  // roundToTotal falls back to plain rounding when float noise defeats it; mend the difference.
  let diff = whole - parts.reduce((s, v) => s + v, 0);
  if (diff !== 0) {
    const order = exact
      .map((v, i) => ({ i, rest: v - parts[i]! }))
      .sort((a, b) => (diff > 0 ? b.rest - a.rest : a.rest - b.rest) || a.i - b.i);
    for (let k = 0; diff !== 0 && k < order.length * 2; k++) {
      const { i } = order[k % order.length]!;
      if (diff < 0 && parts[i]! === 0) continue;
      parts[i] = parts[i]! + Math.sign(diff);
      diff -= Math.sign(diff);
    }
  }
  return parts;
}

/**
 * A matrix of whole numbers with the given row and column totals (which must
 * add up to the same number), each cell within one of
 * `rows[i] × columns[j] / total` (controlled rounding): the floors of the
 * exact values, then one more in cells with a fraction, chosen so that every
 * row and column reaches its total — a flow through the cells with a
 * fraction, found by augmenting paths (one always exists: the fractions
 * themselves are such a flow), trying the largest fractions first.
 */
export function apportionTable(rows: readonly number[], columns: readonly number[]): number[][] {
  const total = rows.reduce((s, v) => s + v, 0);
  if (columns.reduce((s, v) => s + v, 0) !== total) throw new Error('Row and column totals differ');
  if (total === 0) return rows.map(() => columns.map(() => 0));
  const exact = rows.map((r) => columns.map((c) => (r * c) / total));
  const cells = exact.map((row) => row.map((v) => Math.floor(v + 1e-9)));
  const colLeft = columns.map((c, j) => c - cells.reduce((s, row) => s + row[j]!, 0));
  const rowLeft = rows.map((r, i) => r - cells[i]!.reduce((s, v) => s + v, 0));
  const frac = (i: number, j: number) => exact[i]![j]! - Math.floor(exact[i]![j]! + 1e-9);
  // Columns each row may take one more in, largest fraction first.
  const options = rows.map((_, i) =>
    columns
      .map((_, j) => j)
      .filter((j) => frac(i, j) > 1e-9)
      .sort((a, b) => frac(i, b) - frac(i, a) || a - b),
  );
  const taken = rows.map(() => columns.map(() => false));
  // Augmenting path from row `i` to a column with room, through taken cells of other rows.
  const augment = (i: number, seenCols: boolean[]): boolean => {
    for (const j of options[i]!) {
      if (taken[i]![j] || seenCols[j]) continue;
      seenCols[j] = true;
      if (colLeft[j]! > 0) {
        colLeft[j] = colLeft[j]! - 1;
        taken[i]![j] = true;
        return true;
      }
      // Column j is full: move one of its ones from another row k to another column.
      for (let k = 0; k < rows.length; k++) {
        if (k === i || !taken[k]![j]) continue;
        taken[k]![j] = false;
        if (augment(k, seenCols)) {
          taken[i]![j] = true;
          return true;
        }
        taken[k]![j] = true;
      }
    }
    return false;
  };
  for (let i = 0; i < rows.length; i++) {
    for (let n = 0; n < rowLeft[i]!; n++) {
      if (
        !augment(
          i,
          columns.map(() => false),
        )
      )
        throw new Error('No rounding keeps every total');
    }
  }
  return cells.map((row, i) => row.map((v, j) => v + (taken[i]![j] ? 1 : 0)));
}

/** One row of the split: a learner segment (or everyone, when the plan has none). */
export interface SegmentSplit {
  /** The segment's id, or null for "all learners" in a plan without segments. */
  readonly segmentId: string | null;
  readonly name: string;
  /** Expected participants (the weight of the split); null when not set. */
  readonly expectedParticipants: number | null;
  /** Invitations for the segment. */
  readonly invitations: number;
  /** Its invitations in each wave (same order as `waves`); they add up to `invitations`. */
  readonly byWave: readonly number[];
}

/** One wave of the split, with its resolved date and expected funnel. */
export interface WaveSplit {
  readonly id: string;
  readonly name: string;
  /** Calendar date (YYYY-MM-DD), or null when the wave has no date (or a relative one without a launch start). */
  readonly date: string | null;
  readonly share: number;
  /** Invitations sent in the wave. */
  readonly invitations: number;
  readonly funnel: Funnel;
}

/** Expected people at each stage of the funnel. */
export interface Funnel {
  readonly invited: number;
  readonly registered: number;
  readonly active: number;
  readonly completing: number;
}

/** Expected funnel of `invited` people at the given rates (each a percentage of the stage before). */
export function funnel(invited: number, rates: FunnelRates): Funnel {
  const registered = Math.round((invited * rates.registered) / 100);
  const active = Math.round((registered * rates.active) / 100);
  const completing = Math.round((active * rates.completing) / 100);
  return { invited, registered, active, completing };
}

/** A point of the forecast licence use: after a wave, how many licences are taken. */
export interface ForecastPoint {
  readonly waveId: string;
  readonly name: string;
  readonly date: string | null;
  /** Invitations sent so far. */
  readonly invited: number;
  /** Registrations expected so far (each takes a licence). */
  readonly registered: number;
  /** Licences in use (registrations, at most the licences). */
  readonly used: number;
  /** Registrations beyond the licences (people who would wait for a freed licence). */
  readonly waiting: number;
}

/** A warning about licence use. */
export type LicenceWarning =
  | {
      readonly kind: 'unused';
      /** Licences expected to stay unused. */
      readonly unused: number;
      readonly message: string;
    }
  | {
      readonly kind: 'runOut';
      /** The wave in which the licences run out. */
      readonly waveId: string;
      /** Registrations expected beyond the licences. */
      readonly waiting: number;
      /** Registered learners expected never to become active (their licences can be freed). */
      readonly freeable: number;
      readonly message: string;
    };

/** The invitation plan worked out. */
export interface InvitationSummary {
  readonly licences: number | null;
  readonly ratio: number;
  /** Invitations needed to fill every licence. */
  readonly needed: number;
  readonly range: { readonly low: number; readonly high: number };
  readonly segments: readonly SegmentSplit[];
  /** True when no segment has expected participants, so the segments are split evenly. */
  readonly evenSegments: boolean;
  readonly waves: readonly WaveSplit[];
  /** True when every wave's share is 0, so the waves are split evenly. */
  readonly evenWaves: boolean;
  /** The funnel of all waves together (of all invitations when there are no waves). */
  readonly total: Funnel;
  /** Licence use after each wave, in date order (undated waves last). */
  readonly forecast: readonly ForecastPoint[];
  readonly warnings: readonly LicenceWarning[];
}

const fmt = (n: number) => n.toLocaleString('en-GB');

/** Wave dates resolved against the plan's launch start. */
export function waveDates(
  waves: readonly InvitationWave[],
  start: string | null,
): (string | null)[] {
  return waves.map((w) => resolveLaunchDate(w.date, start));
}

/**
 * The invitation plan of `plan` worked out: invitations needed, split by
 * segment and wave, each wave's expected funnel, the forecast licence use and
 * its warnings.
 */
export function invitationSummary(plan: Plan): InvitationSummary {
  const inv = plan.launch.invitations;
  const licences = plan.launch.marketing.licenses;
  const needed = invitationsNeeded(licences, inv.ratio);
  const segs = plan.learners;
  const weights = segs.map((s) => s.expectedParticipants ?? 0);
  const evenSegments = segs.length > 0 && weights.every((w) => w <= 0);
  const segTotals = segs.length > 0 ? apportion(needed, weights) : [needed];
  const waveList = inv.waves;
  const evenWaves = waveList.length > 0 && waveList.every((w) => w.share <= 0);
  const waveTotals = apportion(
    needed,
    waveList.map((w) => w.share),
  );
  const table =
    waveList.length > 0 ? apportionTable(segTotals, waveTotals) : segTotals.map(() => []);
  const segments: SegmentSplit[] =
    segs.length > 0
      ? segs.map((s, i) => ({
          segmentId: s.id,
          name: s.name,
          expectedParticipants: s.expectedParticipants,
          invitations: segTotals[i]!,
          byWave: table[i]!,
        }))
      : [
          {
            segmentId: null,
            name: 'All learners',
            expectedParticipants: null,
            invitations: needed,
            byWave: table[0]!,
          },
        ];
  const dates = waveDates(waveList, launchStart(plan));
  const waves: WaveSplit[] = waveList.map((w, j) => ({
    id: w.id,
    name: w.name,
    date: dates[j]!,
    share: w.share,
    invitations: waveTotals[j]!,
    funnel: funnel(waveTotals[j]!, inv.rates),
  }));
  const total =
    waves.length > 0
      ? waves.reduce<Funnel>(
          (sum, w) => ({
            invited: sum.invited + w.funnel.invited,
            registered: sum.registered + w.funnel.registered,
            active: sum.active + w.funnel.active,
            completing: sum.completing + w.funnel.completing,
          }),
          { invited: 0, registered: 0, active: 0, completing: 0 },
        )
      : funnel(needed, inv.rates);
  const { forecast, warnings } = licenceForecast(licences, waves, total);
  return {
    licences,
    ratio: inv.ratio,
    needed,
    range: invitationRange(licences),
    segments,
    evenSegments,
    waves,
    evenWaves,
    total,
    forecast,
    warnings,
  };
}

/** Waves in date order (undated last, ties in list order). */
export function byDate<T extends { readonly date: string | null }>(waves: readonly T[]): T[] {
  return waves
    .map((w, i) => ({ w, i }))
    .sort((a, b) => {
      if (a.w.date === b.w.date) return a.i - b.i;
      if (a.w.date === null) return 1;
      if (b.w.date === null) return -1;
      return a.w.date < b.w.date ? -1 : 1;
    })
    .map(({ w }) => w);
}

/**
 * Licence use after each wave (a registration takes a licence) and the
 * warnings it leads to: licences left unused at the end, or licences that
 * run out before the last registration (then the learners expected never to
 * become active are the licences that can be freed for them).
 */
export function licenceForecast(
  licences: number | null,
  waves: readonly WaveSplit[],
  total: Funnel,
): { forecast: ForecastPoint[]; warnings: LicenceWarning[] } {
  const forecast: ForecastPoint[] = [];
  const warnings: LicenceWarning[] = [];
  if (licences === null || licences <= 0) return { forecast, warnings };
  let invited = 0;
  let registered = 0;
  let runOut: WaveSplit | null = null;
  for (const w of byDate(waves)) {
    invited += w.funnel.invited;
    registered += w.funnel.registered;
    if (!runOut && registered > licences) runOut = w;
    forecast.push({
      waveId: w.id,
      name: w.name,
      date: w.date,
      invited,
      registered,
      used: Math.min(registered, licences),
      waiting: Math.max(0, registered - licences),
    });
  }
  const expected = total.registered;
  if (expected < licences) {
    const unused = licences - expected;
    warnings.push({
      kind: 'unused',
      unused,
      message:
        `About ${fmt(unused)} of ${fmt(licences)} licences would stay unused: ` +
        `${fmt(expected)} registrations are expected. Raise the invitation ratio, ` +
        `or plan another wave.`,
    });
  } else if (expected > licences) {
    const waiting = expected - licences;
    const freeable = total.registered - total.active;
    const where = runOut ? ` during “${runOut.name}”` : '';
    warnings.push({
      kind: 'runOut',
      waveId: runOut?.id ?? '',
      waiting,
      freeable,
      message:
        `Licences run out${where}: ${fmt(expected)} registrations are expected for ${fmt(licences)} licences, ` +
        `so about ${fmt(waiting)} people would wait for a place. ` +
        (freeable >= waiting
          ? `Freeing the licences of the ${fmt(freeable)} expected never to start learning covers them.`
          : `Freeing the licences of the ${fmt(freeable)} expected never to start learning is not enough: lower the ratio or buy more licences.`),
    });
  }
  return { forecast, warnings };
}
