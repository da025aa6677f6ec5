/**
 * Catalog import, the meaning of the values: which of our kinds, levels and
 * languages each distinct value in the file stands for. Platforms have their
 * own words ("Specialization", "Beginner Level", "Mixed"); each distinct
 * value is shown once with a suggestion from synonyms, and one the
 * synonyms do not know is never defaulted: its rows wait for the user's
 * choice. When the file has no Kind or Level column, the user chooses the
 * value of every row explicitly.
 */
import type { ContentItem } from '../plan/schema';
import { looseKey } from '../text-key';

/** The fields whose values are matched to ours. */
export const VALUE_FIELDS = ['kind', 'level', 'languages'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

type Kind = ContentItem['kind'];
type Level = ContentItem['level'];

/** What the user chose for the values of the file (keys from `valueKey`). */
export interface ValueChoices {
  readonly kind?: Readonly<Record<string, Kind>>;
  readonly level?: Readonly<Record<string, Level>>;
  /** Language as the plan should say it; '' leaves the language out. */
  readonly languages?: Readonly<Record<string, string>>;
  /** Skill as the plan should say it (a skill the plan has, or the file's text: a new skill). */
  readonly skills?: Readonly<Record<string, string>>;
}

/** Everything the user decides after the column mapping. */
export interface ImportChoices {
  readonly values?: ValueChoices;
  /** The kind of every row when no column holds it (null: not chosen yet). */
  readonly kindForAll?: Kind | null;
  /** The level of every row when no column holds it (null: not chosen yet). */
  readonly levelForAll?: Level | null;
  /** Columns (indexes) not mapped to a field whose values are kept in the notes. */
  readonly keepInNotes?: readonly number[];
}

/** One distinct value of a Kind, Level or Languages column. */
export interface DistinctValue {
  /** As first written in the file. */
  readonly text: string;
  /** Key the choices use (case, spaces and punctuation ignored). */
  readonly key: string;
  /** Rows that hold it. */
  readonly rows: number;
  /** What the synonyms suggest, or null when they do not know it. */
  readonly suggested: string | null;
}

export type DistinctValues = Readonly<Record<ValueField, readonly DistinctValue[]>> & {
  /** Rows whose cell in the field's column is empty (0 when no column is mapped). */
  readonly empty: Readonly<Record<ValueField, number>>;
};

/** Most distinct values listed per field (a Kind column with more is not a Kind column). */
export const MAX_DISTINCT_VALUES = 100;

/** Key of a value: "Beginner Level", "beginner-level" and "BEGINNER LEVEL" are one. */
export function valueKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const KIND_SYNONYMS: Record<string, Kind> = {
  course: 'course',
  courses: 'course',
  mooc: 'course',
  class: 'course',
  elearning: 'course',
  onlinecourse: 'course',
  videocourse: 'course',
  // German, French, Spanish and Dutch catalogs.
  kurs: 'course',
  onlinekurs: 'course',
  cours: 'course',
  curso: 'course',
  cursus: 'course',
  zertifikat: 'professionalCertificate',
  certificat: 'professionalCertificate',
  certificado: 'professionalCertificate',
  professionalcertificate: 'professionalCertificate',
  profcert: 'professionalCertificate',
  certificate: 'professionalCertificate',
  certification: 'professionalCertificate',
  cert: 'professionalCertificate',
  // edX's multi-course credentials (guessed: edX names them so on its site).
  xseries: 'professionalCertificate',
  micromasters: 'professionalCertificate',
  skillset: 'skillSet',
  skillsset: 'skillSet',
  // Coursera: a Specialization is a series of courses on one skill; it
  // could be a professional certificate too, so it is only a suggestion.
  specialization: 'skillSet',
  specialisation: 'skillSet',
  learningpath: 'skillSet',
  path: 'skillSet',
  guidedproject: 'guidedProject',
  project: 'guidedProject',
  lab: 'guidedProject',
  handsonproject: 'guidedProject',
  clip: 'clip',
  video: 'clip',
  shortvideo: 'clip',
  microlearning: 'clip',
  inhousemodule: 'inHouseModule',
  inhouse: 'inHouseModule',
  internal: 'inHouseModule',
  internalmodule: 'inHouseModule',
  ownmodule: 'inHouseModule',
};

const LEVEL_SYNONYMS: Record<string, Level> = {
  beginner: 'beginner',
  beginners: 'beginner',
  basic: 'beginner',
  introductory: 'beginner',
  intro: 'beginner',
  entry: 'beginner',
  entrylevel: 'beginner',
  foundation: 'beginner',
  foundational: 'beginner',
  fundamentals: 'beginner',
  novice: 'beginner',
  anfänger: 'beginner',
  einsteiger: 'beginner',
  grundlagen: 'beginner',
  débutant: 'beginner',
  debutant: 'beginner',
  principiante: 'beginner',
  básico: 'beginner',
  basico: 'beginner',
  beginnend: 'beginner',
  mittelstufe: 'intermediate',
  intermédiaire: 'intermediate',
  intermediaire: 'intermediate',
  intermedio: 'intermediate',
  gemiddeld: 'intermediate',
  fortgeschritten: 'advanced',
  experte: 'advanced',
  avancé: 'advanced',
  avance: 'advanced',
  avanzado: 'advanced',
  experto: 'advanced',
  gevorderd: 'advanced',
  '1': 'beginner',
  level1: 'beginner',
  intermediate: 'intermediate',
  medium: 'intermediate',
  mid: 'intermediate',
  '2': 'intermediate',
  level2: 'intermediate',
  advanced: 'advanced',
  expert: 'advanced',
  '3': 'advanced',
  level3: 'advanced',
};

/** Kind from free text ("Professional certificate", "video"), or null if unknown. */
export function suggestKind(text: string): Kind | null {
  return KIND_SYNONYMS[valueKey(text)] ?? null;
}

/**
 * Level from free text ("Basic", "Level 2", "Beginner Level"), or null if
 * unknown: "Mixed" and "All Levels" are the user's choice.
 */
export function suggestLevel(text: string): Level | null {
  const key = valueKey(text);
  return LEVEL_SYNONYMS[key] ?? LEVEL_SYNONYMS[key.replace(/level$/, '')] ?? null;
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  eng: 'English',
  english: 'English',
  enus: 'English',
  engb: 'English',
  de: 'German',
  deu: 'German',
  ger: 'German',
  german: 'German',
  deutsch: 'German',
  dede: 'German',
  fr: 'French',
  fra: 'French',
  fre: 'French',
  french: 'French',
  francais: 'French',
  français: 'French',
  frfr: 'French',
  es: 'Spanish',
  spa: 'Spanish',
  spanish: 'Spanish',
  español: 'Spanish',
  espanol: 'Spanish',
  eses: 'Spanish',
  it: 'Italian',
  ita: 'Italian',
  italian: 'Italian',
  itit: 'Italian',
  pt: 'Portuguese',
  por: 'Portuguese',
  portuguese: 'Portuguese',
  ptbr: 'Portuguese',
  nl: 'Dutch',
  nld: 'Dutch',
  dutch: 'Dutch',
  pl: 'Polish',
  polish: 'Polish',
  tr: 'Turkish',
  turkish: 'Turkish',
  ja: 'Japanese',
  japanese: 'Japanese',
  zh: 'Chinese',
  chinese: 'Chinese',
  zhcn: 'Chinese',
  ko: 'Korean',
  korean: 'Korean',
  ar: 'Arabic',
  arabic: 'Arabic',
  ru: 'Russian',
  russian: 'Russian',
};

/** Language as the plan says it: codes spelt out ("en-US" → English), other names as written. */
export function suggestLanguage(text: string): string {
  return LANGUAGE_NAMES[valueKey(text)] ?? text.trim().replace(/\s+/g, ' ');
}

/** What the synonyms suggest for a value of a field. */
export function suggestValue(field: ValueField, text: string): string | null {
  if (field === 'kind') return suggestKind(text);
  if (field === 'level') return suggestLevel(text);
  return suggestLanguage(text);
}

/** The kind a value stands for: the user's choice, else the suggestion, else null (ask). */
export function kindOf(text: string, choices: ValueChoices | undefined): Kind | null {
  return choices?.kind?.[valueKey(text)] ?? suggestKind(text);
}

/** The level a value stands for: the user's choice, else the suggestion, else null (ask). */
export function levelOf(text: string, choices: ValueChoices | undefined): Level | null {
  return choices?.level?.[valueKey(text)] ?? suggestLevel(text);
}

/** The language a value stands for ('' when the user left it out). */
export function languageOf(text: string, choices: ValueChoices | undefined): string {
  return choices?.languages?.[valueKey(text)] ?? suggestLanguage(text);
}

/**
 * The distinct values of the Kind, Level and Languages columns, most rows
 * first (at most MAX_DISTINCT_VALUES each). `splitList` splits a language
 * cell into its languages. One pass over the rows.
 */
export function distinctValues(
  rows: readonly (readonly string[])[],
  columns: Readonly<Record<ValueField, number | null>>,
  splitList: (text: string) => string[],
): DistinctValues {
  const out = {} as Record<ValueField, DistinctValue[]>;
  const empty = { kind: 0, level: 0, languages: 0 };
  for (const field of VALUE_FIELDS) {
    const col = columns[field];
    if (col === null) {
      out[field] = [];
      continue;
    }
    const seen = new Map<string, { text: string; rows: number }>();
    // Cells repeat (a Kind column holds a handful of values): split each text once.
    const entriesOf = new Map<string, string[]>();
    for (const cells of rows) {
      const cell = (cells[col] ?? '').trim();
      if (!cell) {
        // Blank rows are passed over by the import, so they ask for nothing.
        if (cells.some((c) => c.trim() !== '')) empty[field]++;
        continue;
      }
      let entries = entriesOf.get(cell);
      if (!entries) {
        entries = field === 'languages' ? splitList(cell) : [cell.replace(/\s+/g, ' ')];
        entriesOf.set(cell, entries);
      }
      for (const text of entries) {
        const key = valueKey(text);
        if (!key) continue;
        const known = seen.get(key);
        if (known) known.rows++;
        else seen.set(key, { text, rows: 1 });
      }
    }
    out[field] = [...seen.entries()]
      .sort((a, b) => b[1].rows - a[1].rows || a[1].text.localeCompare(b[1].text))
      .slice(0, MAX_DISTINCT_VALUES)
      .map(([key, { text, rows }]) => ({
        text,
        key,
        rows,
        suggested: suggestValue(field, text),
      }));
  }
  return { ...out, empty };
}

/** Extra cells kept in the notes: "Enrolments: 5.3k; Rating: 4.7" (empty cells left out). */
export function extraNotes(
  headers: readonly string[],
  cells: readonly string[],
  columns: readonly number[],
): string {
  const parts: string[] = [];
  for (const col of columns) {
    const value = (cells[col] ?? '').trim().replace(/\s+/g, ' ');
    if (value) parts.push(`${(headers[col] ?? '').trim() || `Column ${col + 1}`}: ${value}`);
  }
  return parts.join('; ');
}

/** Identity of a URL for re-import matching: scheme, "www.", case and a final slash ignored. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/+$/, '');
}

/**
 * A skill name reduced to what tells skills apart: case, accents,
 * punctuation, a trailing version ("Python 3", "Excel 365") and a plural
 * ("Spreadsheets") ignored. Two names with one stem are one skill spelt two ways.
 */
export function skillStem(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+v?\d+(\s?(x|\d+))*$/, '')
    .split(' ')
    .map((word) => (word.length > 3 ? word.replace(/ies$/, 'y').replace(/([^s])s$/, '$1') : word))
    .join(' ');
}

/** The skills a plan already has, found by exact name (case and spaces aside) or by stem. */
export interface KnownSkills {
  readonly byKey: ReadonlyMap<string, string>;
  readonly byStem: ReadonlyMap<string, string>;
}

/** An index of the skills a plan already has (first spelling wins). */
export function knownSkills(names: Iterable<string>): KnownSkills {
  const byKey = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const name of names) {
    const key = looseKey(name);
    if (!key) continue;
    if (!byKey.has(key)) byKey.set(key, name.trim());
    const stem = skillStem(name);
    if (stem && !byStem.has(stem)) byStem.set(stem, name.trim());
  }
  return { byKey, byStem };
}

/**
 * The skill a file's skill stands for: the user's choice, else the plan's
 * skill of the same name (its spelling) or of the same stem ("Spreadsheet"
 * → "Spreadsheets", "Python 3" → "Python"), else the text as written (a new skill).
 */
export function skillOf(
  text: string,
  choices: ValueChoices | undefined,
  known: KnownSkills,
): string {
  const chosen = choices?.skills?.[valueKey(text)];
  if (chosen) return chosen;
  const key = looseKey(text);
  return known.byKey.get(key) ?? known.byStem.get(skillStem(text)) ?? text;
}

/** A skill of the file that the plan has under another spelling. */
export interface SkillMatch {
  /** As first written in the file. */
  readonly text: string;
  /** Key the choices use. */
  readonly key: string;
  readonly rows: number;
  /** The plan's skill it matches ("Spreadsheets" for "Spreadsheet"). */
  readonly suggested: string;
}

/** The file's skills matched to the plan's: those spelt another way, and how many are new. */
export interface SkillMatches {
  readonly matches: readonly SkillMatch[];
  /** Distinct skills of the file the plan does not have (added as written). */
  readonly newSkills: number;
}

/**
 * The distinct skills of a Skills column that the plan has under another
 * spelling (most rows first, at most MAX_DISTINCT_VALUES), and how many are
 * new. A skill the plan has by the same name is neither.
 */
export function matchSkills(
  rows: readonly (readonly string[])[],
  column: number | null,
  known: KnownSkills,
  splitList: (text: string) => string[],
): SkillMatches {
  if (column === null) return { matches: [], newSkills: 0 };
  const seen = new Map<
    string,
    { text: string; rows: number; exact: boolean; suggested: string | null }
  >();
  const entriesOf = new Map<string, string[]>();
  for (const cells of rows) {
    const cell = (cells[column] ?? '').trim();
    if (!cell) continue;
    let entries = entriesOf.get(cell);
    if (!entries) entriesOf.set(cell, (entries = splitList(cell)));
    for (const text of entries) {
      const key = valueKey(text);
      if (!key) continue;
      const known_ = seen.get(key);
      if (known_) {
        known_.rows++;
        continue;
      }
      const exact = known.byKey.has(looseKey(text));
      const suggested = exact ? null : (known.byStem.get(skillStem(text)) ?? null);
      seen.set(key, { text, rows: 1, exact, suggested });
    }
  }
  let newSkills = 0;
  const matches: SkillMatch[] = [];
  for (const [key, v] of seen) {
    if (v.exact) continue;
    if (v.suggested === null) newSkills++;
    else matches.push({ text: v.text, key, rows: v.rows, suggested: v.suggested });
  }
  matches.sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text));
  return { matches: matches.slice(0, MAX_DISTINCT_VALUES), newSkills };
}
