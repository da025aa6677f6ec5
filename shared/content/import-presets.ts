/**
 * Saved catalog-import mappings ("presets"): which column holds which field,
 * what each Kind, Level and Language value means, the kind or level of every
 * row, and which extra columns are kept in the notes — remembered by column
 * heading, so the next export of the same shape needs no mapping. Presets are
 * the user's settings, not plan data (the renderer keeps them locally).
 *
 * Shipped presets describe the common platform export shapes, as far as the
 * public material says; each says where it came from, and where it guesses.
 */
import { z } from 'zod';
import type { ContentItem } from '../plan/schema';
import {
  CATALOG_FIELDS,
  guessMapping,
  type CatalogFieldKey,
  type ColumnMapping,
} from './catalog-import';
import { valueKey, type DistinctValues, type ImportChoices } from './import-values';

const Kind = z.enum([
  'course',
  'professionalCertificate',
  'skillSet',
  'guidedProject',
  'clip',
  'inHouseModule',
]);
const Level = z.enum(['beginner', 'intermediate', 'advanced']);
const FieldKey = z.enum(
  CATALOG_FIELDS.map((f) => f.key) as [CatalogFieldKey, ...CatalogFieldKey[]],
);

/** A saved mapping, as stored. */
export const ImportPreset = z.object({
  /** Which import the preset is for (stakeholder-list presets say 'stakeholders'). */
  target: z.literal('catalog').default('catalog'),
  name: z.string().trim().min(1).max(100),
  /** Where a shipped preset's column names come from (absent for the user's own). */
  source: z.string().max(1000).optional(),
  /** Field → the heading of its column. */
  columns: z.partialRecord(FieldKey, z.string().max(500)),
  values: z.object({
    kind: z.record(z.string(), Kind).default({}),
    level: z.record(z.string(), Level).default({}),
    languages: z.record(z.string(), z.string().max(500)).default({}),
    /** Skills of the file chosen to be one of the plan's (or kept as written). */
    skills: z.record(z.string(), z.string().max(500)).optional(),
  }),
  kindForAll: Kind.nullable().default(null),
  levelForAll: Level.nullable().default(null),
  /** Headings of the extra columns kept in the notes. */
  keepInNotes: z.array(z.string().max(500)).default([]),
});
export type ImportPreset = z.infer<typeof ImportPreset>;

const PresetList = z.array(ImportPreset);

/** The user's presets from stored text; anything unreadable is dropped, never thrown. */
export function parsePresets(text: string | null): ImportPreset[] {
  if (!text) return [];
  try {
    const parsed = PresetList.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    // Keep the readable ones when one entry is damaged.
    const list: unknown = JSON.parse(text);
    return Array.isArray(list)
      ? list.flatMap((p) => {
          const one = ImportPreset.safeParse(p);
          return one.success ? [one.data] : [];
        })
      : [];
  } catch {
    return [];
  }
}

/** The presets as stored text. */
export function serialisePresets(presets: readonly ImportPreset[]): string {
  return JSON.stringify(presets);
}

/** Adds a preset, replacing one of the same name (case-insensitive); sorted by name. */
export function withPreset<P extends { readonly name: string }>(
  presets: readonly P[],
  preset: P,
): P[] {
  const name = preset.name.trim().toLowerCase();
  return [...presets.filter((p) => p.name.trim().toLowerCase() !== name), preset].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** The presets without the one named. */
export function withoutPreset<P extends { readonly name: string }>(
  presets: readonly P[],
  name: string,
): P[] {
  return presets.filter((p) => p.name !== name);
}

/** Key of a heading: case, spaces and punctuation ignored. */
export const headingKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A saved column mapping applied to a file's headings, for any import
 * target: each field the preset names takes the column of that heading (or
 * none, and its heading is reported missing); the other fields keep their
 * guess unless the preset gave that column to another field; `keepInNotes`
 * headings become the columns kept in the notes.
 */
export function mapColumnsByHeading<K extends string>(
  fields: readonly K[],
  columns: Partial<Record<K, string>>,
  guessed: Record<K, number | null>,
  headers: readonly string[],
  keepInNotes: readonly string[],
): { mapping: Record<K, number | null>; missing: string[]; keepInNotes: number[] } {
  const keys = headers.map(headingKey);
  const mapping = { ...guessed };
  const missing: string[] = [];
  const taken = new Set<number>();
  for (const field of fields) {
    const heading = columns[field];
    if (heading === undefined) continue;
    const col = keys.indexOf(headingKey(heading));
    if (col < 0) {
      missing.push(heading);
      mapping[field] = null;
    } else {
      mapping[field] = col;
      taken.add(col);
    }
  }
  // A guessed field that uses a column the preset gave to another field lets go of it.
  for (const field of fields)
    if (columns[field] === undefined && taken.has(mapping[field] ?? -1)) mapping[field] = null;
  const kept = keepInNotes
    .map((h) => keys.indexOf(headingKey(h)))
    .filter((c) => c >= 0 && !Object.values<number | null>(mapping).includes(c));
  return { mapping, missing, keepInNotes: kept };
}

/** What applying a preset to a file's headings gives. */
export interface AppliedPreset {
  readonly mapping: ColumnMapping;
  readonly choices: ImportChoices;
  /** Headings the preset expects that the file does not have. */
  readonly missing: readonly string[];
}

/**
 * A preset applied to a file: its columns found by heading (case, spaces and
 * punctuation ignored), the other fields guessed as usual, its value
 * choices and extra columns carried over.
 */
export function applyPreset(preset: ImportPreset, headers: readonly string[]): AppliedPreset {
  const { mapping, missing, keepInNotes } = mapColumnsByHeading(
    CATALOG_FIELDS.map((f) => f.key),
    preset.columns,
    guessMapping(headers),
    headers,
    preset.keepInNotes,
  );
  return {
    mapping,
    missing,
    choices: {
      values: preset.values,
      kindForAll: preset.kindForAll,
      levelForAll: preset.levelForAll,
      keepInNotes,
    },
  };
}

/**
 * A preset from the current mapping and choices. Every distinct value the
 * file showed is saved with what it stood for (the user's choice or the
 * suggestion they accepted), so the next file is read the same way.
 */
export function presetFromChoices(
  name: string,
  headers: readonly string[],
  mapping: ColumnMapping,
  choices: ImportChoices,
  values: DistinctValues,
): ImportPreset {
  const columns: Partial<Record<CatalogFieldKey, string>> = {};
  for (const field of CATALOG_FIELDS) {
    const col = mapping[field.key];
    if (col !== null && headers[col] !== undefined) columns[field.key] = headers[col];
  }
  const kind: Record<string, ContentItem['kind']> = {};
  const level: Record<string, ContentItem['level']> = {};
  const languages: Record<string, string> = {};
  for (const v of values.kind) {
    const chosen = choices.values?.kind?.[v.key] ?? (v.suggested as ContentItem['kind'] | null);
    if (chosen) kind[v.key] = chosen;
  }
  for (const v of values.level) {
    const chosen = choices.values?.level?.[v.key] ?? (v.suggested as ContentItem['level'] | null);
    if (chosen) level[v.key] = chosen;
  }
  for (const v of values.languages) {
    const chosen = choices.values?.languages?.[v.key] ?? v.suggested;
    if (chosen !== null) languages[v.key] = chosen;
  }
  // Choices for values this file did not show are kept too.
  return ImportPreset.parse({
    name: name.trim(),
    columns,
    values: {
      kind: { ...choices.values?.kind, ...kind },
      level: { ...choices.values?.level, ...level },
      languages: { ...choices.values?.languages, ...languages },
      ...(choices.values?.skills && Object.keys(choices.values.skills).length
        ? { skills: { ...choices.values.skills } }
        : {}),
    },
    kindForAll: choices.kindForAll ?? null,
    levelForAll: choices.levelForAll ?? null,
    keepInNotes: (choices.keepInNotes ?? []).flatMap((c) =>
      headers[c] !== undefined ? [headers[c]] : [],
    ),
  });
}

/** The shipped preset whose headings the file has most of (all its columns), or null. */
export function matchingPreset<P extends { readonly columns: Partial<Record<string, string>> }>(
  presets: readonly P[],
  headers: readonly string[],
): P | null {
  const keys = new Set(headers.map(headingKey));
  let best: P | null = null;
  let bestCount = 0;
  for (const preset of presets) {
    const headings = Object.values(preset.columns).filter((h) => h !== undefined);
    if (headings.length < 2 || !headings.every((h) => keys.has(headingKey(h)))) continue;
    if (headings.length > bestCount) {
      best = preset;
      bestCount = headings.length;
    }
  }
  return best;
}

const key = valueKey;

/**
 * Presets for common platform export shapes. None of these platforms
 * documents a catalog *export* file in its public help pages (their help
 * documents user CSVs and APIs), so each preset says what it is based on;
 * headings marked "guessed" are our guess at how a spreadsheet of that
 * platform's fields is headed. Values the public material does not settle
 * (Coursera's "Mixed", Udemy's "All Levels") are left for the user.
 */
export const BUILT_IN_PRESETS: readonly ImportPreset[] = [
  ImportPreset.parse({
    name: 'Coursera course list',
    // The public Coursera course dataset (Kaggle "Coursera Course Dataset",
    // coursea_data.csv, 891 rows; the catalog issue 11 describes): headings
    // course_title, course_organization, course_Certificate_type,
    // course_rating, course_difficulty, course_students_enrolled ("5.3k").
    // Certificate types there: COURSE, SPECIALIZATION, PROFESSIONAL CERTIFICATE;
    // difficulties Beginner, Intermediate, Advanced, Mixed. Not an official
    // Coursera export.
    source:
      'Headings of the public Coursera course dataset (coursea_data.csv); not an official Coursera export.',
    columns: {
      title: 'course_title',
      provider: 'course_organization',
      kind: 'course_Certificate_type',
      level: 'course_difficulty',
    },
    values: {
      kind: {
        [key('COURSE')]: 'course',
        [key('SPECIALIZATION')]: 'skillSet',
        [key('PROFESSIONAL CERTIFICATE')]: 'professionalCertificate',
      },
      level: {
        [key('Beginner')]: 'beginner',
        [key('Intermediate')]: 'intermediate',
        [key('Advanced')]: 'advanced',
      },
    },
    keepInNotes: ['course_rating', 'course_students_enrolled'],
  }),
  ImportPreset.parse({
    name: 'LinkedIn Learning content',
    // Field names from LinkedIn Learning's learningAssets API reference
    // (learn.microsoft.com/linkedin/learning/reference/learningassets):
    // title, type (COURSE, VIDEO, LEARNING_PATH), difficultyLevel
    // (BEGINNER, INTERMEDIATE, ADVANCED), timeToComplete, locale, url,
    // authors. The spreadsheet headings below are guessed; timeToComplete
    // is a duration object in the API, so it is not mapped to Hours.
    source:
      'Field names from the LinkedIn Learning API reference (learningAssets); the headings are guessed.',
    columns: {
      title: 'Title',
      provider: 'Author',
      kind: 'Content Type',
      level: 'Difficulty Level',
      languages: 'Locale',
      url: 'URL',
      notes: 'Description',
    },
    values: {
      kind: {
        [key('COURSE')]: 'course',
        [key('VIDEO')]: 'clip',
        [key('LEARNING_PATH')]: 'skillSet',
      },
      level: {
        [key('BEGINNER')]: 'beginner',
        [key('INTERMEDIATE')]: 'intermediate',
        [key('ADVANCED')]: 'advanced',
      },
    },
  }),
  ImportPreset.parse({
    name: 'Udemy Business courses',
    // Field names from the Udemy Business course list API as the Fivetran
    // Udemy Business connector documents it (fivetran.com/docs/connectors/
    // applications/udemy-business): title, url, locale, level, categories,
    // instructors, estimated_content_length (in minutes, so not mapped to
    // Hours). Udemy's levels are Beginner, Intermediate, Expert and
    // "All Levels" (the last left for the user). Headings are guessed.
    source:
      'Field names from the Udemy Business course API (via the Fivetran connector docs); the headings are guessed. Its length is in minutes, so it is not mapped to Hours.',
    columns: {
      title: 'Course Title',
      provider: 'Instructor',
      level: 'Level',
      languages: 'Language',
      skills: 'Topics',
      url: 'Course URL',
      notes: 'Description',
    },
    kindForAll: 'course',
    values: {
      level: {
        [key('Beginner')]: 'beginner',
        [key('Intermediate')]: 'intermediate',
        [key('Expert')]: 'advanced',
      },
    },
  }),
  ImportPreset.parse({
    name: 'edX courses',
    // Guessed throughout: edX shows each course's institution ("School"),
    // level (Introductory, Intermediate, Advanced) and language on its
    // course pages (its effort is "hours per week", so not mapped), and sells programs as Professional Certificate,
    // XSeries and MicroMasters; we found no public export format.
    source: 'Guessed from the fields edX course pages show; no public export format was found.',
    columns: {
      title: 'Title',
      provider: 'School',
      kind: 'Program Type',
      level: 'Level',
      languages: 'Language',
      url: 'URL',
    },
    values: {
      kind: {
        [key('Course')]: 'course',
        [key('Professional Certificate')]: 'professionalCertificate',
        [key('XSeries')]: 'professionalCertificate',
        [key('MicroMasters')]: 'professionalCertificate',
      },
      level: {
        [key('Introductory')]: 'beginner',
        [key('Intermediate')]: 'intermediate',
        [key('Advanced')]: 'advanced',
      },
    },
  }),
];
