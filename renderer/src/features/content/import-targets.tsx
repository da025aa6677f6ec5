/**
 * What the import dialog imports into: the content catalog or the
 * stakeholder register (and, in features/launch-invitations, the
 * invitation list). The dialog (file, sheet and heading row, saved
 * mappings, column mapping, preview, failed-rows CSV, confirm) is the same;
 * a target supplies its fields, its value-mapping step, what its preview
 * shows, its saved mappings, and the one command that applies the rows.
 */
import type { ComponentType, ReactNode } from 'react';
import type { Command } from '../../../../shared/commands/command';
import {
  checkItemIdsInSlices,
  importCatalogItems,
  type CatalogItemUpdate,
} from '../../../../shared/commands/content';
import {
  importStakeholders,
  type StakeholderImportUpdate,
} from '../../../../shared/commands/stakeholders';
import {
  CATALOG_FIELDS,
  fieldLabel,
  type CatalogFieldKey,
  type ColumnMapping,
} from '../../../../shared/content/catalog-import';
import { KIND_LABELS } from '../../../../shared/content/catalog';
import {
  BUILT_IN_PRESETS,
  applyPreset,
  matchingPreset,
  presetFromChoices,
  type ImportPreset,
} from '../../../../shared/content/import-presets';
import type { DistinctValues, ImportChoices } from '../../../../shared/content/import-values';
import { LEVEL_LABELS } from '../../../../shared/content/pathways';
import { freezeInSlices, runInSlices } from '../../../../shared/plan/freeze';
import type { ContentItem, Plan, Stakeholder } from '../../../../shared/plan/schema';
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
import { countOf, formatCount } from '../../../../shared/words';
import { yieldToPage } from '../../store/yield-to-page';
import type { DispatchResult } from '../../store/plan-store';
import type { ImportClient } from './import-client';
import type { RosterPlanOptions } from '../../../../shared/manage/roster-import';
import type {
  ImportRequest,
  ImportTargetId,
  PreviewSummary,
  StakeholderPreviewSummary,
} from './import-protocol';
import { presetStore } from './import-presets-store';
import { ValueMapping } from './ImportValueMapping';
import { StakeholderValueMapping } from './StakeholderValueMapping';
import { clipText } from '../../../../shared/text-length';

/** A column mapping of any target: field → column index, or null. */
export type AnyMapping = Readonly<Record<string, number | null>>;

/** What every target's preview has (the dialog shows these the same way). */
export type AnySummary = Pick<
  PreviewSummary,
  | 'mappingErrors'
  | 'readyCount'
  | 'updatedCount'
  | 'unchangedCount'
  | 'updateSample'
  | 'failedCount'
  | 'blankRows'
  | 'issueCount'
> & {
  readonly issues: readonly {
    row: number;
    field: string | null;
    message: string;
    waiting?: true;
    duplicateOf?: number;
  }[];
  /** Rows left out only while they wait for the user's choice (catalog). */
  readonly waitingCount?: number;
  /** Rows left out that need fixing in the file (catalog; the rest wait or repeat a row). */
  readonly fixCount?: number;
  /** Rows left out as the same as an earlier row (catalog). */
  readonly duplicateCount?: number;
};

/** What applying the rows needs from the dialog. */
export interface ApplyContext {
  readonly client: ImportClient;
  /** Whether the run is still the one that asked (Cancel or a new file stops it). */
  readonly current: () => boolean;
  readonly progress: (done: number) => void;
  readonly dispatch: (command: Command) => DispatchResult;
  /** The name of the file being imported. */
  readonly fileName: string;
}

/** A saved mapping of a target, as the dialog handles it. */
export interface AnyPreset {
  readonly name: string;
  readonly source?: string;
}

/**
 * One import target. `M`, `C`, `S`, `P`: its mapping, choices, preview
 * summary and preset types (the dialog treats them as opaque).
 */
export interface ImportTarget<
  M extends AnyMapping,
  C extends object,
  S extends AnySummary,
  P extends AnyPreset,
> {
  readonly id: ImportTargetId;
  /** The dialog's title. */
  readonly title: string;
  /** Where the rows go, for "Nothing in the … was changed." */
  readonly place: string;
  /** Example name for a saved mapping. */
  readonly presetPlaceholder: string;
  /** Legend of the column mapping. */
  readonly fieldsLegend: string;
  readonly fields: readonly {
    readonly key: string;
    readonly label: string;
    readonly required: boolean;
  }[];
  /** "1 item", "3 stakeholders". */
  readonly noun: (n: number) => string;
  readonly fieldLabel: (key: string | null) => string;
  /** The read request's target and the entries a row can match. */
  readonly readRequest: (plan: Plan) =>
    | {
        target?: 'catalog';
        existing: ContentItem[];
        currency?: string | null;
        skills?: string[];
      }
    | { target: 'stakeholders'; existing: Stakeholder[] }
    | { target: 'invitations'; segments: { id: string; name: string }[] }
    | { target: 'roster'; options: RosterPlanOptions; maxCsvBytes?: number };
  /** Largest CSV the target accepts (default: MAX_IMPORT_BYTES, as for workbooks). */
  readonly maxCsvBytes?: number;
  /** Asks the worker to check the rows; answers with the summary, or null. */
  readonly preview: (
    client: ImportClient,
    mapping: M,
    choices: C,
    onProgress: (done: number, total: number | null) => void,
  ) => Promise<S | { error: string } | null>;
  /** What the reader leaves out of this target on principle (e-mail and phone columns). */
  readonly fileNotes: (headers: readonly string[]) => string[];
  /** Columns that may be kept in the notes. */
  readonly extraColumns: (headers: readonly string[], mapping: M) => number[];
  /** The choices once `column` is mapped to a field (it is no longer an extra column). */
  readonly columnMapped: (choices: C, column: number) => C;
  /** The choices for the same file read another way (columns may have moved). */
  readonly relaidOut: (choices: C) => C;
  readonly ValueStep: ComponentType<{
    mapping: M;
    choices: C;
    summary: S;
    headers: readonly string[];
    extraColumns: readonly number[];
    disabled: boolean;
    onChange: (next: C) => void;
  }>;
  /** Lines under the counts: choices applied to every row, entries left unplaced… */
  readonly previewNotes: (summary: S, choices: C, mapping: M) => string[];
  readonly sampleTable: (summary: S) => ReactNode;
  readonly presets: {
    readonly builtIn: readonly P[];
    readonly load: () => P[];
    readonly save: (preset: P) => P[] | null;
    readonly remove: (name: string) => P[];
    readonly apply: (
      preset: P,
      headers: readonly string[],
    ) => { mapping: M; choices: C; missing: readonly string[] };
    readonly fromChoices: (
      name: string,
      headers: readonly string[],
      mapping: M,
      choices: C,
      summary: S,
    ) => P;
    readonly matching: (presets: readonly P[], headers: readonly string[]) => P | null;
  };
  /** Fetches the checked rows from the worker and applies them as one command. */
  readonly apply: (context: ApplyContext) => Promise<DispatchResult | null>;
}

const sendPreview = async <R,>(
  client: ImportClient,
  body: Omit<Extract<ImportRequest, { type: 'preview' | 'stakeholderPreview' }>, 'id'>,
  onProgress: (done: number, total: number | null) => void,
  pick: (response: Awaited<ReturnType<ImportClient['request']>>) => R | null,
): Promise<R | { error: string } | null> => {
  const response = await client.request(body as Parameters<ImportClient['request']>[0], (m) => {
    if (m.type === 'progress') onProgress(m.done, m.total);
  });
  if (response.type === 'read' && !response.ok) return { error: response.message };
  return pick(response);
};

/** Text cut to 60 characters for a sample cell. */

const catalogPresets = presetStore('catalog');

/** Catalog items (the Content catalog's "Import from spreadsheet…"). */
export const catalogTarget: ImportTarget<
  ColumnMapping,
  ImportChoices,
  PreviewSummary,
  ImportPreset
> = {
  id: 'catalog',
  title: 'Import catalog items',
  place: 'catalog',
  presetPlaceholder: 'e.g. Our LMS export',
  fieldsLegend: 'Match your columns to catalog fields',
  fields: CATALOG_FIELDS,
  noun: (n) => `${formatCount(n)} ${n === 1 ? 'item' : 'items'}`,
  fieldLabel: (key) => fieldLabel(key as CatalogFieldKey | null),
  // The whole items: a row that matches one updates it (and the preview says what changes).
  readRequest: (plan) => ({
    existing: [...plan.content.catalog],
    currency: plan.budget.currency,
    skills: plan.skillsMap.skills.map((s) => s.name),
  }),
  preview: (client, mapping, choices, onProgress) =>
    sendPreview(client, { type: 'preview', mapping, choices }, onProgress, (r) =>
      r.type === 'preview' ? r.summary : null,
    ),
  fileNotes: () => [],
  extraColumns: (headers, mapping) => {
    const mapped = new Set(Object.values(mapping).filter((c) => c !== null));
    return headers.flatMap((_, i) => (mapped.has(i) ? [] : [i]));
  },
  columnMapped: (choices, column) => ({
    ...choices,
    keepInNotes: choices.keepInNotes?.filter((c) => c !== column),
  }),
  relaidOut: (choices) => ({ ...choices, keepInNotes: [] }),
  ValueStep: ({ mapping, choices, summary, headers, extraColumns, disabled, onChange }) => (
    <ValueMapping
      mapping={mapping}
      choices={choices}
      values={summary.values}
      skills={summary.skills}
      headers={headers}
      extraColumns={extraColumns}
      disabled={disabled}
      onChange={onChange}
    />
  ),
  previewNotes: (summary, choices, mapping) => [
    ...(summary.mappingErrors.length === 0 && (choices.kindForAll || choices.levelForAll)
      ? [
          `${[
            choices.kindForAll &&
              `Kind ${KIND_LABELS[choices.kindForAll]} for ${mapping.kind === null ? 'every row' : 'rows without one'}`,
            choices.levelForAll &&
              `Level ${LEVEL_LABELS[choices.levelForAll]} for ${mapping.level === null ? 'every row' : 'rows without one'}`,
          ]
            .filter(Boolean)
            .join(' · ')} (your choice).`,
        ]
      : []),
    // How hours and costs were read (decimal comma or point, per column).
    ...(summary.mappingErrors.length === 0 ? (summary.notes ?? []) : []),
  ],
  sampleTable: (summary) => {
    // The fields the file supplies: what a row brings is what the user checks.
    const fields = summary.shownFields ?? ['title', 'kind', 'level', 'hours'];
    const numeric = (key: CatalogFieldKey) => key === 'hours' || key === 'costPerLearner';
    const cell = (item: Omit<ContentItem, 'id'>, key: CatalogFieldKey): string => {
      switch (key) {
        case 'kind':
          return KIND_LABELS[item.kind];
        case 'level':
          return LEVEL_LABELS[item.level];
        case 'hours':
          return item.hours === null ? '—' : item.hours.toLocaleString('en-GB');
        case 'costPerLearner':
          return item.costPerLearner === null
            ? '—'
            : `${summary.currency ? `${summary.currency} ` : ''}${item.costPerLearner.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
        case 'skills':
        case 'languages':
          return clipText(item[key].join(', '), 60) || '—';
        case 'id':
          return '';
        default:
          // Notes and links can be long: the sample shows their start.
          return clipText(item[key], 60) || '—';
      }
    };
    return (
      <table className="data-table compact import-sample">
        <caption>First rows to be imported</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            {fields.map((key) => (
              <th key={key} scope="col" className={numeric(key) ? 'num' : undefined}>
                {fieldLabel(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.sample.map(({ row, item }) => (
            <tr key={row}>
              <td className="num">{row}</td>
              {fields.map((key) => (
                <td key={key} className={numeric(key) ? 'num' : `field-${key}`}>
                  {cell(item, key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
  presets: {
    builtIn: BUILT_IN_PRESETS,
    load: catalogPresets.load,
    save: catalogPresets.save,
    remove: catalogPresets.remove,
    apply: applyPreset,
    fromChoices: (name, headers, mapping, choices, summary) =>
      presetFromChoices(name, headers, mapping, choices, summary.values as DistinctValues),
    matching: matchingPreset,
  },
  async apply({ client, current, progress, dispatch }) {
    const items: ContentItem[] = [];
    const updates: CatalogItemUpdate[] = [];
    // Each chunk arrives as its own message, so giving its rows ids is a short task of its own.
    await client.request({ type: 'items' }, (m) => {
      if (!current() || m.type !== 'items') return;
      for (const item of m.items) items.push(item);
      for (const update of m.updates) updates.push(update);
      progress(items.length + updates.length);
    });
    if (!current()) return null;
    // Frozen and their ids checked here, a slice at a time between which the
    // page breathes, so the command only builds one array and the store never
    // walks the rows.
    await runInSlices(freezeInSlices(items), yieldToPage);
    const frozen = Object.freeze(items);
    await runInSlices(checkItemIdsInSlices(frozen), yieldToPage);
    if (!current()) return null;
    return dispatch(importCatalogItems({ items: frozen, updates }));
  },
};

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
