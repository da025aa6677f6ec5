/** The shape of plan-health findings, shared by the rules, the health panel and exports. */
import type enHealth from '../i18n/locales/en/health.json';

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
  /**
   * What the button says, in English ("Remove the indicator"): the undo
   * step's name is made from it (shared/commands/plan-io.ts).
   */
  readonly label: string;
  /** The button's words in the `health` catalog (`repairs.<labelKey>`), in the UI language. */
  readonly labelKey: RepairLabelKey;
}

/** The keys of the repair buttons' words (`health:repairs.*`). */
export type RepairLabelKey = keyof (typeof enHealth)['repairs'];

/** Dotted paths to the messages of a catalog object: `{ a: { b: '' } }` → `'a.b'`. */
type MessagePaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : MessagePaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A finding's sentence in the `health` catalog (`findings.<key>`). */
export type FindingKey = MessagePaths<(typeof enHealth)['findings']>;

/** A phrase of the `health` catalog used inside findings (`words.<key>`). */
export type PhraseKey = keyof (typeof enHealth)['words'];

/**
 * A value put into a finding's sentence. Findings carry values, never
 * words: the sentence is written when shown, in the UI's language (or a
 * document's), with its quotes, dates, numbers and money written that
 * language's way (shared/health/render.ts).
 * - a string: a code picked by an ICU select (`kind`, `lane`…), or text
 *   the user typed shown as it is;
 * - a number: a count (ICU plural, written by the language's rules);
 * - `quoted`: text the user typed (a title, a name), in the language's
 *   quotes, shortened to 80 characters; when empty, the `fallback` phrase
 *   in quotes, or "an untitled element";
 * - `date`: an ISO date (YYYY-MM-DD), written out ("1 April 2027");
 * - `money`: an amount in the plan's currency (none: the number alone);
 * - `number`: a figure with up to `decimals` decimals (default 2);
 * - `phrase`: another message of the catalog (`words.*`) with its values;
 * - `list`: several values — "a, b and c" (`and`), "a, b or c" (`or`),
 *   "a, b, c" (`unit`), "a; b" (`semicolon`), "a → b" (`path`).
 */
export type MessageValue =
  | string
  | number
  | { readonly quoted: string; readonly fallback?: Phrase }
  | { readonly date: string }
  | { readonly money: number; readonly currency: string | null }
  | { readonly number: number; readonly decimals?: number }
  | Phrase
  | { readonly list: readonly MessageValue[]; readonly type: ListType };

/** How a list value is joined. */
export type ListType = 'and' | 'or' | 'unit' | 'semicolon' | 'path';

/** The values of a message, by ICU argument name. */
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** A phrase of the catalog (`words.<phrase>`) with its values. */
export interface Phrase {
  readonly phrase: PhraseKey;
  readonly values?: MessageValues;
}

/** What a finding says: a sentence of the catalog and the values it names. */
export interface HealthMessage {
  readonly key: FindingKey;
  readonly values: MessageValues;
}

/** One thing worth fixing in a plan. */
export interface Finding {
  /** Stable across checks while the problem persists (rule + element). */
  readonly id: string;
  readonly rule: HealthRuleId;
  readonly severity: Severity;
  /** A plain sentence a planner understands, as a catalog key and its values (renderHealthMessage). */
  readonly message: HealthMessage;
  readonly target: HealthTarget;
  /** Present when the finding can be fixed in place (dangling references). */
  readonly repair?: HealthRepair;
}
