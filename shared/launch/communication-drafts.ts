/**
 * Ready-to-edit drafts of the launch communications, one per kind, so that
 * "Add launch e-mail" gives a complete message at once: plain, encouraging
 * wording with the merge fields the plan fills (shared/launch/merge-fields.ts),
 * in the plan's document language (the `document` catalog's `seeds.drafts`).
 */
import { newId } from '../plan/create';
import type { Communication, CommunicationKind } from '../plan/schema';
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import { FIELD_TOKENS } from './merge-fields';

/** What each kind is called, and what it is for (the Add menu and the kind picker). */
export const COMMUNICATION_KINDS: readonly {
  readonly kind: CommunicationKind;
  readonly label: string;
  readonly purpose: string;
}[] = [
  {
    kind: 'launchEmail',
    label: 'Launch e-mail',
    purpose:
      'Sent to registered learners when the program goes live, with one link to the first lesson.',
  },
  {
    kind: 'registrationEmail',
    label: 'Registration e-mail',
    purpose:
      'Confirms a learner’s place, says when learning starts and asks what help they need before then.',
  },
  {
    kind: 'onboardingGuide',
    label: 'Onboarding guide',
    purpose:
      'A short guide: the program, how it works, support, what learners gain and their pathway.',
  },
  {
    kind: 'reminder',
    label: 'Reminder',
    purpose: 'A nudge for learners who have not registered or started yet.',
  },
  { kind: 'other', label: 'Other message', purpose: 'Any other message to learners.' },
];

/** The label of a kind ("Launch e-mail"). */
export function kindLabel(kind: CommunicationKind): string {
  return COMMUNICATION_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** Status labels. */
export const COMMUNICATION_STATUS_LABELS: Record<Communication['status'], string> = {
  draft: 'Draft',
  ready: 'Ready',
  sent: 'Sent',
};

/** When each kind is sent by default (days from the launch start), or not scheduled. */
const SEND: Record<CommunicationKind, Communication['send']> = {
  launchEmail: { anchor: 'launch', offsetDays: 0 },
  registrationEmail: { anchor: 'launch', offsetDays: -14 },
  onboardingGuide: { anchor: 'launch', offsetDays: 0 },
  reminder: { anchor: 'launch', offsetDays: 7 },
  other: null,
};

/**
 * A new communication of a kind, with the ready draft's title, subject,
 * audience note, text and send date, worded by `t` (the plan's document
 * language, a translator without the UI's bidi isolation; English by default).
 */
export function draftCommunication(
  kind: CommunicationKind,
  id = newId('comm'),
  t: Translator = englishTranslator,
): Communication {
  return {
    id,
    kind,
    title: t(`document:seeds.drafts.${kind}.title`),
    subject: t(`document:seeds.drafts.${kind}.subject`, FIELD_TOKENS),
    segmentIds: [],
    audienceNote: kind === 'other' ? '' : t(`document:seeds.drafts.${kind}.audience`),
    send: SEND[kind],
    status: 'draft',
    body: t(`document:seeds.drafts.${kind}.body`, FIELD_TOKENS),
  };
}
