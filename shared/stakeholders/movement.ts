/**
 * How stakeholders move on the matrix: the quadrant history kept with each
 * stakeholder, and movement between a workshop snapshot and now.
 */
import { quadrantOf, type MatrixPoint, type Quadrant } from './quadrants';

/** One recorded position (the plan's MatrixPositionRecord). */
export interface PositionRecord extends MatrixPoint {
  readonly at: string;
}

/** Most position records kept per stakeholder; older ones are dropped. */
export const HISTORY_LIMIT = 100;

/**
 * The history after a move from `from` to `to` at time `at`. Only moves that
 * change quadrant are recorded (small adjustments are noise in a workshop).
 * The history is a chain of positions: if its last record is not where the
 * move started (e.g. the first move ever), the starting position is recorded
 * first, so every quadrant change can be read as a pair of records.
 */
export function recordMove(
  history: readonly PositionRecord[],
  from: MatrixPoint,
  to: MatrixPoint,
  at: string,
): PositionRecord[] {
  if (quadrantOf(from) === quadrantOf(to)) return [...history];
  const next = [...history];
  const last = next.at(-1);
  if (!last || quadrantOf(last) !== quadrantOf(from)) {
    next.push({ at, power: from.power, interest: from.interest });
  }
  next.push({ at, power: to.power, interest: to.interest });
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

/** A change of quadrant read from a stakeholder's history. */
export interface QuadrantMove {
  readonly at: string;
  readonly from: Quadrant;
  readonly to: Quadrant;
  readonly position: MatrixPoint;
}

/** The quadrant changes in a history, newest first. */
export function quadrantMoves(history: readonly PositionRecord[]): QuadrantMove[] {
  const moves: QuadrantMove[] = [];
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1]!;
    const cur = history[i]!;
    const from = quadrantOf(prev);
    const to = quadrantOf(cur);
    if (from !== to) {
      moves.push({
        at: cur.at,
        from,
        to,
        position: { power: cur.power, interest: cur.interest },
      });
    }
  }
  return moves.reverse();
}

/** Positions of stakeholders at one moment (a workshop snapshot's `positions`). */
export type PositionMap = Readonly<Record<string, MatrixPoint>>;

/** The movement of one stakeholder since a snapshot. */
export interface Movement {
  readonly id: string;
  /** Null when the stakeholder was added after the snapshot. */
  readonly from: MatrixPoint | null;
  readonly to: MatrixPoint;
  /** Distance moved in score points (0 for new entries). */
  readonly distance: number;
  readonly quadrantChanged: boolean;
}

/** Moves shorter than this (in score points) are not drawn as arrows. */
export const MIN_MOVEMENT = 1;

/**
 * Movement from a snapshot to the current positions: stakeholders that moved
 * at least MIN_MOVEMENT points, and those added since (from = null).
 * Stakeholders deleted since the snapshot are ignored.
 */
export function movementSince(
  snapshot: PositionMap,
  current: readonly (MatrixPoint & { readonly id: string; readonly placed?: boolean })[],
): Movement[] {
  const result: Movement[] = [];
  for (const entry of current) {
    // Waiting in the Unplaced tray: not on the matrix yet, so neither moved nor new.
    if (entry.placed === false) continue;
    const to = { power: entry.power, interest: entry.interest };
    const from = Object.hasOwn(snapshot, entry.id) ? snapshot[entry.id]! : null;
    if (!from) {
      result.push({ id: entry.id, from: null, to, distance: 0, quadrantChanged: false });
      continue;
    }
    const distance = Math.hypot(to.power - from.power, to.interest - from.interest);
    if (distance < MIN_MOVEMENT) continue;
    result.push({
      id: entry.id,
      from: { power: from.power, interest: from.interest },
      to,
      distance,
      quadrantChanged: quadrantOf(from) !== quadrantOf(to),
    });
  }
  return result;
}

/**
 * Movement from one snapshot to another (`to`): compare any two snapshots, in
 * either order; stakeholders only in `to` count as new.
 */
export function movementBetween(from: PositionMap, to: PositionMap): Movement[] {
  return movementSince(
    from,
    Object.keys(to).map((id) => ({ id, power: to[id]!.power, interest: to[id]!.interest })),
  );
}

/** Counts for a one-line movement summary ("5 moved, 2 changed quadrant, 1 new"). */
export function summariseMovement(movements: readonly Movement[]): {
  moved: number;
  quadrantChanged: number;
  added: number;
} {
  let moved = 0;
  let quadrantChanged = 0;
  let added = 0;
  for (const m of movements) {
    if (m.from === null) added++;
    else {
      moved++;
      if (m.quadrantChanged) quadrantChanged++;
    }
  }
  return { moved, quadrantChanged, added };
}

/** A snapshot's positions from the current entries (those still in the Unplaced tray have none). */
export function positionsOf(
  entries: readonly (MatrixPoint & { readonly id: string; readonly placed?: boolean })[],
): Record<string, MatrixPoint> {
  const positions: Record<string, MatrixPoint> = {};
  for (const e of entries) {
    if (e.placed === false) continue;
    positions[e.id] = { power: e.power, interest: e.interest };
  }
  return positions;
}
