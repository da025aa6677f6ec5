/**
 * Commands of the Communications section (Launch): the launch details the
 * merge fields read (registration link, support contact) and the list of
 * communications (add from a draft, edit, delete, reorder). A segment's
 * removal clears it from the communications' audiences in
 * `commands/learners.ts`.
 */
import { englishTranslator } from '../i18n/english';
import type { Communication, LaunchPlan } from '../plan/schema';

type LaunchDetails = LaunchPlan['details'];
import { defineCommand } from './command';
import { defineListCommands } from './lists';

const SECTION = 'communications' as const;

/** Sets the registration link or the support contact. */
export const updateLaunchDetails = defineCommand<{ patch: Partial<LaunchDetails> }>({
  type: 'launchDetails.update',
  label({ patch }, _plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof LaunchDetails)[];
    return keys.length === 1
      ? t('commands:communications.editDetail', { field: keys[0]! })
      : t('commands:communications.editDetails');
  },
  coalesce: ({ patch }) => `launchDetails.update:${Object.keys(patch).sort().join(',')}`,
  locate: () => ({ section: SECTION }),
  apply(draft, { patch }) {
    Object.assign(draft.launch.details, patch);
  },
});

/** Commands of the communications list. */
export const communications = defineListCommands<Communication>({
  kind: 'communication',
  section: SECTION,
  list: (plan) => plan.launch.communications,
  titleOf: (c) => c.title,
  fields: {
    kind: 'kind',
    title: 'title',
    subject: 'subject',
    segmentIds: 'audience',
    audienceNote: 'audienceNote',
    send: 'sendDate',
    status: 'status',
    body: 'text',
  },
});
