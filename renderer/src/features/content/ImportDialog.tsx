/**
 * Catalog import: choose a CSV or XLSX file, map its columns to catalog
 * fields, see which rows would fail and why (row and field), then confirm.
 * Nothing changes in the plan until Import is pressed, and the whole import
 * is one undo step.
 */
import { useEffect, useRef, useState } from 'react';
import {
  CATALOG_FIELDS,
  fieldLabel,
  type CatalogFieldKey,
  type ColumnMapping,
  type ImportPreview,
} from '../../../../shared/content/catalog-import';
import { KIND_LABELS } from '../../../../shared/content/catalog';
import { IMPORT_ACCEPT, MAX_IMPORT_BYTES } from '../../../../shared/content/import-limits';
import { LEVEL_LABELS } from '../../../../shared/content/pathways';
import { newId } from '../../../../shared/plan/create';
import { notify } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { useEditPlan, usePlan } from '../../store/plan-context';
import { createImportClient, type ImportClient } from './import-client';
import type { ReadResponse } from './import-protocol';

type FileInfo = Extract<ReadResponse, { ok: true }> & { name: string };

/** How many failing rows the preview lists before summarising the rest. */
const FAILED_SHOWN = 200;

/** The import dialog. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const catalog = usePlan((p) => p.content.catalog);
  const edit = useEditPlan();
  const clientRef = useRef<ImportClient | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<FileInfo | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);

  useEffect(() => {
    clientRef.current = createImportClient();
    return () => clientRef.current?.dispose();
  }, []);

  const client = () => (clientRef.current ??= createImportClient());

  const runPreview = async (next: ColumnMapping) => {
    setMapping(next);
    setBusy('Checking rows…');
    const response = await client().request({
      type: 'preview',
      mapping: next,
      existing: catalog.map((c) => ({ title: c.title, provider: c.provider })),
    });
    setBusy(null);
    if (response.type === 'preview') setPreview(response.preview);
    else if (!response.ok) setError(response.message);
  };

  const chooseFile = async (chosen: File) => {
    setError(null);
    setFile(null);
    setPreview(null);
    setMapping(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      // Refuse before reading a byte into memory.
      setError(
        `“${chosen.name}” is ${(chosen.size / (1024 * 1024)).toFixed(1)} MB; spreadsheets of at most 10 MB can be imported.`,
      );
      return;
    }
    setBusy(`Reading “${chosen.name}”…`);
    const bytes = await chosen.arrayBuffer();
    const response = await client().request({ type: 'read', name: chosen.name, bytes });
    setBusy(null);
    if (response.type !== 'read') return;
    if (!response.ok) {
      setError(response.message);
      return;
    }
    setFile({ ...response, name: chosen.name });
    await runPreview(response.mapping);
  };

  const confirm = () => {
    if (!preview || preview.ready.length === 0) return;
    const n = preview.ready.length;
    edit({ name: `Import ${n} catalog ${n === 1 ? 'item' : 'items'}` }, (draft) => {
      for (const { item } of preview.ready)
        draft.content.catalog.push({ id: newId('cat'), ...item });
    });
    const skipped = preview.failed.length;
    notify(
      `Imported ${n} ${n === 1 ? 'item' : 'items'}${skipped ? `; ${skipped} ${skipped === 1 ? 'row was' : 'rows were'} left out` : ''}.`,
    );
    onClose();
  };

  const readyCount = preview?.ready.length ?? 0;
  const failedIssues = preview?.failed.flatMap((f) => f.issues) ?? [];

  return (
    <Dialog
      title="Import catalog items"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview || readyCount === 0 || preview.mappingErrors.length > 0 || !!busy}
            onClick={confirm}
          >
            {readyCount > 0
              ? `Import ${readyCount} ${readyCount === 1 ? 'item' : 'items'}`
              : 'Import'}
          </button>
        </>
      }
    >
      <div className="import-dialog">
        <div className="import-file-row">
          <button type="button" onClick={() => inputRef.current?.click()}>
            {file ? 'Choose another file…' : 'Choose file…'}
          </button>
          <input
            ref={inputRef}
            type="file"
            accept={IMPORT_ACCEPT}
            hidden
            aria-label="Spreadsheet to import"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (chosen) void chooseFile(chosen);
            }}
          />
          <span className="section-note">
            {file
              ? `${file.name}${file.sheetName ? `, sheet “${file.sheetName}”` : ''}: ${file.rowCount.toLocaleString('en-GB')} rows`
              : 'CSV or Excel (.xlsx), up to 10 MB. The first row must hold column headings.'}
          </span>
        </div>

        <div role="status" aria-live="polite" className="import-status">
          {busy}
        </div>
        {error && (
          <div role="alert" className="import-error">
            <strong>This file cannot be imported.</strong> {error}
            <div className="section-note">Nothing in the catalog was changed.</div>
          </div>
        )}

        {file && mapping && (
          <fieldset className="mapping">
            <legend>Match your columns to catalog fields</legend>
            <div className="mapping-grid">
              {CATALOG_FIELDS.map((field) => (
                <label key={field.key} className="mapping-field">
                  <span>
                    {field.label}
                    {field.required ? ' (required)' : ''}
                  </span>
                  <select
                    value={mapping[field.key] ?? ''}
                    aria-label={`Column for ${field.label}`}
                    onChange={(e) =>
                      void runPreview({
                        ...mapping,
                        [field.key]: e.target.value === '' ? null : Number(e.target.value),
                      })
                    }
                  >
                    <option value="">— not imported —</option>
                    {file.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `Column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {preview && (
          <section aria-labelledby="import-preview-heading" className="import-preview">
            <h3 id="import-preview-heading">Preview</h3>
            {preview.mappingErrors.length > 0 ? (
              <ul role="alert" className="import-error">
                {preview.mappingErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="import-summary" data-testid="import-summary">
                <span className="ok-text">
                  {readyCount.toLocaleString('en-GB')} {readyCount === 1 ? 'row' : 'rows'} ready to
                  import
                </span>
                {preview.failed.length > 0 && (
                  <>
                    {' · '}
                    <span className="danger-text">
                      {preview.failed.length.toLocaleString('en-GB')}{' '}
                      {preview.failed.length === 1 ? 'row' : 'rows'} will not be imported
                    </span>
                  </>
                )}
                {preview.blankRows > 0 && ` · ${preview.blankRows} blank rows skipped`}
              </p>
            )}
            {failedIssues.length > 0 && (
              <div className="table-scroll">
                <table className="data-table compact">
                  <caption>Rows that will not be imported</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Row
                      </th>
                      <th scope="col">Field</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {failedIssues.slice(0, FAILED_SHOWN).map((issue, i) => (
                      <tr key={i}>
                        <td className="num">{issue.row}</td>
                        <td>{fieldLabel(issue.field as CatalogFieldKey | null)}</td>
                        <td>{issue.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {failedIssues.length > FAILED_SHOWN && (
                  <p className="section-note">
                    …and {failedIssues.length - FAILED_SHOWN} more problems.
                  </p>
                )}
              </div>
            )}
            {readyCount > 0 && (
              <div className="table-scroll">
                <table className="data-table compact">
                  <caption>First rows to be imported</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Row
                      </th>
                      <th scope="col">Title</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Level</th>
                      <th scope="col" className="num">
                        Hours
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.ready.slice(0, 5).map(({ row, item }) => (
                      <tr key={row}>
                        <td className="num">{row}</td>
                        <td>{item.title}</td>
                        <td>{KIND_LABELS[item.kind]}</td>
                        <td>{LEVEL_LABELS[item.level]}</td>
                        <td className="num">{item.hours ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )}
      </div>
    </Dialog>
  );
}
