/**
 * Ready-to-edit drafts of the launch communications, one per kind, so that
 * "Add launch e-mail" gives a complete message at once: plain, encouraging
 * wording with the merge fields the plan fills (shared/launch/merge-fields.ts).
 */
import { newId } from '../plan/create';
import type { Communication, CommunicationKind } from '../plan/schema';

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

type Draft = Pick<Communication, 'title' | 'subject' | 'body' | 'send' | 'audienceNote'>;

const SIGN_OFF = 'The {programName} team';

const DRAFTS: Record<CommunicationKind, Draft> = {
  launchEmail: {
    title: 'Launch e-mail',
    subject: '{programName} is open: start your first lesson today',
    audienceNote: 'Everyone registered by launch day',
    send: { anchor: 'launch', offsetDays: 0 },
    body: [
      'Hi {firstName},',
      '',
      '{programName} is open from today, and your place is ready.',
      '',
      'Start here: {registrationLink}',
      '',
      'Your first lesson takes about 15 minutes. You can learn on a phone or a laptop, at a pace that fits your week, on {pathway}.',
      '',
      'If you get stuck at any point, you are not on your own: contact {supportContact} and we will help you get going.',
      '',
      'We are glad you are with us. Enjoy your first lesson!',
      '',
      SIGN_OFF,
    ].join('\n'),
  },
  registrationEmail: {
    title: 'Registration e-mail',
    subject: 'You’re registered for {programName}',
    audienceNote: 'Everyone who registers before launch',
    send: { anchor: 'launch', offsetDays: -14 },
    body: [
      'Hi {firstName},',
      '',
      'Thank you for registering for {programName}. Your place is confirmed.',
      '',
      'What happens next:',
      '- Learning starts on {launchDate}. That day we will e-mail you one link that takes you straight to your first lesson.',
      '- You will follow {pathway}, at a pace that fits around the rest of your week.',
      '- If you need a device, data or any other help to take part, tell us now so it is ready in time: {supportContact}.',
      '',
      'You have taken the first step. We look forward to seeing you on {launchDate}.',
      '',
      SIGN_OFF,
    ].join('\n'),
  },
  onboardingGuide: {
    title: 'Onboarding guide',
    subject: 'Your guide to {programName}',
    audienceNote: 'All learners; also for partner staff who support them',
    send: { anchor: 'launch', offsetDays: 0 },
    body: [
      'Welcome to {programName}, run by {organisation}.',
      '',
      'This guide puts what you need in one place: what the program is for, how it works, where to get help and what you can expect to gain. Keep it to hand and come back to it whenever you are unsure what to do next.',
    ].join('\n'),
  },
  reminder: {
    title: 'Reminder',
    subject: 'Your place on {programName} is waiting',
    audienceNote: 'Invited learners who have not registered or started yet',
    send: { anchor: 'launch', offsetDays: 7 },
    body: [
      'Hi {firstName},',
      '',
      'Your place on {programName} is still waiting for you, and it only takes a few minutes to start: {registrationLink}',
      '',
      'Many learners find it easiest to keep a regular time for learning each week. If something is getting in the way, contact {supportContact}: we are here to help.',
      '',
      SIGN_OFF,
    ].join('\n'),
  },
  other: {
    title: 'Message to learners',
    subject: 'News from {programName}',
    audienceNote: '',
    send: null,
    body: ['Hi {firstName},', '', '', '', SIGN_OFF].join('\n'),
  },
};

/** A new communication of a kind, with the ready draft's title, subject, text and send date. */
export function draftCommunication(kind: CommunicationKind, id = newId('comm')): Communication {
  const draft = DRAFTS[kind];
  return {
    id,
    kind,
    title: draft.title,
    subject: draft.subject,
    segmentIds: [],
    audienceNote: draft.audienceNote,
    send: draft.send,
    status: 'draft',
    body: draft.body,
  };
}
