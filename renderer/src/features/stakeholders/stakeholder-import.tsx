/**
 * The stakeholder register as an import target of the shared import dialog
 * (renderer/src/features/content/ImportDialog.tsx): the register's "Import
 * stakeholder list…". Types, stances and scores as the file writes them are
 * matched to ours in its value step; e-mail and phone columns are left out;
 * entries already in the register are updated; the whole import is one
 * command. Its words are read when shown (getters), so they follow the UI's
 * language.
 */
import { useTranslation } from 'react-i18next';
import {
  importStakeholders,
  type StakeholderImportUpdate,
} from '../../../../shared/commands/stakeholders';
import { matchingPreset } from '../../../../shared/content/import-presets';
import {
  personalContactColumns,
  STAKEHOLDER_FIELDS,
  type StakeholderColumnMapping,
  type StakeholderImportChoices,
} from '../../../../shared/stakeholders/import';
import {
  applyStakeholderPreset,
  stakeholderPresetFromChoices,
  type StakeholderImportPreset,
} from '../../../../shared/stakeholders/import-presets';
import { categoryOf } from '../../../../shared/stakeholders/register';
import type { Language } from '../../../../shared/i18n/languages';
import { i18n, uiFormat, uiLanguage, useFormat } from '../../i18n/i18n';
import type { StakeholderPreviewSummary } from '../content/import-protocol';
import { presetStore } from '../content/import-presets-store';
import { sendPreview, type ImportTarget } from '../content/import-targets';
import { StakeholderValueMapping } from './StakeholderValueMapping';

const stakeholderPresets = presetStore('stakeholders');

type Field = (typeof STAKEHOLDER_FIELDS)[number];

/** The register fields with their labels in the UI's language (one array per language). */
const fieldsByLanguage = new Map<Language, readonly Field[]>();
function translatedFields(): readonly Field[] {
  const language = uiLanguage();
  let fields = fieldsByLanguage.get(language);
  if (!fields) {
    fields = STAKEHOLDER_FIELDS.map(
      (f) => ({ ...f, label: i18n.t(`stakeholders:import.fields.${f.key}`) }) as unknown as Field,
    );
    fieldsByLanguage.set(language, fields);
  }
  return fields;
}

/** A field's label ("Row" for a row-wide message). */
function fieldLabel(key: string | null): string {
  if (key === null) return i18n.t('stakeholders:import.row');
  const field = STAKEHOLDER_FIELDS.find((f) => f.key === key);
  return field ? i18n.t(`stakeholders:import.fields.${field.key}`) : key;
}

/** The first rows to be added, as the register will show them. */
function SampleTable({ summary }: { summary: StakeholderPreviewSummary }) {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
  const score = (value: number, placed: boolean) => (placed ? format.number(value) : '—');
  return (
    <table className="data-table compact">
      <caption>{t('import.sampleCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('import.row')}
          </th>
          <th scope="col">{t('import.fields.name')}</th>
          <th scope="col">{t('import.fields.organisation')}</th>
          <th scope="col">{t('import.fields.type')}</th>
          <th scope="col" className="num">
            {t('import.fields.power')}
          </th>
          <th scope="col" className="num">
            {t('import.fields.interest')}
          </th>
          <th scope="col">{t('import.fields.stance')}</th>
        </tr>
      </thead>
      <tbody>
        {summary.sample.map(({ row, entry }) => (
          <tr key={row}>
            <td className="num">{format.number(row)}</td>
            <td>{entry.name}</td>
            <td>{entry.organisation || '—'}</td>
            <td>{t(`categories.${categoryOf(entry)}.short`)}</td>
            <td className="num">{score(entry.power, entry.placed !== false)}</td>
            <td className="num">{score(entry.interest, entry.placed !== false)}</td>
            <td>{t(`stances.${entry.currentStance}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A stakeholder list into the register (the register's "Import stakeholder list…"). */
export const stakeholderTarget: ImportTarget<
  StakeholderColumnMapping,
  StakeholderImportChoices,
  StakeholderPreviewSummary,
  StakeholderImportPreset
> = {
  id: 'stakeholders',
  get title() {
    return i18n.t('stakeholders:import.title');
  },
  get place() {
    return i18n.t('stakeholders:import.place');
  },
  get unchanged() {
    return i18n.t('stakeholders:import.unchanged');
  },
  get presetPlaceholder() {
    return i18n.t('stakeholders:import.presetPlaceholder');
  },
  get fieldsLegend() {
    return i18n.t('stakeholders:import.fieldsLegend');
  },
  get fields() {
    return translatedFields();
  },
  noun: (n) => i18n.t('stakeholders:import.noun', { count: n }),
  fieldLabel,
  readRequest: (plan) => ({ target: 'stakeholders', existing: [...plan.stakeholders.entries] }),
  preview: (client, mapping, choices, onProgress) =>
    sendPreview(client, { type: 'stakeholderPreview', mapping, choices }, onProgress, (r) =>
      r.type === 'stakeholderPreview' ? r.summary : null,
    ),
  fileNotes: (headers) => {
    const personal = personalContactColumns(headers);
    if (personal.length === 0) return [];
    const names = personal.map((c) =>
      i18n.t('stakeholders:import.quoted', {
        text: headers[c] || i18n.t('stakeholders:import.column', { number: c + 1 }),
      }),
    );
    return [
      i18n.t('stakeholders:import.personalColumns', {
        columns: uiFormat().list(names),
        count: personal.length,
      }),
    ];
  },
  extraColumns: (headers, mapping) => {
    const mapped = new Set(Object.values(mapping).filter((c) => c !== null));
    const personal = new Set(personalContactColumns(headers));
    return headers.flatMap((_, i) => (mapped.has(i) || personal.has(i) ? [] : [i]));
  },
  columnMapped: (choices, column) => ({
    ...choices,
    keepInNotes: choices.keepInNotes?.filter((c) => c !== column),
  }),
  relaidOut: (choices) => ({ ...choices, keepInNotes: [], scales: {} }),
  ValueStep: ({ mapping, choices, summary, headers, extraColumns, disabled, onChange }) => (
    <StakeholderValueMapping
      mapping={mapping}
      choices={choices}
      values={summary.values}
      headers={headers}
      extraColumns={extraColumns}
      disabled={disabled}
      onChange={onChange}
    />
  ),
  previewNotes: (summary, choices, mapping) => {
    if (summary.mappingErrors.length) return [];
    const notes: string[] = [];
    if (choices.typeForAll)
      notes.push(
        i18n.t('stakeholders:import.typeForAll', {
          type: i18n.t(`stakeholders:categories.${choices.typeForAll}.short`),
          rows: mapping.type === null ? 'all' : 'without',
        }),
      );
    if (summary.unplacedCount > 0)
      notes.push(i18n.t('stakeholders:import.unplaced', { count: summary.unplacedCount }));
    if (summary.noStanceCount > 0)
      notes.push(i18n.t('stakeholders:import.noStance', { count: summary.noStanceCount }));
    return notes;
  },
  sampleTable: (summary) => <SampleTable summary={summary} />,
  presets: {
    builtIn: [],
    load: stakeholderPresets.load,
    save: stakeholderPresets.save,
    remove: stakeholderPresets.remove,
    apply: applyStakeholderPreset,
    fromChoices: (name, headers, mapping, choices, summary) =>
      stakeholderPresetFromChoices(name, headers, mapping, choices, summary.values),
    matching: (presets, headers) => matchingPreset(presets, headers),
  },
  async apply({ client, current, dispatch }) {
    const response = await client.request({ type: 'items' });
    if (!current() || response.type !== 'stakeholderItems') return null;
    const updates: StakeholderImportUpdate[] = response.updates;
    return dispatch(
      importStakeholders({
        entries: response.entries,
        updates,
        at: new Date().toISOString(),
      }),
    );
  },
};
