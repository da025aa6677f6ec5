/**
 * Commands of the Invitations section (issue 13): the invitation ratio, the
 * funnel rates, the waves and the bulk-invite CSV layout. The licence count
 * is shared with the budget (shared/commands/budget.ts setLicences). The
 * invitation list itself (names, e-mails) is personal data and never part of
 * the plan: it lives in the local database only.
 */
import { RATIO_MAX, RATIO_MIN } from '../launch/invitations';
import type { FunnelRates, InvitationWave } from '../plan/schema';
import { CommandRefusal, defineCommand } from './command';
import { defineListCommands } from './lists';

const SECTION = 'invitations' as const;

/** Sets the invitations per licence (kept within 1.5–2.25); typing coalesces. */
export const setInvitationRatio = defineCommand<{ ratio: number }>({
  type: 'invitations.setRatio',
  label: () => 'Edit invitation ratio',
  coalesce: () => 'invitations.setRatio',
  locate: () => ({ section: SECTION }),
  apply(draft, { ratio }) {
    if (!Number.isFinite(ratio)) throw new CommandRefusal('The invitation ratio must be a number.');
    draft.launch.invitations.ratio = Math.min(RATIO_MAX, Math.max(RATIO_MIN, ratio));
  },
});

/** Names of the funnel rates, for step names. */
const RATE_NAMES: Record<keyof FunnelRates, string> = {
  registered: 'registration rate',
  active: 'activation rate',
  completing: 'completion rate',
};

/** Sets one funnel rate (0–100 % of the stage before); typing coalesces. */
export const setFunnelRate = defineCommand<{ rate: keyof FunnelRates; value: number }>({
  type: 'invitations.setRate',
  label: ({ rate }) => `Edit ${RATE_NAMES[rate]}`,
  coalesce: ({ rate }) => `invitations.setRate:${rate}`,
  locate: () => ({ section: SECTION }),
  apply(draft, { rate, value }) {
    if (!(rate in RATE_NAMES)) throw new CommandRefusal('Unknown funnel stage.');
    if (!Number.isFinite(value)) throw new CommandRefusal('A rate must be a number.');
    draft.launch.invitations.rates[rate] = Math.min(100, Math.max(0, Math.round(value)));
  },
});

/** Chooses the column layout of the bulk-invite CSV export. */
export const setCsvLayout = defineCommand<{ layout: string }>({
  type: 'invitations.setCsvLayout',
  label: () => 'Choose invitation CSV layout',
  locate: () => ({ section: SECTION }),
  apply(draft, { layout }) {
    draft.launch.invitations.csvLayout = layout;
  },
});

/** Commands of the invitation waves (add, edit name/date/share, delete, reorder). */
export const invitationWaves = defineListCommands<InvitationWave>({
  kind: 'invitationWave',
  section: SECTION,
  list: (plan) => plan.launch.invitations.waves,
  titleOf: (w) => w.name,
  fields: { name: 'name', date: 'date', share: 'share' },
});
