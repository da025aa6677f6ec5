/**
 * What the import dialog imports into: the content catalog (and, in
 * features/stakeholders, the stakeholder register; in
 * features/launch-invitations, the invitation list; in
 * features/manage-roster, the roster). The dialog (file, sheet and heading row, saved
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
  CATALOG_FIELDS,
  fieldLabel,
  type CatalogFieldKey,
  type ColumnMapping,
} from '../../../../shared/content/catalog-import';
import {
  BUILT_IN_PRESETS,
  applyPreset,
  matchingPreset,
  presetFromChoices,
  type ImportPreset,
} from '../../../../shared/content/import-presets';
import type { DistinctValues, ImportChoices } from '../../../../shared/content/import-values';
import { freezeInSlices, runInSlices } from '../../../../shared/plan/freeze';
import type { ContentItem, Plan, Stakeholder } from '../../../../shared/plan/schema';
import { i18n, uiFormat } from '../../i18n/i18n';
import { yieldToPage } from '../../store/yield-to-page';
import type { DispatchResult } from '../../store/plan-store';
import type { ImportClient } from './import-client';
import type { RosterPlanOptions } from '../../../../shared/manage/roster-import';
import type { ImportRequest, ImportTargetId, PreviewSummary } from './import-protocol';
import { presetStore } from './import-presets-store';
import { ValueMapping } from './ImportValueMapping';
import { uiTranslator } from './ui-translator';
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
  /** The whole sentence "Nothing in the catalog was changed." (else made from `place`). */
  readonly unchanged?: string;
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
    /** How a shipped preset is shown: its name and what it is based on, in the UI's language. */
    readonly label?: (preset: P) => { readonly name: string; readonly source?: string };
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
  /**
   * Fetches the checked rows from the worker and applies them as one command;
   * `message`, when given, is what the notice says instead of the usual count.
   */
  readonly apply: (
    context: ApplyContext,
  ) => Promise<(DispatchResult & { readonly message?: string }) | null>;
}

/** Sends a preview request to the import worker; the read error or the picked summary. */
export const sendPreview = async <R,>(
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

const catalogPresets = presetStore('catalog');

/** The catalog keys of the shipped presets (their names are their ids in saved choices). */
const BUILT_IN_KEYS: Readonly<Record<string, 'coursera' | 'linkedIn' | 'udemy' | 'edx'>> = {
  'Coursera course list': 'coursera',
  'LinkedIn Learning content': 'linkedIn',
  'Udemy Business courses': 'udemy',
  'edX courses': 'edx',
};

/** Catalog items (the Content catalog's "Import from spreadsheet…"). */
export const catalogTarget: ImportTarget<
  ColumnMapping,
  ImportChoices,
  PreviewSummary,
  ImportPreset
> = {
  id: 'catalog',
  // Read when the dialog renders, so they follow the UI's language.
  get title() {
    return i18n.t('content:catalogImport.title');
  },
  get place() {
    return i18n.t('content:catalogImport.place');
  },
  get unchanged() {
    return i18n.t('content:catalogImport.unchanged');
  },
  get presetPlaceholder() {
    return i18n.t('content:catalogImport.presetPlaceholder');
  },
  get fieldsLegend() {
    return i18n.t('content:catalogImport.fieldsLegend');
  },
  get fields() {
    return CATALOG_FIELDS.map((f) => ({ ...f, label: fieldLabel(f.key, uiTranslator()) }));
  },
  noun: (n) => i18n.t('content:catalogImport.items', { count: n }),
  fieldLabel: (key) => fieldLabel(key as CatalogFieldKey | null, uiTranslator()),
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
          i18n.t('content:catalogImport.forAllNote', {
            choices: [
              choices.kindForAll &&
                i18n.t('content:catalogImport.kindForAll', {
                  kind: i18n.t(`content:kinds.${choices.kindForAll}`),
                  rows: mapping.kind === null ? 'every' : 'without',
                }),
              choices.levelForAll &&
                i18n.t('content:catalogImport.levelForAll', {
                  level: i18n.t(`content:levels.${choices.levelForAll}`),
                  rows: mapping.level === null ? 'every' : 'without',
                }),
            ]
              .filter(Boolean)
              .join(' · '),
          }),
        ]
      : []),
    // How hours and costs were read (decimal comma or point, per column).
    ...(summary.mappingErrors.length === 0 ? (summary.notes ?? []) : []),
  ],
  sampleTable: (summary) => {
    const format = uiFormat();
    // The fields the file supplies: what a row brings is what the user checks.
    const fields = summary.shownFields ?? ['title', 'kind', 'level', 'hours'];
    const numeric = (key: CatalogFieldKey) => key === 'hours' || key === 'costPerLearner';
    const cell = (item: Omit<ContentItem, 'id'>, key: CatalogFieldKey): string => {
      switch (key) {
        case 'kind':
          return i18n.t(`content:kinds.${item.kind}`);
        case 'level':
          return i18n.t(`content:levels.${item.level}`);
        case 'hours':
          return item.hours === null ? '—' : format.number(item.hours);
        case 'costPerLearner':
          return item.costPerLearner === null
            ? '—'
            : summary.currency
              ? format.money(item.costPerLearner, summary.currency)
              : format.number(item.costPerLearner, 2);
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
        <caption>{i18n.t('content:catalogImport.sampleCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t('content:fields.row')}
            </th>
            {fields.map((key) => (
              <th key={key} scope="col" className={numeric(key) ? 'num' : undefined}>
                {fieldLabel(key, uiTranslator())}
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
    label: (preset) => {
      const key = BUILT_IN_KEYS[preset.name];
      return key
        ? {
            name: i18n.t(`content:presets.${key}.name`),
            source: i18n.t(`content:presets.${key}.source`),
          }
        : { name: preset.name, source: preset.source };
    },
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
