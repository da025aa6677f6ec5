/**
 * Messages between the catalog import dialog and its worker. The worker
 * keeps the parsed table and the checked rows; the page only ever receives
 * summaries, progress, a few sample rows, and — on confirm — the items in
 * chunks, so no single message takes the page long to unpack.
 */
import type { ContentItem } from '../../../../shared/plan/schema';
import {
  guessMapping,
  previewImport,
  type ColumnMapping,
  type ImportPreview,
  type RawTable,
  type RowIssue,
} from '../../../../shared/content/catalog-import';
import { readCatalogFile } from '../../../../shared/content/import-file';
import { newId } from '../../../../shared/plan/create';

/** Items per message when the rows are handed to the page (≈ a few ms to unpack each). */
export const ITEM_CHUNK = 2000;
/** Problems listed in a preview; the rest are counted. */
export const ISSUES_LISTED = 200;
/** Rows to be imported shown as a sample in the preview. */
export const SAMPLE_ROWS = 5;

/** A request to the import worker. */
export type ImportRequest =
  | {
      id: number;
      type: 'read';
      name: string;
      bytes: ArrayBuffer;
      /** Items already in the catalog (for the duplicate check). */
      existing: Pick<ContentItem, 'title' | 'provider'>[];
    }
  | { id: number; type: 'preview'; mapping: ColumnMapping }
  | { id: number; type: 'items' };

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
      mapping: ColumnMapping;
    }
  | { id: number; type: 'read'; ok: false; message: string };

/** What the preview shows: counts, the first problems and a few sample rows. */
export interface PreviewSummary {
  readonly mappingErrors: readonly string[];
  readonly readyCount: number;
  readonly failedCount: number;
  readonly blankRows: number;
  /** The first ISSUES_LISTED problems, in row order. */
  readonly issues: readonly RowIssue[];
  readonly issueCount: number;
  readonly sample: ImportPreview['ready'];
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
  | {
      id: number;
      type: 'items';
      /** Ready to add: each item has its new id (made here, off the page's thread). */
      items: ContentItem[];
      /** Whether this is the last chunk. */
      last: boolean;
    }
  | ImportProgress;

/** Sends a message back to the page. */
export type Reply = (message: ImportResponse) => void;

/** The preview summary of checked rows. */
export function summarise(preview: ImportPreview): PreviewSummary {
  const issues: RowIssue[] = [];
  let issueCount = 0;
  for (const f of preview.failed) {
    issueCount += f.issues.length;
    for (const issue of f.issues) if (issues.length < ISSUES_LISTED) issues.push(issue);
  }
  return {
    mappingErrors: preview.mappingErrors,
    readyCount: preview.ready.length,
    failedCount: preview.failed.length,
    blankRows: preview.blankRows,
    issues,
    issueCount,
    sample: preview.ready.slice(0, SAMPLE_ROWS),
  };
}

/**
 * One import: keeps the parsed table and the last checked rows between
 * requests, so a mapping change only re-validates and confirming sends rows
 * already checked. Runs inside the worker (or in-thread where there is no
 * Worker, as in component tests).
 */
export class ImportSession {
  private table: RawTable | null = null;
  private existing: Pick<ContentItem, 'title' | 'provider'>[] = [];
  private preview: ImportPreview | null = null;

  /** Answers one request: progress and chunks through `reply`, the final answer last. */
  async handle(request: ImportRequest, reply: Reply): Promise<void> {
    try {
      if (request.type === 'read') {
        this.table = null;
        this.preview = null;
        this.existing = request.existing;
        const result = await readCatalogFile(request.name, new Uint8Array(request.bytes), (done) =>
          reply({ id: request.id, type: 'progress', step: 'read', done, total: null }),
        );
        if (!result.ok)
          return reply({ id: request.id, type: 'read', ok: false, message: result.message });
        this.table = result.table;
        return reply({
          id: request.id,
          type: 'read',
          ok: true,
          format: result.format,
          headers: [...result.table.headers],
          rowCount: result.table.rows.length,
          sheetName: result.table.sheetName ?? null,
          mapping: guessMapping(result.table.headers),
        });
      }
      if (!this.table)
        return reply({ id: request.id, type: 'read', ok: false, message: 'Choose a file first.' });
      if (request.type === 'preview') {
        const total = this.table.rows.length;
        this.preview = previewImport(this.table, request.mapping, this.existing, (done) =>
          reply({ id: request.id, type: 'progress', step: 'check', done, total }),
        );
        return reply({ id: request.id, type: 'preview', summary: summarise(this.preview) });
      }
      const ready = this.preview?.ready ?? [];
      for (let i = 0; i < ready.length || i === 0; i += ITEM_CHUNK)
        reply({
          id: request.id,
          type: 'items',
          items: ready.slice(i, i + ITEM_CHUNK).map((r) => ({ id: newId('cat'), ...r.item })),
          last: i + ITEM_CHUNK >= ready.length,
        });
    } catch (error) {
      reply({
        id: request.id,
        type: 'read',
        ok: false,
        message: `The file could not be read (${String(error).slice(0, 200)}).`,
      });
    }
  }
}
