/**
 * One launch communication as files: plain text, an .eml message for the
 * mail tool, and the blocks of a Word document (the onboarding guide as a
 * short guide with the program, how it works, support, what learners gain
 * and the pathway outline from the Pathways section).
 *
 * The .eml is an RFC 5322 message without recipients (the mail tool adds
 * them): Subject (RFC 2047 encoded-words when it is not ASCII), Date,
 * MIME-Version, `Content-Type: text/plain; charset=utf-8` and a
 * quoted-printable body (RFC 2045), lines ending in CRLF. `X-Unsent: 1`
 * makes Outlook open it as a draft to send. From is written only when the
 * support contact holds an e-mail address. The encoders are written here,
 * not taken from libmime/libqp, because those need Node's Buffer and this
 * module also runs in the browser.
 */
import { sendLabel } from '../export/communications-chapter';
import type { DocBlock } from '../export/document';
import type { Communication, Plan } from '../plan/schema';
import { planFileName, PLAN_FILE_SUFFIX } from '../plan/plan-file';
import { EXPORT_KINDS, sanitizeText } from '../export/sanitize';
import { kindLabel } from './communication-drafts';
import {
  fillCommunication,
  pathwaysFor,
  renderText,
  type LearnerStyle,
  type MergePart,
} from './merge-fields';
import { launchStart } from './onboarding';
import { longDate } from '../long-date';

// ---------------------------------------------------------------- text

/** The subject and body, filled from the plan, as text (learner fields as `{firstName}` tokens by default). */
export function communicationTexts(
  plan: Plan,
  communication: Communication,
  learner: LearnerStyle = 'token',
): { subject: string; body: string } {
  const filled = fillCommunication(plan, communication);
  return {
    subject: oneLine(renderText(filled.subject, learner)),
    body: sanitizeText(renderText(filled.body, learner)).replace(/\r\n?/g, '\n'),
  };
}

function oneLine(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/** The communication as a plain-text file: its subject, a blank line and the body. */
export function communicationPlainText(
  plan: Plan,
  communication: Communication,
  learner: LearnerStyle = 'token',
): string {
  const { subject, body } = communicationTexts(plan, communication, learner);
  return `Subject: ${subject}\n\n${body.replace(/\s+$/, '')}\n`;
}

// ---------------------------------------------------------------- .eml

const utf8 = new TextEncoder();
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes (RFC 4648). */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

/**
 * A header value as RFC 2047 encoded-words when it is not plain printable
 * ASCII: `=?UTF-8?B?…?=` words of at most 60 characters, split between
 * whole characters, folded onto continuation lines.
 */
export function encodeHeaderValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?')) return value;
  // 36 bytes a word: 48 base64 characters + 12 = 60, so "Subject: " and a
  // word stay within 78 characters on a line (RFC 2047 allows words of 75).
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of value) {
    const bytes = utf8.encode(ch);
    if (chunk.length + bytes.length > 36) {
      words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
  return words.join('\r\n ');
}

const HEX = '0123456789ABCDEF';

/**
 * Quoted-printable (RFC 2045 §6.7) of a UTF-8 text: lines end in CRLF,
 * '=' and bytes outside printable ASCII are =XX, a space or tab at a line's
 * end is encoded, and lines longer than 76 characters get soft breaks.
 */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = utf8.encode(line);
      const tokens: string[] = [];
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const plain =
          (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        tokens.push(plain ? String.fromCharCode(byte) : `=${HEX[byte >> 4]}${HEX[byte & 15]}`);
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        // 75 characters plus the soft break's '=' make the 76 allowed.
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join('\r\n');
    })
    .join('\r\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** An RFC 5322 date-time in UTC ("Thu, 01 Apr 2027 09:00:00 +0000"). */
export function rfc5322Date(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/**
 * The communication as an .eml message for the mail tool (no recipients).
 * `now` is the Date header's moment (the caller's clock).
 */
export function communicationEml(
  plan: Plan,
  communication: Communication,
  now: Date,
  learner: LearnerStyle = 'token',
): string {
  const { subject, body } = communicationTexts(plan, communication, learner);
  const from = ADDRESS.exec(plan.launch.details.supportContact)?.[0];
  const headers = [
    ...(from ? [`From: ${from}`] : []),
    `Subject: ${encodeHeaderValue(subject)}`,
    `Date: ${rfc5322Date(now)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(body.replace(/\s+$/, ''))}\r\n`;
}

// ---------------------------------------------------------------- files

/** The file kinds a communication is exported as (their names and types are in EXPORT_KINDS). */
export const COMMUNICATION_FILE_KINDS = ['docx', 'txt', 'eml'] as const;

/** A kind of communication file. */
export type CommunicationFileKind = (typeof COMMUNICATION_FILE_KINDS)[number];

/** "Lower Valley Digital Futures 2027 – Launch e-mail.eml": a safe file name from the plan and the title. */
export function communicationFileName(
  plan: Plan,
  communication: Communication,
  kind: CommunicationFileKind,
): string {
  const stem = (name: string) =>
    planFileName(sanitizeText(name)).slice(0, -PLAN_FILE_SUFFIX.length);
  const title = stem(communication.title.trim() || kindLabel(communication.kind));
  return `${stem(plan.name)} – ${title}${EXPORT_KINDS[kind].extension}`;
}

// ---------------------------------------------------------------- Word

/** Blocks of a body: paragraphs split at blank lines, lines starting "- " or "• " as bullets. */
export function bodyBlocks(body: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    let text: string[] = [];
    let bullets: string[] = [];
    const flush = () => {
      if (text.length) blocks.push({ type: 'paragraph', text: text.join('\n') });
      if (bullets.length) blocks.push({ type: 'bullets', items: bullets });
      text = [];
      bullets = [];
    };
    for (const line of lines) {
      const bullet = /^\s*[-•*]\s+(.*)$/.exec(line);
      if (bullet) {
        if (text.length) flush();
        bullets.push(bullet[1]!.trim());
      } else {
        if (bullets.length) flush();
        text.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

/** "about 12 weeks at 8 hours a week", or '' when the hours are not known. */
function paceText(totalHours: number, hoursPerWeek: number): string {
  if (totalHours <= 0 || hoursPerWeek <= 0) return '';
  const weeks = Math.max(1, Math.round(totalHours / hoursPerWeek));
  return `about ${weeks} week${weeks === 1 ? '' : 's'} at ${hoursPerWeek} hours a week`;
}

/** The pathway outline: each pathway's role, pace and steps (from the Pathways section). */
function pathwayOutline(plan: Plan, communication: Communication): DocBlock[] {
  const pathways = pathwaysFor(plan, communication.segmentIds);
  if (pathways.length === 0)
    return [
      {
        type: 'paragraph',
        text: 'No pathway is aimed at this audience yet (Pathways & skills).',
        style: 'note',
      },
    ];
  const catalog = new Map(plan.content.catalog.map((c) => [c.id, c]));
  const blocks: DocBlock[] = [];
  for (const pathway of pathways) {
    blocks.push({ type: 'heading', level: 3, text: pathway.name.trim() });
    const items = pathway.steps.map((s) => ({ step: s, item: catalog.get(s.contentItemId) }));
    const hours = items.reduce((sum, { item }) => sum + (item?.hours ?? 0), 0);
    const about = [
      pathway.targetRole.trim() ? `Leads towards: ${pathway.targetRole.trim()}.` : '',
      paceText(hours, pathway.hoursPerWeek)
        ? `${items.length} step${items.length === 1 ? '' : 's'}, ${paceText(hours, pathway.hoursPerWeek)}.`
        : '',
    ].filter(Boolean);
    if (about.length) blocks.push({ type: 'paragraph', text: about.join(' ') });
    const grouped = pathway.mode === 'group';
    const rows = items
      .filter(({ item }) => item)
      .map(({ step, item }, i) => [
        String(i + 1),
        ...(grouped ? [step.group.trim() || '—'] : []),
        item!.title,
        item!.provider || '—',
        item!.hours === null ? '—' : String(item!.hours),
      ]);
    if (rows.length)
      blocks.push({
        type: 'table',
        columns: [
          { title: '#', width: 5, numeric: true },
          ...(grouped ? [{ title: 'Part', width: 18 }] : []),
          { title: 'Course or activity', width: grouped ? 45 : 60 },
          { title: 'Provider', width: 20 },
          { title: 'Hours', width: 10, numeric: true },
        ],
        rows,
      });
    if (pathway.requiredSkills.length)
      blocks.push({
        type: 'paragraph',
        text: `Skills you build: ${pathway.requiredSkills.join(', ')}.`,
      });
  }
  return blocks;
}

/** The segments a communication goes to (all segments when it names none). */
function audienceSegments(plan: Plan, communication: Communication) {
  const ids = new Set(communication.segmentIds);
  return ids.size === 0 ? plan.learners : plan.learners.filter((s) => ids.has(s.id));
}

/** Unique, non-empty texts in order. */
const unique = (texts: readonly string[]) => [
  ...new Set(texts.map((t) => t.trim()).filter(Boolean)),
];

/** Incentives that help a learner take part (Support); the others are what they gain. */
const SUPPORT_KINDS: ReadonlySet<string> = new Set(['deviceOrData', 'paidTimeOff', 'community']);

/** The onboarding guide's blocks: welcome, the program, how it works, support, what you gain, your pathway. */
function guideBlocks(plan: Plan, communication: Communication, body: MergePart[]): DocBlock[] {
  const o = plan.objective;
  const start = longDate(launchStart(plan));
  const segments = audienceSegments(plan, communication);
  const pathways = pathwaysFor(plan, communication.segmentIds);
  const incentives = segments.flatMap((s) => s.incentives);
  const support = plan.launch.details.supportContact.trim();
  const blocks: DocBlock[] = [...bodyBlocks(renderText(body, 'placeholder'))];

  blocks.push({ type: 'heading', level: 2, text: 'The program' });
  blocks.push({
    type: 'paragraph',
    text:
      o.changeSought.trim() ||
      `${o.programName.trim() || 'The program'} helps learners build skills for work.`,
  });
  if (o.targetGroup.trim())
    blocks.push({ type: 'paragraph', text: `Who it is for: ${o.targetGroup.trim()}` });

  blocks.push({ type: 'heading', level: 2, text: 'How it works' });
  const how: string[] = [];
  if (start) how.push(`The program launches on ${start}.`);
  for (const p of pathways)
    how.push(
      `${p.name.trim()}: ${p.steps.length} step${p.steps.length === 1 ? '' : 's'}${p.mode === 'sequence' ? ' taken in order' : ' in groups you can take in any order'}, about ${p.hoursPerWeek} hours of learning a week.`,
    );
  if (how.length) blocks.push({ type: 'bullets', items: how });
  const journey = plan.launch.marketing.journeySteps.map((s) => s.trim()).filter(Boolean);
  if (journey.length) {
    blocks.push({ type: 'heading', level: 3, text: 'Getting started' });
    blocks.push({ type: 'paragraph', text: 'From the invitation to your first lesson:' });
    blocks.push({ type: 'bullets', items: journey });
  }

  blocks.push({ type: 'heading', level: 2, text: 'Support' });
  blocks.push({
    type: 'paragraph',
    text: support
      ? `If you have a question or get stuck, contact ${support}. Nobody is expected to manage on their own.`
      : 'Support contact: not set yet (Launch details).',
    ...(support ? {} : { style: 'note' as const }),
  });
  const help = unique(
    incentives.filter((i) => SUPPORT_KINDS.has(i.type)).map((i) => i.description),
  );
  if (help.length) blocks.push({ type: 'bullets', items: help });

  blocks.push({ type: 'heading', level: 2, text: 'What you gain' });
  const gains = unique([
    ...pathways.map((p) =>
      p.targetRole.trim()
        ? `Skills for a first role as ${p.targetRole.trim()} (${p.name.trim()})`
        : '',
    ),
    ...incentives.filter((i) => !SUPPORT_KINDS.has(i.type)).map((i) => i.description),
  ]);
  blocks.push(
    gains.length
      ? { type: 'bullets', items: gains }
      : { type: 'paragraph', text: 'Practical skills employers look for.' },
  );

  blocks.push({
    type: 'heading',
    level: 2,
    text: pathways.length > 1 ? 'The pathways' : 'Your pathway',
  });
  blocks.push(...pathwayOutline(plan, communication));
  return blocks;
}

/** What the Word file of a communication holds: title, running header and blocks. */
export function communicationDocument(
  plan: Plan,
  communication: Communication,
): {
  title: string;
  kicker: string;
  header: string;
  creator: string;
  language: string;
  blocks: DocBlock[];
} {
  const filled = fillCommunication(plan, communication);
  const program = plan.objective.programName.trim() || plan.name;
  const title = communication.title.trim() || kindLabel(communication.kind);
  const base = {
    title,
    kicker: program,
    header: `${program} — ${title}`,
    creator: plan.objective.organisation,
    language: plan.objective.language,
  };
  if (communication.kind === 'onboardingGuide')
    return { ...base, blocks: guideBlocks(plan, communication, filled.body) };
  const audience = [
    ...audienceSegments(plan, communication)
      .filter(() => communication.segmentIds.length > 0)
      .map((s) => s.name),
    communication.audienceNote.trim(),
  ].filter(Boolean);
  return {
    ...base,
    blocks: [
      {
        type: 'facts',
        rows: [
          ['Subject', oneLine(renderText(filled.subject, 'placeholder')) || '—'],
          ['Audience', audience.join('; ') || 'All learners'],
          ['Send date', sendLabel(communication, launchStart(plan))],
        ],
      },
      ...bodyBlocks(renderText(filled.body, 'placeholder')),
    ],
  };
}
