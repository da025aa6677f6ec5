/**
 * "Import from Excel…": reads the Stakeholders and Indicators sheets of a
 * workbook this app exported (after a recipient edited it), shows what would
 * be added and changed, field by field, and applies it only on confirmation
 * — as one undo step. Nothing is removed unless the planner ticks it here
 * (entries with no row in the workbook are listed with a "Remove" checkbox,
 * unticked), and a row whose ID was cleared but whose name is an existing
 * entry's waits for a choice — update that entry, or add it as new — with
 * Apply blocked until every such row is decided: no default makes a
 * duplicate. Cells that cannot be read are listed row by row and left as
 * they are; the other changes can still be applied.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../../shared/content/import-limits';
import {
  choiceFor,
  decideRoundTrip,
  isEmptyPreview,
  matchKey,
  NO_DECISIONS,
  removalKey,
  undecidedRows,
  type RoundTripDecisions,
  type RoundTripPreview,
  type RoundTripProblem,
  type SheetDiff,
  type UnmatchedRow,
} from '../../../../shared/export/roundtrip-model';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { importWorkbook, withRowIds } from '../../../../shared/commands/plan-io';
import { newId } from '../../../../shared/plan/create';
import { notifyUndoable } from '../../app/workbench';
import { uiLanguage } from '../../i18n/i18n';
import { Dialog } from '../../components/Dialog';
import { usePlanStore } from '../../store/plan-context';
import { createExportClient, type ExportClient } from './export-client';
import { formatMegabytes, writePlanFile } from '../../../../shared/plan/plan-file';
import { backupBeforeChange } from '../backups/backup-triggers';
import './roundtrip.css';

type T = TFunction<'exportDialog'>;

/** Counts like "2 added, 1 changed, 1 removed", in the UI language. */
function summary(diff: SheetDiff, t: T): string {
  const parts = [
    diff.added.length && t('roundTrip.added', { count: diff.added.length }),
    diff.changed.length && t('roundTrip.changed', { count: diff.changed.length }),
    diff.removed.length && t('roundTrip.removed', { count: diff.removed.length }),
  ].filter(Boolean);
  return parts.length ? parts.join(t('roundTrip.separator')) : t('roundTrip.noChanges');
}

/** "row 6 (“Riveline Mobile”) of the Stakeholders sheet, row 9 (“…”) …" for the rows still waiting. */
function waitingRows(rows: readonly UnmatchedRow[], preview: RoundTripPreview, t: T): string {
  return rows
    .map((row) => {
      const sheet = preview.stakeholders.unmatched.includes(row) ? 'stakeholders' : 'indicators';
      return t('roundTrip.waitingRow', { sheet, row: row.row, name: row.name });
    })
    .join(t('roundTrip.separator'));
}

/** A DOM id for a row's choice group (radio name and description). */
function groupId(key: string): string {
  return `roundtrip-${key.replace(/[^a-z0-9-]/gi, '-')}`;
}

function toggle(list: readonly string[], key: string, on: boolean): string[] {
  return on ? [...new Set([...list, key])] : list.filter((k) => k !== key);
}

function FieldChanges({ changes }: { changes: SheetDiff['changed'][number]['changes'] }) {
  return (
    <ul className="export-fields">
      {changes.map((c) => (
        <li key={c.key}>
          {c.label}: <del>{c.before}</del> → <ins>{c.after}</ins>
          {c.note && <span className="roundtrip-field-note"> ({c.note})</span>}
        </li>
      ))}
    </ul>
  );
}

/** "1 cell left as it is: Power (0–100)" for a row with cells that could not be read. */
function LeftAsItIs({
  problems,
  row,
}: {
  problems: readonly RoundTripProblem[];
  row: number | undefined;
}) {
  const { t } = useTranslation('exportDialog');
  const cells = problems.filter((p) => p.row === row && p.effect === 'cell');
  if (row === undefined || cells.length === 0) return null;
  return (
    <span className="roundtrip-left-out">
      {' '}
      {t('roundTrip.leftAsItIs', {
        count: cells.length,
        columns: cells.map((p) => p.column).join(t('roundTrip.separator')),
      })}
    </span>
  );
}

function SheetPreview({
  diff,
  decided,
  decisions,
  onDecide,
  problems,
}: {
  /** The sheet as read (rows without an ID and missing entries undecided). */
  diff: SheetDiff;
  /** The sheet as it will be applied with the current decisions. */
  decided: SheetDiff;
  decisions: RoundTripDecisions;
  onDecide: (decisions: RoundTripDecisions) => void;
  /** The problems of the workbook, to say which rows keep some of their values. */
  problems: readonly RoundTripProblem[];
}) {
  const { t } = useTranslation('exportDialog');
  const sheet = diff.sheet;
  const label = t(`roundTrip.sheet.${sheet}`);
  if (!diff.present) return null;
  const own = problems.filter((p) => p.sheet === diff.sheet);
  // A row's candidate is offered for removal only once the row is added as new.
  const held = new Set(
    diff.unmatched
      .filter((row) => choiceFor(decisions, diff.sheet, row.row) !== 'add')
      .map((row) => row.candidate.id),
  );
  const missing = diff.missing.filter((e) => !held.has(e.id));
  const kept = missing.filter((e) => !decisions.remove.includes(removalKey(diff.sheet, e.id)));
  return (
    <section className="export-diff" aria-label={t('roundTrip.changesLabel', { sheet: label })}>
      <h3>
        {t('roundTrip.sheetHeading', {
          sheet: label,
          summary: [
            summary(decided, t),
            kept.length > 0 && t('roundTrip.kept', { count: kept.length }),
            decided.unmatched.length > 0 &&
              t('roundTrip.waiting', { count: decided.unmatched.length }),
          ]
            .filter(Boolean)
            .join(t('roundTrip.separator')),
        })}
        {decided.unchanged > 0 && (
          <span className="export-hint">
            {' '}
            {t('roundTrip.unchanged', { count: decided.unchanged })}
          </span>
        )}
      </h3>
      {diff.added.length > 0 && (
        <>
          <h4>{t('roundTrip.addedHeading')}</h4>
          <ul>
            {diff.added.map((row, i) => (
              <li key={`${row.id ?? 'new'}-${i}`}>
                <span className="export-badge export-badge-added">{t('roundTrip.newBadge')}</span>{' '}
                {row.name}
                <LeftAsItIs problems={own} row={row.row} />
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.unmatched.length > 0 && (
        <>
          <h4>{t('roundTrip.unmatchedHeading')}</h4>
          <ul className="roundtrip-choices">
            {diff.unmatched.map((row) => {
              const key = matchKey(diff.sheet, row.row);
              const choice = choiceFor(decisions, diff.sheet, row.row);
              const choose = (next: 'update' | 'add') =>
                onDecide({
                  ...decisions,
                  match: toggle(decisions.match, key, next === 'update'),
                  addNew: toggle(decisions.addNew ?? [], key, next === 'add'),
                });
              const group = groupId(key);
              return (
                <li key={key}>
                  <fieldset
                    className={`roundtrip-decision${choice ? '' : ' roundtrip-waiting'}`}
                    aria-describedby={`${group}-why`}
                  >
                    <legend>{t('roundTrip.rowLegend', { row: row.row, name: row.name })}</legend>
                    <p id={`${group}-why`}>
                      {row.id === null
                        ? t('roundTrip.noId', { row: row.row })
                        : t('roundTrip.unknownId', { row: row.row, id: row.id })}{' '}
                      {row.candidateRow === undefined
                        ? t('roundTrip.noOwnRow', {
                            sheet,
                            name: row.candidate.name,
                            how: row.id === null ? 'cleared' : 'changed',
                          })
                        : t('roundTrip.ownRow', {
                            sheet,
                            name: row.candidate.name,
                            candidateRow: row.candidateRow,
                          })}
                    </p>
                    <label className="roundtrip-choice">
                      <input
                        type="radio"
                        name={group}
                        checked={choice === 'update'}
                        onChange={() => choose('update')}
                      />
                      {row.candidateRow === undefined
                        ? t('roundTrip.updateIt', { sheet, row: row.row, name: row.candidate.name })
                        : t('roundTrip.leaveCopyOut', {
                            row: row.row,
                            name: row.candidate.name,
                            candidateRow: row.candidateRow,
                          })}
                    </label>
                    <label className="roundtrip-choice">
                      <input
                        type="radio"
                        name={group}
                        checked={choice === 'add'}
                        onChange={() => choose('add')}
                      />
                      {t('roundTrip.addAsNew', { sheet, row: row.row, name: row.candidate.name })}
                    </label>
                    {choice === 'update' &&
                      (row.candidateRow !== undefined ? (
                        <p className="export-hint">{t('roundTrip.leftOut', { row: row.row })}</p>
                      ) : row.candidate.changes.length > 0 ? (
                        <FieldChanges changes={row.candidate.changes} />
                      ) : (
                        <p className="export-hint">{t('roundTrip.noFieldChanges')}</p>
                      ))}
                    {choice === 'add' && (
                      <p className="export-hint">
                        {row.candidateRow === undefined
                          ? t('roundTrip.addedAsSecondNoRow', {
                              sheet,
                              name: row.name,
                              candidate: row.candidate.name,
                            })
                          : t('roundTrip.addedAsSecond', { sheet, name: row.name })}
                      </p>
                    )}
                    {choice === null && (
                      <p className="roundtrip-wait">{t('roundTrip.waitForChoice')}</p>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>{t('roundTrip.changedHeading')}</h4>
          <ul>
            {diff.changed.map((row) => (
              <li key={row.id}>
                <strong>{row.name}</strong>
                <LeftAsItIs problems={own} row={row.row} />
                <FieldChanges changes={row.changes} />
              </li>
            ))}
          </ul>
        </>
      )}
      {missing.length > 0 && (
        <>
          <h4>{t('roundTrip.missingHeading')}</h4>
          <p className="export-hint">{t('roundTrip.missingHint', { sheet })}</p>
          <ul className="roundtrip-choices">
            {missing.map((entry) => {
              const key = removalKey(diff.sheet, entry.id);
              const on = decisions.remove.includes(key);
              return (
                <li key={key} className="roundtrip-removal">
                  <label className="roundtrip-choice">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) =>
                        onDecide({
                          ...decisions,
                          remove: toggle(decisions.remove, key, e.target.checked),
                        })
                      }
                    />
                    {t('roundTrip.remove', { name: entry.name })}
                  </label>
                  {on && (
                    <span className="export-badge export-badge-removed">
                      {t('roundTrip.removedBadge')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * What cannot be imported, row by row: each cell with a problem keeps the
 * plan's value while the row's other changes are applied; a row that cannot
 * be matched or added is left out whole; a sheet that cannot be read changes
 * nothing.
 */
function Problems({ problems }: { problems: readonly RoundTripProblem[] }) {
  const { t } = useTranslation('exportDialog');
  const groups: { key: string; title: string; items: RoundTripProblem[] }[] = [];
  for (const p of problems) {
    const key = `${p.sheet}:${p.row ?? 'sheet'}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const sheet = t(`roundTrip.sheet.${p.sheet}`);
      group = {
        key,
        title:
          p.row === null
            ? t('roundTrip.problemSheet', { sheet })
            : p.name
              ? t('roundTrip.problemRowNamed', { sheet, row: p.row, name: p.name })
              : t('roundTrip.problemRow', { sheet, row: p.row }),
        items: [],
      };
      groups.push(group);
    }
    group.items.push(p);
  }
  const cells = problems.filter((p) => p.effect === 'cell').length;
  const rows = new Set(problems.filter((p) => p.effect === 'row').map((p) => `${p.sheet}${p.row}`))
    .size;
  return (
    <section className="roundtrip-problems" aria-label={t('roundTrip.problemsLabel')}>
      <h3>{t('roundTrip.problemsHeading', { count: problems.length })}</h3>
      <p className="export-hint">
        {[
          cells > 0 && t('roundTrip.problemCells', { count: cells }),
          rows > 0 && t('roundTrip.problemRows', { count: rows }),
          t('roundTrip.fixAndImport'),
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
      <ul className="roundtrip-problem-list">
        {groups.map((g) => (
          <li key={g.key}>
            <strong>{g.title}</strong>
            <ul>
              {g.items.map((p) => (
                <li key={p.message}>
                  <span className={`export-badge roundtrip-badge-${p.effect}`}>
                    {t(`roundTrip.effect.${p.effect}`)}
                  </span>{' '}
                  {p.detail}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The import-from-Excel dialog. */
export function RoundTripDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('exportDialog');
  const store = usePlanStore();
  const clientRef = useRef<ExportClient | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; details: readonly string[] } | null>(null);
  const [preview, setPreview] = useState<RoundTripPreview | null>(null);
  const [decisions, setDecisions] = useState<RoundTripDecisions>(NO_DECISIONS);
  const decided = useMemo(
    () => (preview ? decideRoundTrip(preview, decisions) : null),
    [preview, decisions],
  );
  const [fileName, setFileName] = useState<string | null>(null);

  useEffect(() => () => clientRef.current?.dispose(), []);

  const choose = async (file: File) => {
    setError(null);
    setPreview(null);
    setDecisions(NO_DECISIONS);
    setFileName(file.name);
    if (file.size > MAX_IMPORT_BYTES) {
      // Refused before a byte is read into memory.
      setError({
        message: t('roundTrip.tooBig', {
          name: file.name,
          size: formatMegabytes(file.size),
          max: MAX_IMPORT_BYTES / (1024 * 1024),
        }),
        details: [],
      });
      return;
    }
    setBusy(t('roundTrip.reading', { name: file.name }));
    const client = (clientRef.current ??= createExportClient());
    const result = await client.readWorkbook({
      type: 'roundtrip',
      name: file.name,
      bytes: await file.arrayBuffer(),
      language: uiLanguage(),
      plan: store.getState().history.present,
    });
    setBusy(null);
    if (result.ok) setPreview(result.preview);
    else setError({ message: result.message, details: result.details });
  };

  const apply = async () => {
    if (!decided) return;
    // Desktop: keep a copy of the plan as it was, in case the workbook was wrong.
    const plan = store.getState().history.present;
    const backup = await backupBeforeChange(plan.id, writePlanFile(plan), 'before-import');
    if (backup.kind === 'failed') {
      setError({
        message: t('roundTrip.noBackup', { message: backup.message }),
        details: [],
      });
      return;
    }
    const result = store
      .getState()
      .dispatch(importWorkbook({ preview: withRowIds(decided, newId) }));
    if (!result.ok) {
      setError({ message: result.reason, details: [] });
      return;
    }
    const { stakeholders, indicators, problems } = decided;
    const sheets = { stakeholders: summary(stakeholders, t), indicators: summary(indicators, t) };
    notifyUndoable(
      problems.length
        ? t('roundTrip.importedLeftOut', { ...sheets, count: problems.length })
        : t('roundTrip.imported', sheets),
      result.stepId,
    );
    onClose();
  };

  const empty = decided ? isEmptyPreview(decided) : true;
  const waiting = preview ? undecidedRows(preview, decisions) : [];
  const problems = preview?.problems ?? [];
  const notRead = problems.filter((p) => p.effect === 'sheet');
  const skipped = problems.length - notRead.length;
  return (
    <Dialog
      title={t('roundTrip.title')}
      onClose={onClose}
      actions={
        <>
          {preview && waiting.length > 0 && (
            <p className="roundtrip-blocked" id="roundtrip-blocked">
              {t('roundTrip.blocked', { rows: waitingRows(waiting, preview, t) })}
            </p>
          )}
          <button type="button" onClick={onClose}>
            {t('roundTrip.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!decided || empty || !!busy || waiting.length > 0}
            aria-describedby={waiting.length > 0 ? 'roundtrip-blocked' : undefined}
            onClick={() => void apply()}
          >
            {skipped > 0 ? t('roundTrip.applyLeaveOut', { count: skipped }) : t('roundTrip.apply')}
          </button>
        </>
      }
    >
      <div className="export-dialog roundtrip-dialog">
        <p className="export-hint">{t('roundTrip.intro')}</p>
        <div className="export-file-row">
          <button type="button" onClick={() => inputRef.current?.click()} disabled={!!busy}>
            {fileName ? t('roundTrip.chooseAnother') : t('roundTrip.chooseWorkbook')}
          </button>
          {fileName && <span className="export-file-name">{fileName}</span>}
          <input
            ref={inputRef}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            aria-label={t('roundTrip.fileLabel')}
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
        {preview && decided && (
          <div className="export-preview" aria-label={t('roundTrip.previewLabel')}>
            {preview.notes.length > 0 && (
              <ul className="roundtrip-notes" aria-label={t('roundTrip.notesLabel')}>
                {preview.notes.map((n) => (
                  <li key={n} className="export-hint">
                    {n}
                  </li>
                ))}
              </ul>
            )}
            {problems.length > 0 && <Problems problems={problems} />}
            {empty && (
              <p role="status">
                {preview.stakeholders.missing.length + preview.indicators.missing.length > 0
                  ? t('roundTrip.tickForRemoval')
                  : notRead.length > 0
                    ? t('roundTrip.notFullyRead')
                    : problems.length > 0
                      ? t('roundTrip.onlyProblems')
                      : !preview.stakeholders.present || !preview.indicators.present
                        ? t('roundTrip.sheetMatches', {
                            sheet: preview.stakeholders.present ? 'stakeholders' : 'indicators',
                          })
                        : t('roundTrip.matches')}
              </p>
            )}
            <SheetPreview
              diff={preview.stakeholders}
              decided={decided.stakeholders}
              decisions={decisions}
              onDecide={setDecisions}
              problems={problems}
            />
            <SheetPreview
              diff={preview.indicators}
              decided={decided.indicators}
              decisions={decisions}
              onDecide={setDecisions}
              problems={problems}
            />
          </div>
        )}
      </div>
    </Dialog>
  );
}
