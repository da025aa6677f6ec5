/**
 * The power/interest matrix: scores, quadrants and the engagement approach
 * each quadrant recommends. Pure functions, shared by the matrix, the
 * register, exports and tests.
 *
 * Boundary rule: a score of exactly 50 counts as HIGH. The matrix is drawn
 * with the midline at 50, and a stakeholder the room places "on the line" is
 * one the team should not neglect, so (50, 50) is "Manage closely".
 */

/** Lowest and highest power or interest score. */
export const SCORE_MIN = 0;
/** Highest power or interest score. */
export const SCORE_MAX = 100;
/** Scores at or above this value are "high"; below it, "low". */
export const HIGH_THRESHOLD = 50;

/** The four quadrants of the power/interest matrix. */
export const QUADRANTS = {
  manageClosely: 'manageClosely',
  keepSatisfied: 'keepSatisfied',
  keepInformed: 'keepInformed',
  monitor: 'monitor',
} as const;

/** A quadrant of the power/interest matrix. */
export type Quadrant = (typeof QUADRANTS)[keyof typeof QUADRANTS];

/** A position on the matrix (both 0–100). */
export interface MatrixPoint {
  readonly power: number;
  readonly interest: number;
}

/** What a quadrant means for how the team engages. */
export interface QuadrantInfo {
  readonly id: Quadrant;
  readonly label: string;
  /** One line, shown on the matrix and in the register. */
  readonly summary: string;
  /** The recommended engagement approach, shown with the stakeholder. */
  readonly approach: string;
  /** A typical contact rhythm for this quadrant. */
  readonly rhythm: string;
}

/** Label, summary and recommended approach per quadrant. */
export const QUADRANT_INFO: Readonly<Record<Quadrant, QuadrantInfo>> = {
  manageClosely: {
    id: 'manageClosely',
    label: 'Manage closely',
    summary: 'High power, high interest',
    approach:
      'Engage fully: involve them in key decisions, agree goals and outcomes together, and give them a named owner on the team.',
    rhythm: 'Meet every 2–4 weeks; steering committee seat where possible.',
  },
  keepSatisfied: {
    id: 'keepSatisfied',
    label: 'Keep satisfied',
    summary: 'High power, lower interest',
    approach:
      'Meet their needs without overloading them: short briefings on what matters to them, consult before decisions that affect them, and watch for rising interest.',
    rhythm: 'Brief quarterly and before major decisions.',
  },
  keepInformed: {
    id: 'keepInformed',
    label: 'Keep informed',
    summary: 'Lower power, high interest',
    approach:
      'Keep them up to date and involved: regular updates, invitations to workshops and a channel to raise issues. They are often the best advocates and delivery partners.',
    rhythm: 'Monthly update; invite to workshops and reviews.',
  },
  monitor: {
    id: 'monitor',
    label: 'Monitor',
    summary: 'Lower power, lower interest',
    approach:
      'Watch with minimum effort: general updates, and check at each review whether their power or interest has changed.',
    rhythm: 'Check at each quarterly review.',
  },
};

/** Quadrants in reading order: top row (high power) first, left to right. */
export const QUADRANT_ORDER: readonly Quadrant[] = [
  'keepSatisfied',
  'manageClosely',
  'monitor',
  'keepInformed',
];

/**
 * A score forced into 0–100 and rounded to a whole number; anything that is
 * not a finite number (NaN, ±Infinity, null) becomes `fallback`.
 */
export function clampScore(value: unknown, fallback = 50): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return clampScore(fallback, 50);
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(value)));
}

/** Whether a score counts as high (50 and above; see the boundary rule). */
export function isHigh(score: number): boolean {
  return score >= HIGH_THRESHOLD;
}

/** The quadrant a position falls in. */
export function quadrantOf(point: MatrixPoint): Quadrant {
  const highPower = isHigh(point.power);
  const highInterest = isHigh(point.interest);
  if (highPower) return highInterest ? 'manageClosely' : 'keepSatisfied';
  return highInterest ? 'keepInformed' : 'monitor';
}

/** Why a typed score was refused: nothing typed, not a number, or outside 0–100. */
export type ScoreProblem = 'empty' | 'notNumber' | 'outOfRange';

/** Result of reading a score someone typed (`problem` lets the UI word the message in its language). */
export type ScoreParse =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: ScoreProblem; readonly message: string };

/**
 * Reads a typed power or interest score. Empty, non-numeric and out-of-range
 * input is refused with a message (the plan is left unchanged); decimals are
 * rounded to whole points.
 */
export function parseScore(text: string, label = 'Score'): ScoreParse {
  const cleaned = text.trim().replace(/\s/g, '');
  if (cleaned === '')
    return { ok: false, problem: 'empty', message: `${label} is needed: enter 0 to 100.` };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) {
    return {
      ok: false,
      problem: 'notNumber',
      message: `"${text.trim()}" is not a number. Enter 0 to 100.`,
    };
  }
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value < SCORE_MIN || value > SCORE_MAX) {
    return { ok: false, problem: 'outOfRange', message: `${label} must be from 0 to 100.` };
  }
  return { ok: true, value: Math.round(value) };
}

/** Moves a position by a step, clamped to the matrix. */
export function nudge(point: MatrixPoint, dPower: number, dInterest: number): MatrixPoint {
  return {
    power: clampScore(point.power + dPower, point.power),
    interest: clampScore(point.interest + dInterest, point.interest),
  };
}

/** Arrow-key step sizes: plain arrows move 1 point, Shift+arrow 10. */
export const KEY_STEP = { small: 1, large: 10 } as const;

/**
 * Right to left (an Arabic UI), the matrix mirrors like the rest of the page:
 * interest grows to the LEFT (towards where a right-to-left reader's eye
 * ends), power still grows upwards, so "Manage closely" sits top left. The
 * arrow keys follow what the eye sees: the key pointing where a card moves
 * is the key that moves it there (left = more interest, right to left).
 */

/**
 * The move an arrow key makes on the matrix (up = more power, right = more
 * interest; `rtl`: left = more interest), or null for any other key.
 */
export function keyStep(
  key: string,
  shift: boolean,
  rtl = false,
): { dPower: number; dInterest: number } | null {
  const step = shift ? KEY_STEP.large : KEY_STEP.small;
  const forward = rtl ? -step : step;
  switch (key) {
    case 'ArrowUp':
      return { dPower: step, dInterest: 0 };
    case 'ArrowDown':
      return { dPower: -step, dInterest: 0 };
    case 'ArrowRight':
      return { dPower: 0, dInterest: forward };
    case 'ArrowLeft':
      return { dPower: 0, dInterest: -forward };
    default:
      return null;
  }
}

/**
 * Converts a point in a matrix box of `width` × `height` pixels (origin top
 * left) to scores: interest grows to the right (`rtl`: to the left), power
 * grows upwards.
 */
export function pointFromPixels(
  x: number,
  y: number,
  width: number,
  height: number,
  rtl = false,
): MatrixPoint {
  const safeW = width > 0 ? width : 1;
  const safeH = height > 0 ? height : 1;
  const across = (x / safeW) * 100;
  return {
    interest: clampScore(rtl ? 100 - across : across),
    power: clampScore(100 - (y / safeH) * 100),
  };
}

/** Converts scores to a pixel position in a matrix box (inverse of pointFromPixels). */
export function pixelsFromPoint(
  point: MatrixPoint,
  width: number,
  height: number,
  rtl = false,
): { x: number; y: number } {
  const across = rtl ? 100 - point.interest : point.interest;
  return { x: (across / 100) * width, y: ((100 - point.power) / 100) * height };
}

/**
 * The quadrant drawn where `quadrant` is drawn left to right: right to left
 * the columns swap (high interest on the left), the rows stay.
 */
export function visualQuadrant(quadrant: Quadrant, rtl: boolean): Quadrant {
  if (!rtl) return quadrant;
  const mirror: Record<Quadrant, Quadrant> = {
    manageClosely: 'keepSatisfied',
    keepSatisfied: 'manageClosely',
    keepInformed: 'monitor',
    monitor: 'keepInformed',
  };
  return mirror[quadrant];
}
