/**
 * The marketing plan's figures: channel labels, which segments the channels
 * reach (and which none reaches), the channels' spend against the program
 * budget's outreach line and whole budget, the "fewest clicks to start"
 * verdict, the learner-journey funnel's rows, and which learner stories may
 * leave the plan (only those with consent recorded).
 */
import { clipText } from '../text-length';
import type {
  Budget,
  FunnelStage,
  LearnerSegment,
  LearnerStory,
  MarketingChannel,
  MarketingPlan,
  Plan,
} from '../plan/schema';

/** Channel kinds with their labels, in the order they are offered. */
export const CHANNEL_LABELS = {
  paidAds: 'Paid ads',
  socialMedia: 'Social media',
  websiteHub: 'Website hub',
  communityOutreach: 'Community outreach',
  chamberOfCommerce: 'Chamber of commerce',
  email: 'E-mail',
  partners: 'Partners',
  other: 'Other',
} as const satisfies Record<MarketingChannel['kind'], string>;

/** Channel kinds, in order. */
export const CHANNEL_KINDS = Object.keys(CHANNEL_LABELS) as MarketingChannel['kind'][];

/** Funnel stages with their labels and a line on what each is for. */
export const FUNNEL_STAGES = [
  { stage: 'awareness', label: 'Awareness', hint: 'Learners hear about the program.' },
  { stage: 'consideration', label: 'Consideration', hint: 'They check it fits them.' },
  { stage: 'conversion', label: 'Conversion', hint: 'They sign up and start.' },
  { stage: 'loyalty', label: 'Loyalty and advocacy', hint: 'They keep going and tell others.' },
] as const satisfies readonly { stage: FunnelStage['stage']; label: string; hint: string }[];

/** The label of a funnel stage. */
export function stageLabel(stage: FunnelStage['stage']): string {
  return FUNNEL_STAGES.find((s) => s.stage === stage)!.label;
}

/**
 * A channel's name: the name the team gave it, else its description (cut at
 * 40 characters), else its kind ("Paid ads"; `kindLabel` words it in
 * another language, the UI's).
 */
export function channelName(
  channel: Pick<MarketingChannel, 'kind' | 'description'> & { readonly name?: string },
  kindLabel: (kind: MarketingChannel['kind']) => string = (kind) => CHANNEL_LABELS[kind],
): string {
  const name = (channel.name ?? '').trim().replace(/\s+/g, ' ');
  if (name) return name;
  const description = channel.description.trim().replace(/\s+/g, ' ');
  return description ? clipText(description, 40) : kindLabel(channel.kind);
}

/** Which segments each channel reaches, and the gaps either way. */
export interface Coverage {
  /** Segment id → ids of the channels that reach it (every segment of the plan, in order). */
  readonly bySegment: ReadonlyMap<string, readonly string[]>;
  /** Segments that no channel reaches. */
  readonly unreached: readonly LearnerSegment[];
  /** Channels that reach no (existing) segment. */
  readonly reachNone: readonly MarketingChannel[];
}

/** The channel × segment coverage of a plan. */
export function coverage(plan: Pick<Plan, 'learners' | 'launch'>): Coverage {
  const bySegment = new Map<string, string[]>(plan.learners.map((s) => [s.id, []]));
  const reachNone: MarketingChannel[] = [];
  for (const channel of plan.launch.marketing.channels) {
    let reaches = false;
    for (const id of new Set(channel.segmentIds)) {
      const list = bySegment.get(id);
      if (list) {
        list.push(channel.id);
        reaches = true;
      }
    }
    if (!reaches) reachNone.push(channel);
  }
  const unreached = plan.learners.filter((s) => bySegment.get(s.id)!.length === 0);
  return { bySegment, unreached, reachNone };
}

/** The channels' spend against the program budget. */
export interface MarketingSpend {
  /** Sum of the channels' budgets (0 when none has one). */
  readonly total: number;
  /** Channels without a budget. */
  readonly unbudgeted: number;
  /** The budget's outreach and marketing line, if set. */
  readonly outreachLine: number | null;
  /** The whole program budget, if set. */
  readonly programTotal: number | null;
  /** How far the channels go over the outreach line (0 if within it or no line is set). */
  readonly overOutreach: number;
  /** Share of the whole budget the channels take (null without a total). */
  readonly shareOfProgram: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What the marketing channels cost against the budget's outreach line and total. */
export function marketingSpend(
  marketing: Pick<MarketingPlan, 'channels'>,
  budget: Pick<Budget, 'lines' | 'total'>,
): MarketingSpend {
  let total = 0;
  let unbudgeted = 0;
  for (const c of marketing.channels) {
    if (c.budget === null) unbudgeted++;
    else total += c.budget;
  }
  total = round2(total);
  const outreachLine = budget.lines.outreach;
  const programTotal = budget.total;
  return {
    total,
    unbudgeted,
    outreachLine,
    programTotal,
    overOutreach: outreachLine !== null && total > outreachLine ? round2(total - outreachLine) : 0,
    shareOfProgram: programTotal !== null && programTotal > 0 ? total / programTotal : null,
  };
}

/** The "fewest clicks to start" check. */
export interface JourneyVerdict {
  readonly steps: number;
  readonly target: number;
  readonly withinTarget: boolean;
  /** One plain sentence for screen and print. */
  readonly text: string;
}

/** Counts the steps from invitation to first lesson against the target. */
export function journeyVerdict(
  marketing: Pick<MarketingPlan, 'journeySteps' | 'journeyStepsTarget'>,
): JourneyVerdict {
  const steps = marketing.journeySteps.filter((s) => s.trim() !== '').length;
  const target = marketing.journeyStepsTarget;
  const n = (k: number) => `${k} ${k === 1 ? 'step' : 'steps'}`;
  const withinTarget = steps <= target;
  let text: string;
  if (steps === 0) text = `No steps listed yet; the target is ${n(target)} at most.`;
  else if (withinTarget)
    text = `${n(steps)} from invitation to first lesson: within the target of ${n(target)}.`;
  else
    text = `${n(steps)} from invitation to first lesson: ${n(steps - target)} over the target of ${n(target)}. Remove a step where you can.`;
  return { steps, target, withinTarget, text };
}

/** Stories that may be exported: consent given. Every export goes through this. */
export function exportableStories(marketing: Pick<MarketingPlan, 'stories'>): LearnerStory[] {
  return marketing.stories.filter((s) => s.consentGiven);
}

/** Stories without consent recorded (shown flagged, never exported). */
export function storiesWithoutConsent(marketing: Pick<MarketingPlan, 'stories'>): LearnerStory[] {
  return marketing.stories.filter((s) => !s.consentGiven);
}

/**
 * Whether a text seems to hold contact details — an e-mail address or a
 * phone number (seven digits or more) — which a consent record must not:
 * it says where consent is kept (a form reference), not how to reach the learner.
 */
export function looksLikeContactDetails(text: string): boolean {
  if (/[^\s@]+@[^\s@]+\.[^\s@]+/.test(text)) return true;
  return (text.match(/\+?\d[\d\s().-]{5,}\d/g) ?? []).some(
    (run) => run.replace(/\D/g, '').length >= 7,
  );
}

/** The funnel row for a stage and segment (null: everyone), if there is one. */
export function funnelRow(
  funnel: readonly FunnelStage[],
  stage: FunnelStage['stage'],
  segmentId: string | null,
): FunnelStage | undefined {
  return funnel.find((r) => r.stage === stage && r.segmentId === segmentId);
}

/** Segments (of the plan, in order) that have at least one funnel row of their own. */
export function funnelSegments(plan: Pick<Plan, 'learners' | 'launch'>): LearnerSegment[] {
  const ids = new Set(plan.launch.marketing.funnel.map((r) => r.segmentId));
  return plan.learners.filter((s) => ids.has(s.id));
}
