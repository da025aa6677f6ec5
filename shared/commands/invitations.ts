/**
 * Commands of the Invitations section (issue 13): the invitation ratio, the
 * funnel rates, the waves and the bulk-invite CSV layout. The licence count
 * is shared with the budget (shared/commands/budget.ts setLicences). The
 * invitation list itself (names, e-mails) is personal data and never part of
 * the plan: it lives in the local database only.
 */
import { englishTranslator } from '../i18n/english';
import { RATIO_MAX, RATIO_MIN } from '../launch/invitations';
import type { FunnelRates, InvitationWave } from '../plan/schema';
import { CommandRefusal, defineCommand } from './command';
import { defineListCommands } from './lists';

const SECTION = 'invitations' as const;

/** Sets the invitations per licence (kept within 1.5–2.25); typing coalesces. */
export const setInvitationRatio = defineCommand<{ ratio: number }>({
  type: 'invitations.setRatio',
  label: (_args, _plan, t = englishTranslator) => t('commands:invitations.editRatio'),
  coalesce: () => 'invitations.setRatio',
  locate: () => ({ section: SECTION }),
  apply(draft, { ratio }) {
    if (!Number.isFinite(ratio)) throw CommandRefusal.of('ratioNotNumber');
    draft.launch.invitations.ratio = Math.min(RATIO_MAX, Math.max(RATIO_MIN, ratio));
  },
});

/** The funnel rates (their names: `commands:invitations.editRate`). */
const RATES: Record<keyof FunnelRates, true> = { registered: true, active: true, completing: true };

/** Sets one funnel rate (0–100 % of the stage before); typing coalesces. */
export const setFunnelRate = defineCommand<{ rate: keyof FunnelRates; value: number }>({
  type: 'invitations.setRate',
  label: ({ rate }, _plan, t = englishTranslator) => t('commands:invitations.editRate', { rate }),
  coalesce: ({ rate }) => `invitations.setRate:${rate}`,
  locate: () => ({ section: SECTION }),
  apply(draft, { rate, value }) {
    if (!(rate in RATES)) throw CommandRefusal.of('unknownFunnelStage');
    if (!Number.isFinite(value)) throw CommandRefusal.of('rateNotNumber');
    draft.launch.invitations.rates[rate] = Math.min(100, Math.max(0, Math.round(value)));
  },
});

/** Chooses the column layout of the bulk-invite CSV export. */
export const setCsvLayout = defineCommand<{ layout: string }>({
  type: 'invitations.setCsvLayout',
  label: (_args, _plan, t = englishTranslator) => t('commands:invitations.chooseCsvLayout'),
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
