/**
 * Merge fields of launch communications: a body or subject is a template in
 * which `{programName}`, `{launchDate}`, `{registrationLink}`… are filled
 * from the plan, and learner fields (`{firstName}`) are left for the mail
 * tool to fill at send time.
 *
 * The fields and where each comes from:
 *
 * | field                | source                                                                 |
 * | -------------------- | ---------------------------------------------------------------------- |
 * | `{programName}`      | Objective → program name                                               |
 * | `{organisation}`     | Objective → organisation                                               |
 * | `{region}`           | Objective → region                                                     |
 * | `{launchDate}`       | Objective → timeline → launch start (“1 April 2027”)                   |
 * | `{pathway}`          | Pathways aimed at the communication's segments (all pathways if it goes to everyone), “A or B” |
 * | `{supportContact}`   | Launch details → support contact                                       |
 * | `{registrationLink}` | Launch details → registration link                                     |
 * | `{sendDate}`         | The communication's own send date (“12 April 2027”)                    |
 * | `{firstName}`        | Learner field: filled by the mail tool for each learner                |
 * | `{lastName}`         | Learner field: filled by the mail tool for each learner                |
 * | `{daysInactive}`     | Follow-up messages only: each learner's days without activity, written |
 * |                      | into each row of the follow-up CSV (shared/manage/follow-up-export.ts) |
 *
 * A plan field without a value, or a name that is not a field (`{first
 * name}`), is never written out raw: the preview flags it with what to do,
 * and an export writes a bracketed note (“[registration link not set]”)
 * that a reader sees at once. Learner fields stay `{firstName}` in a
 * plain-text or .eml export (the mail tool's merge replaces them) and read
 * as a marked placeholder («first name») in the preview and in documents.
 */
import type { Communication, Plan } from '../plan/schema';
import { launchStart, resolveLaunchDate } from './onboarding';
import { formatFor } from '../i18n/format';
import { webAddress } from '../web-address';

/** Names of the fields filled from the plan. */
export const PLAN_FIELDS = [
  'programName',
  'organisation',
  'region',
  'launchDate',
  'pathway',
  'supportContact',
  'registrationLink',
  'sendDate',
] as const;

/** Names of the fields the mail tool fills for each learner. */
export const LEARNER_FIELDS = ['firstName', 'lastName'] as const;

/**
 * Fields of follow-up messages only, known per learner when the list is
 * exported: written into each row, so "two weeks" is never sent to someone
 * inactive for 224 days.
 */
export const FOLLOW_UP_FIELDS = ['daysInactive'] as const;

/** A follow-up field's name. */
export type FollowUpField = (typeof FOLLOW_UP_FIELDS)[number];

/** A plan field's name. */
export type PlanField = (typeof PLAN_FIELDS)[number];
/** A learner field's name. */
export type LearnerField = (typeof LEARNER_FIELDS)[number];
/** Any merge field's name. */
export type MergeField = PlanField | LearnerField;

/** How a field is shown and, when empty, what to do about it. */
export interface FieldInfo {
  readonly name: MergeField;
  /** Lower-case words for the field ("registration link"). */
  readonly label: string;
  /** Where the value comes from, for the Insert field menu and the docs. */
  readonly source: string;
  /** The preview's note when the plan has no value ("add it in Launch details"). */
  readonly fix: string;
  readonly learner: boolean;
}

/** Every merge field, in the order the Insert field menu lists them. */
export const FIELD_INFO: readonly FieldInfo[] = [
  {
    name: 'firstName',
    label: 'first name',
    source: 'Each learner’s first name, filled by the mail tool when it sends',
    fix: '',
    learner: true,
  },
  {
    name: 'lastName',
    label: 'last name',
    source: 'Each learner’s last name, filled by the mail tool when it sends',
    fix: '',
    learner: true,
  },
  {
    name: 'programName',
    label: 'program name',
    source: 'Objective: program name',
    fix: 'add it in Objective',
    learner: false,
  },
  {
    name: 'organisation',
    label: 'organisation',
    source: 'Objective: organisation',
    fix: 'add it in Objective',
    learner: false,
  },
  {
    name: 'region',
    label: 'region',
    source: 'Objective: region',
    fix: 'add it in Objective',
    learner: false,
  },
  {
    name: 'launchDate',
    label: 'launch date',
    source: 'Objective: timeline, launch start',
    fix: 'set the launch start in the Objective timeline',
    learner: false,
  },
  {
    name: 'pathway',
    label: 'pathway',
    source: 'Pathways aimed at the audience’s segments (all pathways when it goes to everyone)',
    fix: 'aim a pathway at these segments in Pathways & skills',
    learner: false,
  },
  {
    name: 'supportContact',
    label: 'support contact',
    source: 'Launch details: support contact',
    fix: 'add it in Launch details',
    learner: false,
  },
  {
    name: 'registrationLink',
    label: 'registration link',
    source: 'Launch details: registration link',
    fix: 'add it in Launch details',
    learner: false,
  },
  {
    name: 'sendDate',
    label: 'send date',
    source: 'This communication’s send date',
    fix: 'give this communication a send date',
    learner: false,
  },
];

const INFO = new Map<string, FieldInfo>(FIELD_INFO.map((f) => [f.name, f]));

/** The description of a field, or undefined for a name that is not a field. */
export function fieldInfo(name: string): FieldInfo | undefined {
  return INFO.get(name);
}

/** The token for a field, as typed in a template. */
export function fieldToken(name: MergeField | FollowUpField): string {
  return `{${name}}`;
}

/**
 * Every merge field mapped to its own token: the values to word a catalog
 * message of a seeded template (a draft, a follow-up message) with, so it
 * comes back with `{programName}`, `{firstName}`… intact for the plan and the
 * mail tool to fill, in whatever language the rest is written.
 */
export const FIELD_TOKENS = Object.fromEntries(
  [...PLAN_FIELDS, ...LEARNER_FIELDS, ...FOLLOW_UP_FIELDS].map((f) => [f, fieldToken(f)]),
) as { readonly [F in MergeField | FollowUpField]: string };

/** A piece of a filled template. */
export type MergePart =
  | { readonly kind: 'text'; readonly text: string }
  /** A plan field with its value. */
  | { readonly kind: 'value'; readonly field: PlanField; readonly text: string }
  /** A learner field the mail tool fills (or, for a follow-up field, the follow-up CSV). */
  | {
      readonly kind: 'learner';
      readonly field: LearnerField | FollowUpField;
      readonly label: string;
    }
  /**
   * A plan field the plan has no usable value for: none, or (`invalid`) one
   * that cannot be sent (a registration link that is not a web address).
   */
  | {
      readonly kind: 'missing';
      readonly field: PlanField;
      readonly message: string;
      readonly invalid?: true;
    }
  /** Something in braces that is not a field (`{first name}`). */
  | { readonly kind: 'unknown'; readonly name: string; readonly message: string };

/** The plan's values for the plan fields ('' where the plan has none). */
export type MergeValues = Readonly<Record<PlanField, string>>;

/**
 * The pathways a communication speaks of: those aimed at one of its
 * segments, or every pathway when it goes to everyone (no segments) — and
 * when none is aimed at its segments, none.
 */
export function pathwaysFor(
  plan: Plan,
  segmentIds: readonly string[],
): Plan['content']['pathways'] {
  const named = plan.content.pathways.filter((p) => p.name.trim());
  if (segmentIds.length === 0) return named;
  const wanted = new Set(segmentIds);
  return named.filter((p) => p.segmentIds.some((id) => wanted.has(id)));
}

/** The values of the plan fields for one communication (its segments and send date matter). */
export function mergeValues(
  plan: Plan,
  communication: Pick<Communication, 'segmentIds' | 'send'>,
): MergeValues {
  const start = launchStart(plan);
  const o = plan.objective;
  // Messages are written in the plan's document language: its dates ("1 April 2027", "1 de abril
  // de 2027") and its "A, B or C" ("A, B o C").
  const format = formatFor(plan.documentLanguage);
  return {
    programName: o.programName.trim(),
    organisation: o.organisation.trim(),
    region: o.region.trim(),
    launchDate: format.date(start, ''),
    pathway: format.list(
      pathwaysFor(plan, communication.segmentIds).map((p) => p.name.trim()),
      'disjunction',
    ),
    supportContact: plan.launch.details.supportContact.trim(),
    registrationLink: plan.launch.details.registrationLink.trim(),
    sendDate: format.date(resolveLaunchDate(communication.send, start), ''),
  };
}

/** `{name}`: a name of up to 60 characters without braces or line breaks. */
const TOKEN = /\{([^{}\r\n]{1,60})\}/g;

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message for a plan field without a value: “Registration link is not set — add it in Launch details”. */
export function missingMessage(field: PlanField): string {
  const info = INFO.get(field)!;
  return `${sentence(info.label)} is not set — ${info.fix}`;
}

/** The message for a name that is not a field. */
export function unknownMessage(name: string): string {
  return `“{${name}}” is not a merge field — use Insert field, or write it as plain text`;
}

/** Splits a template into text and fields, each field filled from `values`. */
export function fillTemplate(template: string, values: MergeValues): MergePart[] {
  const parts: MergePart[] = [];
  let at = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
    else parts.push({ kind: 'text', text });
  };
  for (const match of template.matchAll(TOKEN)) {
    pushText(template.slice(at, match.index));
    at = match.index + match[0].length;
    const name = match[1]!;
    const info = INFO.get(name);
    if (!info) parts.push({ kind: 'unknown', name, message: unknownMessage(name) });
    else if (info.learner)
      parts.push({ kind: 'learner', field: name as LearnerField, label: info.label });
    else {
      const field = name as PlanField;
      const value = values[field];
      if (!value) parts.push({ kind: 'missing', field, message: missingMessage(field) });
      else if (field === 'registrationLink' && !webAddress(value))
        parts.push({
          kind: 'missing',
          field,
          invalid: true,
          message:
            'Registration link is not a web address (https://…) — correct it in Launch details',
        });
      else parts.push({ kind: 'value', field, text: value });
    }
  }
  pushText(template.slice(at));
  return parts;
}

/** A problem of a template: a plan field without a value, or a name that is not a field. */
export interface MergeProblem {
  readonly kind: 'missing' | 'unknown';
  /** The field or name, as typed. */
  readonly name: string;
  readonly message: string;
  /** A plan field whose value cannot be sent (a registration link that is not a web address). */
  readonly invalid?: true;
}

/** The distinct problems of filled templates, in order of first appearance. */
export function mergeProblems(...filled: readonly (readonly MergePart[])[]): MergeProblem[] {
  const seen = new Set<string>();
  const problems: MergeProblem[] = [];
  for (const parts of filled)
    for (const part of parts) {
      if (part.kind !== 'missing' && part.kind !== 'unknown') continue;
      const name = part.kind === 'missing' ? part.field : part.name;
      const key = `${part.kind}:${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(
        part.kind === 'missing' && part.invalid
          ? { kind: part.kind, name, message: part.message, invalid: true }
          : { kind: part.kind, name, message: part.message },
      );
    }
  return problems;
}

/**
 * How learner fields are written out: in the merge syntax of the mail tool
 * that sends the message (so learners never get "Hi {firstName}"), or for
 * people to read.
 */
export type LearnerStyle =
  /** `{firstName}`: our own token, for a tool whose field the user puts in by hand. */
  | 'token'
  /** Mailchimp merge tags: `*|FNAME|*`, `*|LNAME|*` (its audience import's First/Last Name). */
  | 'mailchimp'
  /** Brevo (Sendinblue) contact attributes: `{{ contact.FIRSTNAME }}`. */
  | 'brevo'
  /** «first name», for a document read by people. */
  | 'placeholder';

/** The mail tools whose merge syntax an export can use, for a choice in the UI. */
export const MAIL_TOOL_STYLES: readonly { readonly style: LearnerStyle; readonly label: string }[] =
  [
    { style: 'mailchimp', label: 'Mailchimp (*|FNAME|*)' },
    { style: 'brevo', label: 'Brevo ({{ contact.FIRSTNAME }})' },
    { style: 'token', label: 'Another tool ({firstName}: replace with its field)' },
  ];

const MAIL_TOOL_FIELDS: Record<'mailchimp' | 'brevo', Record<LearnerField, string>> = {
  mailchimp: { firstName: '*|FNAME|*', lastName: '*|LNAME|*' },
  brevo: { firstName: '{{ contact.FIRSTNAME }}', lastName: '{{ contact.LASTNAME }}' },
};

function learnerText(
  field: LearnerField | FollowUpField,
  label: string,
  style: LearnerStyle,
): string {
  // A follow-up field is written in by the follow-up CSV; elsewhere it stays a token or placeholder.
  if (field === 'daysInactive') return style === 'placeholder' ? `«${label}»` : fieldToken(field);
  switch (style) {
    case 'token':
      return fieldToken(field);
    case 'placeholder':
      return `«${label}»`;
    default:
      return MAIL_TOOL_FIELDS[style][field];
  }
}

/**
 * A filled template as text for an export: values written in, learner
 * fields as tokens or placeholders, a missing value or unknown name as a
 * bracketed note (never the raw field).
 */
export function renderText(parts: readonly MergePart[], learner: LearnerStyle = 'token'): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
        case 'value':
          return part.text;
        case 'learner':
          return learnerText(part.field, part.label, learner);
        case 'missing':
          return `[${INFO.get(part.field)!.label} ${part.invalid ? 'not a web address' : 'not set'}]`;
        case 'unknown':
          return `[${part.name.replace(/[[\]]/g, '')}: not a merge field]`;
      }
    })
    .join('');
}

/** A communication's subject and body, filled from the plan. */
export interface FilledCommunication {
  readonly subject: MergePart[];
  readonly body: MergePart[];
  readonly problems: MergeProblem[];
}

/** Fills a communication's subject and body from the plan. */
export function fillCommunication(plan: Plan, communication: Communication): FilledCommunication {
  const values = mergeValues(plan, communication);
  const subject = fillTemplate(communication.subject, values);
  const body = fillTemplate(communication.body, values);
  return { subject, body, problems: mergeProblems(subject, body) };
}
