/**
 * Importing a learner activity export (issue 14): a CSV or XLSX from a
 * learning platform or LMS, read with the catalog import's reader (sheet,
 * heading row) and mapped column by column, one row per learner or one per
 * learner × course. Each row is checked (a learner id or a valid e-mail,
 * readable dates not after the export's date, hours and counts not
 * negative, scores 0–100); bad rows are listed with their reasons and left
 * out. A job outcome the import does not recognise leaves the learner in,
 * with outcome none and a warning on the row (`warnings`, counted in the
 * preview's notes). A learner whose export gives no completion date but says
 * every course they enrolled in is completed (courses enrolled > 0 and
 * courses completed ≥ courses enrolled) is completed, dated by their last
 * activity, else by the export's date — so the roster, the counts and the
 * KPIs agree. Segment, cohort and pathway values are
 * matched to the plan's by the user's value mapping (or the suggestion from
 * the names). Personal data: the result goes to the local database only.
 */
import type { CellIssue, RawTable } from '../content/catalog-import';
import { parseHours } from '../content/catalog-import';
import { guessColumns, headingWords } from '../content/column-guess';
import { valueKey } from '../content/import-values';
import { isValidEmail, suggestSegment, type SegmentOption } from '../launch/invitation-list';
import {
  decodeCourseRows,
  decodeLearners,
  encodeCourseRows,
  encodeLearners,
  learnerKey,
  mergeCourseRows,
  mergeLearners,
  snapshotOf,
  type JobOutcome,
  type LearnerValueField,
  type RosterCourseRow,
  type RosterLearner,
} from './roster';
import type { ProgressSnapshot } from '../plan/schema';
import { formatOf } from '../content/import-text';
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';

/** Fields a column can be mapped to, in form order. */
export const ROSTER_FIELDS = [
  {
    key: 'learnerId',
    label: 'Learner id',
    required: false,
    synonyms: [
      'learner id',
      'user id',
      'userid',
      'id',
      'external id',
      'employee id',
      'student id',
      'member id',
      'username',
      'id number',
      'benutzer id',
      'teilnehmer id',
      'identifiant',
      'id usuario',
      'id alumno',
    ],
  },
  {
    key: 'email',
    label: 'E-mail',
    required: false,
    synonyms: [
      'email',
      'e mail',
      'email address',
      'e mail address',
      'mail',
      'user email',
      'learner email',
      'work email',
      'e mail adresse',
      'courriel',
      'adresse e mail',
      'correo',
      'correo electronico',
    ],
  },
  {
    key: 'fullName',
    label: 'Full name',
    required: false,
    synonyms: [
      'name',
      'full name',
      'learner name',
      'learner',
      'user name',
      'display name',
      'member name',
      'student',
      'teilnehmer',
      'teilnehmerin',
      'nom complet',
      'nombre completo',
    ],
  },
  {
    key: 'firstName',
    label: 'First name',
    required: false,
    synonyms: ['first name', 'firstname', 'given name', 'vorname', 'prenom', 'nombre'],
  },
  {
    key: 'lastName',
    label: 'Last name',
    required: false,
    synonyms: [
      'last name',
      'lastname',
      'surname',
      'family name',
      'nachname',
      'nom',
      'apellido',
      'apellidos',
    ],
  },
  {
    key: 'segment',
    label: 'Segment',
    required: false,
    synonyms: [
      'segment',
      'learner segment',
      'audience',
      'target group',
      'department',
      'business unit',
      'zielgruppe',
      'segmento',
    ],
  },
  {
    key: 'cohort',
    label: 'Cohort',
    required: false,
    synonyms: [
      'cohort',
      'group',
      'groups',
      'class',
      'intake',
      'program',
      'programme',
      'kohorte',
      'gruppe',
      'cohorte',
      'groupe',
      'grupo',
    ],
  },
  {
    key: 'pathway',
    label: 'Pathway',
    required: false,
    synonyms: [
      'pathway',
      'learning path',
      'learning pathway',
      'track',
      'curriculum',
      'lernpfad',
      'parcours',
      'ruta',
    ],
  },
  {
    key: 'invited',
    label: 'Invited on',
    required: false,
    synonyms: [
      'invited',
      'invited on',
      'invitation date',
      'invited date',
      'date invited',
      'eingeladen am',
      'einladungsdatum',
      'date d invitation',
      'fecha de invitacion',
    ],
  },
  {
    key: 'registered',
    label: 'Registered on',
    required: false,
    synonyms: [
      'registered',
      'registered on',
      'registration date',
      'joined',
      'join date',
      'joined on',
      'activated',
      'activated on',
      'account created',
      'first access',
      'registriert am',
      'registrierungsdatum',
      'date d inscription',
      'fecha de registro',
    ],
  },
  {
    key: 'enrolled',
    label: 'Enrolled on',
    required: false,
    synonyms: [
      'enrolled',
      'enrolled on',
      'enrollment date',
      'enrolment date',
      'enrollment time',
      'date enrolled',
      'time enrolled',
      'started',
      'start date',
      'eingeschrieben am',
      'einschreibedatum',
      'startdatum',
      'date de debut',
      'fecha de inicio',
      'fecha de matricula',
    ],
  },
  {
    key: 'coursesEnrolled',
    label: 'Courses enrolled',
    required: false,
    synonyms: [
      'courses enrolled',
      'enrolled courses',
      'enrollments',
      'enrolments',
      'courses started',
      'kurse eingeschrieben',
      'kurse begonnen',
      'cours inscrits',
      'cursos inscritos',
    ],
  },
  {
    key: 'coursesCompleted',
    label: 'Courses completed',
    required: false,
    synonyms: [
      'courses completed',
      'completed courses',
      'completions',
      'number of completions',
      'kurse abgeschlossen',
      'abgeschlossene kurse',
      'cours termines',
      'cursos completados',
    ],
  },
  {
    key: 'hours',
    label: 'Learning hours',
    required: false,
    synonyms: [
      'learning hours',
      'hours',
      'hours learned',
      'total learning hours',
      'learning time hours',
      'time spent hours',
      'hours viewed',
      'time spent',
      'lernstunden',
      'stunden',
      'lernzeit',
      'heures',
      'heures d apprentissage',
      'horas',
      'horas de aprendizaje',
    ],
  },
  {
    key: 'lastActivity',
    label: 'Last activity',
    required: false,
    synonyms: [
      'last activity',
      'last activity date',
      'last active',
      'last access',
      'last access to course',
      'last login',
      'last viewed',
      'last learning activity',
      'letzter zugriff',
      'letzte aktivitat',
      'letzte aktivitaet',
      'dernier acces',
      'derniere activite',
      'ultimo acceso',
      'ultima actividad',
    ],
  },
  {
    key: 'completed',
    label: 'Completed on',
    required: false,
    synonyms: [
      'completed on',
      'completion date',
      'completion time',
      'date completed',
      'course completed',
      'completed date',
      'completed',
      'abgeschlossen am',
      'abschlussdatum',
      'date d achevement',
      'fecha de finalizacion',
    ],
  },
  {
    key: 'jobOutcome',
    label: 'Job outcome',
    required: false,
    synonyms: [
      'job outcome',
      'outcome',
      'employment outcome',
      'placement',
      'employment status',
      'vermittlung',
      'beschaftigungsstatus',
      'situation professionnelle',
      'resultado laboral',
    ],
  },
  {
    key: 'course',
    label: 'Course',
    required: false,
    synonyms: [
      'course',
      'course name',
      'course title',
      'content title',
      'activity',
      'content name',
      'course full name',
    ],
  },
  {
    key: 'courseStatus',
    label: 'Course status',
    required: false,
    synonyms: [
      'status',
      'course status',
      'completion status',
      'completion state',
      'progress status',
    ],
  },
  {
    key: 'progress',
    label: 'Progress %',
    required: false,
    synonyms: [
      'progress',
      'progress percent',
      'percent complete',
      'completion percentage',
      'progress %',
      'course progress',
      'percentage complete',
    ],
  },
] as const;

/** A field of the roster import. */
export type RosterFieldKey = (typeof ROSTER_FIELDS)[number]['key'];
/** Field → column index, or null. */
export type RosterColumnMapping = Record<RosterFieldKey, number | null>;

/** How numeric dates like 03/04/2026 are read: day first or month first. */
export type DateOrder = 'dmy' | 'mdy';

/** What the user decides after the column mapping. */
export interface RosterImportChoices {
  /** The day the export describes (YYYY-MM-DD): the snapshot's date. */
  readonly date?: string;
  /** Segment value key (`valueKey`) → plan segment id, or '' for none. */
  readonly segments?: Readonly<Record<string, string>>;
  /** Cohort value key → plan cohort id, or '' for none. */
  readonly cohorts?: Readonly<Record<string, string>>;
  /** Pathway value key → plan pathway id, or '' for none. */
  readonly pathways?: Readonly<Record<string, string>>;
  /** The cohort of rows without one ('' or absent: none). */
  readonly cohortForAll?: string;
  /** The segment of rows without one ('' or absent: none). */
  readonly segmentForAll?: string;
  /** Columns holding skill scores (0–100); the heading names the skill. Absent: the guessed ones. */
  readonly skillColumns?: readonly number[];
  /** How numeric dates are read; absent: as the file's dates settle it (else day first). */
  readonly dateOrder?: DateOrder;
  /**
   * Learners whose enrolment does not fit the dates of the cohort their value
   * matched: left without a cohort (absent or false), or put in it anyway (true).
   */
  readonly cohortOutsideDates?: boolean;
}

/** The plan's names the values are matched to. */
export interface RosterPlanOptions {
  readonly segments: readonly SegmentOption[];
  /** Cohorts, with their dates when known (learners enrolled well outside them are pointed out). */
  readonly cohorts: readonly (SegmentOption & {
    readonly start?: string | null;
    readonly end?: string | null;
  })[];
  /** Pathways, each with the catalog items of its steps (a learner who completed them all completed it). */
  readonly pathways: readonly (SegmentOption & { readonly items?: readonly string[] })[];
  /** Catalog items (a course is matched by title). */
  readonly catalog: readonly SegmentOption[];
}

/** Days before a cohort's start that enrolling still counts as joining it. */
const EARLY_ENROLMENT_DAYS = 31;

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Learners matched to a cohort whose dates they do not fit, per cohort. */
export interface CohortOutsideDates {
  readonly cohortId: string;
  readonly name: string;
  /** How many learners. */
  readonly count: number;
  /** "starts 1 March 2027 and ends 30 June 2027" (English; the UI words it from `start` and `end`). */
  readonly span: string;
  /** The cohort's first and last days (ISO), when set. */
  readonly start: string | null;
  readonly end: string | null;
}

/**
 * Learners matched to a cohort whose dates they do not fit: enrolled (else
 * registered) more than EARLY_ENROLMENT_DAYS before the cohort starts, or
 * after it ends — usually a cohort value matched to the wrong cohort
 * ("Cohort 1" of last year's file to this year's "Cohort 1"). Unless
 * `assign`, they are taken out of the cohort (left without one) rather than
 * put in it silently; either way each cohort concerned gets a note.
 */
function checkCohortDates(
  learners: RosterLearner[],
  cohorts: RosterPlanOptions['cohorts'],
  assign: boolean,
  t: Translator,
): { notes: string[]; outside: CohortOutsideDates[] } {
  const format = formatOf(t);
  const dated = new Map(
    cohorts
      .filter((c) => c.start || c.end)
      .map((c) => [
        c.id,
        { c, from: c.start ? shiftDays(c.start, -EARLY_ENROLMENT_DAYS) : null, to: c.end ?? null },
      ]),
  );
  if (!dated.size) return { notes: [], outside: [] };
  const outside = new Map<string, number>();
  for (let i = 0; i < learners.length; i++) {
    const l = learners[i]!;
    const d = l.cohortId === null ? undefined : dated.get(l.cohortId);
    const day = l.enrolled ?? l.registered;
    if (!d || !day) continue;
    if ((d.from && day < d.from) || (d.to && day > d.to)) {
      outside.set(d.c.id, (outside.get(d.c.id) ?? 0) + 1);
      if (!assign) learners[i] = { ...l, cohortId: null };
    }
  }
  const found = [...outside].map(([id, count]): CohortOutsideDates => {
    const { c } = dated.get(id)!;
    const span =
      c.start && c.end
        ? t('roster:values.spanBoth', { start: format.date(c.start), end: format.date(c.end) })
        : c.start
          ? t('roster:values.spanStart', { start: format.date(c.start) })
          : t('roster:values.spanEnd', { end: format.date(c.end) });
    return {
      cohortId: id,
      name: c.name || t('roster:unnamedCohort'),
      count,
      span,
      start: c.start ?? null,
      end: c.end ?? null,
    };
  });
  const notes = found.map(({ name, count, span }) =>
    t(assign ? 'roster:check.cohortAssigned' : 'roster:check.cohortLeftOut', {
      count,
      cohort: name,
      span,
    }),
  );
  return { notes, outside: found };
}

/** One distinct value of a column (segment, cohort or pathway). */
export interface RosterValue {
  readonly text: string;
  readonly key: string;
  readonly rows: number;
  readonly suggested: string | null;
}

/** A problem with a row. */
export interface RosterRowIssue {
  readonly row: number;
  readonly field: RosterFieldKey | null;
  readonly message: string;
  readonly duplicateOf?: number;
}

/** The checked export. */
export interface RosterImportPreview {
  readonly mappingErrors: string[];
  /** One per learner, in file order (key, firstSeen and updated set to the export's date). */
  readonly learners: RosterLearner[];
  /** Spreadsheet row of each learner's first row. */
  readonly learnerRows: number[];
  readonly courseRows: RosterCourseRow[];
  /** Whether the file has one row per learner × course. */
  readonly perCourse: boolean;
  readonly failed: { row: number; issues: RosterRowIssue[] }[];
  /** Notes on rows that were imported anyway (an unrecognised job outcome read as none). */
  readonly warnings: RosterRowIssue[];
  readonly blankRows: number;
  readonly duplicates: number;
  /** The learner fields the file carries (what a re-import may change). */
  readonly fields: LearnerValueField[];
  /** How numeric dates were read, in words (empty when no date was numeric and ambiguous). */
  readonly notes: string[];
  readonly dateOrder: DateOrder;
  /** Learners per segment id and cohort id ('' for none). */
  readonly bySegment: Record<string, number>;
  readonly byCohort: Record<string, number>;
  /** Segment values of the file that matched no plan segment (their rows have none). */
  readonly unmatchedSegments: string[];
  /** Learners whose enrolment does not fit their matched cohort's dates, per cohort. */
  readonly cohortOutsideDates: readonly CohortOutsideDates[];
}

// ---------------------------------------------------------------- Reading values

const EMPTY_WORDS = new Set([
  '',
  '-',
  '—',
  '–',
  'n/a',
  'na',
  'none',
  'never',
  'null',
  'not started',
  'not yet',
  'no date',
]);

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janvier: 1,
  januar: 1,
  enero: 1,
  feb: 2,
  february: 2,
  fevrier: 2,
  februar: 2,
  febrero: 2,
  mar: 3,
  march: 3,
  mars: 3,
  marz: 3,
  maerz: 3,
  marzo: 3,
  apr: 4,
  april: 4,
  avril: 4,
  abril: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  jun: 6,
  june: 6,
  juin: 6,
  juni: 6,
  junio: 6,
  jul: 7,
  july: 7,
  juillet: 7,
  juli: 7,
  julio: 7,
  aug: 8,
  august: 8,
  aout: 8,
  agosto: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  septiembre: 9,
  oct: 10,
  october: 10,
  octobre: 10,
  oktober: 10,
  octubre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  noviembre: 11,
  dec: 12,
  december: 12,
  decembre: 12,
  dezember: 12,
  diciembre: 12,
};

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:$|[T\s,])/;

/** Whether a cell says "no date" (empty, a dash, "never", "n/a"…). */
export function isNoDate(text: string): boolean {
  return EMPTY_WORDS.has(text.trim().toLowerCase());
}

/**
 * A date from an export's cell, as YYYY-MM-DD: ISO ("2026-03-05",
 * "2026-03-05T10:00:00Z", "2026/03/05 10:00"), numeric with `order`
 * ("05/03/2026", "3.5.26"), with a month name ("5 March 2026",
 * "March 5, 2026", "Thursday, 5 March 2026, 10:15 AM"), or a spreadsheet
 * day number (45000). Null for "no date" (see `isNoDate`); 'invalid' when
 * it cannot be read.
 */
export function parseExportDate(text: string, order: DateOrder = 'dmy'): string | null | 'invalid' {
  const t = text.trim();
  if (isNoDate(t)) return null;
  let m = ISO.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  m = NUMERIC.exec(t);
  if (m) {
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += 2000;
    const a = Number(m[1]);
    const b = Number(m[2]);
    return (order === 'dmy' ? isoOf(y, b, a) : isoOf(y, a, b)) ?? 'invalid';
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial >= 20000 && serial <= 100000)
      return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    return 'invalid';
  }
  // Words: a month name, a day (1–31) and a year (four digits), in any order; times ignored.
  const words = headingWords(t.replace(/\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?/gi, ' ')).split(' ');
  let month: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  for (const w of words) {
    if (MONTHS[w] !== undefined && month === null) month = MONTHS[w]!;
    else if (/^\d{4}$/.test(w) && year === null) year = Number(w);
    else if (/^\d{1,2}(st|nd|rd|th|er)?$/.test(w) && day === null) day = parseInt(w, 10);
  }
  if (month !== null && day !== null && year !== null) return isoOf(year, month, day) ?? 'invalid';
  return 'invalid';
}

/**
 * How a column's numeric dates are ordered, from the dates themselves: a
 * first part over 12 means day first, a second part over 12 month first.
 * Null when no date settles it.
 */
export function dateOrderOf(values: Iterable<string>): DateOrder | null {
  let dmy = 0;
  let mdy = 0;
  for (const v of values) {
    const m = NUMERIC.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy++;
    else if (Number(m[2]) > 12) mdy++;
    if (dmy + mdy > 50) break;
  }
  if (dmy > mdy) return 'dmy';
  if (mdy > dmy) return 'mdy';
  return null;
}

const OUTCOME_WORDS: Record<string, JobOutcome> = {
  none: 'none',
  no: 'none',
  unemployed: 'none',
  notplaced: 'none',
  seeking: 'none',
  searching: 'none',
  nooutcome: 'none',
  unknown: 'none',
  notknown: 'none',
  pending: 'none',
  '': 'none',
  placed: 'placed',
  hired: 'placed',
  employed: 'placed',
  job: 'placed',
  newjob: 'placed',
  yes: 'placed',
  placement: 'placed',
  jobplacement: 'placed',
  gotajob: 'placed',
  working: 'placed',
  promoted: 'promoted',
  promotion: 'promoted',
  newrole: 'promoted',
  retained: 'retained',
  retention: 'retained',
  kept: 'retained',
  stayed: 'retained',
  selfemployed: 'selfEmployed',
  freelance: 'selfEmployed',
  freelancer: 'selfEmployed',
  entrepreneur: 'selfEmployed',
  ownbusiness: 'selfEmployed',
  startedbusiness: 'selfEmployed',
};

/**
 * Common wordings by how they start (after `valueKey`), tried in order when
 * no exact word matches: "Not placed", "Unemployed" and "Self-employed" before
 * "Employed (full time)"; "Still employed" is retained.
 */
const OUTCOME_PATTERNS: readonly (readonly [RegExp, JobOutcome])[] = [
  [/^(not|un|no)(placed|employed|hired|job|placement|work|outcome)/, 'none'],
  [/^(intraining|training|injobsearch|jobseek|seeking|searching|looking|stilllooking)/, 'none'],
  [
    /^(selfemployed|freelanc|contractor|entrepreneur|ownbusiness|startedownbusiness)/,
    'selfEmployed',
  ],
  [
    /^(stillemployed|stillinrole|stillworking|retain|remained|sameemployer|sameemployment)/,
    'retained',
  ],
  [/^promot/, 'promoted'],
  [/^(employed|inwork|inemployment|placed|hired|newjob|gotajob|jobfound|working)/, 'placed'],
];

/**
 * A job outcome from what an export writes ("Hired", "In work",
 * "Self-employed", "Still employed", "Not placed", "In training", "—"), or
 * null when unknown (the import then keeps the learner with outcome none and
 * a note on the row).
 */
export function parseJobOutcome(text: string): JobOutcome | null {
  const t = text.trim();
  if (isNoDate(t)) return 'none';
  const k = valueKey(t);
  const exact = OUTCOME_WORDS[k];
  if (exact) return exact;
  for (const [re, outcome] of OUTCOME_PATTERNS) if (re.test(k)) return outcome;
  return null;
}

/** A course status ("Completed", "In progress", "Not started"), or null when unknown. */
export function parseCourseStatus(text: string): RosterCourseRow['status'] | null {
  const k = valueKey(text);
  if (!k) return null;
  if (/^(completed?|complete|passed|finished|done|certified|achieved)/.test(k)) return 'completed';
  if (/^(inprogress|started|active|ongoing|incomplete|partial)/.test(k)) return 'inProgress';
  if (/^(enrolled|notstarted|registered|assigned|notattempted|new)/.test(k)) return 'enrolled';
  return null;
}

/** A number (counts, percent, score) or 'invalid'; null for an empty cell. */
function parseNumber(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/%$/, '').trim();
  if (t === '' || t === '-' || t === '—') return null;
  const n = Number(t.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : 'invalid';
}

/** Skill score columns guessed from headings: "Skill: Excel", "Excel score", "Score – SQL". */
export function guessSkillColumns(
  headers: readonly string[],
  mapping: RosterColumnMapping,
): number[] {
  const mapped = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  return headers.flatMap((h, i) => (!mapped.has(i) && skillName(h) !== null ? [i] : []));
}

/** The skill a score column's heading names, or null when it names none. */
export function skillName(heading: string): string | null {
  const t = heading.trim();
  const m =
    /^(?:skill(?:\s*score)?|score)\s*[:–—-]\s*(.+)$/i.exec(t) ??
    /^(.+?)\s*[([]?\s*(?:skill\s*)?score\s*[)\]]?$/i.exec(t);
  if (!m) return null;
  const name = m[1]!.trim();
  return name && !/^(skill|assessment|final|total|overall|quiz)$/i.test(name) ? name : null;
}

/** The mapping guessed from the headings. */
export function guessRosterMapping(headers: readonly string[]): RosterColumnMapping {
  const mapping = guessColumns(ROSTER_FIELDS, headers, { passes: ['exact', 'prefix'] });
  if (mapping.firstName !== null && mapping.lastName !== null) mapping.fullName = null;
  return mapping;
}

/** Label of a field ('Row' for null). */
export function rosterFieldLabel(key: string | null): string {
  return key === null ? 'Row' : (ROSTER_FIELDS.find((f) => f.key === key)?.label ?? key);
}

/** Most distinct values listed for a segment, cohort or pathway column. */
export const MAX_ROSTER_VALUES = 100;

/** The distinct values of a column, most rows first, each with the plan option its name suggests. */
export function rosterValues(
  table: RawTable,
  column: number | null,
  options: readonly SegmentOption[],
): RosterValue[] {
  if (column === null) return [];
  const byKey = new Map<string, { text: string; rows: number }>();
  for (const row of table.rows) {
    const text = (row[column] ?? '').trim();
    const key = valueKey(text);
    if (!key) continue;
    const seen = byKey.get(key);
    if (seen) seen.rows++;
    else byKey.set(key, { text, rows: 1 });
  }
  return [...byKey.entries()]
    .map(([key, { text, rows }]) => ({ key, text, rows, suggested: suggestSegment(text, options) }))
    .sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text))
    .slice(0, MAX_ROSTER_VALUES);
}

// ---------------------------------------------------------------- Checking rows

/** Learner fields each mapped column carries. */
const CARRIES: Partial<Record<RosterFieldKey, LearnerValueField[]>> = {
  learnerId: ['learnerId'],
  email: ['email'],
  fullName: ['name'],
  firstName: ['name'],
  lastName: ['name'],
  segment: ['segmentId'],
  cohort: ['cohortId'],
  pathway: ['pathwayId'],
  invited: ['invited'],
  registered: ['registered'],
  enrolled: ['enrolled'],
  coursesEnrolled: ['coursesEnrolled'],
  coursesCompleted: ['coursesCompleted'],
  hours: ['hours'],
  lastActivity: ['lastActivity'],
  completed: ['completed'],
  jobOutcome: ['jobOutcome'],
  course: ['coursesEnrolled', 'coursesCompleted', 'hours', 'lastActivity', 'completed'],
};

const DATE_FIELDS = ['invited', 'registered', 'enrolled', 'lastActivity', 'completed'] as const;

/** A learner as the rows of one file build it (per-course rows add up). */
interface Building {
  learner: {
    -readonly [K in keyof RosterLearner]: RosterLearner[K];
  };
  row: number;
  courses: Map<string, RosterCourseRow>;
}

const clip = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * Checks every row of an export and builds its learners (see the module
 * comment). `choices.date` is the export's date (the learners' first seen
 * and updated; dates after it fail their row). Calls `onProgress` every
 * 5,000 rows.
 */
export function previewRosterImport(
  table: RawTable,
  mapping: RosterColumnMapping,
  plan: RosterPlanOptions,
  choices: RosterImportChoices,
  onProgress?: (done: number) => void,
  t: Translator = englishTranslator,
): RosterImportPreview {
  const format = formatOf(t);
  const field = (f: RosterFieldKey) => t(`roster:fields.${f}`);
  const date = choices.date ?? new Date().toISOString().slice(0, 10);
  const mappingErrors: string[] = [];
  if (mapping.learnerId === null && mapping.email === null)
    mappingErrors.push(t('roster:check.noIdColumn'));
  const used = Object.values(mapping).filter((c): c is number => c !== null);
  if (new Set(used).size !== used.length) mappingErrors.push(t('roster:check.columnTwice'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || parseExportDate(date) === 'invalid')
    mappingErrors.push(t('roster:check.noDate'));
  const perCourse = mapping.course !== null;
  const empty: RosterImportPreview = {
    mappingErrors,
    learners: [],
    learnerRows: [],
    courseRows: [],
    perCourse,
    failed: [],
    warnings: [],
    blankRows: 0,
    duplicates: 0,
    fields: [],
    notes: [],
    dateOrder: 'dmy',
    bySegment: {},
    byCohort: {},
    unmatchedSegments: [],
    cohortOutsideDates: [],
  };
  if (mappingErrors.length) return empty;

  // How numeric dates are read: the user's choice, else what the date columns settle.
  const notes: string[] = [];
  let dateOrder: DateOrder = choices.dateOrder ?? 'dmy';
  if (!choices.dateOrder) {
    const columns = DATE_FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== null);
    function* dates() {
      for (const row of table.rows) for (const c of columns) yield row[c] ?? '';
    }
    const settled = columns.length ? dateOrderOf(dates()) : null;
    if (settled) dateOrder = settled;
    else if (columns.some((c) => table.rows.some((r) => NUMERIC.test((r[c] ?? '').trim()))))
      notes.push(t('roster:check.dayFirst'));
  }

  // Who without how far: learners would be listed with no progress at all.
  const PROGRESS_FIELDS = [
    'invited',
    'registered',
    'enrolled',
    'completed',
    'lastActivity',
    'hours',
    'coursesEnrolled',
    'coursesCompleted',
    'course',
    'courseStatus',
    'progress',
    'jobOutcome',
  ] as const satisfies readonly RosterFieldKey[];
  if (PROGRESS_FIELDS.every((f) => mapping[f] === null)) notes.push(t('roster:check.noProgress'));

  const skillColumns = (choices.skillColumns ?? guessSkillColumns(table.headers, mapping)).filter(
    (c) => !used.includes(c),
  );
  const skillNames = new Map(
    skillColumns.map((c) => [
      c,
      skillName(table.headers[c] ?? '') ?? (table.headers[c] ?? '').trim(),
    ]),
  );

  const matcher = (
    options: readonly SegmentOption[],
    chosen: Readonly<Record<string, string>> | undefined,
    forAll: string | undefined,
  ) => {
    const known = new Set(options.map((o) => o.id));
    const suggested = new Map<string, string | null>();
    return (text: string): { id: string | null; unmatched: boolean } => {
      const key = valueKey(text);
      if (!key) return { id: forAll && known.has(forAll) ? forAll : null, unmatched: false };
      const c = chosen?.[key];
      if (c !== undefined) return { id: c && known.has(c) ? c : null, unmatched: false };
      if (!suggested.has(key)) suggested.set(key, suggestSegment(text, options));
      const id = suggested.get(key)!;
      return { id, unmatched: id === null };
    };
  };
  const segmentOf = matcher(plan.segments, choices.segments, choices.segmentForAll);
  const cohortOf = matcher(plan.cohorts, choices.cohorts, choices.cohortForAll);
  const pathwayOf = matcher(plan.pathways, choices.pathways, undefined);
  const catalogByTitle = new Map<string, string>();
  for (const c of plan.catalog) {
    const k = valueKey(c.name);
    if (k && !catalogByTitle.has(k)) catalogByTitle.set(k, c.id);
  }
  const unmatchedSegments = new Map<string, string>();
  const pathwayItemsOf = new Map(
    plan.pathways.filter((p) => p.items?.length).map((p) => [p.id, new Set(p.items)]),
  );

  const cellIssues = new Map<number, CellIssue[]>();
  const mapped = new Set([...used, ...skillColumns]);
  for (const issue of table.cellIssues ?? []) {
    if (!mapped.has(issue.column)) continue;
    const list = cellIssues.get(issue.row) ?? [];
    list.push(issue);
    cellIssues.set(issue.row, list);
  }
  const cell = (row: readonly string[], col: number | null) =>
    col === null ? '' : (row[col] ?? '').trim();

  const building = new Map<string, Building>();
  const order: Building[] = [];
  const failed: { row: number; issues: RosterRowIssue[] }[] = [];
  const warnings: RosterRowIssue[] = [];
  const unknownOutcomes = new Map<string, string>();
  let blankRows = 0;
  let duplicates = 0;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    if (onProgress && i % 5000 === 0 && i > 0) onProgress(i);
    const row = rows[i]!;
    const rowNumber = table.rowNumbers[i] ?? i + 2;
    if (row.every((c) => c.trim() === '')) {
      blankRows++;
      continue;
    }
    const issues: RosterRowIssue[] = [];
    const issue = (field: RosterFieldKey | null, message: string) =>
      issues.push({ row: rowNumber, field, message });
    for (const c of cellIssues.get(rowNumber) ?? []) issue(null, c.message);

    const learnerId = cell(row, mapping.learnerId);
    const email = cell(row, mapping.email);
    if (!learnerId && !email)
      issue(mapping.email !== null ? 'email' : 'learnerId', t('roster:check.noId'));
    if (email && !isValidEmail(email))
      issue('email', t('roster:check.badEmail', { text: clip(email, 80) }));
    let name = cell(row, mapping.fullName);
    if (!name)
      name = [cell(row, mapping.firstName), cell(row, mapping.lastName)].filter(Boolean).join(' ');

    const dates: Record<(typeof DATE_FIELDS)[number], string | null> = {
      invited: null,
      registered: null,
      enrolled: null,
      lastActivity: null,
      completed: null,
    };
    for (const f of DATE_FIELDS) {
      const text = cell(row, mapping[f]);
      const d = parseExportDate(text, dateOrder);
      if (d === 'invalid')
        issue(f, t('roster:check.notDate', { text: clip(text), field: field(f) }));
      else if (d !== null && d > date)
        issue(
          f,
          t('roster:check.afterExport', {
            field: field(f),
            date: format.shortDate(d),
            exportDate: format.shortDate(date),
          }),
        );
      else dates[f] = d;
    }
    const count = (f: 'coursesEnrolled' | 'coursesCompleted'): number | null => {
      const text = cell(row, mapping[f]);
      const n = parseNumber(text);
      if (n === 'invalid')
        issue(f, t('roster:check.notNumber', { text: clip(text), field: field(f) }));
      else if (n !== null && (n < 0 || !Number.isInteger(n)))
        issue(f, t('roster:check.wholeNumber', { field: field(f), value: format.number(n) }));
      else return n;
      return null;
    };
    const coursesEnrolled = count('coursesEnrolled');
    const coursesCompleted = count('coursesCompleted');
    if (coursesEnrolled !== null && coursesCompleted !== null && coursesCompleted > coursesEnrolled)
      issue(
        'coursesCompleted',
        t('roster:check.moreCompleted', {
          completed: format.number(coursesCompleted),
          enrolled: format.number(coursesEnrolled),
        }),
      );
    let hours = 0;
    const hoursText = cell(row, mapping.hours);
    if (hoursText) {
      const h = parseHours(hoursText.replace(/^−/, '-'));
      if (h === 'invalid') issue('hours', t('roster:check.notHours', { text: clip(hoursText) }));
      else if (h < 0) issue('hours', t('roster:check.negativeHours', { value: hoursText }));
      else if (h > 100_000) issue('hours', t('roster:check.tooManyHours', { value: hoursText }));
      else hours = Math.round(h * 100) / 100;
    }
    const outcomeText = cell(row, mapping.jobOutcome);
    const jobOutcome = parseJobOutcome(outcomeText);
    const outcomeWarning: RosterRowIssue | null =
      jobOutcome === null
        ? {
            row: rowNumber,
            field: 'jobOutcome',
            message: t('roster:check.unknownOutcome', { text: clip(outcomeText) }),
          }
        : null;
    const skillScores: Record<string, number> = {};
    for (const [c, skill] of skillNames) {
      const text = (row[c] ?? '').trim();
      const n = parseNumber(text);
      if (n === null) continue;
      if (n === 'invalid' || n < 0 || n > 100)
        issue(
          null,
          t('roster:check.badScore', {
            text: clip(text),
            column: clip(table.headers[c] ?? '', 40),
          }),
        );
      else skillScores[skill] = n;
    }
    let course: RosterCourseRow | null = null;
    if (perCourse) {
      const title = cell(row, mapping.course);
      const statusText = cell(row, mapping.courseStatus);
      let status = statusText ? parseCourseStatus(statusText) : null;
      if (statusText && status === null)
        issue('courseStatus', t('roster:check.badStatus', { text: clip(statusText) }));
      const progressText = cell(row, mapping.progress);
      const progress = parseNumber(progressText);
      if (progress === 'invalid' || (progress !== null && (progress < 0 || progress > 100)))
        issue('progress', t('roster:check.badProgress', { text: clip(progressText) }));
      if (!title) issue('course', t('roster:check.noCourse'));
      status ??=
        dates.completed !== null || progress === 100
          ? 'completed'
          : typeof progress === 'number' && progress > 0
            ? 'inProgress'
            : 'enrolled';
      course = {
        learnerKey: '',
        itemId: catalogByTitle.get(valueKey(title)) ?? null,
        course: title,
        status,
        hours,
        lastActivity: dates.lastActivity,
        completed: status === 'completed' ? (dates.completed ?? dates.lastActivity) : null,
      };
    }
    if (issues.length) {
      failed.push({ row: rowNumber, issues });
      continue;
    }
    if (outcomeWarning) {
      warnings.push(outcomeWarning);
      const k = valueKey(outcomeText);
      if (!unknownOutcomes.has(k)) unknownOutcomes.set(k, outcomeText);
    }
    const segmentText = cell(row, mapping.segment);
    const segment = segmentOf(segmentText);
    if (segment.unmatched) unmatchedSegments.set(valueKey(segmentText), segmentText);
    const key = learnerKey(learnerId, email);
    const seen = building.get(key);
    if (!perCourse) {
      if (seen) {
        duplicates++;
        failed.push({
          row: rowNumber,
          issues: [
            {
              row: rowNumber,
              field: learnerId ? 'learnerId' : 'email',
              message: t('roster:check.sameLearner', { row: seen.row }),
              duplicateOf: seen.row,
            },
          ],
        });
        continue;
      }
    }
    const b: Building =
      seen ??
      ({
        row: rowNumber,
        courses: new Map(),
        learner: {
          key,
          learnerId,
          email,
          name,
          segmentId: segment.id,
          cohortId: cohortOf(cell(row, mapping.cohort)).id,
          pathwayId: pathwayOf(cell(row, mapping.pathway)).id,
          ...dates,
          coursesEnrolled: coursesEnrolled ?? 0,
          coursesCompleted: coursesCompleted ?? 0,
          hours: perCourse ? 0 : hours,
          skillScores,
          jobOutcome: jobOutcome ?? 'none',
          topLearner: false,
          firstSeen: date,
          updated: date,
        },
      } satisfies Building);
    if (!seen) {
      building.set(key, b);
      order.push(b);
    } else {
      // Another course row of the same learner: fill what the first rows left empty, keep the latest dates.
      const l = b.learner;
      if (!l.name) l.name = name;
      if (!l.email) l.email = email;
      if (l.segmentId === null) l.segmentId = segment.id;
      if (l.cohortId === null) l.cohortId = cohortOf(cell(row, mapping.cohort)).id;
      if (l.pathwayId === null) l.pathwayId = pathwayOf(cell(row, mapping.pathway)).id;
      for (const f of ['invited', 'registered', 'enrolled'] as const)
        if (dates[f] !== null && (l[f] === null || dates[f]! < l[f]!)) l[f] = dates[f];
      if (
        dates.lastActivity !== null &&
        (l.lastActivity === null || dates.lastActivity > l.lastActivity)
      )
        l.lastActivity = dates.lastActivity;
      if (jobOutcome && jobOutcome !== 'none') l.jobOutcome = jobOutcome;
      Object.assign(l.skillScores, skillScores);
    }
    if (course) {
      const k = valueKey(course.course);
      const earlier = b.courses.get(k);
      if (earlier) {
        duplicates++;
        failed.push({
          row: rowNumber,
          issues: [
            {
              row: rowNumber,
              field: 'course',
              message: t('roster:check.sameCourse'),
              duplicateOf: b.row,
            },
          ],
        });
        continue;
      }
      b.courses.set(k, { ...course, learnerKey: key });
    }
  }
  onProgress?.(rows.length);

  const learners: RosterLearner[] = [];
  const learnerRows: number[] = [];
  const courseRows: RosterCourseRow[] = [];
  const bySegment: Record<string, number> = {};
  const byCohort: Record<string, number> = {};
  for (const b of order) {
    const l = b.learner;
    if (perCourse) {
      // The learner's totals from their course rows, unless the file gives them.
      const courses = [...b.courses.values()];
      if (mapping.coursesEnrolled === null) l.coursesEnrolled = courses.length;
      const done = courses.filter((c) => c.status === 'completed');
      if (mapping.coursesCompleted === null) l.coursesCompleted = done.length;
      l.hours = Math.round(courses.reduce((s, c) => s + c.hours, 0) * 100) / 100;
      // Completed: every course of the learner's pathway (else every course listed) completed.
      const required = l.pathwayId ? (pathwayItemsOf.get(l.pathwayId) ?? null) : null;
      const complete = required
        ? [...required].every((id) => done.some((c) => c.itemId === id))
        : courses.length > 0 && done.length === courses.length;
      l.completed = complete
        ? (done.reduce<string | null>(
            (max, c) => (c.completed && (!max || c.completed > max) ? c.completed : max),
            null,
          ) ?? date)
        : null;
      for (const c of courses) courseRows.push(c);
    } else if (l.completed === null && l.coursesEnrolled > 0) {
      // No completion date, but every course enrolled in completed: completed (see the module comment).
      if (l.coursesCompleted >= l.coursesEnrolled) l.completed = l.lastActivity ?? date;
    }
    learners.push(l);
    learnerRows.push(b.row);
    bySegment[l.segmentId ?? ''] = (bySegment[l.segmentId ?? ''] ?? 0) + 1;
  }
  // Before counting by cohort: learners enrolled outside their cohort's dates may leave it.
  const cohortDates = checkCohortDates(
    learners,
    plan.cohorts,
    choices.cohortOutsideDates === true,
    t,
  );
  for (const l of learners) byCohort[l.cohortId ?? ''] = (byCohort[l.cohortId ?? ''] ?? 0) + 1;
  const fields = new Set<LearnerValueField>();
  for (const f of ROSTER_FIELDS)
    if (mapping[f.key] !== null) for (const c of CARRIES[f.key] ?? []) fields.add(c);
  if (skillColumns.length) fields.add('skillScores');
  // Completion read from the course counts is carried too (a re-import may complete a learner).
  if (!perCourse && mapping.coursesEnrolled !== null && mapping.coursesCompleted !== null)
    fields.add('completed');
  notes.push(...cohortDates.notes);
  if (warnings.length)
    notes.push(
      t('roster:check.unknownOutcomes', {
        count: warnings.length,
        values: [...unknownOutcomes.values()]
          .slice(0, 5)
          .map((v) => t('roster:import.quoted', { text: clip(v, 40) }))
          .join(t('roster:check.listSeparator')),
        more: unknownOutcomes.size > 5 ? 'yes' : 'no',
      }),
    );
  return {
    mappingErrors,
    learners,
    learnerRows,
    courseRows,
    perCourse,
    failed,
    warnings,
    blankRows,
    duplicates,
    fields: [...fields],
    notes,
    dateOrder,
    bySegment,
    byCohort,
    unmatchedSegments: [...unmatchedSegments.values()],
    cohortOutsideDates: cohortDates.outside,
  };
}

// ---------------------------------------------------------------- Merging into the stored roster

/** Learners (or course rows) per stored chunk. */
export const ROSTER_CHUNK = 2000;

/** An encoded chunk and how many it holds. */
export interface EncodedChunk {
  readonly text: string;
  readonly count: number;
}

/** The roster after an import, ready to store, and what the plan keeps of it. */
export interface RosterImportResult {
  readonly learnerChunks: EncodedChunk[];
  readonly courseChunks: EncodedChunk[];
  /** The aggregates of the whole roster on the export's date (what the plan keeps). */
  readonly snapshot: ProgressSnapshot;
  readonly total: number;
  readonly added: number;
  readonly matched: number;
  readonly courseRows: number;
}

function chunked<T>(items: readonly T[], encode: (part: readonly T[]) => string): EncodedChunk[] {
  const out: EncodedChunk[] = [];
  for (let i = 0; i < items.length; i += ROSTER_CHUNK) {
    const part = items.slice(i, i + ROSTER_CHUNK);
    out.push({ text: encode(part), count: part.length });
  }
  return out;
}

/**
 * Merges a checked export into the stored roster (its chunk texts, as the
 * database holds them): learners matched and updated, new ones added (see
 * `mergeLearners`), per-course rows replaced for the learners the export
 * lists; then the snapshot of the whole roster on the export's date, and
 * the roster encoded in chunks again. Runs in the import worker.
 */
export function mergeImport(
  stored: { readonly learners: readonly string[]; readonly courseRows: readonly string[] },
  preview: Pick<RosterImportPreview, 'learners' | 'courseRows' | 'fields' | 'perCourse'>,
  date: string,
  importedAt: string,
): RosterImportResult {
  const existing: RosterLearner[] = [];
  for (const text of stored.learners) for (const l of decodeLearners(text)) existing.push(l);
  const merge = mergeLearners(existing, preview.learners, { date, fields: preview.fields });
  let courseRows: RosterCourseRow[] = [];
  for (const text of stored.courseRows) for (const r of decodeCourseRows(text)) courseRows.push(r);
  courseRows =
    preview.perCourse || merge.renamed.size
      ? mergeCourseRows(courseRows, preview.perCourse ? preview.courseRows : [], merge)
      : courseRows;
  return {
    learnerChunks: chunked(merge.learners, encodeLearners),
    courseChunks: chunked(courseRows, encodeCourseRows),
    snapshot: snapshotOf(merge.learners, date, importedAt),
    total: merge.learners.length,
    added: merge.added,
    matched: merge.matched,
    courseRows: courseRows.length,
  };
}
