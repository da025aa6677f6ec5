/**
 * The learner roster as an import target of the shared import dialog
 * (renderer/src/features/content/ImportDialog.tsx): the same file, sheet,
 * heading-row and column-mapping steps as the catalog and invitation
 * imports; its own value step (the export's date, how numeric dates read,
 * segment, cohort and pathway values matched to the plan's, skill score
 * columns); and an `apply` that merges the learners into the local roster
 * in the import worker, stores it, and records the dated aggregates in the
 * plan as one command (`roster.recordSnapshot`).
 *
 * Presets describe common LMS export shapes. None of these platforms
 * documents its activity export's headings as a stable format, so each is
 * "shaped like" the platform's report and lists the headings we assume.
 */
import {
  headingKey,
  mapColumnsByHeading,
  matchingPreset,
  withPreset,
  withoutPreset,
} from '../../../../shared/content/import-presets';
import { recordRosterSnapshot } from '../../../../shared/commands/roster';
import { MAX_ROSTER_CSV_BYTES } from '../../../../shared/content/import-limits';
import {
  guessRosterMapping,
  ROSTER_FIELDS,
  rosterFieldLabel,
  type DateOrder,
  type RosterColumnMapping,
  type RosterFieldKey,
  type RosterImportChoices,
} from '../../../../shared/manage/roster-import';
import { readRosterTexts, storeRosterChunks } from '../../db/roster';
import { i18n, uiFormat } from '../../i18n/i18n';
import type { PersonalBackupState } from '../backups/PersonalBackupChoice';
import type { ImportTarget } from '../content/import-targets';
import type { RosterPreviewSummary } from './roster-session';
import { RosterValueStep } from './RosterValueStep';

/** What the import dialog says where a roster is imported (`backups`: where it stands with backups). */
export function rosterPersonalDataNote(backups: PersonalBackupState | null): string {
  return i18n.t('roster:import.personalData', {
    backup: i18n.t(`roster:backup.${backups ?? 'excluded'}`),
  });
}

/** What undoing an import does (said where the import happens and in the section). */
export const rosterUndoNote = (): string => i18n.t('roster:import.undoNote');

/** A saved roster mapping: the heading of each field's column. */
export interface RosterPreset {
  /** Where the UI words a shipped preset (`roster:presets.<id>`). */
  readonly id?: 'generic' | 'moodle' | 'coursera' | 'linkedin';
  readonly name: string;
  readonly source?: string;
  readonly columns: Partial<Record<RosterFieldKey, string>>;
  readonly dateOrder?: DateOrder;
}

/** Shipped presets: common export shapes, each saying what it assumes. */
export const ROSTER_PRESETS: readonly RosterPreset[] = [
  {
    id: 'generic',
    name: 'Generic learner activity export (one row per learner)',
    source:
      'This app’s own layout, not any platform’s: Learner ID, Email, Name, Segment, Cohort, Pathway, Invited, Registered, Enrolled, Courses enrolled, Courses completed, Learning hours, Last activity, Completed, Job outcome.',
    columns: {
      learnerId: 'Learner ID',
      email: 'Email',
      fullName: 'Name',
      segment: 'Segment',
      cohort: 'Cohort',
      pathway: 'Pathway',
      invited: 'Invited',
      registered: 'Registered',
      enrolled: 'Enrolled',
      coursesEnrolled: 'Courses enrolled',
      coursesCompleted: 'Courses completed',
      hours: 'Learning hours',
      lastActivity: 'Last activity',
      completed: 'Completed',
      jobOutcome: 'Job outcome',
    },
  },
  {
    id: 'moodle',
    name: 'Shaped like a Moodle course completion download (learner × course)',
    source:
      'Shaped like the participant and completion reports of a Moodle site, one row per learner and course. Assumed headings (not a documented format; sites differ): ID number, First name, Surname, Email address, Groups, Course, Time enrolled, Last access to course, Completion status, Date completed.',
    columns: {
      learnerId: 'ID number',
      firstName: 'First name',
      lastName: 'Surname',
      email: 'Email address',
      cohort: 'Groups',
      course: 'Course',
      enrolled: 'Time enrolled',
      lastActivity: 'Last access to course',
      courseStatus: 'Completion status',
      completed: 'Date completed',
    },
    dateOrder: 'dmy',
  },
  {
    id: 'coursera',
    name: 'Shaped like a Coursera for Campus usage report (learner × course)',
    source:
      'Shaped like the usage report a Coursera for Campus or Business admin downloads, one row per learner and course. Assumed headings (as we understand the report; check your file): Name, Email, External Id, Program Name, Course, Enrollment Time, Last Course Activity Time, Overall Progress, Estimated Learning Hours, Completion Time.',
    columns: {
      fullName: 'Name',
      email: 'Email',
      learnerId: 'External Id',
      cohort: 'Program Name',
      course: 'Course',
      enrolled: 'Enrollment Time',
      lastActivity: 'Last Course Activity Time',
      progress: 'Overall Progress',
      hours: 'Estimated Learning Hours',
      completed: 'Completion Time',
    },
    dateOrder: 'mdy',
  },
  {
    id: 'linkedin',
    name: 'Shaped like a LinkedIn Learning learner activity report (one row per learner)',
    source:
      'Shaped like the learner detail report of a LinkedIn Learning admin, one row per learner. Assumed headings (as we understand the report; check your file): Unique User ID, First Name, Last Name, Email, Groups, Activated, Last Login Date, Courses Viewed, Courses Completed, Hours Viewed.',
    columns: {
      learnerId: 'Unique User ID',
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      cohort: 'Groups',
      registered: 'Activated',
      lastActivity: 'Last Login Date',
      coursesEnrolled: 'Courses Viewed',
      coursesCompleted: 'Courses Completed',
      hours: 'Hours Viewed',
    },
    dateOrder: 'mdy',
  },
];

const KEY = 'upskill-workbench.roster-import-presets.v1';
const FIELD_KEYS = ROSTER_FIELDS.map((f) => f.key) as RosterFieldKey[];

function readPresets(): RosterPreset[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.flatMap((p: unknown) => {
      const o = p as { name?: unknown; columns?: unknown; dateOrder?: unknown };
      if (typeof o?.name !== 'string' || typeof o.columns !== 'object' || o.columns === null)
        return [];
      const columns = Object.fromEntries(
        Object.entries(o.columns as Record<string, unknown>).filter(
          ([k, v]) => typeof v === 'string' && (FIELD_KEYS as string[]).includes(k),
        ),
      ) as Partial<Record<RosterFieldKey, string>>;
      const dateOrder = o.dateOrder === 'mdy' || o.dateOrder === 'dmy' ? o.dateOrder : undefined;
      return [{ name: o.name.slice(0, 100), columns, ...(dateOrder ? { dateOrder } : {}) }];
    });
  } catch {
    return [];
  }
}

function writePresets(list: RosterPreset[]): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/** "3 learners" in the UI's language. */
const learnersText = (count: number) => i18n.t('roster:import.learners', { count });

/** The roster target, for the plan open now (`planId`), which has `learners` on its roster now. */
export function rosterTarget(
  planId: string,
  learners = 0,
  backups: PersonalBackupState | null = null,
): ImportTarget<RosterColumnMapping, RosterImportChoices, RosterPreviewSummary, RosterPreset> {
  return {
    id: 'roster',
    get title() {
      return i18n.t('roster:import.title');
    },
    get place() {
      return i18n.t('roster:import.place');
    },
    get presetPlaceholder() {
      return i18n.t('roster:import.presetPlaceholder');
    },
    get fieldsLegend() {
      return i18n.t('roster:import.fieldsLegend');
    },
    get fields() {
      return ROSTER_FIELDS.map((f) => ({ ...f, label: i18n.t(`roster:fields.${f.key}`) }));
    },
    noun: learnersText,
    fieldLabel: (key) =>
      key === null
        ? i18n.t('roster:fields.row')
        : ROSTER_FIELDS.some((f) => f.key === key)
          ? i18n.t(`roster:fields.${key as RosterFieldKey}`)
          : rosterFieldLabel(key),
    maxCsvBytes: MAX_ROSTER_CSV_BYTES,
    readRequest: (plan) => ({
      target: 'roster',
      maxCsvBytes: MAX_ROSTER_CSV_BYTES,
      options: {
        segments: plan.learners.map((s) => ({ id: s.id, name: s.name })),
        cohorts: plan.manage.cohorts.map((c) => ({
          id: c.id,
          name: c.name,
          start: c.start,
          end: c.end,
        })),
        pathways: plan.content.pathways.map((p) => ({
          id: p.id,
          name: p.name,
          items: p.steps.map((s) => s.contentItemId),
        })),
        catalog: plan.content.catalog.map((c) => ({ id: c.id, name: c.title })),
      },
    }),
    preview: async (client, mapping, choices, onProgress) => {
      const response = await client.request(
        { type: 'rosterPreview', mapping, choices: { ...choices, date: choices.date ?? today() } },
        (m) => {
          if (m.type === 'progress') onProgress(m.done, m.total);
        },
      );
      if (response.type === 'read' && !response.ok) return { error: response.message };
      if (response.type !== 'rosterPreview') return null;
      return response.summary;
    },
    fileNotes: () => [
      rosterPersonalDataNote(backups),
      learners > 0
        ? i18n.t('roster:import.existing', { count: learners, undo: rosterUndoNote() })
        : rosterUndoNote(),
    ],
    // The columns not mapped may hold skill scores (chosen in the value step).
    extraColumns: (headers, mapping) => {
      const mapped = new Set(Object.values(mapping).filter((c) => c !== null));
      return headers.flatMap((_, i) => (mapped.has(i) ? [] : [i]));
    },
    columnMapped: (choices, column) =>
      choices.skillColumns
        ? { ...choices, skillColumns: choices.skillColumns.filter((c) => c !== column) }
        : choices,
    relaidOut: (choices) => ({
      date: choices.date,
      dateOrder: choices.dateOrder,
    }),
    ValueStep: RosterValueStep,
    previewNotes: (summary) => {
      if (summary.mappingErrors.length) return [];
      const notes = [...summary.notes];
      if (summary.perCourse)
        notes.push(
          i18n.t('roster:import.perCourse', {
            rows: summary.courseRowCount,
            count: summary.readyCount,
          }),
        );
      if (summary.duplicateCount > 0)
        notes.push(
          i18n.t(
            summary.perCourse ? 'roster:import.duplicatesCourse' : 'roster:import.duplicates',
            {
              count: summary.duplicateCount,
            },
          ),
        );
      if (summary.unmatchedSegments.length)
        notes.push(
          i18n.t('roster:import.unmatchedSegments', {
            values: uiFormat().list(
              summary.unmatchedSegments
                .slice(0, 8)
                .map((v) => i18n.t('roster:import.quoted', { text: v })),
            ),
            more: summary.unmatchedSegments.length > 8 ? 'yes' : 'no',
          }),
        );
      return notes;
    },
    sampleTable: (summary) => {
      const seg = (id: string | null) =>
        summary.options.segments.find((s) => s.id === id)?.name ?? i18n.t('roster:import.none');
      const coh = (id: string | null) =>
        summary.options.cohorts.find((s) => s.id === id)?.name ?? i18n.t('roster:import.none');
      const format = uiFormat();
      return (
        <table className="data-table compact">
          <caption>{i18n.t('roster:import.sampleCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {i18n.t('roster:import.row')}
              </th>
              <th scope="col">{i18n.t('roster:import.learner')}</th>
              <th scope="col">{i18n.t('roster:import.segment')}</th>
              <th scope="col">{i18n.t('roster:import.cohort')}</th>
              <th scope="col" className="num">
                {i18n.t('roster:import.hours')}
              </th>
              <th scope="col">{i18n.t('roster:import.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.sample.map(({ row, entry }) => (
              <tr key={row}>
                <td className="num">{format.number(row)}</td>
                <td>{entry.name || entry.email || entry.learnerId}</td>
                <td>{seg(entry.segmentId)}</td>
                <td>{coh(entry.cohortId)}</td>
                <td className="num">{format.number(entry.hours)}</td>
                <td>{format.shortDate(entry.lastActivity, '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    },
    presets: {
      builtIn: ROSTER_PRESETS,
      label: (preset) =>
        preset.id
          ? {
              name: i18n.t(`roster:presets.${preset.id}.name`),
              source: i18n.t(`roster:presets.${preset.id}.source`),
            }
          : { name: preset.name, source: preset.source },
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
          FIELD_KEYS,
          preset.columns,
          guessRosterMapping(headers),
          headers,
          [],
        );
        return {
          mapping,
          choices: preset.dateOrder ? { dateOrder: preset.dateOrder } : {},
          missing,
        };
      },
      fromChoices: (name, headers, mapping, choices) => ({
        name: name.trim(),
        columns: Object.fromEntries(
          ROSTER_FIELDS.flatMap((f) => {
            const col = mapping[f.key];
            return col !== null && headers[col] !== undefined ? [[f.key, headers[col]]] : [];
          }),
        ),
        ...(choices.dateOrder ? { dateOrder: choices.dateOrder } : {}),
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
    async apply({ client, current, dispatch, fileName }) {
      let stored: { learners: string[]; courseRows: string[] };
      try {
        stored = await readRosterTexts(planId);
      } catch (error) {
        return {
          ok: false,
          reason: i18n.t('roster:import.readFailed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        };
      }
      if (!current()) return null;
      const learnerChunks: { text: string; count: number }[] = [];
      const courseChunks: { text: string; count: number }[] = [];
      const response = await client.request(
        { type: 'rosterMerge', stored, importedAt: new Date().toISOString() },
        (m) => {
          if (m.type !== 'rosterChunk') return;
          (m.kind === 'learners' ? learnerChunks : courseChunks).push({
            text: m.text,
            count: m.count,
          });
        },
      );
      if (!current()) return null;
      if (response.type !== 'rosterMerged' || !response.result)
        return {
          ok: false,
          reason:
            response.type === 'read' && !response.ok
              ? response.message
              : i18n.t('roster:import.mergeFailed'),
        };
      const { result } = response;
      try {
        await storeRosterChunks(planId, learnerChunks, courseChunks, {
          fileName,
          date: result.snapshot.date,
        });
      } catch (error) {
        return {
          ok: false,
          reason: i18n.t('roster:import.storeFailed', {
            error: error instanceof Error ? error.message : String(error),
          }),
        };
      }
      return dispatch(recordRosterSnapshot({ snapshot: result.snapshot }));
    },
  };
}
