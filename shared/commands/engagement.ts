/**
 * Commands of the Engagement & follow-ups section (Manage, issue 14): the
 * engagement activities (communities, monitoring, workshops, wraparound
 * services), the follow-up rules, and the days without activity after which
 * a learner's licence may be freed. A segment's or partner's removal clears
 * it from activities and rules (commands/learners.ts, commands/stakeholders.ts).
 */
import { englishTranslator } from '../i18n/english';
import type { EngagementActivity, FollowUpCounts, FollowUpRule } from '../plan/schema';
import { CommandRefusal, defineCommand, stepDate } from './command';
import { defineListCommands } from './lists';

const SECTION = 'engagement' as const;

/** Commands of the engagement activities. */
export const engagementActivities = defineListCommands<EngagementActivity>({
  kind: 'engagementActivity',
  section: SECTION,
  list: (plan) => plan.manage.engagement,
  titleOf: (a) => a.title,
  fields: {
    kind: 'kind',
    title: 'title',
    description: 'description',
    cadence: 'cadence',
    owner: 'owner',
    partnerId: 'deliveringPartner',
    segmentIds: 'segments',
  },
});

/** Commands of the follow-up rules (their order is the order a learner is matched in). */
export const followUpRules = defineListCommands<FollowUpRule>({
  kind: 'followUpRule',
  section: SECTION,
  list: (plan) => plan.manage.followUps,
  titleOf: (r) => r.name,
  fields: {
    name: 'name',
    trigger: 'trigger',
    afterDays: 'days',
    pacePercent: 'paceShare',
    segmentIds: 'segments',
    channel: 'channel',
    message: 'message',
    active: 'onOff',
  },
});

/** Sets the days (1–365) without activity after which a learner's licence may be freed. */
export const setLicenceReleaseAfterDays = defineCommand<{ days: number }>({
  type: 'manage.setLicenceReleaseAfterDays',
  label: (_args, _plan, t = englishTranslator) => t('commands:engagement.editReleaseDays'),
  coalesce: () => 'manage.setLicenceReleaseAfterDays',
  locate: () => ({ section: SECTION, focus: 'licence-release' }),
  apply(draft, { days }) {
    if (!Number.isInteger(days) || days < 1 || days > 365)
      throw CommandRefusal.of('releaseDaysRange');
    draft.manage.licenceReleaseAfterDays = days;
  },
});

/**
 * Keeps today's follow-up counts in the plan for reports (no person: counts
 * per rule, total, licences that could be freed). A second record on the
 * same day replaces the first; records stay in date order.
 */
export const recordFollowUpCounts = defineCommand<{ counts: FollowUpCounts }>({
  type: 'manage.recordFollowUpCounts',
  label: ({ counts }, _plan, t = englishTranslator) =>
    t('commands:engagement.keepFollowUpCounts', { date: stepDate(t, counts.date) }),
  locate: () => ({ section: SECTION }),
  apply(draft, { counts }) {
    const kept = draft.manage.followUpCounts.filter((c) => c.date !== counts.date);
    kept.push(counts);
    kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    draft.manage.followUpCounts = kept;
  },
});
