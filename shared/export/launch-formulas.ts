/**
 * Excel formulas of the Launch sheets (issue 13): the invitation planner's
 * arithmetic written so a reader who changes the licences, the ratio, a
 * wave's share or a funnel rate sees every count follow, in Excel and in
 * LibreOffice, exactly as the app counts (shared/launch/invitations.ts):
 * - invitations needed: licences × ratio (the ratio held to 1.5–2.25),
 *   rounded up after float noise is rounded away;
 * - each wave's invitations: its share of those needed, rounded down, then
 *   one more for the waves with the largest remainders (ties to the first)
 *   until they add up to the total — the app's `apportion` (evenly when no
 *   wave has a share);
 * - each wave's funnel: registered, active and completing as rounded
 *   percentages of the stage before — the app's `funnel`.
 * Cells are given as A1 addresses on the same sheet.
 */
import { RATIO_MAX, RATIO_MIN } from '../launch/invitations';

/** Invitations needed: licences × ratio, the ratio held to its range, rounded up. */
export function invitationsNeededFormula(licences: string, ratio: string): string {
  return (
    `IF(OR(${licences}="",${licences}<=0),0,` +
    `ROUNDUP(ROUND(${licences}*MIN(${RATIO_MAX},MAX(${RATIO_MIN},${ratio}))*1000000,0)/1000000,0))`
  );
}

/**
 * One wave's invitations: its share (`share`, in the column `shares`, e.g.
 * "C2:C3") of `needed`, by largest remainders so the waves add up to `needed`.
 */
export function waveInvitationsFormula(needed: string, shares: string, share: string): string {
  const all = `${needed}*${shares}/SUM(${shares})`;
  const one = `${needed}*${share}/SUM(${shares})`;
  const restAll = `(${all}-INT(${all}+1E-9))`;
  const restOne = `(${one}-INT(${one}+1E-9))`;
  const left = `(${needed}-SUMPRODUCT(INT(${all}+1E-9)))`;
  // Waves ahead of this one: a larger remainder, or the same one earlier in the list.
  const ahead =
    `SUMPRODUCT(--(${restAll}>${restOne}))+` +
    `SUMPRODUCT((ROW(${shares})<ROW(${share}))*(${restAll}=${restOne}))`;
  // No share set anywhere: the waves split evenly, the first ones taking one more.
  const above = `SUMPRODUCT(--(ROW(${shares})<ROW(${share})))`;
  const even = `INT(${needed}/ROWS(${shares}))+IF(${above}<MOD(${needed},ROWS(${shares})),1,0)`;
  return `IF(SUM(${shares})<=0,${even},INT(${one}+1E-9)+IF(${ahead}<${left},1,0))`;
}

/** A funnel stage: `rate` % of the stage before, rounded to a whole person. */
export function funnelStageFormula(before: string, rate: string): string {
  return `ROUND(${before}*${rate}/100,0)`;
}
