/**
 * "Import from Excel…": reads the Stakeholders and Indicators sheets of a
 * workbook this app exported (after a recipient edited it), shows what would
 * be added, changed and removed, field by field, and applies it only on
 * confirmation — as one undo step.
 */
import { useEffect, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../../shared/content/import-limits';
import {
  isEmptyPreview,
  type RoundTripPreview,
  type SheetDiff,
} from '../../../../shared/export/roundtrip-model';
import { importWorkbook, withRowIds } from '../../../../shared/commands/plan-io';
import { newId } from '../../../../shared/plan/create';
import { notifyUndoable } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { usePlanStore } from '../../store/plan-context';
import { createExportClient, type ExportClient } from './export-client';
import { formatMegabytes, writePlanFile } from '../../../../shared/plan/plan-file';
import { backupBeforeChange } from '../backups/backup-triggers';

const SHEET_LABELS = { stakeholders: 'Stakeholders', indicators: 'Indicators' } as const;

/** Counts like "2 added, 1 changed, 1 removed". */
function summary(diff: SheetDiff): string {
  const parts = [
    diff.added.length && `${diff.added.length} added`,
    diff.changed.length && `${diff.changed.length} changed`,
    diff.removed.length && `${diff.removed.length} removed`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

function SheetPreview({ diff }: { diff: SheetDiff }) {
  const label = SHEET_LABELS[diff.sheet];
  if (!diff.present) return null;
  return (
    <section className="export-diff" aria-label={`${label} changes`}>
      <h3>
        {label}: {summary(diff)}
        {diff.unchanged > 0 && <span className="export-hint"> ({diff.unchanged} unchanged)</span>}
      </h3>
      {diff.added.length > 0 && (
        <>
          <h4>Added</h4>
          <ul>
            {diff.added.map((row, i) => (
              <li key={`${row.id ?? 'new'}-${i}`}>
                <span className="export-badge export-badge-added">New</span> {row.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>Changed</h4>
          <ul>
            {diff.changed.map((row) => (
              <li key={row.id}>
                <strong>{row.name}</strong>
                <ul className="export-fields">
                  {row.changes.map((c) => (
                    <li key={c.key}>
                      {c.label}: <del>{c.before}</del> → <ins>{c.after}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>Removed</h4>
          <ul>
            {diff.removed.map((row) => (
              <li key={row.id}>
                <span className="export-badge export-badge-removed">Removed</span> {row.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The import-from-Excel dialog. */
export function RoundTripDialog({ onClose }: { onClose: () => void }) {
  const store = usePlanStore();
  const clientRef = useRef<ExportClient | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; details: readonly string[] } | null>(null);
  const [preview, setPreview] = useState<RoundTripPreview | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  useEffect(() => () => clientRef.current?.dispose(), []);

  const choose = async (file: File) => {
    setError(null);
    setPreview(null);
    setFileName(file.name);
    if (file.size > MAX_IMPORT_BYTES) {
      // Refused before a byte is read into memory.
      setError({
        message: `“${file.name}” is ${formatMegabytes(file.size)}; workbooks of at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB can be imported. Nothing in the plan changed.`,
        details: [],
      });
      return;
    }
    setBusy(`Reading “${file.name}”…`);
    const client = (clientRef.current ??= createExportClient());
    const result = await client.readWorkbook({
      type: 'roundtrip',
      name: file.name,
      bytes: await file.arrayBuffer(),
      plan: store.getState().history.present,
    });
    setBusy(null);
    if (result.ok) setPreview(result.preview);
    else setError({ message: result.message, details: result.details });
  };

  const apply = async () => {
    if (!preview) return;
    // Desktop: keep a copy of the plan as it was, in case the workbook was wrong.
    const plan = store.getState().history.present;
    const backup = await backupBeforeChange(plan.id, writePlanFile(plan), 'before-import');
    if (backup.kind === 'failed') {
      setError({
        message: `No backup of the plan could be written before the import (${backup.message}), so nothing was imported.`,
        details: [],
      });
      return;
    }
    const result = store
      .getState()
      .dispatch(importWorkbook({ preview: withRowIds(preview, newId) }));
    if (!result.ok) {
      setError({ message: result.reason, details: [] });
      return;
    }
    const { stakeholders, indicators } = preview;
    notifyUndoable(
      `Imported from Excel: stakeholders ${summary(stakeholders)}; indicators ${summary(indicators)}.`,
      result.stepId,
    );
    onClose();
  };

  const empty = preview ? isEmptyPreview(preview) : true;
  return (
    <Dialog
      title="Import from Excel"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview || empty || !!busy}
            onClick={() => void apply()}
          >
            Apply changes
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <p className="export-hint">
          Choose a workbook exported from this plan. The Stakeholders and Indicators sheets are
          read; rows are matched by their ID column. Nothing changes until you apply.
        </p>
        <div className="export-file-row">
          <button type="button" onClick={() => inputRef.current?.click()} disabled={!!busy}>
            {fileName ? 'Choose another workbook…' : 'Choose workbook…'}
          </button>
          {fileName && <span className="export-file-name">{fileName}</span>}
          <input
            ref={inputRef}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            aria-label="Workbook to import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void choose(file);
            }}
          />
        </div>
        {busy && (
          <p role="status" className="export-hint">
            {busy}
          </p>
        )}
        {error && (
          <div className="export-error" role="alert">
            <p>{error.message}</p>
            {error.details.length > 0 && (
              <ul>
                {error.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {preview && (
          <div className="export-preview" aria-label="Preview of changes">
            {preview.notes.map((n) => (
              <p key={n} className="export-hint">
                {n}
              </p>
            ))}
            {empty && (
              <p role="status">The workbook matches the plan: there is nothing to import.</p>
            )}
            <SheetPreview diff={preview.stakeholders} />
            <SheetPreview diff={preview.indicators} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
