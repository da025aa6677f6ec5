/**
 * Saved stakeholder-list mappings: which column holds which register field,
 * what each Type, Stance and score word means, how score numbers are read,
 * the type of every row, and which extra columns are kept in the notes —
 * remembered by heading, like the catalog import's presets, and stored with
 * them, tagged `target: 'stakeholders'`.
 */
import { z } from 'zod';
import { mapColumnsByHeading } from '../content/import-presets';
import {
  guessStakeholderMapping,
  SCORE_SCALES,
  STAKEHOLDER_FIELDS,
  type StakeholderColumnMapping,
  type StakeholderDistinctValues,
  type StakeholderFieldKey,
  type StakeholderImportChoices,
} from './import';
import { CATEGORIES, STANCE_INFO } from './register';

const Category = z.enum(Object.values(CATEGORIES) as [string, ...string[]]);
const Stance = z.enum(STANCE_INFO.map((s) => s.id) as [string, ...string[]]);
const Score = z.number().finite().min(0).max(100);
const Scale = z.enum(SCORE_SCALES);
const FieldKey = z.enum(
  STAKEHOLDER_FIELDS.map((f) => f.key) as [StakeholderFieldKey, ...StakeholderFieldKey[]],
);

/** A saved stakeholder-list mapping, as stored. */
export const StakeholderImportPreset = z.object({
  target: z.literal('stakeholders'),
  name: z.string().trim().min(1).max(100),
  source: z.string().max(1000).optional(),
  /** Field → the heading of its column. */
  columns: z.partialRecord(FieldKey, z.string().max(500)),
  values: z.object({
    type: z.record(z.string(), Category).default({}),
    stance: z.record(z.string(), Stance).default({}),
    power: z.record(z.string(), Score).default({}),
    interest: z.record(z.string(), Score).default({}),
  }),
  scales: z.partialRecord(z.enum(['power', 'interest']), Scale).default({}),
  typeForAll: Category.nullable().default(null),
  keepInNotes: z.array(z.string().max(500)).default([]),
});
/** A saved stakeholder-list mapping. */
export type StakeholderImportPreset = z.infer<typeof StakeholderImportPreset>;

/** The stakeholder-list presets among stored presets of every target; damaged ones dropped. */
export function parseStakeholderPresets(list: readonly unknown[]): StakeholderImportPreset[] {
  return list.flatMap((p) => {
    const one = StakeholderImportPreset.safeParse(p);
    return one.success ? [one.data] : [];
  });
}

/** A preset applied to a file's headings (see `mapColumnsByHeading`). */
export function applyStakeholderPreset(
  preset: StakeholderImportPreset,
  headers: readonly string[],
): {
  mapping: StakeholderColumnMapping;
  choices: StakeholderImportChoices;
  missing: readonly string[];
} {
  const { mapping, missing, keepInNotes } = mapColumnsByHeading(
    STAKEHOLDER_FIELDS.map((f) => f.key),
    preset.columns,
    guessStakeholderMapping(headers),
    headers,
    preset.keepInNotes,
  );
  return {
    mapping,
    missing,
    choices: {
      values: preset.values as StakeholderImportChoices['values'],
      scales: preset.scales,
      typeForAll: preset.typeForAll as StakeholderImportChoices['typeForAll'],
      keepInNotes,
    },
  };
}

/**
 * A preset from the current mapping and choices: every distinct value the
 * file showed is saved with what it stood for (chosen or suggested), and the
 * scales in use, so the next file is read the same way.
 */
export function stakeholderPresetFromChoices(
  name: string,
  headers: readonly string[],
  mapping: StakeholderColumnMapping,
  choices: StakeholderImportChoices,
  values: StakeholderDistinctValues,
): StakeholderImportPreset {
  const columns: Partial<Record<StakeholderFieldKey, string>> = {};
  for (const field of STAKEHOLDER_FIELDS) {
    const col = mapping[field.key];
    if (col !== null && headers[col] !== undefined) columns[field.key] = headers[col];
  }
  const pick = <T>(field: 'type' | 'stance' | 'power' | 'interest', read: (s: string) => T) => {
    const out: Record<string, T> = {};
    for (const v of values[field]) {
      const chosen = (choices.values?.[field] as Record<string, T> | undefined)?.[v.key];
      if (chosen !== undefined) out[v.key] = chosen;
      else if (v.suggested !== null) out[v.key] = read(v.suggested);
    }
    return { ...(choices.values?.[field] as Record<string, T> | undefined), ...out };
  };
  const scales: Partial<Record<'power' | 'interest', string>> = {};
  for (const field of ['power', 'interest'] as const) {
    const scale = choices.scales?.[field] ?? values.numbers[field]?.detected;
    if (scale) scales[field] = scale;
  }
  return StakeholderImportPreset.parse({
    target: 'stakeholders',
    name: name.trim(),
    columns,
    values: {
      type: pick('type', (s) => s),
      stance: pick('stance', (s) => s),
      power: pick('power', Number),
      interest: pick('interest', Number),
    },
    scales,
    typeForAll: choices.typeForAll ?? null,
    keepInNotes: (choices.keepInNotes ?? []).flatMap((c) =>
      headers[c] !== undefined ? [headers[c]] : [],
    ),
  });
}
