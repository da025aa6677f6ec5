/**
 * Ready-made engagement activities and follow-up rules (issue 14), so a
 * planner starts from a sensible draft in a click or two and edits it: one
 * set per kind of activity (communities, monitoring, workshops, wraparound
 * services) and a rule per trigger with a short message in the Launch merge
 * fields. Wording is ours; the kinds follow the brief's Manage phase.
 *
 * The words come from the `engagement` catalog: the Add menus show them in
 * the UI language, and what is added to a plan is worded by the translator
 * of its document language (issue 15), with the merge fields as the same
 * English tokens (`{firstName}`) in every language.
 */
import type { EngagementActivity, FollowUpRule, Plan } from '../plan/schema';
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import { FIELD_TOKENS } from '../launch/merge-fields';
import { newId } from '../plan/create';

/** A kind of engagement activity. */
export type EngagementKind = EngagementActivity['kind'];

/** The suggested activities: catalog key (`engagement:suggestions.<key>`) and kind, in the order offered. */
const SUGGESTED = [
  { key: 'cohortChat', kind: 'community' },
  { key: 'studyHall', kind: 'community' },
  { key: 'studyBuddies', kind: 'community' },
  { key: 'progressReview', kind: 'monitoring' },
  { key: 'recognition', kind: 'monitoring' },
  { key: 'cvWorkshop', kind: 'workshop' },
  { key: 'networking', kind: 'workshop' },
  { key: 'orientation', kind: 'workshop' },
  { key: 'helpDesk', kind: 'wraparound' },
  { key: 'officeHours', kind: 'wraparound' },
  { key: 'coaching', kind: 'wraparound' },
  { key: 'nudges', kind: 'wraparound' },
  { key: 'devices', kind: 'wraparound' },
] as const satisfies readonly { key: string; kind: EngagementKind }[];

/** A suggested activity's catalog key. */
export type SuggestionKey = (typeof SUGGESTED)[number]['key'];

/** A suggested activity: what it is, how often, in the planner's words to edit. */
export interface EngagementSuggestion {
  readonly kind: EngagementKind;
  /** Its messages in the catalog: `engagement:suggestions.<key>.title`… */
  readonly key: SuggestionKey;
  readonly title: string;
  readonly description: string;
  readonly cadence: string;
}

/**
 * The suggestions, per kind, in the order offered, worded by `t` (the plan's
 * document language, a translator without the UI's bidi isolation; English
 * by default).
 */
export function engagementSuggestions(
  t: Translator = englishTranslator,
): readonly EngagementSuggestion[] {
  return SUGGESTED.map(({ key, kind }) => ({
    kind,
    key,
    title: t(`engagement:suggestions.${key}.title`),
    description: t(`engagement:suggestions.${key}.description`),
    cadence: t(`engagement:suggestions.${key}.cadence`),
  }));
}

/** The suggestions in English. */
export const ENGAGEMENT_SUGGESTIONS: readonly EngagementSuggestion[] = engagementSuggestions();

/**
 * A new activity from a suggestion (already worded in the plan's language),
 * or blank, titled "New workshop"… by `t` (the plan's document language;
 * English by default); with a fresh id.
 */
export function activityFrom(
  suggestion: EngagementSuggestion | { kind: EngagementKind },
  id = newId('eng'),
  t: Translator = englishTranslator,
): EngagementActivity {
  const s = 'title' in suggestion ? suggestion : null;
  return {
    id,
    kind: suggestion.kind,
    title: s?.title ?? t('engagement:newActivity', { kind: suggestion.kind }),
    description: s?.description ?? '',
    cadence: s?.cadence ?? '',
    owner: '',
    partnerId: null,
    segmentIds: [],
  };
}

/** How each suggested rule is set up (its name and message come from the catalog). */
const SUGGESTED_RULES: readonly Omit<FollowUpRule, 'id' | 'name' | 'message'>[] = [
  {
    trigger: 'notStarted',
    afterDays: 7,
    pacePercent: 50,
    segmentIds: [],
    channel: 'email',
    active: true,
  },
  {
    trigger: 'inactive',
    afterDays: 14,
    pacePercent: 50,
    segmentIds: [],
    channel: 'sms',
    active: true,
  },
  {
    trigger: 'behindPace',
    afterDays: 28,
    pacePercent: 50,
    segmentIds: [],
    channel: 'email',
    active: true,
  },
];

/**
 * The suggested follow-up rules, one per trigger, named and with a message in
 * the merge fields worded by `t` (the plan's document language, without bidi
 * marks; English by default). The merge fields stay English tokens.
 */
export function followUpSuggestions(
  t: Translator = englishTranslator,
): readonly Omit<FollowUpRule, 'id'>[] {
  return SUGGESTED_RULES.map((rule) => ({
    ...rule,
    name: t(`engagement:ruleSuggestions.${rule.trigger}`),
    message: t(`engagement:ruleMessages.${rule.trigger}`, FIELD_TOKENS),
    segmentIds: [],
  }));
}

/** The suggested follow-up rules in English. */
export const FOLLOW_UP_SUGGESTIONS: readonly Omit<FollowUpRule, 'id'>[] = followUpSuggestions();

/** A new rule from a suggestion, with a fresh id. */
export function ruleFrom(suggestion: Omit<FollowUpRule, 'id'>, id = newId('fu')): FollowUpRule {
  return { ...suggestion, segmentIds: [...suggestion.segmentIds], id };
}

/** Partners of the stakeholders register (who can deliver an activity). */
export function partnersOf(plan: Plan): Plan['stakeholders']['entries'] {
  return plan.stakeholders.entries.filter((e) => e.relation === 'partner');
}
