/**
 * The Communications chapter of the Word plan and the rows of its Excel
 * sheet (issue 13): each launch communication's title, kind, audience
 * (segments and note), send date and — for the internal and funder
 * profiles — its status (draft / ready / sent), which is internal progress
 * a partner-safe file leaves out (audience.ts `communicationStatus`). Then
 * each communication's wording, as learners will read it (issue 13): the
 * subject and the body with the plan's fields filled in, learner fields as
 * placeholders («first name», never a person) and a missing value as a
 * bracketed note. The wording is in every profile: it is what every invited
 * learner receives, and the support contact it gives is in every profile's
 * chapter already. Each text is also exported on its own from the section
 * (shared/launch/communication-export.ts).
 */
import { COMMUNICATION_STATUS_LABELS, kindLabel } from '../launch/communication-drafts';
import { bodyBlocks } from '../launch/communication-export';
import { fillCommunication, renderText } from '../launch/merge-fields';
import { longDate } from '../long-date';
import { launchStart, resolveLaunchDate } from '../launch/onboarding';
import type { Communication, Plan } from '../plan/schema';
import { shows, type Profile } from './audience';
import type { DocBlock } from './document';

/** "12 April 2027 (11 days after launch)", "Not scheduled". */
export function sendLabel(c: Communication, start: string | null): string {
  if (!c.send) return 'Not scheduled';
  const date = resolveLaunchDate(c.send, start);
  if (c.send.anchor === 'date') return longDate(c.send.date);
  const n = Math.abs(c.send.offsetDays);
  const rule =
    c.send.offsetDays === 0
      ? 'on launch day'
      : `${n} day${n === 1 ? '' : 's'} ${c.send.offsetDays < 0 ? 'before' : 'after'} launch`;
  return date ? `${longDate(date)} (${rule})` : `${rule[0]!.toUpperCase()}${rule.slice(1)}`;
}

/** Who a communication goes to: its segments' names and its note, or everyone. */
export function audienceLabel(plan: Plan, c: Communication): string {
  const names = new Map(plan.learners.map((s) => [s.id, s.name.trim()]));
  const segments = c.segmentIds.map((id) => names.get(id)).filter((n): n is string => !!n);
  const note = c.audienceNote.trim();
  // Without segments it goes to everyone, which the note then describes.
  if (segments.length === 0) return note || 'All learners';
  return [segments.join('; '), note].filter(Boolean).join(' — ');
}

/** One row per communication, in plan order; the status only where the profile shows it. */
export function communicationRows(
  plan: Plan,
  profile: Profile,
): { columns: string[]; rows: string[][] } {
  const start = launchStart(plan);
  const status = shows(profile, 'communicationStatus');
  return {
    columns: ['Communication', 'Kind', 'Audience', 'Send date', ...(status ? ['Status'] : [])],
    rows: plan.launch.communications.map((c) => [
      c.title.trim() || kindLabel(c.kind),
      kindLabel(c.kind),
      audienceLabel(plan, c),
      sendLabel(c, start),
      ...(status ? [COMMUNICATION_STATUS_LABELS[c.status]] : []),
    ]),
  };
}

/** The chapter's blocks ([] without communications, so the chapter is left out). */
export function communicationsBlocks(plan: Plan, profile: Profile): DocBlock[] {
  const items = plan.launch.communications;
  if (items.length === 0) return [];
  const start = launchStart(plan);
  const details = plan.launch.details;
  const unscheduled = items.filter((c) => !c.send).length;
  const lead = `${items.length === 1 ? 'One communication takes' : `${items.length} communications take`} learners from registration to their first lesson${start ? `, around the launch on ${longDate(start)}` : ''}.${unscheduled ? ` ${unscheduled === 1 ? 'One has' : `${unscheduled} have`} no send date yet.` : ''}`;
  const { columns, rows } = communicationRows(plan, profile);
  const status = columns.length === 5;
  return [
    { type: 'paragraph', text: lead, style: 'lead' },
    {
      type: 'facts',
      rows: [
        ['Registration link', details.registrationLink.trim() || 'Not set'],
        ['Support contact', details.supportContact.trim() || 'Not set'],
      ],
    },
    {
      type: 'table',
      columns: columns.map((title, i) => ({
        title,
        width: status ? [30, 14, 28, 18, 10][i]! : [32, 15, 32, 21][i]!,
      })),
      rows,
    },
    ...wordingBlocks(plan),
  ];
}

/** Each communication's subject and filled body under its title, in plan order. */
function wordingBlocks(plan: Plan): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const c of plan.launch.communications) {
    const filled = fillCommunication(plan, c);
    const subject = renderText(filled.subject, 'placeholder').replace(/\s+/g, ' ').trim();
    const body = bodyBlocks(renderText(filled.body, 'placeholder'));
    if (!subject && body.length === 0) continue;
    const title = c.title.trim() || kindLabel(c.kind);
    // The subject under its title, unless the title already says it word for word.
    blocks.push(
      { type: 'heading', level: 3, text: title },
      ...(subject && subject !== title
        ? [{ type: 'facts' as const, rows: [['Subject', subject] as const] }]
        : []),
      ...body,
    );
  }
  return blocks.length
    ? [
        { type: 'heading', level: 2, text: 'What learners read' },
        {
          type: 'paragraph',
          style: 'note',
          text: 'Each message as it will be sent: the plan’s details filled in, and «first name» where the mail tool puts in each learner’s name.',
        },
        ...blocks,
      ]
    : [];
}

/** One row of the Communications sheet. */
export interface CommunicationSheetRow {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  /** The subject with the plan's fields filled (learner fields as «first name»). */
  readonly subject: string;
  readonly audience: string;
  readonly send: string;
  readonly sendDate: string | null;
  readonly status: string;
}

/** The rows of the Communications sheet, in plan order. */
export function communicationSheetRows(plan: Plan): CommunicationSheetRow[] {
  const start = launchStart(plan);
  return plan.launch.communications.map((c) => ({
    id: c.id,
    title: c.title.trim() || kindLabel(c.kind),
    kind: kindLabel(c.kind),
    subject: renderText(fillCommunication(plan, c).subject, 'placeholder').trim(),
    audience: audienceLabel(plan, c),
    send: sendLabel(c, start),
    sendDate: resolveLaunchDate(c.send, start),
    status: COMMUNICATION_STATUS_LABELS[c.status],
  }));
}
