/**
 * The invitation list as an import target of the shared import dialog
 * (renderer/src/features/content/ImportDialog.tsx): the same file, sheet,
 * heading-row and column-mapping steps as the catalog and stakeholder
 * imports, its own value step (the file's segment values matched to the
 * plan's segments), and an `apply` that writes the people to the local
 * database — never to the plan (personal data, issue 13).
 *
 * Saved mappings remember which heading holds which field (not the
 * segment values: segments differ from plan to plan), in this browser
 * profile's storage under a key of their own.
 */
import {
  INVITATION_FIELDS,
  INVITATION_MAPPING_ERRORS,
  type InvitationColumnMapping,
  type InvitationRowIssue,
  type InvitationImportChoices,
} from '../../../../shared/launch/invitation-list';
import {
  headingKey,
  mapColumnsByHeading,
  matchingPreset,
  withPreset,
  withoutPreset,
} from '../../../../shared/content/import-presets';
import {
  keepListForUndo,
  mergeInvitationChunks,
  storeInvitationChunks,
} from '../../db/invitation-list';
import { i18n } from '../../i18n/i18n';
import type { PersonalBackupState } from '../backups/PersonalBackupChoice';
import type { ImportTarget } from '../content/import-targets';
import { SegmentMapping } from './SegmentMapping';
import type { InvitationPreviewSummary } from '../content/import-protocol';
import { guessInvitationMapping } from '../../../../shared/launch/invitation-list';

/** What the import dialog and the list say about it (`backups`: where it stands with backups). */
export function invitationPersonalDataNote(backups: PersonalBackupState | null): string {
  return i18n.t('invitations:privacy', { backups: backups ?? 'excluded' });
}

/** A field's label in the UI language ('Row' for none). */
function fieldLabel(key: string | null): string {
  if (key === null) return i18n.t('invitations:import.row');
  const field = INVITATION_FIELDS.find((f) => f.key === key);
  return field ? i18n.t(`invitations:fields.${field.key}`) : key;
}

const MAPPING_ERROR_CODES = new Map(
  Object.entries(INVITATION_MAPPING_ERRORS).map(([code, english]) => [
    english as string,
    code as keyof typeof INVITATION_MAPPING_ERRORS,
  ]),
);

/** A row's problem in the UI language (the worker words it in English). */
function issueText(issue: InvitationRowIssue): string {
  const p = issue.problem;
  switch (p?.kind) {
    case 'noName':
      return i18n.t('invitations:check.noName');
    case 'noEmail':
      return i18n.t('invitations:check.noEmail');
    case 'badEmail':
      return i18n.t('invitations:check.badEmail', { email: p.email });
    case 'duplicate':
      return i18n.t('invitations:check.duplicate', { row: String(p.first) });
    default:
      return issue.message;
  }
}

/** The preview's mapping errors and row problems in the UI language. */
function inUiLanguage(summary: InvitationPreviewSummary): InvitationPreviewSummary {
  return {
    ...summary,
    mappingErrors: summary.mappingErrors.map((m) => {
      const code = MAPPING_ERROR_CODES.get(m);
      return code ? i18n.t(`invitations:check.${code}`) : m;
    }),
    issues: summary.issues.map((issue) => ({ ...issue, message: issueText(issue) })),
  };
}

/** A saved invitation-list mapping: the heading of each field's column. */
export interface InvitationPreset {
  readonly name: string;
  readonly source?: string;
  readonly columns: Partial<Record<string, string>>;
}

const KEY = 'upskill-workbench.invitation-import-presets.v1';

function readPresets(): InvitationPreset[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.flatMap((p: unknown) => {
      const o = p as { name?: unknown; columns?: unknown };
      if (typeof o?.name !== 'string' || typeof o.columns !== 'object' || o.columns === null)
        return [];
      const columns = Object.fromEntries(
        Object.entries(o.columns as Record<string, unknown>).filter(
          ([k, v]) => typeof v === 'string' && INVITATION_FIELDS.some((f) => f.key === k),
        ),
      ) as Record<string, string>;
      return [{ name: o.name.slice(0, 100), columns }];
    });
  } catch {
    return [];
  }
}

function writePresets(list: InvitationPreset[]): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** Whether an import adds to the list (merging by e-mail) or replaces it. */
export type InvitationImportMode = 'merge' | 'replace';

/** The invitation list target, for the plan open now (`planId`). */
export function invitationTarget(
  planId: string,
  /** People in the list now (0: none). */
  current = 0,
  backups: PersonalBackupState | null = null,
  /** Add to the list (people already on it by e-mail left out) or replace it. */
  mode: InvitationImportMode = 'replace',
): ImportTarget<
  InvitationColumnMapping,
  InvitationImportChoices,
  InvitationPreviewSummary,
  InvitationPreset
> {
  // The counts of the last preview: what `apply` stores beside the people.
  let lastSummary: InvitationPreviewSummary | null = null;
  return {
    id: 'invitations',
    // Read when the dialog renders, so they follow the UI's language.
    get title() {
      return mode === 'merge' && current > 0
        ? i18n.t('invitations:import.titleMerge')
        : i18n.t('invitations:import.title');
    },
    get place() {
      return i18n.t('invitations:import.place');
    },
    get presetPlaceholder() {
      return i18n.t('invitations:import.presetPlaceholder');
    },
    get fieldsLegend() {
      return i18n.t('invitations:import.fieldsLegend');
    },
    get fields() {
      return INVITATION_FIELDS.map((f) => ({ ...f, label: fieldLabel(f.key) }));
    },
    noun: (n) => i18n.t('invitations:people', { count: n }),
    fieldLabel,
    readRequest: (plan) => ({
      target: 'invitations',
      segments: plan.learners.map((s) => ({ id: s.id, name: s.name })),
    }),
    preview: async (client, mapping, choices, onProgress) => {
      const response = await client.request(
        { type: 'invitationPreview', mapping, choices },
        (m) => {
          if (m.type === 'progress') onProgress(m.done, m.total);
        },
      );
      if (response.type === 'read' && !response.ok) return { error: response.message };
      if (response.type !== 'invitationPreview') return null;
      lastSummary = response.summary;
      return inUiLanguage(response.summary);
    },
    fileNotes: () => [
      invitationPersonalDataNote(backups),
      ...(current > 0
        ? [
            mode === 'merge'
              ? i18n.t('invitations:import.mergeNote', { count: current })
              : i18n.t('invitations:import.replaceNote', { count: current }),
            i18n.t('invitations:list.undoNote'),
          ]
        : []),
    ],
    // Nothing but the mapped fields is kept: no notes column for personal data.
    extraColumns: () => [],
    columnMapped: (choices) => choices,
    relaidOut: (choices) => ({ ...choices, segments: {} }),
    ValueStep: ({ mapping, choices, summary, disabled, onChange }) => (
      <SegmentMapping
        hasColumn={mapping.segment !== null}
        choices={choices}
        values={summary.values}
        segments={summary.segments}
        disabled={disabled}
        onChange={onChange}
      />
    ),
    previewNotes: (summary) => {
      if (summary.mappingErrors.length) return [];
      const notes: string[] = [];
      if (summary.duplicateCount > 0)
        notes.push(i18n.t('invitations:import.duplicates', { count: summary.duplicateCount }));
      const none = summary.bySegment[''] ?? 0;
      if (none > 0 && summary.segments.length > 0)
        notes.push(i18n.t('invitations:import.noSegment', { count: none }));
      return notes;
    },
    sampleTable: (summary) => {
      const name = (id: string | null) =>
        summary.segments.find((s) => s.id === id)?.name ?? i18n.t('invitations:noSegment');
      return (
        <table className="data-table compact">
          <caption>{i18n.t('invitations:import.sample')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {i18n.t('invitations:import.row')}
              </th>
              <th scope="col">{i18n.t('invitations:fields.firstName')}</th>
              <th scope="col">{i18n.t('invitations:fields.lastName')}</th>
              <th scope="col">{i18n.t('invitations:fields.email')}</th>
              <th scope="col">{i18n.t('invitations:fields.segment')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.sample.map(({ row, entry }) => (
              <tr key={row}>
                <td className="num">{row}</td>
                <td>{entry.firstName || '—'}</td>
                <td>{entry.lastName || '—'}</td>
                <td>{entry.email}</td>
                <td>{name(entry.segmentId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    },
    presets: {
      builtIn: [],
      load: readPresets,
      save: (preset) => {
        const list = withPreset(readPresets(), preset);
        return writePresets(list) ? list : null;
      },
      remove: (name) => {
        const list = withoutPreset(readPresets(), name);
        writePresets(list);
        return list;
      },
      apply: (preset, headers) => {
        const { mapping, missing } = mapColumnsByHeading(
          INVITATION_FIELDS.map((f) => f.key),
          preset.columns,
          guessInvitationMapping(headers),
          headers,
          [],
        );
        return { mapping, choices: {}, missing };
      },
      fromChoices: (name, headers, mapping) => ({
        name: name.trim(),
        columns: Object.fromEntries(
          INVITATION_FIELDS.flatMap((f) => {
            const col = mapping[f.key];
            return col !== null && headers[col] !== undefined ? [[f.key, headers[col]]] : [];
          }),
        ),
      }),
      matching: (presets, headers) =>
        matchingPreset(
          presets.filter((p) =>
            Object.values(p.columns).every(
              (h) => h === undefined || headers.some((x) => headingKey(x) === headingKey(h)),
            ),
          ),
          headers,
        ),
    },
    async apply({ client, current, progress, fileName }) {
      const chunks: { people: string; count: number }[] = [];
      const summary = lastSummary;
      await client.request({ type: 'items' }, (m) => {
        if (!current() || m.type !== 'invitationItems' || m.count === 0) return;
        chunks.push({ people: m.chunk, count: m.count });
      });
      if (!current() || !summary) return null;
      const info = {
        fileName,
        duplicates: summary.duplicateCount,
        failed: summary.fixCount,
        bySegment: { ...summary.bySegment },
      };
      try {
        // The list as it is now, kept so this import can be undone (see invitations:list.undoNote).
        await keepListForUndo(planId);
        if (mode === 'merge') {
          const merged = await mergeInvitationChunks(planId, chunks, info, progress);
          const left = [
            merged.repeated > 0
              ? i18n.t('invitations:import.repeated', { count: merged.repeated })
              : '',
            summary.duplicateCount > 0
              ? i18n.t('invitations:import.repeatedRows', { count: summary.duplicateCount })
              : '',
            summary.fixCount > 0
              ? i18n.t('invitations:import.toFix', { count: summary.fixCount })
              : '',
          ].filter(Boolean);
          const added = i18n.t('invitations:import.added', {
            count: merged.added,
            file: fileName,
            total: merged.row.count,
          });
          return {
            ok: true,
            stepId: null,
            message: left.length
              ? i18n.t('invitations:import.addedLeftOut', {
                  added,
                  left: left.join(i18n.t('invitations:import.separator')),
                })
              : i18n.t('invitations:import.addedAll', { added }),
          };
        }
        await storeInvitationChunks(planId, chunks, info, progress);
      } catch (error) {
        return {
          ok: false,
          reason: i18n.t('invitations:import.storeFailed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        };
      }
      return { ok: true, stepId: null };
    },
  };
}
