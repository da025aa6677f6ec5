/** Messages between the catalog import dialog and its worker. */
import type { ContentItem } from '../../../../shared/plan/schema';
import {
  guessMapping,
  previewImport,
  type ColumnMapping,
  type ImportPreview,
  type RawTable,
} from '../../../../shared/content/catalog-import';
import { readCatalogFile } from '../../../../shared/content/import-file';

/** A request to the import worker. */
export type ImportRequest =
  | { id: number; type: 'read'; name: string; bytes: ArrayBuffer }
  | {
      id: number;
      type: 'preview';
      mapping: ColumnMapping;
      existing: Pick<ContentItem, 'title' | 'provider'>[];
    };

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

/** A reply from the import worker. */
export type ImportResponse = ReadResponse | { id: number; type: 'preview'; preview: ImportPreview };

/**
 * One import: keeps the parsed table between requests so a mapping change
 * only re-validates. Runs inside the worker (or in-thread where there is no
 * Worker, as in component tests).
 */
export class ImportSession {
  private table: RawTable | null = null;

  /** Answers one request. */
  async handle(request: ImportRequest): Promise<ImportResponse> {
    try {
      if (request.type === 'read') {
        this.table = null;
        const result = await readCatalogFile(request.name, new Uint8Array(request.bytes));
        if (!result.ok) return { id: request.id, type: 'read', ok: false, message: result.message };
        this.table = result.table;
        return {
          id: request.id,
          type: 'read',
          ok: true,
          format: result.format,
          headers: [...result.table.headers],
          rowCount: result.table.rows.length,
          sheetName: result.table.sheetName ?? null,
          mapping: guessMapping(result.table.headers),
        };
      }
      if (!this.table)
        return { id: request.id, type: 'read', ok: false, message: 'Choose a file first.' };
      return {
        id: request.id,
        type: 'preview',
        preview: previewImport(this.table, request.mapping, request.existing),
      };
    } catch (error) {
      return {
        id: request.id,
        type: 'read',
        ok: false,
        message: `The file could not be read (${String(error).slice(0, 200)}).`,
      };
    }
  }
}
