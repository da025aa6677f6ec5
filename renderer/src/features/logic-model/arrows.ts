/** Geometry of the arrows between logic-model cards (pure; measured rects in, SVG paths out). */

/** A card's box relative to the diagram content. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** How two cards relate: target in a lane to the right, the same lane, or to the left. */
export type ArrowKind = 'forward' | 'same' | 'backward';

/** Which way an arrow runs, from the lanes of its ends (left to right order). */
export function arrowKind(sourceLane: number, targetLane: number): ArrowKind {
  if (targetLane > sourceLane) return 'forward';
  return targetLane === sourceLane ? 'same' : 'backward';
}

/** The gap left before the arrowhead touches the card, so the head stays visible. */
const HEAD_GAP = 3;

/**
 * An SVG path from one card to another: a smooth S-curve from the right edge
 * to the left edge for forward arrows; a loop out to the right for arrows
 * within a lane; a curve from left edge to right edge for backward ones.
 */
export function arrowPath(from: Box, to: Box, kind: ArrowKind): string {
  const sy = from.top + from.height / 2;
  const ty = to.top + to.height / 2;
  if (kind === 'forward') {
    const sx = from.left + from.width;
    const tx = to.left - HEAD_GAP;
    const bend = Math.max(24, (tx - sx) / 2);
    return `M ${sx} ${sy} C ${sx + bend} ${sy}, ${tx - bend} ${ty}, ${tx} ${ty}`;
  }
  if (kind === 'same') {
    const sx = from.left + from.width;
    const tx = to.left + to.width + HEAD_GAP;
    const bulge = 14 + Math.min(18, Math.abs(ty - sy) / 8);
    return `M ${sx} ${sy} C ${sx + bulge} ${sy}, ${tx + bulge} ${ty}, ${tx} ${ty}`;
  }
  const sx = from.left;
  const tx = to.left + to.width + HEAD_GAP;
  const bend = Math.max(30, (sx - tx) / 3);
  return `M ${sx} ${sy} C ${sx - bend} ${sy - 40}, ${tx + bend} ${ty - 40}, ${tx} ${ty}`;
}
