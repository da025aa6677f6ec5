/**
 * Learner segments: labels for the brief's populations, barriers and
 * incentives, and the incentive budget a segment implies (cost per learner ×
 * estimated size).
 */
import type { LearnerSegment } from '../plan/schema';

/** Population types with the labels planners use. */
export const POPULATION_LABELS = {
  youth: 'Youth (about 15–30, incl. NEET)',
  unemployed: 'Unemployed',
  underemployed: 'Underemployed',
  students: 'Students',
  justiceInvolved: 'Justice-involved people',
  incumbentWorkers: 'Incumbent workers',
  generalPublic: 'General public of a region',
  benefitsRecipients: 'Benefits recipients',
  other: 'Other',
} as const satisfies Record<LearnerSegment['populationType'], string>;

/** Barriers with labels. */
export const BARRIER_LABELS = {
  noDevice: 'No suitable device',
  noConnectivity: 'No reliable connectivity',
  timePoverty: 'Little time (work, shifts)',
  unfamiliarWithOnlineLearning: 'Unfamiliar with online learning',
  caregiving: 'Caregiving duties',
  language: 'Language',
  other: 'Other',
} as const satisfies Record<LearnerSegment['barriers'][number], string>;

/** Incentive types with labels and whether they are financial. */
export const INCENTIVE_TYPES = {
  stipend: { label: 'Stipend', financial: true },
  paidTimeOff: { label: 'Paid time off for training', financial: true },
  certificate: { label: 'Certificate', financial: false },
  deviceOrData: { label: 'Device or data', financial: false },
  employerIntroduction: { label: 'Introduction to employers', financial: false },
  degreeAdmission: { label: 'Admission to a degree program', financial: false },
  community: { label: 'Learner community', financial: false },
  recognition: { label: 'Recognition of top learners', financial: false },
  other: { label: 'Other', financial: false },
} as const satisfies Record<
  LearnerSegment['incentives'][number]['type'],
  { label: string; financial: boolean }
>;

/** The money a segment's incentives need. */
export interface IncentiveBudget {
  /** Sum of the incentives' costs per learner (unknown costs count as 0). */
  readonly perLearner: number;
  /** perLearner × expected participants (never the population); null when participants are not known. */
  readonly total: number | null;
  /** Financial incentives' share of the total per learner. */
  readonly financialPerLearner: number;
  /** Incentives with no cost recorded, so the budget may be understated. */
  readonly uncosted: number;
}

/** Incentive budget of one segment. */
export function incentiveBudget(
  segment: Pick<LearnerSegment, 'incentives' | 'expectedParticipants'>,
) {
  let perLearner = 0;
  let financialPerLearner = 0;
  let uncosted = 0;
  for (const incentive of segment.incentives) {
    if (incentive.costPerLearner === null) {
      uncosted++;
      continue;
    }
    perLearner += incentive.costPerLearner;
    if (INCENTIVE_TYPES[incentive.type].financial) financialPerLearner += incentive.costPerLearner;
  }
  const total =
    segment.expectedParticipants === null ? null : perLearner * segment.expectedParticipants;
  return { perLearner, total, financialPerLearner, uncosted } satisfies IncentiveBudget;
}

/**
 * Totals across segments: population (`learners`), expected participants and
 * the incentive budget on participants (segments without participants left
 * out and counted in `unsized`).
 */
export function totalIncentiveBudget(segments: readonly LearnerSegment[]) {
  let learners = 0;
  let participants = 0;
  let budget = 0;
  let unsized = 0;
  for (const s of segments) {
    const b = incentiveBudget(s);
    if (s.estimatedSize !== null) learners += s.estimatedSize;
    if (s.expectedParticipants === null) unsized++;
    else participants += s.expectedParticipants;
    budget += b.total ?? 0;
  }
  return { learners, participants, budget, unsized };
}

export { formatMoney } from './budget';

export { byCount, formatCount } from '../words';
