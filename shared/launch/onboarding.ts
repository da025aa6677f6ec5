/**
 * The six onboarding steps of a digital-first launch (the pre-filled
 * checklist of a new plan), in the order a launch team works through them,
 * and how launch dates resolve against the timeline.
 *
 * Source of the steps: the launch part of the program brief
 * (../shared/seeds/000_857f88f6bec027f8.txt, "Launch"): communicate goals and
 * outcomes, map the learner journey, prepare the invitation source list and
 * account creation, test sign-up end to end, agree reporting, plan engagement
 * and free the licences of inactive learners.
 */
import type { ChecklistItem, LaunchDate, OnboardingStep, Plan } from '../plan/schema';
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';

/** One standard step: its label, why it matters, and when it is due by default (days from launch). */
export interface StandardStep {
  readonly step: OnboardingStep;
  readonly label: string;
  readonly purpose: string;
  /** Default due date, in days from the launch start (negative = before the launch). */
  readonly offsetDays: number;
}

/** The six standard onboarding steps, in working order. */
export const STANDARD_STEPS: readonly StandardStep[] = [
  {
    step: 'journeyMapped',
    label: 'Learner journey mapped from invitation to first lesson and beyond',
    purpose:
      'Everyone involved knows what a learner sees and does at each step, and where help is offered.',
    offsetDays: -42,
  },
  {
    step: 'goalsCommunicated',
    label: 'Program goals and learning outcomes communicated to learners and partners',
    purpose:
      'Learners know what they will be able to do at the end, and why it is worth their time.',
    offsetDays: -28,
  },
  {
    step: 'invitationSource',
    label: 'Invitation source list ready and learner accounts set up',
    purpose:
      'The list of people to invite is clean (valid e-mails, no duplicates) and accounts can be created in bulk.',
    offsetDays: -21,
  },
  {
    step: 'signupTested',
    label: 'Sign-up flow tested end to end',
    purpose:
      'Someone outside the team has gone from the invitation to the first lesson on the devices learners use.',
    offsetDays: -14,
  },
  {
    step: 'reportingReady',
    label: 'Reporting agreed and dashboards ready',
    purpose: 'Partners and funders have agreed what is reported, how often, and from which data.',
    offsetDays: -7,
  },
  {
    step: 'engagementPlanned',
    label: 'Engagement messages planned and a rule agreed for freeing inactive licences',
    purpose:
      'Reminders and nudges are written and scheduled; licences of learners who never start go to someone who will.',
    offsetDays: -3,
  },
];

const BY_STEP = new Map(STANDARD_STEPS.map((s) => [s.step, s]));

/** The standard step's definition. */
export function standardStep(step: OnboardingStep): StandardStep {
  return BY_STEP.get(step)!;
}

/**
 * The checklist of a new plan: the six standard steps, not started, each due
 * its default number of days before the launch. Ids come from `newId`; the
 * labels are written by `t` (the plan's document language; English by
 * default, word for word as `STANDARD_STEPS`).
 */
export function standardChecklist(
  newId: (prefix: string) => string,
  t: Translator = englishTranslator,
): ChecklistItem[] {
  return STANDARD_STEPS.map((s) => ({
    id: newId('lc'),
    label: t(`document:seeds.checklist.${s.step}`),
    step: s.step,
    status: 'notStarted',
    owner: '',
    due: { anchor: 'launch', offsetDays: s.offsetDays },
    notes: '',
    partnerIds: [],
  }));
}

const DAY_MS = 86_400_000;

/** The launch start of the plan's timeline (YYYY-MM-DD), or null when not set. */
export function launchStart(plan: Plan): string | null {
  return plan.objective.timeline.launch.start;
}

/**
 * The calendar date (YYYY-MM-DD) of a launch date: the fixed date, or the
 * launch start moved by the offset. Null when it is relative and the timeline
 * has no launch start, or when there is no date.
 */
export function resolveLaunchDate(date: LaunchDate | null, start: string | null): string | null {
  if (!date) return null;
  if (date.anchor === 'date') return date.date;
  if (!start) return null;
  const at = Date.parse(`${start}T00:00:00Z`);
  if (Number.isNaN(at)) return null;
  return new Date(at + date.offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (YYYY-MM-DD each). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
