/**
 * The lanes of a logic model and what each one means, in the order a reader
 * follows them (inputs on the left, impact on the right), plus the two note
 * lanes shown below the diagram.
 */
import type { LogicItem } from '../plan/schema';

/** A lane id (same as `LogicItem['lane']`). */
export type LaneId = LogicItem['lane'];

/** Description of one lane. */
export interface LaneInfo {
  readonly id: LaneId;
  /** Column heading, plural ("Activities"). */
  readonly label: string;
  /** One item of the lane, lower case ("activity"), for sentences and buttons. */
  readonly singular: string;
  /** Logframe level label. */
  readonly level: string;
}

/** Main lanes, left to right (the causal chain). */
export const CHAIN_LANES = [
  { id: 'input', label: 'Inputs', singular: 'input', level: 'Inputs' },
  { id: 'activity', label: 'Activities', singular: 'activity', level: 'Activities' },
  { id: 'output', label: 'Outputs', singular: 'output', level: 'Outputs' },
  {
    id: 'shortTermOutcome',
    label: 'Short-term outcomes',
    singular: 'short-term outcome',
    level: 'Short-term outcomes',
  },
  {
    id: 'intermediateOutcome',
    label: 'Intermediate outcomes',
    singular: 'intermediate outcome',
    level: 'Intermediate outcomes',
  },
  {
    id: 'longTermOutcome',
    label: 'Long-term outcomes / Impact',
    singular: 'long-term outcome',
    level: 'Long-term outcomes / Impact',
  },
] as const satisfies readonly LaneInfo[];

/** Note lanes: context for the whole model, shown as a strip below the chain. */
export const NOTE_LANES = [
  { id: 'assumption', label: 'Assumptions', singular: 'assumption', level: 'Assumptions' },
  {
    id: 'externalFactor',
    label: 'External factors',
    singular: 'external factor',
    level: 'External factors',
  },
] as const satisfies readonly LaneInfo[];

/** Every lane, chain first. */
export const ALL_LANES: readonly LaneInfo[] = [...CHAIN_LANES, ...NOTE_LANES];

const byId = new Map<LaneId, LaneInfo>(ALL_LANES.map((lane) => [lane.id, lane]));

/** Information about a lane. */
export function laneInfo(lane: LaneId): LaneInfo {
  return byId.get(lane) ?? { id: lane, label: lane, singular: lane, level: lane };
}

/** Outcome lanes (short-term, intermediate, long-term): trace to the theory of change. */
export const OUTCOME_LANES: ReadonlySet<LaneId> = new Set<LaneId>([
  'shortTermOutcome',
  'intermediateOutcome',
  'longTermOutcome',
]);

/** Lanes whose items carry indicators: outputs and outcomes. */
export const MEASURED_LANES: ReadonlySet<LaneId> = new Set<LaneId>(['output', ...OUTCOME_LANES]);

/** True for a lane of the causal chain (not a note lane). */
export function isChainLane(lane: LaneId): boolean {
  return CHAIN_LANES.some((l) => l.id === lane);
}

/** Position of a chain lane, left to right (notes get -1). */
export function chainIndex(lane: LaneId): number {
  return CHAIN_LANES.findIndex((l) => l.id === lane);
}
