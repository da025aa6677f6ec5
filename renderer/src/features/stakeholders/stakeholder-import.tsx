/**
 * The stakeholder register as an import target of the shared import dialog
 * (renderer/src/features/content/ImportDialog.tsx): the register's "Import
 * stakeholder list…". Types, stances and scores as the file writes them are
 * matched to ours in its value step; e-mail and phone columns are left out;
 * entries already in the register are updated; the whole import is one
 * command.
 */
import {
  importStakeholders,
  type StakeholderImportUpdate,
} from '../../../../shared/commands/stakeholders';
import { matchingPreset } from '../../../../shared/content/import-presets';
import {
  personalContactColumns,
  STAKEHOLDER_FIELDS,
  stakeholderFieldLabel,
  type StakeholderColumnMapping,
  type StakeholderImportChoices,
} from '../../../../shared/stakeholders/import';
import {
  applyStakeholderPreset,
  stakeholderPresetFromChoices,
  type StakeholderImportPreset,
} from '../../../../shared/stakeholders/import-presets';
import { categoryLabel, categoryOf, stanceLabel } from '../../../../shared/stakeholders/register';
import { countOf } from '../../../../shared/words';
import type { StakeholderPreviewSummary } from '../content/import-protocol';
import { presetStore } from '../content/import-presets-store';
import { sendPreview, type ImportTarget } from '../content/import-targets';
import { StakeholderValueMapping } from './StakeholderValueMapping';

const stakeholderPresets = presetStore('stakeholders');
const scoreText = (score: number, placed: boolean) => (placed ? String(score) : '—');

/** A stakeholder list into the register (the register's "Import stakeholder list…"). */
export const stakeholderTarget: ImportTarget<
  StakeholderColumnMapping,
  StakeholderImportChoices,
  StakeholderPreviewSummary,
  StakeholderImportPreset
> = {
  id: 'stakeholders',
  title: 'Import stakeholder list',
  place: 'register',
  presetPlaceholder: 'e.g. Workshop stakeholder list',
  fieldsLegend: 'Match your columns to register fields',
  fields: STAKEHOLDER_FIELDS,
  noun: (n) => countOf(n, 'stakeholder', 'stakeholders'),
  fieldLabel: stakeholderFieldLabel,
  readRequest: (plan) => ({ target: 'stakeholders', existing: [...plan.stakeholders.entries] }),
  preview: (client, mapping, choices, onProgress) =>
    sendPreview(client, { type: 'stakeholderPreview', mapping, choices }, onProgress, (r) =>
      r.type === 'stakeholderPreview' ? r.summary : null,
    ),
  fileNotes: (headers) => {
    const personal = personalContactColumns(headers);
    if (personal.length === 0) return [];
    const names = personal.map((c) => `“${headers[c] || `Column ${c + 1}`}”`).join(', ');
    return [
      `${names} ${personal.length === 1 ? 'holds' : 'hold'} e-mail addresses or phone numbers: left out of the plan. The register keeps organisations and roles; map a column to Contact only if the team needs it (only internal exports show it).`,
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
        `Type ${categoryLabel(choices.typeForAll)} for ${mapping.type === null ? 'every row' : 'rows without one'} (your choice).`,
      );
    if (summary.unplacedCount > 0)
      notes.push(
        `${countOf(summary.unplacedCount, 'new entry has', 'new entries have')} no power and interest: they wait in the matrix’s Unplaced tray.`,
      );
    if (summary.noStanceCount > 0)
      notes.push(
        `${countOf(summary.noStanceCount, 'new entry has', 'new entries have')} no stance: Neutral, as an entry added by hand.`,
      );
    return notes;
  },
  sampleTable: (summary) => (
    <table className="data-table compact">
      <caption>First rows to be added</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Row
          </th>
          <th scope="col">Name</th>
          <th scope="col">Organisation</th>
          <th scope="col">Type</th>
          <th scope="col" className="num">
            Power
          </th>
          <th scope="col" className="num">
            Interest
          </th>
          <th scope="col">Stance</th>
        </tr>
      </thead>
      <tbody>
        {summary.sample.map(({ row, entry }) => (
          <tr key={row}>
            <td className="num">{row}</td>
            <td>{entry.name}</td>
            <td>{entry.organisation || '—'}</td>
            <td>{categoryLabel(categoryOf(entry))}</td>
            <td className="num">{scoreText(entry.power, entry.placed !== false)}</td>
            <td className="num">{scoreText(entry.interest, entry.placed !== false)}</td>
            <td>{stanceLabel(entry.currentStance)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
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
