/**
 * The roster's part of an import session (issue 14), run in the import
 * worker beside the catalog, stakeholder and invitation imports
 * (features/content/import-protocol.ts): checks the rows of a learner
 * activity export, and — on confirm — merges them into the stored roster
 * (the page passes the stored chunk texts as they are) and encodes the
 * result, so the page only stores texts and never walks 100,000 learners.
 */
import type { RawTable } from '../../../../shared/content/catalog-import';
import { failedRowsCsv } from '../../../../shared/content/catalog-import';
import {
  guessSkillColumns,
  mergeImport,
  previewRosterImport,
  rosterValues,
  type CohortOutsideDates,
  type RosterColumnMapping,
  type RosterImportChoices,
  type RosterImportPreview,
  type RosterImportResult,
  type RosterPlanOptions,
  type RosterRowIssue,
  type RosterValue,
} from '../../../../shared/manage/roster-import';
import type { RosterLearner } from '../../../../shared/manage/roster';
import type { Translator } from '../../../../shared/i18n/translator';

/** Problems listed in a preview; the rest are counted. */
const ISSUES_LISTED = 200;
/** Learners shown as a sample in the preview. */
const SAMPLE_ROWS = 5;

/** What the preview of a roster import shows (counts and a few rows: it is personal data). */
export interface RosterPreviewSummary {
  readonly mappingErrors: readonly string[];
  /** Learners the file lists (after its own rows of one learner are put together). */
  readonly readyCount: number;
  readonly updatedCount: 0;
  readonly unchangedCount: 0;
  readonly updateSample: readonly never[];
  readonly failedCount: number;
  readonly duplicateCount: number;
  readonly fixCount: number;
  readonly waitingCount: 0;
  readonly blankRows: number;
  readonly issues: readonly RosterRowIssue[];
  readonly issueCount: number;
  readonly sample: readonly { readonly row: number; readonly entry: RosterLearner }[];
  readonly perCourse: boolean;
  readonly courseRowCount: number;
  readonly notes: readonly string[];
  readonly date: string;
  /** Distinct values of the segment, cohort and pathway columns. */
  readonly values: {
    readonly segment: readonly RosterValue[];
    readonly cohort: readonly RosterValue[];
    readonly pathway: readonly RosterValue[];
  };
  readonly options: RosterPlanOptions;
  readonly bySegment: Readonly<Record<string, number>>;
  readonly byCohort: Readonly<Record<string, number>>;
  readonly unmatchedSegments: readonly string[];
  /** Learners enrolled outside the dates of the cohort their value matched, per cohort. */
  readonly cohortOutsideDates: readonly CohortOutsideDates[];
  /** Skill score columns in use (column index → skill). */
  readonly skillColumns: readonly number[];
}

/** The roster part of one import session. */
export class RosterImportPart {
  private preview: RosterImportPreview | null = null;
  private date = '';

  constructor(readonly options: RosterPlanOptions) {}

  /** Forgets the checked rows (the file was read again). */
  reset(): void {
    this.preview = null;
  }

  /** Checks the rows with a mapping and choices. */
  check(
    table: RawTable,
    mapping: RosterColumnMapping,
    choices: RosterImportChoices,
    onProgress: (done: number) => void,
    t?: Translator,
  ): RosterPreviewSummary {
    const preview = previewRosterImport(table, mapping, this.options, choices, onProgress, t);
    this.preview = preview;
    this.date = choices.date ?? new Date().toISOString().slice(0, 10);
    const issues: RosterRowIssue[] = [];
    let issueCount = 0;
    for (const f of preview.failed) {
      issueCount += f.issues.length;
      for (const i of f.issues) if (issues.length < ISSUES_LISTED) issues.push(i);
    }
    const mapped = new Set(Object.values(mapping));
    return {
      mappingErrors: preview.mappingErrors,
      readyCount: preview.learners.length,
      updatedCount: 0,
      unchangedCount: 0,
      updateSample: [],
      failedCount: preview.failed.length,
      duplicateCount: preview.duplicates,
      fixCount: preview.failed.length - preview.duplicates,
      waitingCount: 0,
      blankRows: preview.blankRows,
      issues,
      issueCount,
      sample: preview.learners
        .slice(0, SAMPLE_ROWS)
        .map((entry, i) => ({ row: preview.learnerRows[i]!, entry })),
      perCourse: preview.perCourse,
      courseRowCount: preview.courseRows.length,
      notes: preview.notes,
      date: this.date,
      values: {
        segment: rosterValues(table, mapping.segment, this.options.segments),
        cohort: rosterValues(table, mapping.cohort, this.options.cohorts),
        pathway: rosterValues(table, mapping.pathway, this.options.pathways),
      },
      options: this.options,
      bySegment: preview.bySegment,
      byCohort: preview.byCohort,
      unmatchedSegments: preview.unmatchedSegments,
      cohortOutsideDates: preview.cohortOutsideDates,
      skillColumns: (choices.skillColumns ?? guessSkillColumns(table.headers, mapping)).filter(
        (c) => !mapped.has(c),
      ),
    };
  }

  /** The rows left out, as a CSV with a Reason column (in `t`'s language). */
  failedCsv(table: RawTable, t?: Translator): string {
    return this.preview ? failedRowsCsv(table, this.preview, t) : '';
  }

  /** Merges the checked rows into the stored roster (its chunk texts). */
  merge(
    stored: { readonly learners: readonly string[]; readonly courseRows: readonly string[] },
    importedAt: string,
  ): RosterImportResult | null {
    if (!this.preview || this.preview.mappingErrors.length) return null;
    return mergeImport(stored, this.preview, this.date, importedAt);
  }
}
