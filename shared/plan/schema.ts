/**
 * The plan model: one zod schema per part of a workforce-development plan.
 * Every section of the product brief is modelled here, even where its editor
 * comes later, so that later features extend the UI and not the file format.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';

/** Current version of the plan model (plan files and stored plans). */
export const PLAN_SCHEMA_VERSION = 4 as const;

const Id = z.string().min(1).max(100);
const ShortText = z.string().max(500);
const LongText = z.string().max(20_000);
/** Calendar date (YYYY-MM-DD) or null when not set. */
const OptionalDate = z.iso.date().nullable();
/** A finite number or null when not known yet (a baseline not yet measured, say). */
const OptionalNumber = z.number().finite().min(-1e12).max(1e12).nullable();
const Score100 = z.number().finite().min(0).max(100);
const Rating = z.number().int().min(1).max(5);

/** A date paired with a value, e.g. a baseline measured on a day. */
export const DatedValue = z.object({
  value: OptionalNumber.default(null),
  date: OptionalDate.default(null),
});

// ---------------------------------------------------------------- Objective

/** Kinds of success measure the brief names; `other` for anything else. */
export const SuccessMeasureKind = z.enum([
  'jobPlacement',
  'courseCompletion',
  'promotion',
  'wages',
  'other',
]);

/** A phase of the program with its start and end dates. */
export const PhaseDates = z.object({
  start: OptionalDate.default(null),
  end: OptionalDate.default(null),
});

/** The change the program wants, for whom, and how success is known. */
export const Objective = z.object({
  programName: ShortText.default(''),
  organisation: ShortText.default(''),
  region: ShortText.default(''),
  /**
   * Language the plan's text is written in (a BCP 47 tag such as "en-GB" or
   * "fr-FR"): exported documents declare it, so spelling, hyphenation and
   * screen readers follow it.
   */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .max(35)
    .default('en-GB'),
  changeSought: LongText.default(''),
  targetGroup: LongText.default(''),
  problemStatement: LongText.default(''),
  successDefinition: LongText.default(''),
  baseline: z
    .object({
      description: LongText.default(''),
      date: OptionalDate.default(null),
      source: ShortText.default(''),
    })
    .default(() => ({ description: '', date: null, source: '' })),
  timeline: z
    .object({
      plan: PhaseDates.default(() => ({ start: null, end: null })),
      launch: PhaseDates.default(() => ({ start: null, end: null })),
      manage: PhaseDates.default(() => ({ start: null, end: null })),
    })
    .default(() => ({
      plan: { start: null, end: null },
      launch: { start: null, end: null },
      manage: { start: null, end: null },
    })),
});

// ---------------------------------------------------------------- Indicators

/** How often an indicator is measured. */
export const Frequency = z.enum([
  'weekly',
  'monthly',
  'quarterly',
  'biannually',
  'annually',
  'once',
  'other',
]);

/**
 * One indicator of the plan's single measurement framework (schema version 2).
 *
 * Shape:
 * - `id`, `name`, `unit`: what is counted and in what unit ("% of completers").
 * - `baseline` / `target`: dated values (`{ value, date }`); the target date is
 *   when the target should be reached.
 * - `dataSource`, `frequency`, `owner`: where the figure comes from, how often
 *   it is measured and who reports it.
 * - `disaggregation`: learner segment ids it is reported separately for.
 * - `subjectIds`: every element it measures, in the order they were added:
 *   theory-of-change outcomes (or other nodes) and logic-model items. One
 *   indicator serves several elements, so a ToC outcome and the logic-model
 *   outcome that puts it into practice share one indicator instead of two
 *   copies that drift apart. A logic-model item traced to a ToC outcome
 *   (`LogicItem.tocOutcomeId`) is also measured by that outcome's indicators
 *   without being listed here (see shared/indicators/measures.ts). Empty for
 *   a program-level measure that only the Objective names.
 * - `successMeasure`: set when the indicator is one of the program's success
 *   measures (listed on the Objective page), with the kind of success it
 *   measures; null otherwise.
 *
 * The Manage phase builds KPIs on these indicators: `Kpi.indicatorId` names
 * the indicator a KPI tracks, so the KPI takes its name, unit, baseline and
 * target from here and adds only measured actuals over time.
 */
export const Indicator = z.object({
  id: Id,
  subjectIds: z.array(Id).default(() => []),
  successMeasure: SuccessMeasureKind.nullable().default(null),
  name: ShortText,
  unit: ShortText.default(''),
  baseline: DatedValue.default(() => ({ value: null, date: null })),
  target: DatedValue.default(() => ({ value: null, date: null })),
  dataSource: ShortText.default(''),
  frequency: Frequency.nullable().default(null),
  owner: ShortText.default(''),
  /** Learner segment ids the indicator is reported separately for. */
  disaggregation: z.array(Id).default(() => []),
});

// ---------------------------------------------------------------- Theory of change

/** Kinds of element in a theory-of-change pathway. */
export const TocNodeKind = z.enum([
  'impact',
  'outcome',
  'precondition',
  'intervention',
  'assumption',
  'externalFactor',
]);

/** Horizon of an outcome: short, intermediate or long term. */
export const OutcomeHorizon = z.enum(['short', 'intermediate', 'long']);

/** A position on a canvas, in canvas units. */
export const Position = z.object({
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
});

/** One element of the theory of change. */
export const TocNode = z.object({
  id: Id,
  kind: TocNodeKind,
  /** Only meaningful for outcomes. */
  horizon: OutcomeHorizon.nullable().default(null),
  title: ShortText,
  description: LongText.default(''),
  position: Position.default(() => ({ x: 0, y: 0 })),
});

/** Strength of the evidence behind a causal link. */
export const EvidenceStrength = z.enum(['strong', 'moderate', 'weak', 'none']);

/** A causal link: `source` contributes to `target`, because of `rationale`. */
export const TocLink = z.object({
  id: Id,
  source: Id,
  target: Id,
  rationale: LongText.default(''),
  assumptions: z.array(ShortText).default(() => []),
  evidence: EvidenceStrength.default('none'),
});

/** The whole theory of change: pathway graph plus a narrative. */
export const TheoryOfChange = z.object({
  narrative: LongText.default(''),
  nodes: z.array(TocNode).default(() => []),
  links: z.array(TocLink).default(() => []),
});

// ---------------------------------------------------------------- Logic model

/** The lanes of a logic model, left to right, plus notes. */
export const LogicLane = z.enum([
  'input',
  'activity',
  'output',
  'shortTermOutcome',
  'intermediateOutcome',
  'longTermOutcome',
  'assumption',
  'externalFactor',
]);

/** One item in a logic-model lane. */
export const LogicItem = z.object({
  id: Id,
  lane: LogicLane,
  title: ShortText,
  description: LongText.default(''),
  /** Order within the lane (lower first). */
  order: z.number().finite().default(0),
  /** The theory-of-change outcome this item operationalises (traceability). */
  tocOutcomeId: Id.nullable().default(null),
  meansOfVerification: ShortText.default(''),
  assumptions: LongText.default(''),
});

/** An arrow between two logic-model items. */
export const LogicLink = z.object({ id: Id, source: Id, target: Id });

/** The logic model (the "how"). */
export const LogicModel = z.object({
  items: z.array(LogicItem).default(() => []),
  links: z.array(LogicLink).default(() => []),
});

// ---------------------------------------------------------------- Stakeholders

/** Whether an entry is a stakeholder or a partner (they can change over time). */
export const StakeholderRelation = z.enum(['stakeholder', 'partner']);

/** Partner types from the brief. */
export const PartnerType = z.enum(['programTechnology', 'outreach', 'wraparound', 'other']);

/** Stance towards the program, from unaware to leading. */
export const Stance = z.enum(['unaware', 'resistant', 'neutral', 'supportive', 'leading']);

/** One engagement action for a stakeholder. */
export const EngagementAction = z.object({
  id: Id,
  what: ShortText,
  who: ShortText.default(''),
  when: OptionalDate.default(null),
  done: z.boolean().default(false),
  /** Repeat interval in days for recurring checkpoints; null = one-off. */
  repeatEveryDays: z.number().int().min(1).max(3650).nullable().default(null),
});

/** A recorded position on the power/interest matrix. */
export const MatrixPositionRecord = z.object({
  at: z.iso.datetime(),
  power: Score100,
  interest: Score100,
});

/** A person or organisation with a stake in the program. */
export const Stakeholder = z.object({
  id: Id,
  name: ShortText,
  organisation: ShortText.default(''),
  role: ShortText.default(''),
  relation: StakeholderRelation.default('stakeholder'),
  partnerType: PartnerType.nullable().default(null),
  power: Score100.default(50),
  interest: Score100.default(50),
  currentStance: Stance.default('neutral'),
  desiredStance: Stance.default('supportive'),
  owner: ShortText.default(''),
  contact: ShortText.default(''),
  nextCheckpoint: OptionalDate.default(null),
  notes: LongText.default(''),
  /** Where the team wants this stakeholder on the matrix (drawn as an arrow); null = not set. */
  desiredPosition: z.object({ power: Score100, interest: Score100 }).nullable().default(null),
  /** Theory-of-change interventions this stakeholder delivers or influences. */
  interventionIds: z.array(Id).default(() => []),
  actions: z.array(EngagementAction).default(() => []),
  history: z.array(MatrixPositionRecord).default(() => []),
  /**
   * False while a new stakeholder waits in the "Unplaced" tray for a position
   * on the matrix; absent (older files) or true = placed.
   */
  placed: z.boolean().optional(),
});

/** Positions of every stakeholder at a moment in a workshop. */
export const WorkshopSnapshot = z.object({
  id: Id,
  name: ShortText,
  takenAt: z.iso.datetime(),
  positions: z.record(Id, z.object({ power: Score100, interest: Score100 })),
});

/** A recurring industry checkpoint for the whole program. */
export const IndustryCheckpoint = z.object({
  id: Id,
  title: ShortText,
  repeatEveryDays: z.number().int().min(1).max(3650).nullable().default(null),
  nextDate: OptionalDate.default(null),
  notes: LongText.default(''),
});

/** Answers to the planning questions asked when mapping stakeholders. */
export const MappingQuestions = z.object({
  keyBuyIn: LongText.default(''),
  jobsNeededNow: LongText.default(''),
  jobsNeededSoon: LongText.default(''),
  inDemandSkillsNow: LongText.default(''),
  jobsAndPathwaysFiveYears: LongText.default(''),
  labourMarketPriorities: LongText.default(''),
});

/** Stakeholders, partners and the workshop material around them. */
export const StakeholderMap = z.object({
  entries: z.array(Stakeholder).default(() => []),
  questions: MappingQuestions.default(() => ({
    keyBuyIn: '',
    jobsNeededNow: '',
    jobsNeededSoon: '',
    inDemandSkillsNow: '',
    jobsAndPathwaysFiveYears: '',
    labourMarketPriorities: '',
  })),
  checkpoints: z.array(IndustryCheckpoint).default(() => []),
  snapshots: z.array(WorkshopSnapshot).default(() => []),
});

// ---------------------------------------------------------------- Learners

/** Target populations from the brief. */
export const PopulationType = z.enum([
  'youth',
  'unemployed',
  'underemployed',
  'students',
  'justiceInvolved',
  'incumbentWorkers',
  'generalPublic',
  'benefitsRecipients',
  'other',
]);

/** Barriers that keep learners from starting or finishing. */
export const Barrier = z.enum([
  'noDevice',
  'noConnectivity',
  'timePoverty',
  'unfamiliarWithOnlineLearning',
  'caregiving',
  'language',
  'other',
]);

/** Incentive types, financial and non-financial. */
export const IncentiveType = z.enum([
  'stipend',
  'paidTimeOff',
  'certificate',
  'deviceOrData',
  'employerIntroduction',
  'degreeAdmission',
  'community',
  'recognition',
  'other',
]);

/** One incentive offered to a segment, with its cost per learner if any. */
export const Incentive = z.object({
  id: Id,
  type: IncentiveType,
  description: ShortText.default(''),
  costPerLearner: OptionalNumber.default(null),
});

/** A representative learner, to keep the segment human. */
export const Persona = z.object({
  name: ShortText.default(''),
  situation: LongText.default(''),
  goals: LongText.default(''),
  quote: ShortText.default(''),
});

/** A group of target learners. */
export const LearnerSegment = z.object({
  id: Id,
  name: ShortText,
  populationType: PopulationType.default('other'),
  estimatedSize: z.number().int().min(0).max(1e10).nullable().default(null),
  /**
   * Learners expected to take part (enrol) from this segment — a planning
   * figure well below the population (`estimatedSize`). Per-learner costs
   * (incentives, content) are budgeted on participants, not the population.
   */
  expectedParticipants: z.number().int().min(0).max(1e9).nullable().default(null),
  barriers: z.array(Barrier).default(() => []),
  barrierNotes: LongText.default(''),
  motivators: LongText.default(''),
  incentives: z.array(Incentive).default(() => []),
  persona: Persona.nullable().default(null),
});

// ---------------------------------------------------------------- Content

/** Kinds of learning content. */
export const ContentKind = z.enum([
  'course',
  'professionalCertificate',
  'skillSet',
  'guidedProject',
  'clip',
  'inHouseModule',
]);

/** Difficulty levels, in order. */
export const ContentLevel = z.enum(['beginner', 'intermediate', 'advanced']);

/** One candidate piece of content in the catalog. */
export const ContentItem = z.object({
  id: Id,
  title: ShortText,
  provider: ShortText.default(''),
  kind: ContentKind.default('course'),
  skills: z.array(ShortText).default(() => []),
  level: ContentLevel.default('beginner'),
  hours: z.number().finite().min(0).max(10_000).nullable().default(null),
  languages: z.array(ShortText).default(() => []),
  costPerLearner: OptionalNumber.default(null),
  url: z.string().max(2000).default(''),
  notes: LongText.default(''),
});

/** Content audit of one catalog item: when it is next due for review, and who reviews it. */
export const ContentAuditEntry = z.object({
  itemId: Id,
  reviewDate: OptionalDate.default(null),
  owner: ShortText.default(''),
  /** When it was last reviewed; null = never. */
  lastReviewed: OptionalDate.default(null),
  /** The make-or-buy decision (plan.content.decisions id) this item answers; null when none. */
  decisionId: Id.nullable().default(null),
  /** Hours a year it takes to keep the item current (made content's maintenance cost); null = not estimated. */
  maintenanceHoursPerYear: z.number().finite().min(0).max(100_000).nullable().default(null),
});

/** Which option a make-or-buy criterion favours when it applies strongly. */
export const CriterionFavours = z.enum(['make', 'buy']);

/** A weighted consideration in a make-or-buy decision. */
export const MakeOrBuyCriterion = z.object({
  id: Id,
  label: ShortText,
  favours: CriterionFavours,
  weight: z.number().finite().min(0).max(100),
});

/** Someone rating a decision (workshop use). */
export const Rater = z.object({ id: Id, name: ShortText });

/** A make-or-buy decision for one content need. */
export const MakeOrBuyDecision = z.object({
  id: Id,
  need: ShortText,
  includeHybrid: z.boolean().default(false),
  criteria: z.array(MakeOrBuyCriterion).default(() => []),
  raters: z.array(Rater).default(() => []),
  /** ratings[raterId][criterionId] = 1..5 (how strongly the criterion applies). */
  ratings: z.record(Id, z.record(Id, Rating)).default(() => ({})),
  rationale: LongText.default(''),
  decision: z.enum(['make', 'buy', 'hybrid']).nullable().default(null),
});

/** Arrangement of a pathway: grouped sets or an ordered sequence. */
export const PathwayMode = z.enum(['group', 'sequence']);

/** One step of a pathway, pointing at a catalog item. */
export const PathwayStep = z.object({
  id: Id,
  contentItemId: Id,
  /** Group label in group mode (a skill or tool). */
  group: ShortText.default(''),
});

/** A learning pathway for a target role or segment. */
export const Pathway = z.object({
  id: Id,
  name: ShortText,
  targetRole: ShortText.default(''),
  segmentIds: z.array(Id).default(() => []),
  mode: PathwayMode.default('sequence'),
  hoursPerWeek: z.number().finite().min(0.5).max(80).default(5),
  steps: z.array(PathwayStep).default(() => []),
  requiredSkills: z.array(ShortText).default(() => []),
});

/** The content section: catalog, decisions and pathways. */
export const ContentPlan = z.object({
  catalog: z.array(ContentItem).default(() => []),
  decisions: z.array(MakeOrBuyDecision).default(() => []),
  pathways: z.array(Pathway).default(() => []),
  /** The content audit (Manage phase): review dates and owners per catalog item. */
  audit: z.array(ContentAuditEntry).default(() => []),
});

// ---------------------------------------------------------------- Launch

/**
 * A launch date: a number of days from the launch start in the timeline
 * (`objective.timeline.launch.start`; negative = before it), so moving the
 * launch moves it, or a fixed calendar date.
 */
export const LaunchDate = z.discriminatedUnion('anchor', [
  z.object({
    anchor: z.literal('launch'),
    offsetDays: z.number().int().min(-3650).max(3650),
  }),
  z.object({ anchor: z.literal('date'), date: z.iso.date() }),
]);

/** Progress of a launch task. */
export const LaunchTaskStatus = z.enum(['notStarted', 'inProgress', 'blocked', 'done']);

/**
 * The six onboarding steps every launch goes through (the pre-filled
 * checklist of a new plan); `null` on an item the planner added.
 */
export const OnboardingStep = z.enum([
  'goalsCommunicated',
  'journeyMapped',
  'invitationSource',
  'signupTested',
  'reportingReady',
  'engagementPlanned',
]);

/** One onboarding checklist item. */
export const ChecklistItem = z.object({
  id: Id,
  label: ShortText,
  /** Which standard step this is, if any. */
  step: OnboardingStep.nullable().default(null),
  status: LaunchTaskStatus.default('notStarted'),
  owner: ShortText.default(''),
  due: LaunchDate.nullable().default(null),
  notes: LongText.default(''),
  /** Register entries (program & technology partners, others) involved. */
  partnerIds: z.array(Id).default(() => []),
});

/** Kinds of launch communication. */
export const CommunicationKind = z.enum([
  'launchEmail',
  'registrationEmail',
  'onboardingGuide',
  'reminder',
  'other',
]);

/** A communication piece sent at launch. */
export const Communication = z.object({
  id: Id,
  kind: CommunicationKind,
  title: ShortText,
  /** E-mail subject line (a template, like the body). */
  subject: ShortText.default(''),
  /** Learner segments it goes to (none: everyone). */
  segmentIds: z.array(Id).default(() => []),
  /** Who it goes to, in words (an addition to the segments, or a group they do not cover). */
  audienceNote: ShortText.default(''),
  send: LaunchDate.nullable().default(null),
  status: z.enum(['draft', 'ready', 'sent']).default('draft'),
  /** A template: `{programName}`, `{launchDate}`… are filled from the plan (shared/launch/merge-fields.ts). */
  body: LongText.default(''),
});

/** Details the communications refer to. */
export const LaunchDetails = z.object({
  registrationLink: ShortText.default(''),
  supportContact: ShortText.default(''),
});

/** One invitation wave: when it goes out and which share of the invitations it sends. */
export const InvitationWave = z.object({
  id: Id,
  name: ShortText,
  date: LaunchDate.nullable().default(null),
  /** Share of all invitations, 0–100 (the waves' shares are scaled to add up to the total). */
  share: Score100.default(50),
});

/** Conversion rates of the invitation funnel, each 0–100 of the stage before. */
export const FunnelRates = z.object({
  registered: Score100.default(60),
  active: Score100.default(75),
  completing: Score100.default(60),
});

/** The invitation planner: licences × ratio → invitations, split into waves. */
export const InvitationPlan = z.object({
  /**
   * Invitations per licence, 1.5–2.25: not everyone invited takes a place,
   * so filling every licence needs more invitations than licences.
   */
  ratio: z.number().finite().min(1.5).max(2.25).default(2),
  rates: FunnelRates.default(() => FunnelRates.parse({})),
  waves: z.array(InvitationWave).default(() => []),
  /** Column layout of the bulk-invite CSV export (a layout id of shared/launch/invite-layouts.ts). */
  csvLayout: ShortText.default('generic'),
});

/** Marketing channel kinds named in the brief. */
export const ChannelKind = z.enum([
  'paidAds',
  'socialMedia',
  'websiteHub',
  'communityOutreach',
  'chamberOfCommerce',
  'email',
  'partners',
  'other',
]);

/** A marketing channel with budget and owner. */
export const MarketingChannel = z.object({
  id: Id,
  kind: ChannelKind,
  /** What the team calls it ("Spring radio campaign"); '' = named by its description or kind. */
  name: ShortText.default(''),
  description: ShortText.default(''),
  segmentIds: z.array(Id).default(() => []),
  /** Outreach partners from the register who run or carry it. */
  partnerIds: z.array(Id).default(() => []),
  /** In the plan's currency; counted against the program budget's outreach line. */
  budget: OptionalNumber.default(null),
  owner: ShortText.default(''),
  start: OptionalDate.default(null),
  end: OptionalDate.default(null),
});

/** Stages of the learner journey funnel. */
export const FunnelStageKind = z.enum(['awareness', 'consideration', 'conversion', 'loyalty']);

/** Touchpoints and content for one funnel stage, for everyone or one segment. */
export const FunnelStage = z.object({
  stage: FunnelStageKind,
  /** The segment this row is for; null: every segment. */
  segmentId: Id.nullable().default(null),
  touchpoints: LongText.default(''),
  content: LongText.default(''),
});

/** A real learner's story used in marketing and reporting. */
export const LearnerStory = z.object({
  id: Id,
  title: ShortText,
  summary: LongText.default(''),
  segmentId: Id.nullable().default(null),
  /** The learner agreed in writing to the story being used; without it the story is never exported. */
  consentGiven: z.boolean().default(false),
  consentDate: OptionalDate.default(null),
  /** How and where consent is recorded (a form reference), never the learner's contact details. */
  consentNote: ShortText.default(''),
});

/** One item of the partner toolkit / admin guide checklist. */
export const ToolkitItem = z.object({
  id: Id,
  label: ShortText,
  done: z.boolean().default(false),
});

/** The marketing plan. */
export const MarketingPlan = z.object({
  licenses: z.number().int().min(0).max(1e9).nullable().default(null),
  toolkitNotes: LongText.default(''),
  toolkit: z.array(ToolkitItem).default(() => []),
  channels: z.array(MarketingChannel).default(() => []),
  funnel: z.array(FunnelStage).default(() => []),
  stories: z.array(LearnerStory).default(() => []),
  /** The steps a learner takes from the invitation to the first lesson ("fewest clicks to start"). */
  journeySteps: z
    .array(ShortText)
    .max(100)
    .default(() => []),
  /** Most steps the journey should take. */
  journeyStepsTarget: z.number().int().min(1).max(100).default(5),
});

/** Everything about launching the program. */
export const LaunchPlan = z.object({
  details: LaunchDetails.default(() => LaunchDetails.parse({})),
  checklist: z.array(ChecklistItem).default(() => []),
  communications: z.array(Communication).default(() => []),
  invitations: InvitationPlan.default(() => InvitationPlan.parse({})),
  marketing: MarketingPlan.default(() => MarketingPlan.parse({})),
});

// ---------------------------------------------------------------- Manage

/** Kinds of engagement activity (communities, monitoring, workshops, wraparound services). */
export const EngagementKind = z.enum(['community', 'monitoring', 'workshop', 'wraparound']);

/**
 * A recurring engagement activity: a community (chat group, study hall),
 * monitoring, a workshop (CV, networking, career orientation) or a wraparound
 * service (help desk, office hours, coaching, nudges).
 */
export const EngagementActivity = z.object({
  id: Id,
  kind: EngagementKind,
  title: ShortText,
  description: LongText.default(''),
  /** How often it happens, in words ("Weekly, Tuesdays 18:00"). */
  cadence: ShortText.default(''),
  owner: ShortText.default(''),
  /** The partner (stakeholders register) who delivers it; null when the program team does. */
  partnerId: Id.nullable().default(null),
  /** Learner segments it is for; empty = every learner. */
  segmentIds: z.array(Id).default(() => []),
});

/**
 * What puts a learner on today's follow-up list:
 * - `notStarted`: registered (or invited) `afterDays` days ago or more, no activity yet;
 * - `inactive`: last activity `afterDays` days ago or more;
 * - `behindPace`: enrolled `afterDays` days ago or more, and learning hours
 *   below `pacePercent` % of what the pathway's hours per week would give by now.
 */
export const FollowUpTrigger = z.enum(['notStarted', 'inactive', 'behindPace']);

/** A follow-up rule for learners who have not started or have stalled. */
export const FollowUpRule = z.object({
  id: Id,
  name: ShortText.default(''),
  trigger: FollowUpTrigger,
  /** Days (1–365) since the event the trigger counts from. */
  afterDays: z.number().int().min(1).max(365),
  /** For `behindPace`: the share (1–100 %) of the expected hours below which a learner is behind. */
  pacePercent: z.number().int().min(1).max(100).default(50),
  /** Learner segments it applies to; empty = every learner. */
  segmentIds: z.array(Id).default(() => []),
  /** How the message goes out. */
  channel: z.enum(['email', 'sms']).default('email'),
  /** The message, with the merge fields of the Launch communications (`{programName}` …). */
  message: LongText.default(''),
  active: z.boolean().default(true),
});

/** KPI categories from the brief. */
export const KpiCategory = z.enum([
  'enrollments',
  'learningHours',
  'completions',
  'courseFeedback',
  'skillsProficiency',
  'learnerSatisfaction',
  'jobAcquisition',
  'jobRetention',
  'wages',
  'rolesFilledByQualifiedTalent',
  'timeToCloseSkillGap',
  'reworkReduction',
  'other',
]);

/**
 * Where a KPI's actuals come from: typed in (`manual`), or counted from the
 * learner roster at each import (aggregates only): learners enrolled, learning
 * hours (sum), completions (learners who completed), active rate (% of
 * enrolled learners active in the last 30 days), completion rate (% of
 * enrolled), placements (completed learners with a job outcome).
 */
export const KpiSource = z.enum([
  'manual',
  'enrolments',
  'learningHours',
  'completions',
  'activeRate',
  'completionRate',
  'placements',
]);

/** One measured value of a KPI. */
export const KpiActual = z.object({
  id: Id,
  date: z.iso.date(),
  value: z.number().finite().min(-1e12).max(1e12),
  cohortId: Id.nullable().default(null),
  note: ShortText.default(''),
  /** Typed in, or counted from a roster import (dated by the import's snapshot). */
  origin: z.enum(['typed', 'roster']).default('typed'),
});

/** A key performance indicator with baseline, target and actuals over time. */
export const Kpi = z.object({
  id: Id,
  /** The indicator (plan.indicators) this KPI tracks; null for a KPI of its own. */
  indicatorId: Id.nullable().default(null),
  name: ShortText,
  category: KpiCategory.default('other'),
  unit: ShortText.default(''),
  baseline: OptionalNumber.default(null),
  /** The date of the baseline; null = the start of the Manage phase (or Launch) in the timeline. */
  baselineDate: OptionalDate.default(null),
  target: OptionalNumber.default(null),
  targetDate: OptionalDate.default(null),
  source: KpiSource.default('manual'),
  /** Counted for one learner segment only (roster KPIs); null = every learner. */
  segmentId: Id.nullable().default(null),
  actuals: z.array(KpiActual).default(() => []),
});

/** A cohort of learners, for comparing iterations. */
export const Cohort = z.object({
  id: Id,
  name: ShortText,
  start: OptionalDate.default(null),
  end: OptionalDate.default(null),
  notes: LongText.default(''),
});

/** How a theory-of-change assumption stands at a review. */
export const AssumptionStatus = z.enum(['holding', 'atRisk', 'broken']);

/** A theory-of-change assumption (an element of kind `assumption`) as judged at a review. */
export const AssumptionCheck = z.object({
  /** The assumption element (theoryOfChange.nodes, kind `assumption`). */
  nodeId: Id,
  status: AssumptionStatus,
  /** The KPIs whose evidence the judgement rests on. */
  kpiIds: z.array(Id).default(() => []),
  note: ShortText.default(''),
});

/** A lesson to act on in the Plan phase, carried from a review to the next version. */
export const ReviewAction = z.object({
  id: Id,
  text: ShortText,
  /** The plan section to act in (a PlanSectionId), or '' when not said. */
  section: z.string().max(40).default(''),
  done: z.boolean().default(false),
});

/** A regular review: what was learned, the decisions, and how each assumption stands. */
export const Review = z.object({
  id: Id,
  date: z.iso.date(),
  /** The cohort reviewed; null = the program as a whole. */
  cohortId: Id.nullable().default(null),
  summary: LongText.default(''),
  /** What was learned. */
  lessons: LongText.default(''),
  decisions: LongText.default(''),
  assumptions: z.array(AssumptionCheck).default(() => []),
  actions: z.array(ReviewAction).default(() => []),
});

/** A kept, read-only earlier version of the plan (its copy lives in the local database). */
export const PlanVersion = z.object({
  id: Id,
  name: ShortText,
  /** When the version was kept (ISO date-time). */
  keptAt: z.iso.datetime(),
  /** The cohort that version ran; null when not said. */
  cohortId: Id.nullable().default(null),
});

/**
 * The plan's place in its iterations: its own version name and number, the
 * earlier versions kept (read-only snapshots), and the lessons carried from
 * the reviews to act on in the Plan phase.
 */
export const Iteration = z.object({
  versionNumber: z.number().int().min(1).max(10_000).default(1),
  versionName: ShortText.default(''),
  previousVersions: z.array(PlanVersion).default(() => []),
  carriedActions: z.array(ReviewAction).default(() => []),
});

const Count = z.number().finite().min(0).max(1e12);

/** Counts of a group of learners at one roster snapshot (aggregates: no person in them). */
export const ProgressCounts = z.object({
  learners: Count.default(0),
  invited: Count.default(0),
  registered: Count.default(0),
  enrolled: Count.default(0),
  /** Enrolled learners with activity in the 30 days before the snapshot date. */
  active: Count.default(0),
  completed: Count.default(0),
  /** Completed learners with a job outcome (placed, promoted, retained, self-employed). */
  placed: Count.default(0),
  /** Learning hours, summed. */
  hours: Count.default(0),
});

/**
 * A dated roster import, in aggregates only (the learners themselves stay in
 * the local database): kept for every import so progress over time shows in
 * the plan, its dashboard and its exports.
 */
export const ProgressSnapshot = z.object({
  /** The date the export describes (YYYY-MM-DD). */
  date: z.iso.date(),
  /** When the import ran (ISO date-time). */
  importedAt: z.iso.datetime(),
  total: ProgressCounts,
  /** Counts per segment id ('' = no segment). */
  bySegment: z.record(z.string().max(200), ProgressCounts).default(() => ({})),
  /** Counts per cohort id ('' = no cohort). */
  byCohort: z.record(z.string().max(200), ProgressCounts).default(() => ({})),
});

/**
 * Today's follow-up list in counts (no person in them), kept in the plan
 * when the team records it, so reports show how many learners each rule
 * listed and how many licences could be freed, on that day.
 */
export const FollowUpCounts = z.object({
  /** The day the list was for (YYYY-MM-DD). */
  date: z.iso.date(),
  /** Learners listed, in all. */
  total: Count.default(0),
  /** Learners listed per follow-up rule id. */
  byRule: z.record(z.string().max(200), Count).default(() => ({})),
  /** Licences held by learners inactive for `licenceReleaseAfterDays` days or more. */
  licencesFreeable: Count.default(0),
});

/** Everything about running and improving the program. */
export const ManagePlan = z.object({
  engagement: z.array(EngagementActivity).default(() => []),
  followUps: z.array(FollowUpRule).default(() => []),
  kpis: z.array(Kpi).default(() => []),
  cohorts: z.array(Cohort).default(() => []),
  reviews: z.array(Review).default(() => []),
  iteration: Iteration.default(() => Iteration.parse({})),
  /** Roster imports in aggregates, oldest first. */
  progress: z
    .array(ProgressSnapshot)
    .max(5000)
    .default(() => []),
  /** Days (1–365) without activity after which a learner's licence may be freed for someone else. */
  licenceReleaseAfterDays: z.number().int().min(1).max(365).default(60),
  /** Follow-up counts recorded for reports, oldest first (aggregates only). */
  followUpCounts: z
    .array(FollowUpCounts)
    .max(5000)
    .default(() => []),
});

// ---------------------------------------------------------------- Skills-first

/** Proficiency on a 0–5 scale (0 = none). */
const Proficiency = z.number().int().min(0).max(5);

/** A person or a role in the skills map. */
export const SkillHolder = z.object({
  id: Id,
  name: ShortText,
  kind: z.enum(['person', 'role']).default('role'),
  /** For a person: the role (a holder of kind `role`) they fill; null when not said. */
  roleId: Id.nullable().default(null),
});

/** A skill in the skills map. */
export const Skill = z.object({ id: Id, name: ShortText });

/** Required and current proficiency of one holder in one skill. */
export const SkillAssessment = z.object({
  holderId: Id,
  skillId: Id,
  required: Proficiency.nullable().default(null),
  current: Proficiency.nullable().default(null),
  source: z.enum(['assessed', 'selfReported']).default('selfReported'),
  refreshedAt: OptionalDate.default(null),
  /** Earlier dated measurements, oldest first (for the time to close a skill gap). */
  history: z
    .array(
      z.object({
        date: z.iso.date(),
        current: Proficiency,
        source: z.enum(['assessed', 'selfReported']).default('selfReported'),
      }),
    )
    .max(200)
    .default(() => []),
});

/** A capability a business initiative needs, and what to do about the gap. */
export const CriticalCapability = z.object({
  id: Id,
  initiative: ShortText,
  skillIds: z.array(Id).default(() => []),
  gapDecision: z
    .enum(['developInternally', 'hire', 'contract', 'redesignWork'])
    .nullable()
    .default(null),
  milestone: ShortText.default(''),
  milestoneDate: OptionalDate.default(null),
});

/** The skills map for skills-first (company) programs. */
export const SkillsMap = z.object({
  holders: z.array(SkillHolder).default(() => []),
  skills: z.array(Skill).default(() => []),
  assessments: z.array(SkillAssessment).default(() => []),
  capabilities: z.array(CriticalCapability).default(() => []),
});

// ---------------------------------------------------------------- Budget

/** Lines of the program budget. */
export const BudgetLineKind = z.enum([
  'content',
  'incentives',
  'devicesAndData',
  'staff',
  'outreach',
]);

/** An amount of money in the plan currency, or null when not set. */
const Money = z.number().finite().min(0).max(1e12).nullable();

/**
 * The program budget in one currency (ISO 4217 code, e.g. "EUR"; null until
 * chosen): the total and the amount per line. Every money amount of a plan
 * (incentive and content costs per learner, channel budgets) is in this currency.
 */
export const Budget = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  total: Money.default(null),
  lines: z
    .object({
      content: Money.default(null),
      incentives: Money.default(null),
      devicesAndData: Money.default(null),
      staff: Money.default(null),
      outreach: Money.default(null),
    })
    .default(() => ({
      content: null,
      incentives: null,
      devicesAndData: null,
      staff: null,
      outreach: null,
    })),
});

// ---------------------------------------------------------------- Plan

/** A complete program plan: the content of a plan file and of a stored plan. */
export const Plan = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  id: Id,
  name: ShortText,
  /**
   * The language the plan's Word and Excel exports are written in (headings,
   * labels, captions, generated sentences), independent of the UI language
   * of whoever edits it. Plans from before it existed are English.
   */
  documentLanguage: z.enum(LANGUAGES).default('en'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  objective: Objective.default(() => Objective.parse({})),
  theoryOfChange: TheoryOfChange.default(() => TheoryOfChange.parse({})),
  logicModel: LogicModel.default(() => LogicModel.parse({})),
  indicators: z.array(Indicator).default(() => []),
  budget: Budget.default(() => Budget.parse({})),
  stakeholders: StakeholderMap.default(() => StakeholderMap.parse({})),
  learners: z.array(LearnerSegment).default(() => []),
  content: ContentPlan.default(() => ContentPlan.parse({})),
  launch: LaunchPlan.default(() => LaunchPlan.parse({})),
  manage: ManagePlan.default(() => ManagePlan.parse({})),
  skillsMap: SkillsMap.default(() => SkillsMap.parse({})),
});

/** A complete program plan. */
export type Plan = z.infer<typeof Plan>;
/** The objective section. */
export type Objective = z.infer<typeof Objective>;
/** The kind of success a success measure measures. */
export type SuccessMeasureKind = z.infer<typeof SuccessMeasureKind>;
/** The program budget. */
export type Budget = z.infer<typeof Budget>;
/** A line of the program budget. */
export type BudgetLineKind = z.infer<typeof BudgetLineKind>;
/** An indicator (one framework: ToC, logic model, success measures, KPIs). */
export type Indicator = z.infer<typeof Indicator>;
/** A theory-of-change element. */
export type TocNode = z.infer<typeof TocNode>;
/** A causal link. */
export type TocLink = z.infer<typeof TocLink>;
/** A logic-model item. */
export type LogicItem = z.infer<typeof LogicItem>;
/** A stakeholder or partner. */
export type Stakeholder = z.infer<typeof Stakeholder>;
/** A learner segment. */
export type LearnerSegment = z.infer<typeof LearnerSegment>;
/** A catalog item. */
export type ContentItem = z.infer<typeof ContentItem>;
/** A make-or-buy decision. */
export type MakeOrBuyDecision = z.infer<typeof MakeOrBuyDecision>;
/** A learning pathway. */
export type Pathway = z.infer<typeof Pathway>;
/** A KPI. */
export type Kpi = z.infer<typeof Kpi>;
/** Where a KPI's actuals come from. */
export type KpiSource = z.infer<typeof KpiSource>;
/** One measured value of a KPI. */
export type KpiActual = z.infer<typeof KpiActual>;
/** The Manage phase. */
export type ManagePlan = z.infer<typeof ManagePlan>;
/** An engagement activity. */
export type EngagementActivity = z.infer<typeof EngagementActivity>;
/** A follow-up rule. */
export type FollowUpRule = z.infer<typeof FollowUpRule>;
/** What triggers a follow-up. */
export type FollowUpTrigger = z.infer<typeof FollowUpTrigger>;
/** Follow-up counts of one day (no person). */
export type FollowUpCounts = z.infer<typeof FollowUpCounts>;
/** A cohort. */
export type Cohort = z.infer<typeof Cohort>;
/** A review. */
export type Review = z.infer<typeof Review>;
/** How an assumption stands at a review. */
export type AssumptionStatus = z.infer<typeof AssumptionStatus>;
/** An assumption judged at a review. */
export type AssumptionCheck = z.infer<typeof AssumptionCheck>;
/** A lesson to act on. */
export type ReviewAction = z.infer<typeof ReviewAction>;
/** Aggregated learner counts at a roster snapshot. */
export type ProgressCounts = z.infer<typeof ProgressCounts>;
/** A roster import in aggregates. */
export type ProgressSnapshot = z.infer<typeof ProgressSnapshot>;
/** A kept earlier version of the plan. */
export type PlanVersion = z.infer<typeof PlanVersion>;
/** The Launch phase. */
export type LaunchPlan = z.infer<typeof LaunchPlan>;
/** A launch date, relative to the launch start or fixed. */
export type LaunchDate = z.infer<typeof LaunchDate>;
/** Progress of a launch task. */
export type LaunchTaskStatus = z.infer<typeof LaunchTaskStatus>;
/** One of the six standard onboarding steps. */
export type OnboardingStep = z.infer<typeof OnboardingStep>;
/** An onboarding checklist item. */
export type ChecklistItem = z.infer<typeof ChecklistItem>;
/** A launch communication. */
export type Communication = z.infer<typeof Communication>;
/** The kind of a launch communication. */
export type CommunicationKind = z.infer<typeof CommunicationKind>;
/** The invitation planner's settings. */
export type InvitationPlan = z.infer<typeof InvitationPlan>;
/** An invitation wave. */
export type InvitationWave = z.infer<typeof InvitationWave>;
/** The invitation funnel's conversion rates. */
export type FunnelRates = z.infer<typeof FunnelRates>;
/** The marketing plan. */
export type MarketingPlan = z.infer<typeof MarketingPlan>;
/** A marketing channel. */
export type MarketingChannel = z.infer<typeof MarketingChannel>;
/** A row of the learner-journey funnel. */
export type FunnelStage = z.infer<typeof FunnelStage>;
/** A learner story. */
export type LearnerStory = z.infer<typeof LearnerStory>;
/** A partner-toolkit checklist item. */
export type ToolkitItem = z.infer<typeof ToolkitItem>;
