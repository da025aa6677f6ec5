/**
 * Ready-made engagement activities and follow-up rules (issue 14), so a
 * planner starts from a sensible draft in a click or two and edits it: one
 * set per kind of activity (communities, monitoring, workshops, wraparound
 * services) and a rule per trigger with a short message in the Launch merge
 * fields. Wording is ours; the kinds follow the brief's Manage phase.
 */
import type { EngagementActivity, FollowUpRule, Plan } from '../plan/schema';

/** A kind of engagement activity. */
export type EngagementKind = EngagementActivity['kind'];
import { newId } from '../plan/create';

/** Kinds of activity in words, for headings and choices. */
export const ENGAGEMENT_KIND_LABELS: Readonly<Record<EngagementKind, string>> = {
  community: 'Community',
  monitoring: 'Monitoring',
  workshop: 'Workshop',
  wraparound: 'Wraparound service',
};

/** What each kind is for, in one line (shown beside the suggestions). */
export const ENGAGEMENT_KIND_HINTS: Readonly<Record<EngagementKind, string>> = {
  community: 'Peer support: chat groups, study halls, study buddies.',
  monitoring: 'Watching progress: spotting top learners and who is stuck.',
  workshop: 'Job-search help: CV, networking, career orientation.',
  wraparound: 'Support around the learning: help desk, office hours, coaching, nudges.',
};

/** A suggested activity: what it is, how often, in the planner's words to edit. */
export interface EngagementSuggestion {
  readonly kind: EngagementKind;
  readonly title: string;
  readonly description: string;
  readonly cadence: string;
}

/** The suggestions, per kind, in the order offered. */
export const ENGAGEMENT_SUGGESTIONS: readonly EngagementSuggestion[] = [
  {
    kind: 'community',
    title: 'Cohort chat group',
    description:
      'A moderated group chat per cohort where learners ask each other questions, share wins and find study partners.',
    cadence: 'Always open; moderator checks in daily',
  },
  {
    kind: 'community',
    title: 'Virtual study hall',
    description:
      'An open video room where learners study side by side for an hour, with a short check-in at the start and the end.',
    cadence: 'Weekly, 90 minutes',
  },
  {
    kind: 'community',
    title: 'Study buddies',
    description:
      'Learners are paired on the same pathway and agree a weekly goal they check with each other.',
    cadence: 'Pairs formed at enrolment; weekly check',
  },
  {
    kind: 'monitoring',
    title: 'Weekly progress review',
    description:
      'The team reads the platform export: who has not started, who stalled, who is racing ahead. Follow-ups go out from today’s list.',
    cadence: 'Weekly, Monday morning',
  },
  {
    kind: 'monitoring',
    title: 'Top learner recognition',
    description:
      'Learners with the most hours or the first completions are thanked, featured (with consent) and introduced to opportunities.',
    cadence: 'Monthly',
  },
  {
    kind: 'workshop',
    title: 'CV and profile workshop',
    description:
      'Learners turn their new skills and certificates into a CV and an online profile that employers read.',
    cadence: 'Monthly, 2 hours',
  },
  {
    kind: 'workshop',
    title: 'Networking session with employers',
    description:
      'Local employers talk about the roles they hire for; learners practise introducing themselves.',
    cadence: 'Quarterly',
  },
  {
    kind: 'workshop',
    title: 'Career orientation',
    description:
      'Which jobs the pathway leads to, what they pay, and the next step after completing.',
    cadence: 'At the start of each cohort',
  },
  {
    kind: 'wraparound',
    title: 'Learner help desk',
    description:
      'One place (phone, chat or e-mail) for platform and course questions, answered within a working day.',
    cadence: 'Weekdays, office hours',
  },
  {
    kind: 'wraparound',
    title: 'Office hours with a tutor',
    description: 'Drop-in time with a tutor for course content learners are stuck on.',
    cadence: 'Twice a week, 1 hour',
  },
  {
    kind: 'wraparound',
    title: 'Accountability coaching',
    description:
      'A coach calls learners who fall behind, helps them plan study time around work and care, and checks in again a week later.',
    cadence: 'Every two weeks per learner',
  },
  {
    kind: 'wraparound',
    title: 'Nudges by text message',
    description:
      'Short, friendly reminders timed to when learners usually study, with a link straight back to the course.',
    cadence: 'Weekly while a learner is active',
  },
  {
    kind: 'wraparound',
    title: 'Device and data support',
    description:
      'Loan devices or data bundles for learners without them, through a partner, with a simple request form.',
    cadence: 'On request',
  },
];

/** A new activity from a suggestion (or blank), with a fresh id. */
export function activityFrom(
  suggestion: EngagementSuggestion | { kind: EngagementKind },
  id = newId('eng'),
): EngagementActivity {
  const s = 'title' in suggestion ? suggestion : null;
  return {
    id,
    kind: suggestion.kind,
    title: s?.title ?? `New ${ENGAGEMENT_KIND_LABELS[suggestion.kind]!.toLowerCase()}`,
    description: s?.description ?? '',
    cadence: s?.cadence ?? '',
    owner: '',
    partnerId: null,
    segmentIds: [],
  };
}

/** The suggested follow-up rules, one per trigger, with a message in the merge fields. */
export const FOLLOW_UP_SUGGESTIONS: readonly Omit<FollowUpRule, 'id'>[] = [
  {
    name: 'Not started after a week',
    trigger: 'notStarted',
    afterDays: 7,
    pacePercent: 50,
    segmentIds: [],
    channel: 'email',
    message:
      'Hi {firstName}, your place in {programName} is ready and waiting. Starting takes five minutes: open your first course on {pathway} today. Questions? Write to {supportContact}.',
    active: true,
  },
  {
    name: 'Quiet for two weeks',
    trigger: 'inactive',
    afterDays: 14,
    pacePercent: 50,
    segmentIds: [],
    channel: 'sms',
    message:
      'Hi {firstName}, we miss you in {programName}. Pick up where you left off — even 20 minutes counts. Need help? {supportContact}',
    active: true,
  },
  {
    name: 'Behind pace after a month',
    trigger: 'behindPace',
    afterDays: 28,
    pacePercent: 50,
    segmentIds: [],
    channel: 'email',
    message:
      'Hi {firstName}, you have made a start on {pathway} — well done. A short plan helps: book a coaching call or join the study hall this week. Contact {supportContact}.',
    active: true,
  },
];

/** A new rule from a suggestion, with a fresh id. */
export function ruleFrom(suggestion: Omit<FollowUpRule, 'id'>, id = newId('fu')): FollowUpRule {
  return { ...suggestion, segmentIds: [...suggestion.segmentIds], id };
}

/** Partners of the stakeholders register (who can deliver an activity). */
export function partnersOf(plan: Plan): Plan['stakeholders']['entries'] {
  return plan.stakeholders.entries.filter((e) => e.relation === 'partner');
}
