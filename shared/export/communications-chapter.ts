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
import { bodyBlocks } from '../launch/communication-export';
import { fillCommunication, type MergePart } from '../launch/merge-fields';
import { launchStart, resolveLaunchDate } from '../launch/onboarding';
import type { Communication, Plan } from '../plan/schema';
import { shows, type Profile } from './audience';
import type { DocBlock } from './document';
import { englishLocale, type DocLocale } from './locale';

/** Merge fields the document names in words (placeholders and missing values). */
const FIELD_WORDS = new Set([
  'firstName',
  'lastName',
  'programName',
  'organisation',
  'region',
  'launchDate',
  'pathway',
  'supportContact',
  'registrationLink',
  'sendDate',
  'daysInactive',
] as const);
type FieldWord = typeof FIELD_WORDS extends Set<infer F> ? F : never;

/** A merge field's name in the document language ("first name"). */
function fieldWords(loc: DocLocale, field: string, fallback: string): string {
  return FIELD_WORDS.has(field as FieldWord)
    ? loc.d(`communications.field.${field as FieldWord}`)
    : fallback;
}

/**
 * A filled template for people to read: values written in, learner fields as
 * «first name», a missing value or unknown name as a bracketed note.
 */
function readable(loc: DocLocale, parts: readonly MergePart[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
        case 'value':
          return part.text;
        case 'learner':
          return loc.d('communications.placeholder', {
            field: fieldWords(loc, part.field, part.label),
          });
        case 'missing':
          return loc.d(part.invalid ? 'communications.notWebAddress' : 'communications.notSet', {
            field: fieldWords(loc, part.field, part.field),
          });
        case 'unknown':
          return loc.d('communications.notField', { name: part.name.replace(/[[\]]/g, '') });
      }
    })
    .join('');
}

/** A communication's kind in the document language ("Launch e-mail"). */
const kindWords = (loc: DocLocale, kind: Communication['kind']) =>
  loc.d(`communications.kind.${kind}`);

/** "12 April 2027 (11 days after launch)", "Not scheduled". */
export function sendLabel(
  c: Communication,
  start: string | null,
  loc: DocLocale = englishLocale(),
): string {
  if (!c.send) return loc.d('communications.notScheduled');
  const date = resolveLaunchDate(c.send, start);
  if (c.send.anchor === 'date') return loc.date(c.send.date, '');
  const offset = c.send.offsetDays;
  const args = { days: Math.abs(offset) };
  if (!date)
    return offset === 0
      ? loc.d('communications.launchDay')
      : loc.d(offset < 0 ? 'communications.before' : 'communications.after', args);
  const rule =
    offset === 0
      ? loc.d('communications.onLaunchDay')
      : loc.d(offset < 0 ? 'communications.before' : 'communications.after', args);
  return loc.d('communications.dateAndRule', { date: loc.date(date, ''), rule });
}

/** Who a communication goes to: its segments' names and its note, or everyone. */
export function audienceLabel(
  plan: Plan,
  c: Communication,
  loc: DocLocale = englishLocale(),
): string {
  const names = new Map(plan.learners.map((s) => [s.id, s.name.trim()]));
  const segments = c.segmentIds.map((id) => names.get(id)).filter((n): n is string => !!n);
  const note = c.audienceNote.trim();
  // Without segments it goes to everyone, which the note then describes.
  if (segments.length === 0) return note || loc.d('communications.allLearners');
  return [segments.join(loc.d('punctuation.semicolon')), note].filter(Boolean).join(' — ');
}

/** One row per communication, in plan order; the status only where the profile shows it. */
export function communicationRows(
  plan: Plan,
  profile: Profile,
  loc: DocLocale = englishLocale(),
): { columns: string[]; rows: string[][] } {
  const d = loc.d;
  const start = launchStart(plan);
  const status = shows(profile, 'communicationStatus');
  return {
    columns: [
      d('communications.communication'),
      d('col.kind'),
      d('communications.audience'),
      d('communications.sendDate'),
      ...(status ? [d('col.status')] : []),
    ],
    rows: plan.launch.communications.map((c) => [
      c.title.trim() || kindWords(loc, c.kind),
      kindWords(loc, c.kind),
      audienceLabel(plan, c, loc),
      sendLabel(c, start, loc),
      ...(status ? [d(`communications.status.${c.status}`)] : []),
    ]),
  };
}

/** The chapter's blocks ([] without communications, so the chapter is left out). */
export function communicationsBlocks(
  plan: Plan,
  profile: Profile,
  loc: DocLocale = englishLocale(),
): DocBlock[] {
  const d = loc.d;
  const items = plan.launch.communications;
  if (items.length === 0) return [];
  const start = launchStart(plan);
  const details = plan.launch.details;
  const unscheduled = items.filter((c) => !c.send).length;
  const lead = [
    start
      ? d('communications.leadAround', { count: items.length, date: loc.date(start) })
      : d('communications.lead', { count: items.length }),
    ...(unscheduled ? [d('communications.unscheduled', { count: unscheduled })] : []),
  ].join(' ');
  const { columns, rows } = communicationRows(plan, profile, loc);
  const status = columns.length === 5;
  return [
    { type: 'paragraph', text: lead, style: 'lead' },
    {
      type: 'facts',
      rows: [
        [
          d('communications.registrationLink'),
          details.registrationLink.trim() || d('engagement.notSet'),
        ],
        [
          d('communications.supportContact'),
          details.supportContact.trim() || d('engagement.notSet'),
        ],
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
    ...wordingBlocks(plan, loc),
  ];
}

/** Each communication's subject and filled body under its title, in plan order. */
function wordingBlocks(plan: Plan, loc: DocLocale): DocBlock[] {
  const d = loc.d;
  const blocks: DocBlock[] = [];
  for (const c of plan.launch.communications) {
    const filled = fillCommunication(plan, c);
    const subject = readable(loc, filled.subject).replace(/\s+/g, ' ').trim();
    const body = bodyBlocks(readable(loc, filled.body));
    if (!subject && body.length === 0) continue;
    const title = c.title.trim() || kindWords(loc, c.kind);
    // The subject under its title, unless the title already says it word for word.
    blocks.push(
      { type: 'heading', level: 3, text: title },
      ...(subject && subject !== title
        ? [{ type: 'facts' as const, rows: [[d('communications.subject'), subject] as const] }]
        : []),
      ...body,
    );
  }
  return blocks.length
    ? [
        { type: 'heading', level: 2, text: d('communications.wording') },
        { type: 'paragraph', style: 'note', text: d('communications.wordingNote') },
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
export function communicationSheetRows(
  plan: Plan,
  loc: DocLocale = englishLocale(),
): CommunicationSheetRow[] {
  const start = launchStart(plan);
  return plan.launch.communications.map((c) => ({
    id: c.id,
    title: c.title.trim() || kindWords(loc, c.kind),
    kind: kindWords(loc, c.kind),
    subject: readable(loc, fillCommunication(plan, c).subject).trim(),
    audience: audienceLabel(plan, c, loc),
    send: sendLabel(c, start, loc),
    sendDate: resolveLaunchDate(c.send, start),
    status: loc.d(`communications.status.${c.status}`),
  }));
}
