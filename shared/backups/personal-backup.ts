/**
 * The personal data a plan's backups may carry when the user opts in (issues
 * 13 and 14): the learner roster and the invitation list, which otherwise
 * live only in the local database. They never go inside a plan backup — a
 * plan file taken from the backups folder and shared stays clean — but in a
 * companion file beside it:
 *
 * `2026-11-20T09-15-00-000Z.personal.json`   the personal data as of that moment
 *
 * A companion is written only when the personal data changed since the last
 * one, so a 100,000-learner roster is not copied every minute. The personal
 * data that goes with a plan backup is therefore the newest companion taken
 * at or before it ({@link companionFor}); retention keeps exactly the
 * companions some kept plan backup needs ({@link companionsToKeep}).
 *
 * The file holds the stored chunk texts as they are (JSON arrays of tuples,
 * shared/manage/roster.ts and shared/launch/invitation-list.ts), so writing
 * it never decodes the roster; reading it checks every tuple's shape.
 */
import { z } from 'zod';

/** The `format` field of a companion file. */
export const PERSONAL_BACKUP_FORMAT = 'upskill-workbench-personal-data';
/** The version of the companion format this app writes. */
export const PERSONAL_BACKUP_VERSION = 1;

/**
 * Largest companion text the renderer may hand to the desktop (UTF-16
 * units): a 100,000-learner roster with its per-course rows is about 41 MB.
 */
export const MAX_PERSONAL_BACKUP_CHARS = 200 * 1024 * 1024;

const NAME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.personal\.json$/;

/** Matches exactly the companion file names {@link personalBackupFileName} produces. */
export const PERSONAL_BACKUP_FILE_NAME_PATTERN = NAME_PATTERN;

/** The companion file name for personal data taken at `time` (ms; the plan backup's time). */
export function personalBackupFileName(time: number): string {
  return `${new Date(time).toISOString().replace(/[:.]/g, '-')}.personal.json`;
}

/** The time (ms) a companion file name encodes, or null if it is not one of ours. */
export function parsePersonalBackupFileName(fileName: string): number | null {
  const match = NAME_PATTERN.exec(fileName);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis] = match;
  const iso = `${day}T${hours}:${minutes}:${seconds}.${millis}Z`;
  const time = Date.parse(iso);
  if (Number.isNaN(time) || new Date(time).toISOString() !== iso) return null;
  return time;
}

/**
 * The companion that holds the personal data of a plan backup taken at
 * `backupTime`: the newest one taken at or before it, or null (the backup
 * was taken before personal data was included).
 */
export function companionFor(backupTime: number, companionTimes: readonly number[]): number | null {
  let best: number | null = null;
  for (const t of companionTimes) if (t <= backupTime && (best === null || t > best)) best = t;
  return best;
}

/**
 * The companions to keep: the one each kept plan backup needs, and the
 * newest (it stands for the personal data of backups still to be written).
 */
export function companionsToKeep(
  keptBackupTimes: readonly number[],
  companionTimes: readonly number[],
): Set<number> {
  const keep = new Set<number>();
  if (companionTimes.length) keep.add(Math.max(...companionTimes));
  for (const time of keptBackupTimes) {
    const c = companionFor(time, companionTimes);
    if (c !== null) keep.add(c);
  }
  return keep;
}

// ---------------------------------------------------------------- The file

/** A roster's counts, as the local database keeps them beside its chunks. */
const RosterSummary = z.object({
  count: z.number().int().nonnegative(),
  courseRows: z.number().int().nonnegative(),
  fileName: z.string().max(1000),
  importedAt: z.string().max(100),
  date: z.string().max(10).optional(),
});

/** An invitation list's counts and wave assignment. */
const InvitationSummary = z.object({
  count: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  fileName: z.string().max(1000),
  importedAt: z.string().max(100),
  bySegment: z.record(z.string(), z.number().int().nonnegative()),
  assignment: z.union([
    z.object({ mode: z.literal('shares') }),
    z.object({ mode: z.literal('segment'), waves: z.record(z.string(), z.string()) }),
  ]),
});

const Chunk = z.array(z.array(z.unknown()));

/** A follow-up contact kept for a learner (see renderer/src/db/follow-up-contacts.ts). */
const Contact = z.tuple([z.string(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

const PersonalBackupFile = z.object({
  format: z.literal(PERSONAL_BACKUP_FORMAT),
  version: z.number().int(),
  planId: z.string(),
  savedAt: z.string(),
  roster: z
    .object({ summary: RosterSummary, learners: z.array(Chunk), courseRows: z.array(Chunk) })
    .nullable(),
  invitationList: z.object({ summary: InvitationSummary, people: z.array(Chunk) }).nullable(),
  /** When each learner was last contacted about a follow-up: [learner key, date]. */
  contacts: z.array(Contact).optional(),
});

/** A roster's counts in a companion. */
export type PersonalRosterSummary = z.infer<typeof RosterSummary>;
/** An invitation list's counts in a companion. */
export type PersonalInvitationSummary = z.infer<typeof InvitationSummary>;

/** What goes into a companion: the stored chunk texts as they are. */
export interface PersonalBackupParts {
  readonly planId: string;
  readonly savedAt: string;
  readonly roster: {
    readonly summary: PersonalRosterSummary;
    /** Texts of `encodeLearners` and `encodeCourseRows`, one per stored chunk. */
    readonly learners: readonly string[];
    readonly courseRows: readonly string[];
  } | null;
  readonly invitationList: {
    readonly summary: PersonalInvitationSummary;
    /** Texts of `encodeInvitees`, one per stored chunk, in file order. */
    readonly people: readonly string[];
  } | null;
  readonly contacts?: readonly (readonly [string, string])[];
}

/** True when nothing personal is in the parts (no roster, list or contacts). */
export function isEmptyPersonalBackup(parts: PersonalBackupParts): boolean {
  return !parts.roster && !parts.invitationList && !parts.contacts?.length;
}

/**
 * The companion text. Chunk texts are JSON arrays already: they are put in
 * as they are, not parsed and written again.
 */
export function writePersonalBackup(parts: PersonalBackupParts): string {
  const list = (texts: readonly string[]) => `[${texts.join(',')}]`;
  const roster = parts.roster
    ? `{"summary":${JSON.stringify(RosterSummary.parse(parts.roster.summary))},"learners":${list(parts.roster.learners)},"courseRows":${list(parts.roster.courseRows)}}`
    : 'null';
  const invitations = parts.invitationList
    ? `{"summary":${JSON.stringify(InvitationSummary.parse(parts.invitationList.summary))},"people":${list(parts.invitationList.people)}}`
    : 'null';
  const head = JSON.stringify({
    format: PERSONAL_BACKUP_FORMAT,
    version: PERSONAL_BACKUP_VERSION,
    planId: parts.planId,
    savedAt: parts.savedAt,
  }).slice(0, -1);
  const contacts = parts.contacts?.length ? `,"contacts":${JSON.stringify(parts.contacts)}` : '';
  return `${head},"roster":${roster},"invitationList":${invitations}${contacts}}\n`;
}

/** Personal data read back from a companion, as chunk texts ready to store. */
export interface PersonalBackupContent {
  readonly planId: string;
  readonly savedAt: string;
  readonly roster: {
    readonly summary: PersonalRosterSummary;
    readonly learners: readonly { readonly text: string; readonly count: number }[];
    readonly courseRows: readonly { readonly text: string; readonly count: number }[];
  } | null;
  readonly invitationList: {
    readonly summary: PersonalInvitationSummary;
    readonly people: readonly { readonly text: string; readonly count: number }[];
  } | null;
  readonly contacts: readonly (readonly [string, string])[];
}

const isText = (v: unknown) => typeof v === 'string';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Whether a stored learner tuple (shared/manage/roster.ts LearnerTuple) has the shape we write. */
function isLearnerTuple(t: readonly unknown[]): boolean {
  if (t.length !== 19) return false;
  for (const i of [0, 1, 2, 17, 18]) if (!isText(t[i])) return false;
  for (let i = 3; i <= 10; i++) if (!isTextOrNull(t[i])) return false;
  for (const i of [11, 12, 13, 15]) if (!isCount(t[i])) return false;
  const scores = t[14];
  if (scores !== 0 && (typeof scores !== 'object' || scores === null || Array.isArray(scores)))
    return false;
  return t[16] === 0 || t[16] === 1;
}

/** Whether a stored course tuple (shared/manage/roster.ts CourseTuple) has the shape we write. */
function isCourseTuple(t: readonly unknown[]): boolean {
  return (
    t.length === 7 &&
    isText(t[0]) &&
    isTextOrNull(t[1]) &&
    isText(t[2]) &&
    (t[3] === 0 || t[3] === 1 || t[3] === 2) &&
    isCount(t[4]) &&
    isTextOrNull(t[5]) &&
    isTextOrNull(t[6])
  );
}

/** Whether a stored invitee tuple ([first, last, e-mail, segment]) has the shape we write. */
function isInviteeTuple(t: readonly unknown[]): boolean {
  return t.length === 4 && isText(t[0]) && isText(t[1]) && isText(t[2]) && isTextOrNull(t[3]);
}

/**
 * Reads a companion, checking every tuple, for the plan `planId`. Returns
 * the content, or a message saying what is wrong (nothing is stored then).
 */
export function readPersonalBackup(
  text: string,
  planId: string,
): { ok: true; content: PersonalBackupContent } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The personal data beside this backup is not readable (damaged file).',
    };
  }
  const parsed = PersonalBackupFile.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      message: 'The personal data beside this backup is not in a form this app wrote.',
    };
  const file = parsed.data;
  if (file.version > PERSONAL_BACKUP_VERSION)
    return {
      ok: false,
      message: 'The personal data beside this backup was written by a newer version of the app.',
    };
  if (file.planId !== planId)
    return { ok: false, message: 'The personal data beside this backup belongs to another plan.' };
  const chunks = (list: readonly (readonly unknown[][])[], check: (t: unknown[]) => boolean) => {
    const out: { text: string; count: number }[] = [];
    for (const chunk of list) {
      if (!chunk.every(check)) return null;
      out.push({ text: JSON.stringify(chunk), count: chunk.length });
    }
    return out;
  };
  let roster: PersonalBackupContent['roster'] = null;
  if (file.roster) {
    const learners = chunks(file.roster.learners, isLearnerTuple);
    const courseRows = chunks(file.roster.courseRows, isCourseTuple);
    if (!learners || !courseRows)
      return { ok: false, message: 'The learner roster beside this backup is damaged.' };
    roster = { summary: file.roster.summary, learners, courseRows };
  }
  let invitationList: PersonalBackupContent['invitationList'] = null;
  if (file.invitationList) {
    const people = chunks(file.invitationList.people, isInviteeTuple);
    if (!people)
      return { ok: false, message: 'The invitation list beside this backup is damaged.' };
    invitationList = { summary: file.invitationList.summary, people };
  }
  return {
    ok: true,
    content: {
      planId: file.planId,
      savedAt: file.savedAt,
      roster,
      invitationList,
      contacts: file.contacts ?? [],
    },
  };
}
