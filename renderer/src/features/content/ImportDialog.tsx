/**
 * Import from a spreadsheet, into the catalog or (with `stakeholderTarget`,
 * features/stakeholders) the stakeholder register: choose a CSV or XLSX file,
 * its sheet and heading row, map its columns to the target's fields (or
 * pick a saved mapping), match the file's values to ours (for the catalog:
 * Kind, Level and Language, ImportValueMapping), see which rows would fail
 * and why (row and field; downloadable as a CSV with a Reason column), and
 * which catalog items a re-imported export updates, then confirm. Nothing
 * changes in the plan until Import is pressed, and the whole import (new
 * items and updates) is one undo step.
 *
 * Reading and checking run in a worker that reports progress; the page gets
 * summaries, not rows, until Import is pressed. Then (desktop) a backup of
 * the plan is written first, the rows arrive in chunks that each get their
 * ids in a short task of their own, are frozen a slice at a time, and go
 * into the plan as one command (`catalog.import`), so a 50,000-row file
 * never blocks the page for long.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './content.css';
import { IMPORT_ACCEPT, MAX_IMPORT_BYTES } from '../../../../shared/content/import-limits';
import { writePlanFile } from '../../../../shared/plan/plan-file';
import { yieldToPage } from '../../store/yield-to-page';
import { notify, notifyUndoable } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { usePlanStore } from '../../store/plan-context';
import { detectPlatform, type BackupStore } from '../../platform/platform';
import { backupBeforeChange } from '../backups/backup-triggers';
import { createImportClient, type ImportClient } from './import-client';
import type { ReadResponse } from './import-protocol';
import {
  catalogTarget,
  type AnyMapping,
  type AnyPreset,
  type AnySummary,
  type ImportTarget,
} from './import-targets';

type FileInfo = Extract<ReadResponse, { ok: true }> & { name: string };

/** What the dialog is busy with (reading the file `name`, checking or adding rows), and how far it got. */
interface Busy {
  readonly step: 'read' | 'check' | 'add';
  readonly name?: string;
  readonly done: number;
  /** Null while the total is unknown (reading): the bar is indeterminate. */
  readonly total: number | null;
}

/** Whole megabytes of a byte limit. */
const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * The import dialog for a target (default: the catalog); `backups` (default:
 * the platform's) receives the before-import copy.
 */
export function ImportDialog<
  M extends AnyMapping,
  C extends object,
  S extends AnySummary,
  P extends AnyPreset,
>({
  onClose,
  backups = detectPlatform().backups,
  target = catalogTarget as unknown as ImportTarget<M, C, S, P>,
}: {
  onClose: () => void;
  backups?: BackupStore | null;
  target?: ImportTarget<M, C, S, P>;
}) {
  const { t } = useTranslation(['content', 'common']);
  const store = usePlanStore();
  const clientRef = useRef<ImportClient | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Bumped by Cancel and by each new file: answers for an older run are ignored.
  const runRef = useRef(0);
  const progressId = useId();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Why pressing Import changed nothing (no backup, or the plan is read-only here).
  const [notImported, setNotImported] = useState<string | null>(null);
  const [file, setFile] = useState<FileInfo | null>(null);
  const [mapping, setMapping] = useState<M | null>(null);
  const [preview, setPreview] = useState<S | null>(null);
  const [choices, setChoices] = useState<C>({} as C);
  const [presets, setPresets] = useState<P[]>(() => target.presets.load());
  const [presetName, setPresetName] = useState('');
  const [presetNote, setPresetNote] = useState<string | null>(null);
  // The saved mapping in use ('' when none: the guessed or hand-made one).
  const [presetUsed, setPresetUsed] = useState('');

  useEffect(() => {
    clientRef.current = createImportClient();
    return () => clientRef.current?.dispose();
  }, []);

  const client = () => (clientRef.current ??= createImportClient());
  /** A saved or shipped mapping as shown (a shipped one's name and source in the UI's language). */
  const presetText = (p: P) => target.presets.label?.(p) ?? { name: p.name, source: p.source };
  /** "Nothing in the catalog was changed." */
  const unchangedText = () => target.unchanged ?? t('import.unchangedIn', { place: target.place });

  const runPreview = async (next: M, nextChoices: C = choices, run = runRef.current) => {
    setMapping(next);
    setChoices(nextChoices);
    setBusy({ step: 'check', done: 0, total: file?.rowCount ?? null });
    const summary = await target.preview(client(), next, nextChoices, (done, total) => {
      if (run === runRef.current) setBusy({ step: 'check', done, total });
    });
    if (run !== runRef.current) return;
    setBusy(null);
    if (summary && 'error' in summary) setError(summary.error);
    else if (summary) setPreview(summary);
  };

  const chooseFile = async (chosen: File) => {
    const run = ++runRef.current;
    setError(null);
    setNotImported(null);
    setFile(null);
    setPreview(null);
    setMapping(null);
    setPresetNote(null);
    setPresetUsed('');
    // A CSV may be larger for some targets (a learner roster); a workbook never.
    const limit = /\.(csv|tsv|txt)$/i.test(chosen.name)
      ? Math.max(MAX_IMPORT_BYTES, target.maxCsvBytes ?? MAX_IMPORT_BYTES)
      : MAX_IMPORT_BYTES;
    if (chosen.size > limit) {
      // Refuse before reading a byte into memory.
      setError(
        t('import.tooLarge', {
          name: chosen.name,
          size: chosen.size / (1024 * 1024),
          limit: Math.round(limit / (1024 * 1024)),
        }),
      );
      return;
    }
    setBusy({ step: 'read', name: chosen.name, done: 0, total: null });
    const bytes = await chosen.arrayBuffer();
    const response = await client().request(
      {
        type: 'read',
        name: chosen.name,
        bytes,
        ...target.readRequest(store.getState().history.present),
      },
      (m) => {
        if (run === runRef.current && m.type === 'progress')
          setBusy({ step: 'read', name: chosen.name, done: m.done, total: null });
      },
    );
    if (run !== runRef.current) return;
    setBusy(null);
    if (response.type !== 'read') return;
    if (!response.ok) {
      setError(response.message);
      return;
    }
    setFile({ ...response, name: chosen.name });
    // A file shaped like a shipped platform export: say so, and offer its mapping.
    const known = target.presets.matching(
      [...presets, ...target.presets.builtIn],
      response.headers,
    );
    setPresetNote(known ? t('import.looksLike', { name: presetText(known).name }) : null);
    await runPreview(response.mapping as unknown as M, {} as C, run);
  };

  /** Applies a saved or shipped mapping to this file's headings, then checks the rows again. */
  const chooseSavedMapping = (name: string) => {
    const preset = [...presets, ...target.presets.builtIn].find((p) => p.name === name);
    if (!preset || !file) return;
    const applied = target.presets.apply(preset, file.headers);
    setPresetUsed(preset.name);
    setPresetNote(
      applied.missing.length
        ? t('import.presetUsedMissing', {
            name: presetText(preset).name,
            count: applied.missing.length,
            columns: applied.missing
              .map((text) => t('file.quoted', { text }))
              .join(t('file.listSeparator')),
          })
        : t('import.presetUsed', { name: presetText(preset).name }),
    );
    void runPreview(applied.mapping, applied.choices);
  };

  const saveCurrentPreset = () => {
    if (!file || !mapping || !preview || !presetName.trim()) return;
    const preset = target.presets.fromChoices(presetName, file.headers, mapping, choices, preview);
    const list = target.presets.save(preset);
    if (list) {
      setPresets(list);
      setPresetNote(t('import.presetSaved', { name: preset.name }));
      setPresetName('');
    } else setPresetNote(t('import.presetNotSaved'));
  };

  /** Saves the rows that will not be imported, with a Reason column, to fix and import again. */
  const downloadFailed = async () => {
    if (!file) return;
    const response = await client().request({ type: 'failedCsv' });
    if (response.type !== 'failedCsv' || !response.csv) return;
    const url = URL.createObjectURL(new Blob([response.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('import.failedFileName', { name: file.name.replace(/\.[^.]+$/, '') });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  /** Reads the file again with another sheet or heading row, then checks the rows again. */
  const changeLayout = async (layout: { sheet?: string; headerRow?: number }) => {
    if (!file) return;
    const run = ++runRef.current;
    setError(null);
    setPreview(null);
    setBusy({ step: 'read', name: file.name, done: 0, total: null });
    const response = await client().request({ type: 'layout', ...layout }, (m) => {
      if (run === runRef.current && m.type === 'progress')
        setBusy({ step: 'read', name: file.name, done: m.done, total: null });
    });
    if (run !== runRef.current) return;
    setBusy(null);
    if (response.type !== 'read') return;
    if (!response.ok) {
      // Show the choice that was made, with why it cannot be read; another choice can follow.
      setError(response.message);
      setMapping(null);
      setFile({
        ...file,
        sheetName: layout.sheet ?? file.sheetName,
        headerRow: layout.headerRow ?? file.headerRow,
      });
      return;
    }
    setFile({ ...response, name: file.name });
    // The same file read another way: the value choices still hold; the columns may have moved.
    await runPreview(response.mapping as unknown as M, target.relaidOut(choices), run);
  };

  /** Stops whatever the worker is doing; the dialog stays open, nothing changed. */
  const cancel = () => {
    runRef.current++;
    clientRef.current?.dispose();
    clientRef.current = createImportClient();
    setBusy(null);
    setFile(null);
    setPreview(null);
    setMapping(null);
    setChoices({} as C);
    setPresetUsed('');
    setPresetNote(null);
    setError(null);
    notify(t('import.cancelled', { unchanged: unchangedText() }));
  };

  const confirm = async () => {
    if (!preview || preview.readyCount + preview.updatedCount === 0) return;
    const run = runRef.current;
    const n = preview.readyCount + preview.updatedCount;
    setNotImported(null);
    setBusy({ step: 'add', done: 0, total: n });
    // Desktop: keep a copy of the plan as it was, in case the spreadsheet was wrong.
    // (The browser version keeps no backups: skip serialising the plan there.)
    if (backups) {
      const before = store.getState().history.present;
      const backup = await backupBeforeChange(
        before.id,
        writePlanFile(before),
        'before-import',
        backups,
      );
      if (run !== runRef.current) return;
      if (backup.kind === 'failed') {
        setBusy(null);
        setNotImported(t('import.noBackup', { reason: backup.message }));
        return;
      }
    }
    const result = await target.apply({
      client: client(),
      current: () => run === runRef.current,
      progress: (done) => setBusy({ step: 'add', done, total: n }),
      dispatch: (command) => store.getState().dispatch(command),
      fileName: file?.name ?? '',
    });
    if (!result || run !== runRef.current) return;
    // The plan's new state is rendered in the task that applied it; closing
    // the dialog (unmounting the preview, giving focus back) waits for the
    // next, so no one task does both.
    await yieldToPage();
    if (run !== runRef.current) return;
    setBusy(null);
    if (!result.ok) {
      setNotImported(result.reason);
      return;
    }
    const skipped = preview.failedCount;
    const added = preview.readyCount;
    const changed = preview.updatedCount;
    notifyUndoable(
      ('message' in result && result.message) ||
        t('import.done', {
          mode: !changed ? 'add' : added ? 'both' : 'update',
          added: target.noun(added),
          changed: target.noun(changed),
          skipped,
        }),
      result.stepId,
    );
    onClose();
  };

  const readyCount = preview?.readyCount ?? 0;
  const updatedCount = preview?.updatedCount ?? 0;
  const waitingCount = preview?.waitingCount ?? 0;
  const duplicateCount = preview?.duplicateCount ?? 0;
  // Left out for a fault in the file (the rows waiting for a choice and the repeats are told apart).
  const leftOutCount = (preview?.failedCount ?? 0) - waitingCount - duplicateCount;
  const reimport = !!preview && preview.updatedCount + preview.unchangedCount > 0;
  const action =
    updatedCount === 0
      ? readyCount > 0
        ? t('import.confirm.import', { what: target.noun(readyCount) })
        : t('import.confirm.plain')
      : readyCount === 0
        ? t('import.confirm.update', { what: target.noun(updatedCount) })
        : t('import.confirm.both', { added: readyCount, changed: updatedCount });
  // Importing now leaves the waiting rows out: the button says so.
  const confirmLabel =
    waitingCount > 0 && readyCount + updatedCount > 0
      ? t('import.confirm.waiting', { action, count: waitingCount })
      : action;
  const extraColumns = file && mapping ? target.extraColumns(file.headers, mapping) : [];
  const fileNotes = file ? [...file.notes, ...target.fileNotes(file.headers)] : [];
  const previewNotes = preview && mapping ? target.previewNotes(preview, choices, mapping) : [];

  return (
    <Dialog
      title={target.title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={
              !preview ||
              readyCount + updatedCount === 0 ||
              preview.mappingErrors.length > 0 ||
              !!busy
            }
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="import-dialog">
        <div className="import-file-row">
          <button type="button" onClick={() => inputRef.current?.click()}>
            {file ? t('import.chooseAnother') : t('import.chooseFile')}
          </button>
          <input
            ref={inputRef}
            type="file"
            accept={IMPORT_ACCEPT}
            hidden
            aria-label={t('import.fileInput')}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (chosen) void chooseFile(chosen);
            }}
          />
          <span className="section-note">
            {file
              ? file.sheetName
                ? t('import.fileRowsSheet', {
                    name: file.name,
                    sheet: file.sheetName,
                    count: file.rowCount,
                  })
                : t('import.fileRows', { name: file.name, count: file.rowCount })
              : (target.maxCsvBytes ?? MAX_IMPORT_BYTES) > MAX_IMPORT_BYTES
                ? t('import.limitsCsvLarger', {
                    csv: megabytes(target.maxCsvBytes!),
                    xlsx: megabytes(MAX_IMPORT_BYTES),
                  })
                : t('import.limits', { max: megabytes(MAX_IMPORT_BYTES) })}
          </span>
        </div>

        {file && (
          <div className="import-layout">
            {file.sheets.length > 1 && (
              <label className="mapping-field">
                <span>{t('import.sheet')}</span>
                <select
                  aria-label={t('import.sheet')}
                  value={file.sheetName ?? ''}
                  disabled={!!busy}
                  onChange={(e) => void changeLayout({ sheet: e.target.value })}
                >
                  {file.sheets.map((sheet) => (
                    <option key={sheet} value={sheet}>
                      {sheet}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {file.headingChoices.length > 1 && (
              <label className="mapping-field">
                <span>{t('import.headingRow')}</span>
                <select
                  aria-label={t('import.headingRow')}
                  value={file.headerRow}
                  disabled={!!busy}
                  onChange={(e) =>
                    void changeLayout({
                      sheet: file.sheetName ?? undefined,
                      headerRow: Number(e.target.value),
                    })
                  }
                >
                  {file.headingChoices.map((choice) => (
                    <option key={choice.row} value={choice.row}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {fileNotes.length > 0 && (
              <ul className="section-note import-notes" aria-label={t('import.fileNotes')}>
                {fileNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div role="status" aria-live="polite" className="import-status">
          {busy &&
            t('import.progress', {
              label:
                busy.step === 'read'
                  ? t('import.busyRead', { name: busy.name ?? '' })
                  : busy.step === 'check'
                    ? t('import.busyCheck')
                    : t('import.busyAdd'),
              rows: busy.done === 0 ? 'none' : busy.total ? 'of' : 'some',
              done: busy.done,
              total: busy.total ?? 0,
            })}
        </div>
        {busy && (
          <div className="import-progress">
            <label htmlFor={progressId} className="visually-hidden">
              {t('import.progressLabel')}
            </label>
            <progress
              id={progressId}
              max={busy.total ?? undefined}
              value={busy.total ? busy.done : undefined}
            />
            <button type="button" onClick={cancel}>
              {t('import.cancelImport')}
            </button>
          </div>
        )}
        {error && (
          <div role="alert" className="import-error">
            <strong>{t('import.cannotImport')}</strong> {error}
            <div className="section-note">{unchangedText()}</div>
          </div>
        )}
        {notImported && (
          <div role="alert" className="import-error">
            <strong>{t('import.nothingImported')}</strong> {notImported}
          </div>
        )}

        {file && (
          <div className="import-presets">
            <label className="mapping-field">
              <span>{t('import.savedMapping')}</span>
              <select
                aria-label={t('import.savedMapping')}
                value={presetUsed}
                disabled={!!busy}
                onChange={(e) => chooseSavedMapping(e.target.value)}
              >
                <option value="" disabled={presetUsed !== ''}>
                  {t('import.noMapping')}
                </option>
                {presets.length > 0 && (
                  <optgroup label={t('import.yours')}>
                    {presets.map((p) => (
                      <option key={p.name} value={p.name}>
                        {p.name}
                      </option>
                    ))}
                  </optgroup>
                )}
                {target.presets.builtIn.length > 0 && (
                  <optgroup label={t('import.platformExports')}>
                    {target.presets.builtIn.map((p) => (
                      <option key={p.name} value={p.name} title={presetText(p).source}>
                        {presetText(p).name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </label>
            <label className="mapping-field">
              <span>{t('import.saveAs')}</span>
              <input
                type="text"
                aria-label={t('import.saveAsName')}
                value={presetName}
                maxLength={100}
                placeholder={target.presetPlaceholder}
                onChange={(e) => setPresetName(e.target.value)}
              />
            </label>
            <button
              type="button"
              disabled={!presetName.trim() || !preview || !!busy}
              onClick={saveCurrentPreset}
            >
              {t('import.saveMapping')}
            </button>
            {presets.length > 0 && (
              <details className="import-preset-list">
                <summary>{t('import.yourMappings', { count: presets.length })}</summary>
                <ul>
                  {presets.map((p) => (
                    <li key={p.name}>
                      {p.name}{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('import.deleteMapping', { name: p.name })}
                        onClick={() => setPresets(target.presets.remove(p.name))}
                      >
                        {t('common:actions.delete')}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {presetNote && (
              <p className="section-note import-preset-note" role="status">
                {presetNote}
              </p>
            )}
          </div>
        )}

        {file && mapping && (
          <fieldset className="mapping">
            <legend>{target.fieldsLegend}</legend>
            <div className="mapping-grid">
              {target.fields.map((field) => (
                <label key={field.key} className="mapping-field">
                  <span>
                    {field.required ? t('import.required', { field: field.label }) : field.label}
                  </span>
                  <select
                    value={mapping[field.key] ?? ''}
                    aria-label={t('import.columnFor', { field: field.label })}
                    onChange={(e) =>
                      void runPreview(
                        {
                          ...mapping,
                          [field.key]: e.target.value === '' ? null : Number(e.target.value),
                        },
                        // A column now mapped is no longer an extra one kept in the notes.
                        e.target.value === ''
                          ? choices
                          : target.columnMapped(choices, Number(e.target.value)),
                      )
                    }
                  >
                    <option value="">{t('import.notImported')}</option>
                    {file.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || t('import.columnN', { n: i + 1 })}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {file && mapping && preview && (
          <target.ValueStep
            mapping={mapping}
            choices={choices}
            summary={preview}
            headers={file.headers}
            extraColumns={extraColumns}
            disabled={!!busy}
            onChange={(next) => void runPreview(mapping, next)}
          />
        )}

        {preview && (
          <section aria-labelledby="import-preview-heading" className="import-preview">
            <h3 id="import-preview-heading">{t('import.preview')}</h3>
            {preview.mappingErrors.length > 0 ? (
              <ul role="alert" className="import-error">
                {preview.mappingErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              // A live region: the counts change with every mapping choice, and a
              // screen reader hears the new ones.
              <p
                className="import-summary"
                data-testid="import-summary"
                role="status"
                aria-live="polite"
                aria-atomic="true"
              >
                <span className="ok-text">
                  {reimport
                    ? t('import.summaryReimport', {
                        added: readyCount,
                        changed: updatedCount,
                        unchanged: preview.unchangedCount,
                      })
                    : t('import.summaryReady', { count: readyCount })}
                </span>
                {waitingCount > 0 && (
                  <>
                    {' · '}
                    <span className="warning-text">
                      {t('import.summaryWaiting', { count: waitingCount })}
                    </span>
                  </>
                )}
                {leftOutCount > 0 && (
                  <>
                    {' · '}
                    <span className="danger-text">
                      {t('import.summaryLeftOut', { count: leftOutCount })}
                    </span>
                  </>
                )}
                {duplicateCount > 0 && (
                  <>
                    {' · '}
                    {t('import.summaryRepeated', { count: duplicateCount })}
                  </>
                )}
                {preview.blankRows > 0 && (
                  <>
                    {' · '}
                    {t('import.summaryBlank', { count: preview.blankRows })}
                  </>
                )}
              </p>
            )}
            {previewNotes.map((note) => (
              <p key={note} className="section-note" data-testid="import-every-row">
                {note}
              </p>
            ))}
            {preview.failedCount - duplicateCount > 0 && preview.mappingErrors.length === 0 && (
              <p>
                <button type="button" onClick={() => void downloadFailed()} disabled={!!busy}>
                  {t('import.downloadFailed')}
                </button>{' '}
                <span className="section-note">{t('import.downloadFailedHint')}</span>
              </p>
            )}
            {preview.issues.length > 0 && (
              <div className="table-scroll">
                <table className="data-table compact">
                  <caption>{t('import.problemsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('fields.row')}
                      </th>
                      <th scope="col">{t('import.field')}</th>
                      <th scope="col">{t('import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.issues.map((issue, i) => (
                      <tr key={i}>
                        <td className="num">{issue.row}</td>
                        <td>{target.fieldLabel(issue.field)}</td>
                        <td>{issue.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.issueCount > preview.issues.length && (
                  <p className="section-note">
                    {t('import.moreProblems', {
                      count: preview.issueCount - preview.issues.length,
                    })}
                  </p>
                )}
              </div>
            )}
            {preview.updateSample.length > 0 && (
              <div className="table-scroll">
                <table className="data-table compact">
                  <caption>
                    {t('import.updatesCaption', {
                      target: target.id === 'catalog' ? 'catalog' : 'other',
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('fields.row')}
                      </th>
                      <th scope="col">
                        {t('import.updatesEntry', {
                          target: target.id === 'catalog' ? 'catalog' : 'other',
                        })}
                      </th>
                      <th scope="col">{t('import.changes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.updateSample.map((u) => (
                      <tr key={u.row}>
                        <td className="num">{u.row}</td>
                        <td>{u.title}</td>
                        <td>
                          {target.id === 'catalog' ? (
                            // One change a line, each from the catalog's value to the file's.
                            <ul className="import-changes">
                              {u.fields.map((change) => (
                                <li key={change}>{change}</li>
                              ))}
                            </ul>
                          ) : (
                            u.fields.join('; ')
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.updatedCount > preview.updateSample.length && (
                  <p className="section-note">
                    {t('import.moreUpdates', {
                      count: preview.updatedCount - preview.updateSample.length,
                    })}
                  </p>
                )}
              </div>
            )}
            {readyCount > 0 && <div className="table-scroll">{target.sampleTable(preview)}</div>}
          </section>
        )}
      </div>
    </Dialog>
  );
}
