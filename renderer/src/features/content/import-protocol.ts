/**
 * Messages between the import dialog and its worker, for either import
 * target: catalog items or a stakeholder list (`target` on the read request;
 * the stakeholder answers have types of their own). The worker
 * keeps the parsed table and the checked rows; the page only ever receives
 * summaries, progress, a few sample rows, and — on confirm — the items in
 * chunks, so no single message takes the page long to unpack.
 */
import type { ContentItem, Stakeholder } from '../../../../shared/plan/schema';
import type { StakeholderImportUpdate } from '../../../../shared/commands/stakeholders';
import {
  guessStakeholderMapping,
  previewStakeholderImport,
  stakeholderDistinctValues,
  type NewStakeholder,
  type StakeholderColumnMapping,
  type StakeholderDistinctValues,
  type StakeholderImportChoices,
  type StakeholderImportPreview,
  type StakeholderRowIssue,
} from '../../../../shared/stakeholders/import';
import type { CatalogItemUpdate } from '../../../../shared/commands/content';
import {
  CATALOG_FIELDS,
  describeUpdate,
  failedRowsCsv,
  guessMapping,
  previewImport,
  splitList,
  type CatalogFieldKey,
  type ColumnMapping,
  type ImportPreview,
  type RawTable,
  type RowIssue,
} from '../../../../shared/content/catalog-import';
import {
  layoutTable,
  readCatalogGrid,
  type GridResult,
  type HeadingChoice,
  type ReadResult,
} from '../../../../shared/content/import-file';
import {
  distinctValues,
  knownSkills,
  matchSkills,
  type DistinctValues,
  type ImportChoices,
  type SkillMatches,
} from '../../../../shared/content/import-values';
import { newId } from '../../../../shared/plan/create';
import {
  encodeInvitees,
  guessInvitationMapping,
  previewInvitationImport,
  segmentValues,
  type InvitationColumnMapping,
  type InvitationImportChoices,
  type InvitationImportPreview,
  type InvitationRow,
  type InvitationRowIssue,
  type SegmentOption,
  type SegmentValue,
} from '../../../../shared/launch/invitation-list';
import { cutText } from '../../../../shared/text-length';
import { createInstance } from 'i18next';
import ICU from 'i18next-icu';
import {
  englishCatalog,
  I18N_OPTIONS,
  NAMESPACES,
  type Catalog,
  type Translator,
} from '../../../../shared/i18n/translator';
import type { Language } from '../../../../shared/i18n/languages';
import { englishTranslator } from '../../../../shared/content/import-text';
import { isolateArguments } from '../../i18n/bidi';
import {
  guessRosterMapping,
  type RosterColumnMapping,
  type RosterImportChoices,
  type RosterImportResult,
  type RosterPlanOptions,
} from '../../../../shared/manage/roster-import';
import { RosterImportPart, type RosterPreviewSummary } from '../manage-roster/roster-session';

/**
 * The `content` catalog of each language: all the worker's messages are
 * there, so only it is loaded (not every part of the app's words).
 */
const CONTENT_CATALOGS: Record<
  Exclude<Language, 'en'>,
  () => Promise<{ default: Catalog['content'] }>
> = {
  es: () => import('../../../../shared/i18n/locales/es/content.json'),
  fr: () => import('../../../../shared/i18n/locales/fr/content.json'),
  ar: () => import('../../../../shared/i18n/locales/ar/content.json'),
  uk: () => import('../../../../shared/i18n/locales/uk/content.json'),
};

/** The `roster` catalog of each language: the learner roster import's messages. */
const ROSTER_CATALOGS: Record<
  Exclude<Language, 'en'>,
  () => Promise<{ default: Catalog['roster'] }>
> = {
  es: () => import('../../../../shared/i18n/locales/es/roster.json'),
  fr: () => import('../../../../shared/i18n/locales/fr/roster.json'),
  ar: () => import('../../../../shared/i18n/locales/ar/roster.json'),
  uk: () => import('../../../../shared/i18n/locales/uk/roster.json'),
};

/** i18next-icu's formatting step (not in its typings). */
type IcuParse = (
  message: string,
  values: Record<string, unknown> | undefined,
  language: string,
  ...rest: unknown[]
) => string;

/**
 * A translator for the worker's messages in `language` (English for any
 * word it lacks). As in the UI (i18n/bidi.ts), values put into a sentence
 * (a file name, a cell's text) are isolated where their direction could
 * differ from the sentence's: a Latin "about ten" in an Arabic reason.
 */
async function contentTranslator(language: Language): Promise<Translator> {
  const content = language === 'en' ? null : (await CONTENT_CATALOGS[language]()).default;
  const roster = language === 'en' ? null : (await ROSTER_CATALOGS[language]()).default;
  const icu = new ICU() as InstanceType<typeof ICU> & { parse: IcuParse };
  const parse = icu.parse.bind(icu);
  icu.parse = (message, values, lng, ...rest) =>
    parse(message, isolateArguments(message, values, lng), lng, ...rest);
  const instance = createInstance();
  await instance.use(icu).init({
    ...I18N_OPTIONS,
    lng: language,
    resources: { en: englishCatalog, ...(content ? { [language]: { content, roster } } : {}) },
  });
  return instance.getFixedT(language, NAMESPACES) as Translator;
}

/** Items per message when the rows are handed to the page (≈ a few ms to unpack each). */
export const ITEM_CHUNK = 2000;
/** Problems listed in a preview; the rest are counted. */
export const ISSUES_LISTED = 200;
/** Rows to be imported shown as a sample in the preview. */
export const SAMPLE_ROWS = 5;
/** Updates listed, each change with its old and new value, in the preview; the rest are counted. */
export const UPDATES_LISTED = 50;

/** What an import fills: the content catalog or the stakeholder register. */
export type ImportTargetId = 'catalog' | 'stakeholders' | 'invitations' | 'roster';

/**
 * A request to the import worker. `language` (the UI's; default English)
 * words the messages of its answer: how the file was read, why rows fail,
 * the failed-rows CSV.
 */
export type ImportRequest = { language?: Language } & (
  | {
      id: number;
      type: 'read';
      name: string;
      bytes: ArrayBuffer;
      /** Items already in the catalog (a row that matches one updates it). */
      existing: ContentItem[];
      /** The plan's currency (ISO code): a cost in another one fails its row. */
      currency?: string | null;
      /** Skills the plan has in its skills map (the catalog's come with `existing`). */
      skills?: string[];
      target?: 'catalog';
    }
  | {
      id: number;
      type: 'read';
      name: string;
      bytes: ArrayBuffer;
      /** Entries already in the register (a row whose name and organisation match one updates it). */
      existing: Stakeholder[];
      target: 'stakeholders';
    }
  | {
      id: number;
      type: 'read';
      name: string;
      bytes: ArrayBuffer;
      /** The plan's learner segments, which the file's segment values are matched to. */
      segments: SegmentOption[];
      target: 'invitations';
    }
  | {
      id: number;
      type: 'read';
      name: string;
      bytes: ArrayBuffer;
      /** The plan's segments, cohorts, pathways and catalog the file's values are matched to. */
      options: RosterPlanOptions;
      /** Largest CSV accepted (MAX_ROSTER_CSV_BYTES). */
      maxCsvBytes?: number;
      target: 'roster';
    }
  /** Reads the same file again with another sheet or heading row (answered like 'read'). */
  | { id: number; type: 'layout'; sheet?: string; headerRow?: number }
  | { id: number; type: 'preview'; mapping: ColumnMapping; choices: ImportChoices }
  | {
      id: number;
      type: 'stakeholderPreview';
      mapping: StakeholderColumnMapping;
      choices: StakeholderImportChoices;
    }
  | {
      id: number;
      type: 'invitationPreview';
      mapping: InvitationColumnMapping;
      choices: InvitationImportChoices;
    }
  | {
      id: number;
      type: 'rosterPreview';
      mapping: RosterColumnMapping;
      choices: RosterImportChoices;
    }
  /** Merges the checked learners into the stored roster (its chunk texts as stored). */
  | {
      id: number;
      type: 'rosterMerge';
      stored: { learners: string[]; courseRows: string[] };
      importedAt: string;
    }
  /** The rows that will not be imported, as a CSV with a Reason column. */
  | { id: number; type: 'failedCsv' }
  | { id: number; type: 'items' }
);

/** What the file held, or why it cannot be used. */
export type ReadResponse =
  | {
      id: number;
      type: 'read';
      ok: true;
      format: 'csv' | 'xlsx';
      headers: string[];
      rowCount: number;
      sheetName: string | null;
      /** Sheets the user can choose from (empty for CSV). */
      sheets: string[];
      /** Sheet row number of the heading row in use, and the rows that could be it. */
      headerRow: number;
      headingChoices: HeadingChoice[];
      /** What the reader decided (encoding, separator, rows above the headings…), in words. */
      notes: string[];
      /** The guessed mapping (of the target's fields). */
      mapping:
        ColumnMapping | StakeholderColumnMapping | InvitationColumnMapping | RosterColumnMapping;
    }
  | { id: number; type: 'read'; ok: false; message: string };

/** What the preview shows: counts, the first problems and a few sample rows. */
export interface PreviewSummary {
  readonly mappingErrors: readonly string[];
  /** Rows that add a new item. */
  readonly readyCount: number;
  /** Rows that change an item already in the catalog, and rows that match one unchanged. */
  readonly updatedCount: number;
  readonly unchangedCount: number;
  /** The first UPDATES_LISTED updates: which item, and each change ("Hours: 12.5 → 14"). */
  readonly updateSample: readonly { row: number; title: string; fields: string[] }[];
  readonly failedCount: number;
  /** Rows left out only because they wait for the user's choice of what a value means. */
  readonly waitingCount: number;
  /** Rows left out that need fixing in the file (not the waiting rows, not exact duplicates). */
  readonly fixCount: number;
  /** Rows left out as the same as an earlier row (nothing to fix). */
  readonly duplicateCount: number;
  readonly blankRows: number;
  /** The first ISSUES_LISTED problems, in row order. */
  readonly issues: readonly RowIssue[];
  readonly issueCount: number;
  readonly sample: ImportPreview['ready'];
  /** The fields the file supplies, in form order (the sample shows these). */
  readonly shownFields: readonly CatalogFieldKey[];
  /** How numbers were read, in words. */
  readonly notes: readonly string[];
  /** The plan's currency, for costs in the sample. */
  readonly currency: string | null;
  /** The distinct Kind, Level and Language values of the file (worked out here, in the worker). */
  readonly values: DistinctValues;
  /** The file's skills the plan has under another spelling, and how many are new. */
  readonly skills: SkillMatches;
}

/** What the preview of a stakeholder list shows. */
export interface StakeholderPreviewSummary {
  readonly mappingErrors: readonly string[];
  readonly readyCount: number;
  readonly updatedCount: number;
  readonly unchangedCount: number;
  /** The first few updates: which entry, and each change ("Power: 50 → 75"). */
  readonly updateSample: readonly { row: number; title: string; fields: string[] }[];
  readonly failedCount: number;
  readonly blankRows: number;
  readonly issues: readonly StakeholderRowIssue[];
  readonly issueCount: number;
  readonly sample: readonly { readonly row: number; readonly entry: NewStakeholder }[];
  readonly values: StakeholderDistinctValues;
  /** New entries without power and interest (they wait in the Unplaced tray). */
  readonly unplacedCount: number;
  /** New entries without a stance (neutral, as an entry added by hand). */
  readonly noStanceCount: number;
}

/** What the preview of an invitation list shows (counts and a few rows: it is personal data). */
export interface InvitationPreviewSummary {
  readonly mappingErrors: readonly string[];
  readonly readyCount: number;
  readonly updatedCount: 0;
  readonly unchangedCount: 0;
  readonly updateSample: readonly never[];
  readonly failedCount: number;
  /** Rows left out as repeating an earlier row's e-mail (nothing to fix). */
  readonly duplicateCount: number;
  /** Rows left out that need fixing in the file. */
  readonly fixCount: number;
  readonly waitingCount: 0;
  readonly blankRows: number;
  readonly issues: readonly InvitationRowIssue[];
  readonly issueCount: number;
  readonly sample: readonly { readonly row: number; readonly entry: InvitationRow }[];
  /** The distinct values of the segment column. */
  readonly values: readonly SegmentValue[];
  readonly segments: readonly SegmentOption[];
  /** People per segment id ('' for none). */
  readonly bySegment: Readonly<Record<string, number>>;
}

/** The preview summary of a checked invitation list. */
export function summariseInvitations(
  preview: InvitationImportPreview,
  values: SegmentValue[],
  segments: SegmentOption[],
): InvitationPreviewSummary {
  const issues: InvitationRowIssue[] = [];
  let issueCount = 0;
  for (const f of preview.failed) {
    issueCount += f.issues.length;
    for (const issue of f.issues) if (issues.length < ISSUES_LISTED) issues.push(issue);
  }
  return {
    mappingErrors: preview.mappingErrors,
    readyCount: preview.ready.length,
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
    sample: preview.ready
      .slice(0, SAMPLE_ROWS)
      .map((entry, i) => ({ row: preview.readyRows[i]!, entry })),
    values,
    segments,
    bySegment: preview.bySegment,
  };
}

/** Progress of a long step (reading rows, checking them). */
export interface ImportProgress {
  readonly id: number;
  readonly type: 'progress';
  readonly step: 'read' | 'check';
  readonly done: number;
  /** Total when known (checking), else null (reading). */
  readonly total: number | null;
}

/** A reply from the import worker. */
export type ImportResponse =
  | ReadResponse
  | { id: number; type: 'preview'; summary: PreviewSummary }
  | { id: number; type: 'stakeholderPreview'; summary: StakeholderPreviewSummary }
  | { id: number; type: 'invitationPreview'; summary: InvitationPreviewSummary }
  | { id: number; type: 'failedCsv'; csv: string }
  | { id: number; type: 'rosterPreview'; summary: RosterPreviewSummary }
  /** A chunk of the merged roster, as stored (sent one by one: each a short task to unpack). */
  | {
      id: number;
      type: 'rosterChunk';
      kind: 'learners' | 'courses';
      text: string;
      count: number;
    }
  /** The end of a merge: its counts and snapshot (the chunks came before, in order). */
  | { id: number; type: 'rosterMerged'; result: RosterImportResult | null }
  | {
      id: number;
      type: 'invitationItems';
      /** A chunk of the people to invite, in file order, as stored (`encodeInvitees`). */
      chunk: string;
      /** People in the chunk. */
      count: number;
      last: boolean;
    }
  | {
      id: number;
      type: 'stakeholderItems';
      /** New entries, each with its new id. */
      entries: Stakeholder[];
      /** Changes to entries already in the register. */
      updates: StakeholderImportUpdate[];
      last: boolean;
    }
  | {
      id: number;
      type: 'items';
      /** Ready to add: each item has its new id (made here, off the page's thread). */
      items: ContentItem[];
      /** Changes to items already in the catalog. */
      updates: CatalogItemUpdate[];
      /** Whether this is the last chunk. */
      last: boolean;
    }
  | ImportProgress;

/** Sends a message back to the page. */
export type Reply = (message: ImportResponse) => void;

/**
 * The preview summary of checked rows. `existing` (the catalog) gives each
 * update's values before, so the preview shows old → new; `mapping` and
 * `choices` say which fields the sample shows.
 */
export function summarise(
  preview: ImportPreview,
  values: DistinctValues,
  existing: readonly ContentItem[] = [],
  currency: string | null = null,
  mapping?: ColumnMapping,
  choices: ImportChoices = {},
  skills: SkillMatches = { matches: [], newSkills: 0 },
  t: Translator = englishTranslator(),
): PreviewSummary {
  const issues: RowIssue[] = [];
  let issueCount = 0;
  let waitingCount = 0;
  let duplicateCount = 0;
  for (const f of preview.failed) {
    issueCount += f.issues.length;
    if (f.issues.every((i) => i.waiting)) waitingCount++;
    if (f.issues.every((i) => i.duplicateOf !== undefined)) duplicateCount++;
    for (const issue of f.issues) if (issues.length < ISSUES_LISTED) issues.push(issue);
  }
  const byId = new Map(existing.map((item) => [item.id, item]));
  // Title, Kind, Level and Hours always (as the sample always showed), then what else the file supplies.
  const always: readonly CatalogFieldKey[] = ['title', 'kind', 'level', 'hours'];
  const shownFields = [
    ...always,
    ...CATALOG_FIELDS.map((f) => f.key).filter(
      (key) =>
        key !== 'id' &&
        !always.includes(key) &&
        ((mapping ? (mapping[key] ?? null) !== null : false) ||
          (key === 'notes' && !!choices.keepInNotes?.length)),
    ),
  ];
  return {
    mappingErrors: preview.mappingErrors,
    readyCount: preview.ready.length,
    updatedCount: preview.updates.length,
    unchangedCount: preview.unchanged.length,
    updateSample: preview.updates.slice(0, UPDATES_LISTED).map((u) => {
      const item = byId.get(u.id);
      return {
        row: u.row,
        title: u.title,
        fields: item ? describeUpdate(item, u.patch, currency, t) : Object.keys(u.patch),
      };
    }),
    values,
    failedCount: preview.failed.length,
    waitingCount,
    duplicateCount,
    fixCount: preview.failed.length - waitingCount - duplicateCount,
    blankRows: preview.blankRows,
    issues,
    issueCount,
    sample: preview.ready.slice(0, SAMPLE_ROWS),
    shownFields,
    notes: preview.notes ?? [],
    currency,
    skills,
  };
}

/** The preview summary of a checked stakeholder list. */
export function summariseStakeholders(
  preview: StakeholderImportPreview,
  values: StakeholderDistinctValues,
): StakeholderPreviewSummary {
  const issues: StakeholderRowIssue[] = [];
  let issueCount = 0;
  for (const f of preview.failed) {
    issueCount += f.issues.length;
    for (const issue of f.issues) if (issues.length < ISSUES_LISTED) issues.push(issue);
  }
  return {
    mappingErrors: preview.mappingErrors,
    readyCount: preview.ready.length,
    updatedCount: preview.updates.length,
    unchangedCount: preview.unchanged.length,
    updateSample: preview.updates
      .slice(0, SAMPLE_ROWS)
      // What each change is, from the register's value to the file's.
      .map((u) => ({ row: u.row, title: u.title, fields: [...u.changes] })),
    failedCount: preview.failed.length,
    blankRows: preview.blankRows,
    issues,
    issueCount,
    sample: preview.ready.slice(0, SAMPLE_ROWS),
    values,
    unplacedCount: preview.unplaced,
    noStanceCount: preview.noStance,
  };
}

/**
 * One import: keeps the parsed table and the last checked rows between
 * requests, so a mapping change only re-validates and confirming sends rows
 * already checked. Runs inside the worker (or in-thread where there is no
 * Worker, as in component tests).
 */
export class ImportSession {
  private file: { name: string; bytes: Uint8Array } | null = null;
  private grid: Extract<GridResult, { ok: true }> | null = null;
  private table: RawTable | null = null;
  private existing: ContentItem[] = [];
  private currency: string | null = null;
  private planSkills: string[] = [];
  private preview: ImportPreview | null = null;
  private target: ImportTargetId = 'catalog';
  private existingStakeholders: Stakeholder[] = [];
  private stakeholderPreview: StakeholderImportPreview | null = null;
  private segments: SegmentOption[] = [];
  private invitationPreview: InvitationImportPreview | null = null;
  private roster: RosterImportPart | null = null;
  private maxCsvBytes: number | undefined;
  /** Translators by language (made once each: loading a catalog takes a moment). */
  private translators = new Map<Language, Promise<Translator>>();

  /** The translator for a request's language (English when it names none). */
  private translator(language: Language = 'en'): Promise<Translator> {
    let made = this.translators.get(language);
    if (!made) {
      made = contentTranslator(language).catch(
        // A catalog that cannot be loaded must not stop the import: English words it.
        () => englishTranslator(),
      );
      this.translators.set(language, made);
    }
    return made;
  }

  /** Answers one request: progress and chunks through `reply`, the final answer last. */
  async handle(request: ImportRequest, reply: Reply): Promise<void> {
    const t = await this.translator(request.language);
    try {
      if (request.type === 'read') {
        this.file = { name: request.name, bytes: new Uint8Array(request.bytes) };
        if (request.target === 'stakeholders') {
          this.target = 'stakeholders';
          this.existingStakeholders = request.existing;
        } else if (request.target === 'roster') {
          this.target = 'roster';
          this.roster = new RosterImportPart(request.options);
          this.maxCsvBytes = request.maxCsvBytes;
        } else if (request.target === 'invitations') {
          this.target = 'invitations';
          this.segments = request.segments;
        } else {
          this.target = 'catalog';
          this.existing = request.existing;
          this.currency = request.currency ?? null;
          this.planSkills = request.skills ?? [];
        }
        return reply(await this.read(request.id, reply, t));
      }
      if (request.type === 'layout') {
        if (!this.file)
          return reply({
            id: request.id,
            type: 'read',
            ok: false,
            message: t('content:import.chooseFileFirst'),
          });
        // Another heading row re-cuts the rows already read; another sheet reads again.
        const sameSheet = request.sheet === undefined || request.sheet === this.grid?.sheetName;
        return reply(
          sameSheet && this.grid
            ? this.laidOut(request.id, layoutTable(this.file.name, this.grid, request.headerRow, t))
            : await this.read(request.id, reply, t, request.sheet, request.headerRow),
        );
      }
      if (!this.table)
        return reply({
          id: request.id,
          type: 'read',
          ok: false,
          message: t('content:import.chooseFileFirst'),
        });
      if (request.type === 'preview') {
        const total = this.table.rows.length;
        const { mapping, choices } = request;
        this.preview = previewImport(
          this.table,
          mapping,
          this.existing,
          (done) => reply({ id: request.id, type: 'progress', step: 'check', done, total }),
          choices,
          this.currency,
          this.planSkills,
          t,
        );
        const skills = matchSkills(
          this.table.rows,
          mapping.skills,
          knownSkills([...this.planSkills, ...this.existing.flatMap((item) => item.skills)]),
          splitList,
        );
        const values = distinctValues(
          this.table.rows,
          { kind: mapping.kind, level: mapping.level, languages: mapping.languages },
          splitList,
        );
        return reply({
          id: request.id,
          type: 'preview',
          summary: summarise(
            this.preview,
            values,
            this.existing,
            this.currency,
            mapping,
            choices,
            skills,
            t,
          ),
        });
      }
      if (request.type === 'stakeholderPreview') {
        const values = stakeholderDistinctValues(this.table.rows, request.mapping);
        this.stakeholderPreview = previewStakeholderImport(
          this.table,
          request.mapping,
          this.existingStakeholders,
          request.choices,
          values,
        );
        return reply({
          id: request.id,
          type: 'stakeholderPreview',
          summary: summariseStakeholders(this.stakeholderPreview, values),
        });
      }
      if (request.type === 'invitationPreview') {
        const total = this.table.rows.length;
        const values = segmentValues(this.table, request.mapping.segment, this.segments);
        this.invitationPreview = previewInvitationImport(
          this.table,
          request.mapping,
          this.segments,
          request.choices,
          (done) => reply({ id: request.id, type: 'progress', step: 'check', done, total }),
        );
        return reply({
          id: request.id,
          type: 'invitationPreview',
          summary: summariseInvitations(this.invitationPreview, values, this.segments),
        });
      }
      if (request.type === 'rosterPreview') {
        const total = this.table.rows.length;
        const summary = this.roster!.check(
          this.table,
          request.mapping,
          request.choices,
          (done) => reply({ id: request.id, type: 'progress', step: 'check', done, total }),
          t,
        );
        return reply({ id: request.id, type: 'rosterPreview', summary });
      }
      if (request.type === 'rosterMerge') {
        const result = this.roster?.merge(request.stored, request.importedAt) ?? null;
        if (!result) return reply({ id: request.id, type: 'rosterMerged', result });
        // 100,000 learners are ~20 MB of text: one message per chunk, so the page
        // unpacks them in short tasks; the last message carries the counts only.
        for (const [kind, chunks] of [
          ['learners', result.learnerChunks],
          ['courses', result.courseChunks],
        ] as const)
          for (const c of chunks)
            reply({ id: request.id, type: 'rosterChunk', kind, text: c.text, count: c.count });
        return reply({
          id: request.id,
          type: 'rosterMerged',
          result: { ...result, learnerChunks: [], courseChunks: [] },
        });
      }
      if (request.type === 'failedCsv' && this.target === 'roster')
        return reply({
          id: request.id,
          type: 'failedCsv',
          csv: this.roster!.failedCsv(this.table, t),
        });
      if (request.type === 'failedCsv') {
        const checked =
          this.target === 'stakeholders'
            ? this.stakeholderPreview
            : this.target === 'invitations'
              ? this.invitationPreview
              : this.preview;
        return reply({
          id: request.id,
          type: 'failedCsv',
          csv: checked ? failedRowsCsv(this.table, checked, t) : '',
        });
      }
      if (this.target === 'invitations') {
        // Tens of thousands of people: in chunks, each a short task for the page to unpack.
        const ready = this.invitationPreview?.ready ?? [];
        for (let i = 0; i < ready.length || i === 0; i += ITEM_CHUNK)
          reply({
            id: request.id,
            type: 'invitationItems',
            // Encoded here, off the page: the page stores the text as it is.
            chunk: encodeInvitees(ready.slice(i, i + ITEM_CHUNK)),
            count: Math.min(ITEM_CHUNK, Math.max(0, ready.length - i)),
            last: i + ITEM_CHUNK >= ready.length,
          });
        return;
      }
      if (this.target === 'stakeholders') {
        // A register is hundreds of entries: one message.
        const checked = this.stakeholderPreview;
        return reply({
          id: request.id,
          type: 'stakeholderItems',
          entries: (checked?.ready ?? []).map((r) => ({ id: newId('sh'), ...r.entry })),
          updates: (checked?.updates ?? []).map((u) => ({ id: u.id, patch: u.patch })),
          last: true,
        });
      }
      // New items first, then the updates, each in chunks of ITEM_CHUNK.
      const ready = this.preview?.ready ?? [];
      const updates = this.preview?.updates ?? [];
      const total = ready.length + updates.length;
      for (let i = 0; i < total || i === 0; i += ITEM_CHUNK)
        reply({
          id: request.id,
          type: 'items',
          items: ready.slice(i, i + ITEM_CHUNK).map((r) => ({ id: newId('cat'), ...r.item })),
          updates: updates
            .slice(Math.max(0, i - ready.length), Math.max(0, i + ITEM_CHUNK - ready.length))
            .map((u) => ({ id: u.id, patch: u.patch })),
          last: i + ITEM_CHUNK >= total,
        });
    } catch (error) {
      reply({
        id: request.id,
        type: 'read',
        ok: false,
        message: t('content:import.readFailed', { error: cutText(String(error), 200) }),
      });
    }
  }

  /** Reads the file (a sheet of it) and lays it out with the detected or given heading row. */
  private async read(
    id: number,
    reply: Reply,
    t: Translator,
    sheet?: string,
    headerRow?: number,
  ): Promise<ReadResponse> {
    this.grid = null;
    this.table = null;
    this.preview = null;
    this.stakeholderPreview = null;
    this.invitationPreview = null;
    this.roster?.reset();
    const { name, bytes } = this.file!;
    const grid = await readCatalogGrid(
      name,
      bytes,
      (done) => reply({ id, type: 'progress', step: 'read', done, total: null }),
      sheet,
      this.target === 'roster' ? this.maxCsvBytes : undefined,
      t,
    );
    if (!grid.ok) return { id, type: 'read', ok: false, message: grid.message };
    this.grid = grid;
    return this.laidOut(id, layoutTable(name, grid, headerRow, t));
  }

  private laidOut(id: number, result: ReadResult): ReadResponse {
    this.preview = null;
    this.stakeholderPreview = null;
    this.invitationPreview = null;
    this.roster?.reset();
    if (!result.ok) {
      this.table = null;
      return { id, type: 'read', ok: false, message: result.message };
    }
    this.table = result.table;
    return {
      id,
      type: 'read',
      ok: true,
      format: result.format,
      headers: [...result.table.headers],
      rowCount: result.table.rows.length,
      sheetName: result.table.sheetName ?? null,
      sheets: [...result.sheets],
      headerRow: result.headerRow,
      headingChoices: [...result.headingChoices],
      notes: [...result.notes],
      mapping:
        this.target === 'stakeholders'
          ? guessStakeholderMapping(result.table.headers)
          : this.target === 'invitations'
            ? guessInvitationMapping(result.table.headers)
            : this.target === 'roster'
              ? guessRosterMapping(result.table.headers)
              : guessMapping(result.table.headers),
    };
  }
}
