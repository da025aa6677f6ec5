/** The shape of plan-health findings, shared by the rules, the health panel and exports. */

/** How much a finding matters: `error` breaks the model, `warning` weakens it, `info` polishes it. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Severity of a finding. */
export type Severity = (typeof SEVERITIES)[number];

/** The plan sections a finding can point at (ids of PLAN_SECTIONS in the renderer). */
export type HealthSection =
  | 'theoryOfChange'
  | 'logicModel'
  | 'objective'
  | 'stakeholders'
  | 'learners'
  | 'makeOrBuy'
  | 'pathways'
  | 'marketing'
  | 'invitations'
  | 'onboarding'
  | 'communications'
  | 'roster'
  | 'kpis'
  | 'contentInUse'
  | 'skillsFirst'
  | 'reviews'
  | 'engagement';

/**
 * Where a finding is fixed: the section, and the element to select there
 * (a node, link, item or indicator id); null for a finding about the section as a whole.
 */
export interface HealthTarget {
  readonly section: HealthSection;
  readonly elementId: string | null;
}

/** The rules, by id. */
export const HEALTH_RULES = {
  outcomeWithoutIndicator: 'outcome-without-indicator',
  indicatorIncomplete: 'indicator-incomplete',
  orphanNode: 'orphan-node',
  leadsNowhere: 'leads-nowhere',
  linkWithoutRationale: 'link-without-rationale',
  logicModelCycle: 'logic-model-cycle',
  noImpact: 'no-impact',
  notTraced: 'not-traced',
  danglingReference: 'dangling-reference',
  selfLink: 'self-link',
  duplicateLink: 'duplicate-link',
  uncoveredSkill: 'uncovered-skill',
  undecidedMakeOrBuy: 'undecided-make-or-buy',
  unservedSegment: 'unserved-segment',
  undatedCheckpoint: 'undated-checkpoint',
  overBudget: 'over-budget',
  missingReference: 'missing-reference',
  unmeasurableTiming: 'unmeasurable-timing',
  participantsOverPopulation: 'participants-over-population',
  unengagedKeyStakeholder: 'unengaged-key-stakeholder',
  timelineOutOfOrder: 'timeline-out-of-order',
  channelReachesNoSegment: 'channel-reaches-no-segment',
  segmentNotReached: 'segment-not-reached',
  storyWithoutConsent: 'story-without-consent',
  storyConsentUndocumented: 'story-consent-undocumented',
  storyContactDetails: 'story-contact-details',
  journeyOverTarget: 'journey-over-target',
  invitationsShort: 'invitations-short',
  checklistPastDue: 'checklist-past-due',
  waveWithoutShare: 'wave-without-share',
  waveWithoutDate: 'wave-without-date',
  communicationUnscheduled: 'communication-unscheduled',
  communicationAfterLaunch: 'communication-after-launch',
  communicationUnfilledFields: 'communication-unfilled-fields',
  kpiWithoutTarget: 'kpi-without-target',
  kpiOffTrack: 'kpi-off-track',
  kpiStale: 'kpi-stale',
  kpiIndicatorGone: 'kpi-indicator-gone',
  kpiSegmentGone: 'kpi-segment-gone',
  contentReviewOverdue: 'content-review-overdue',
  maintenanceOverCapacity: 'maintenance-over-capacity',
  roleWithoutQualifiedHolder: 'role-without-qualified-holder',
  reviewOverdue: 'review-overdue',
  assumptionBrokenUndecided: 'assumption-broken-undecided',
  carriedLessonsOpen: 'carried-lessons-open',
  followUpWithoutMessage: 'follow-up-without-message',
  followUpUnknownFields: 'follow-up-unknown-fields',
  followUpFixedTime: 'follow-up-fixed-time',
  noActiveFollowUp: 'no-active-follow-up',
  followUpShadowed: 'follow-up-shadowed',
  engagementWithoutOwner: 'engagement-without-owner',
  wraparoundMissing: 'wraparound-missing',
  rosterStale: 'roster-stale',
  rosterWithoutSegment: 'roster-without-segment',
  rosterGroupGone: 'roster-group-gone',
} as const;

/** Id of a health rule. */
export type HealthRuleId = (typeof HEALTH_RULES)[keyof typeof HEALTH_RULES];

/** A one-click fix for a broken reference: remove the thing that points nowhere. */
export interface HealthRepair {
  readonly kind: 'removeIndicator' | 'forgetMissingSubjects' | 'removeTocLink' | 'removeLogicLink';
  readonly id: string;
  /** Button label, e.g. "Remove the indicator". */
  readonly label: string;
}

/** One thing worth fixing in a plan. */
export interface Finding {
  /** Stable across checks while the problem persists (rule + element). */
  readonly id: string;
  readonly rule: HealthRuleId;
  readonly severity: Severity;
  /** A plain sentence a planner understands. */
  readonly message: string;
  readonly target: HealthTarget;
  /** Present when the finding can be fixed in place (dangling references). */
  readonly repair?: HealthRepair;
}
