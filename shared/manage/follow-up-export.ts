/**
 * A follow-up rule's message filled from the plan, and today's list as a CSV
 * for the mail or SMS tool (issue 14).
 *
 * The CSV holds personal data (names, e-mails, phone numbers): it is a
 * deliberate local export for the tool that sends the follow-ups, made on
 * request from the local roster — never part of the plan file or of the
 * shareable Word/Excel exports, which carry the follow-up counts only.
 *
 * Layout: UTF-8 with a byte-order mark and Windows line ends (as Excel
 * writes CSV); formula-looking cells are written as text (csvCell). The
 * contact column comes first and follows the rule's channel — `Email` for
 * e-mail, `Phone` for text messages (with the e-mail beside it, since a
 * roster from a learning platform seldom has phone numbers and SMS tools can
 * match on e-mail) — then first and last name, and the message with the
 * learner fields in the mail tool's merge syntax.
 *
 * Nothing else: the mail tool needs only whom to send to and what to send.
 * The segment (which can be a sensitive status, e.g. justice-involved young
 * people), the rule, why and how many days — the learner's engagement
 * record — stay in the on-screen list and are not uploaded to a third-party
 * mail or SMS service (data minimisation). The learner id is left out too:
 * the tools match contacts on the e-mail (or phone) column, and the list's
 * rows come from the roster, so nothing needs it to match back.
 *
 * A message may say how long each learner has been away with
 * `{daysInactive}`: the export writes each learner's own number into their
 * row's message, so the wording stays true whether someone has been quiet
 * for 15 days or 224 (a fixed "for two weeks" is pointed out).
 */
import type { FollowUpRule, Plan } from '../plan/schema';
import type { RosterLearner } from './roster';
import { csvCell } from '../export/sanitize';
import {
  fieldToken,
  fillTemplate,
  mergeProblems,
  mergeValues,
  renderText,
  type FollowUpField,
  type LearnerStyle,
  type MergePart,
  type MergeProblem,
  type MergeValues,
} from '../launch/merge-fields';
import { longDate } from '../long-date';
import { dayNumber, daysInactive, followUpColumns, type FollowUpList } from './follow-ups';

/** A rule's message filled from the plan (send date: today), with its problems. */
export interface FilledFollowUp {
  readonly parts: MergePart[];
  readonly problems: MergeProblem[];
}

/** The follow-up fields, for the Insert field menu of a rule's message. */
export const FOLLOW_UP_FIELD_INFO = [
  {
    name: 'daysInactive',
    label: 'days without activity',
    source:
      'Each learner’s days without activity (since registering, if not started), written into their row of the CSV',
  },
] as const satisfies readonly { name: FollowUpField; label: string; source: string }[];

const DAYS_TOKEN = fieldToken('daysInactive');

/** A template filled with `values`, `{daysInactive}` kept as a per-learner field. */
function fillWithDays(template: string, values: MergeValues): MergePart[] {
  const parts: MergePart[] = [];
  template.split(DAYS_TOKEN).forEach((piece, i) => {
    if (i > 0)
      parts.push({
        kind: 'learner',
        field: 'daysInactive',
        label: FOLLOW_UP_FIELD_INFO[0].label,
      });
    parts.push(...fillTemplate(piece, values));
  });
  return parts;
}

/** Fills a rule's message with the plan's values; `{sendDate}` is the day the list is for. */
export function fillFollowUp(plan: Plan, rule: FollowUpRule, today: string): FilledFollowUp {
  const values = {
    ...mergeValues(plan, { segmentIds: rule.segmentIds, send: null }),
    sendDate: longDate(today),
  };
  const parts = fillWithDays(rule.message, values);
  return { parts, problems: mergeProblems(parts) };
}

/** Names that are not merge fields in a rule's message (`{first name}`), for Plan health. */
export function unknownFields(rule: FollowUpRule): string[] {
  return fillWithDays(rule.message, EMPTY_VALUES).flatMap((p) =>
    p.kind === 'unknown' ? [p.name] : [],
  );
}

const NUMBER_WORDS =
  'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety|a few|several|\\d+';
// "for two weeks", "for the past 14 days", "two weeks ago", "since a fortnight" — not "within 7 days".
const FIXED_TIME = new RegExp(
  `\\b(?:for|since)\\s+(?:the\\s+(?:last|past)\\s+)?(?:(?:${NUMBER_WORDS})\\s+(?:days?|weeks?|months?)|a\\s+fortnight)\\b|\\b(?:${NUMBER_WORDS})\\s+(?:days?|weeks?|months?)\\s+ago\\b`,
  'i',
);

/**
 * A rule's message that tells learners how long they have been away in
 * fixed words ("we haven't seen you for two weeks") while the rule lists
 * everyone from its number of days up: the words it uses, or null. Only
 * for rules about inactivity or not starting, and only when the message
 * does not use `{daysInactive}`.
 */
export function fixedTimeWording(rule: FollowUpRule): string | null {
  if (rule.trigger === 'behindPace' || rule.message.includes(DAYS_TOKEN)) return null;
  return FIXED_TIME.exec(rule.message)?.[0] ?? null;
}

/** What to say about a message's fixed time wording (the preview and Plan health). */
export function fixedTimeAdvice(rule: FollowUpRule, words: string, longest?: number): string {
  return `The message says “${words}”, but this rule lists every learner from ${rule.afterDays} ${rule.afterDays === 1 ? 'day' : 'days'} up${longest !== undefined && longest > rule.afterDays ? ` — today the longest is ${longest} days` : ''}. Write {daysInactive} days instead: the export puts in each learner’s own number.`;
}

const EMPTY_VALUES = {
  programName: '',
  organisation: '',
  region: '',
  launchDate: '',
  pathway: '',
  supportContact: '',
  registrationLink: '',
  sendDate: '',
} as const;

/** First name and the rest, from a full name ("Ana María López" → "Ana", "María López"). */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return { first: words[0] ?? '', last: words.slice(1).join(' ') };
}

/** A learner with the phone number a roster may carry. */
type Contactable = RosterLearner & { readonly phone?: string };

/** Which rows to export: every row, or the rows of one rule. */
export interface FollowUpCsvOptions {
  /** Index of the rule in `list.rules`; null = every rule. */
  readonly rule: number | null;
  /** The mail tool's merge syntax for learner fields in the message column. */
  readonly style: LearnerStyle;
  /** The list rows to export, in order (a filtered view); absent: as `rule` says. */
  readonly rows?: Uint32Array;
}

/** The heading line of the CSV for a channel (with the byte-order mark). */
export function followUpCsvHeader(channel: FollowUpRule['channel']): string {
  const contact = channel === 'sms' ? ['Phone', 'Email'] : ['Email'];
  return `\ufeff${[...contact, 'First name', 'Last name', 'Message']
    .map((h) => csvCell(h))
    .join(',')}\r\n`;
}

/** The channel of an export: the rule's, or e-mail when any rule of the rows sends e-mail. */
export function exportChannel(list: FollowUpList, rule: number | null): FollowUpRule['channel'] {
  if (rule !== null) return list.rules[rule]?.channel ?? 'email';
  return list.rules.every((r) => r.channel === 'sms') && list.rules.length > 0 ? 'sms' : 'email';
}

/** The rows of the list in the export, in list order. */
export function exportRows(list: FollowUpList, rule: number | null): number {
  if (rule === null) return list.length;
  return list.countByRule[rule] ?? 0;
}

/**
 * The CSV as a generator of chunks (heading first, then about `slice` rows
 * per chunk), so a page can write 100,000 rows between frames; joined,
 * they are the whole file.
 */
export function* followUpCsvChunks(
  plan: Plan,
  list: FollowUpList,
  learners: readonly RosterLearner[],
  options: FollowUpCsvOptions,
  slice = 2000,
): Generator<string, void> {
  const channel = exportChannel(list, options.rule);
  yield followUpCsvHeader(channel);
  // The message is the same for every row of a rule: written once; a message
  // with {daysInactive} is kept in pieces, the learner's days put in per row.
  const messages = list.rules.map((r) => {
    const text = renderText(fillFollowUp(plan, r, list.today).parts, options.style);
    const pieces = text.split(DAYS_TOKEN);
    return pieces.length === 1 ? csvCell(text) : pieces;
  });
  const columns = followUpColumns(learners);
  const todayDay = dayNumber(list.today);
  const rows = options.rows;
  const count = rows ? rows.length : list.length;
  let out = '';
  let inChunk = 0;
  for (let k = 0; k < count; k++) {
    const row = rows ? rows[k]! : k;
    const r = list.rule[row]!;
    if (!rows && options.rule !== null && r !== options.rule) continue;
    const index = list.learner[row]!;
    const learner = learners[index]! as Contactable;
    const { first, last } = splitName(learner.name);
    const contact =
      channel === 'sms'
        ? `${csvCell(learner.phone ?? '')},${csvCell(learner.email)}`
        : csvCell(learner.email);
    const message = messages[r]!;
    const cell =
      typeof message === 'string'
        ? message
        : csvCell(message.join(String(daysInactive(columns, index, todayDay) ?? list.days[row]!)));
    out += `${contact},${csvCell(first)},${csvCell(last)},${cell}\r\n`;
    if (++inChunk >= slice) {
      yield out;
      out = '';
      inChunk = 0;
    }
  }
  if (out) yield out;
}

/** The whole CSV at once (tests, small lists). */
export function followUpCsv(
  plan: Plan,
  list: FollowUpList,
  learners: readonly RosterLearner[],
  options: FollowUpCsvOptions,
): string {
  let out = '';
  for (const chunk of followUpCsvChunks(plan, list, learners, options)) out += chunk;
  return out;
}
