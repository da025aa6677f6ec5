/** What each kind of theory-of-change element is called and how it reads. */
import type { TocNode } from '../plan/schema';

/** A kind of theory-of-change element. */
export type TocNodeKind = TocNode['kind'];
/** The horizon of an outcome. */
export type OutcomeHorizon = NonNullable<TocNode['horizon']>;

/** Display names of the kinds, in palette order (top of the pathway first). */
export const TOC_KINDS = [
  { kind: 'impact', label: 'Impact', hint: 'The long-term goal the program contributes to' },
  { kind: 'outcome', label: 'Outcome', hint: 'A change in people, employers or the region' },
  {
    kind: 'precondition',
    label: 'Precondition',
    hint: 'Must be true before an outcome can happen',
  },
  { kind: 'intervention', label: 'Intervention', hint: 'What the program does' },
  { kind: 'assumption', label: 'Assumption', hint: 'Something taken to be true' },
  { kind: 'externalFactor', label: 'External factor', hint: 'Outside the program’s control' },
] as const satisfies readonly { kind: TocNodeKind; label: string; hint: string }[];

/** Names of the outcome horizons. */
export const HORIZON_LABELS = {
  short: 'Short-term',
  intermediate: 'Intermediate',
  long: 'Long-term',
} as const satisfies Record<OutcomeHorizon, string>;

/** The name of a node's kind, with the horizon for outcomes ("Short-term outcome"). */
export function kindLabel(node: Pick<TocNode, 'kind' | 'horizon'>): string {
  if (node.kind === 'outcome' && node.horizon) return `${HORIZON_LABELS[node.horizon]} outcome`;
  return TOC_KINDS.find((k) => k.kind === node.kind)?.label ?? node.kind;
}

/** Notes stand beside the pathway: they need no links. */
export function isNoteKind(kind: TocNodeKind): boolean {
  return kind === 'assumption' || kind === 'externalFactor';
}

/** Evidence strengths from strongest to none, with display names. */
export const EVIDENCE_LEVELS = [
  { value: 'strong', label: 'Strong evidence' },
  { value: 'moderate', label: 'Moderate evidence' },
  { value: 'weak', label: 'Weak evidence' },
  { value: 'none', label: 'No evidence yet' },
] as const;

/**
 * Where an element stands in the causal pathway, for listing it in order:
 * 0 impact, 1–3 outcomes from long-term to short-term (3.5 without a
 * horizon), 4 preconditions, 5 interventions, 6 anything else (notes).
 */
export function pathwayRank(node: Pick<TocNode, 'kind' | 'horizon'>): number {
  switch (node.kind) {
    case 'impact':
      return 0;
    case 'outcome':
      return node.horizon ? HORIZON_RANK[node.horizon] : 3.5;
    case 'precondition':
      return 4;
    case 'intervention':
      return 5;
    default:
      return 6;
  }
}

const HORIZON_RANK = { long: 1, intermediate: 2, short: 3 } as const;
