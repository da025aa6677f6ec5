/** Geometry of the arrows between logic-model cards (measured rects in, SVG paths out). */
import {
  roundedPath,
  routeArrows,
  type LaneSpan,
  type Rect,
  type RoutedCard,
  type RoutedLink,
} from '../../../../shared/logic-model/routing';

/** A card's box relative to the diagram content. */
export type Box = Rect;

/** How two cards relate: target in a lane to the right, the same lane, or to the left. */
export type ArrowKind = 'forward' | 'same' | 'backward';

/** Which way an arrow runs, from the lanes of its ends (left to right order). */
export function arrowKind(sourceLane: number, targetLane: number): ArrowKind {
  if (targetLane > sourceLane) return 'forward';
  return targetLane === sourceLane ? 'same' : 'backward';
}

/**
 * SVG paths for every arrow, routed orthogonally through the gutters between
 * lanes and around cards (never over a card other than its two ends).
 */
export function arrowPaths(
  lanes: readonly LaneSpan[],
  cards: ReadonlyMap<string, RoutedCard>,
  links: readonly RoutedLink[],
): Map<string, string> {
  const routes = routeArrows(lanes, cards, links);
  return new Map([...routes].map(([id, points]) => [id, roundedPath(points)]));
}
