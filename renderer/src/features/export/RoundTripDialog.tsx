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
import { byCount, countOf, formatCount } from '../../../../shared/words';
import { importWorkbook, withRowIds } from '../../../../shared/commands/plan-io';
import { newId } from '../../../../shared/plan/create';
import { notifyUndoable } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { usePlanStore } from '../../store/plan-context';
import { createExportClient, type ExportClient } from './export-client';
import { formatMegabytes, writePlanFile } from '../../../../shared/plan/plan-file';
import { backupBeforeChange } from '../backups/backup-triggers';
import './roundtrip.css';

const SHEET_LABELS = { stakeholders: 'Stakeholders', indicators: 'Indicators' } as const;
const ENTRY_NOUN = { stakeholders: 'stakeholder', indicators: 'indicator' } as const;

/** Counts like "2 added, 1 changed, 1 removed, 1 kept though not in the workbook". */
function summary(diff: SheetDiff): string {
  const parts = [
    diff.added.length && `${formatCount(diff.added.length)} added`,
    diff.changed.length && `${formatCount(diff.changed.length)} changed`,
    diff.removed.length && `${formatCount(diff.removed.length)} removed`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** "row 6 (“Riveline Mobile”) of the Stakeholders sheet, row 9 (“…”) …" for the rows still waiting. */
function waitingRows(rows: readonly UnmatchedRow[], preview: RoundTripPreview): string {
  return rows
    .map((row) => {
      const sheet = preview.stakeholders.unmatched.includes(row) ? 'Stakeholders' : 'Indicators';
      return `row ${row.row} (“${row.name}”) of the ${sheet} sheet`;
    })
    .join(', ');
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
  const cells = problems.filter((p) => p.row === row && p.effect === 'cell');
  if (row === undefined || cells.length === 0) return null;
  return (
    <span className="roundtrip-left-out">
      {' '}
      · {countOf(cells.length, 'cell', 'cells')} left as{' '}
      {byCount(cells.length, 'it is', 'they are')}: {cells.map((p) => p.column).join(', ')} (see the
      problems above)
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
  const label = SHEET_LABELS[diff.sheet];
  const noun = ENTRY_NOUN[diff.sheet];
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
    <section className="export-diff" aria-label={`${label} changes`}>
      <h3>
        {label}: {summary(decided)}
        {kept.length > 0 && `, ${formatCount(kept.length)} kept though not in the workbook`}
        {decided.unmatched.length > 0 &&
          `, ${formatCount(decided.unmatched.length)} waiting for your choice`}
        {decided.unchanged > 0 && (
          <span className="export-hint"> ({formatCount(decided.unchanged)} unchanged)</span>
        )}
      </h3>
      {diff.added.length > 0 && (
        <>
          <h4>Added</h4>
          <ul>
            {diff.added.map((row, i) => (
              <li key={`${row.id ?? 'new'}-${i}`}>
                <span className="export-badge export-badge-added">New</span> {row.name}
                <LeftAsItIs problems={own} row={row.row} />
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.unmatched.length > 0 && (
        <>
          <h4>Rows without a known ID: choose for each</h4>
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
              const group = `roundtrip-${key.replace(/[^a-z0-9-]/gi, '-')}`;
              return (
                <li key={key}>
                  <fieldset
                    className={`roundtrip-decision${choice ? '' : ' roundtrip-waiting'}`}
                    aria-describedby={`${group}-why`}
                  >
                    <legend>
                      Row {row.row}, “{row.name}”
                    </legend>
                    <p id={`${group}-why`}>
                      {row.id === null
                        ? `Row ${row.row} has no ID.`
                        : `Row ${row.row} has the ID “${row.id}”, which is not in the plan.`}{' '}
                      {row.candidateRow === undefined
                        ? `The ${noun} “${row.candidate.name}” has no row of its own: its ID may have been ${row.id === null ? 'cleared' : 'changed'}.`
                        : `The ${noun} “${row.candidate.name}” has its own row (row ${row.candidateRow}): this row may be a copy of it.`}
                    </p>
                    <label className="roundtrip-choice">
                      <input
                        type="radio"
                        name={group}
                        checked={choice === 'update'}
                        onChange={() => choose('update')}
                      />
                      {row.candidateRow === undefined ? (
                        <>
                          Row {row.row} is “{row.candidate.name}”: update it (its ID
                          {diff.sheet === 'stakeholders'
                            ? ', engagement actions and history'
                            : ''}{' '}
                          stay)
                        </>
                      ) : (
                        <>
                          Row {row.row} is a copy of “{row.candidate.name}”: leave it out (row{' '}
                          {row.candidateRow} is read)
                        </>
                      )}
                    </label>
                    <label className="roundtrip-choice">
                      <input
                        type="radio"
                        name={group}
                        checked={choice === 'add'}
                        onChange={() => choose('add')}
                      />
                      Row {row.row} is another {noun}: add it as new (“{row.candidate.name}” stays
                      as it is)
                    </label>
                    {choice === 'update' &&
                      (row.candidateRow !== undefined ? (
                        <p className="export-hint">
                          Left out: nothing in row {row.row} is imported.
                        </p>
                      ) : row.candidate.changes.length > 0 ? (
                        <FieldChanges changes={row.candidate.changes} />
                      ) : (
                        <p className="export-hint">No field changes.</p>
                      ))}
                    {choice === 'add' && (
                      <p className="export-hint">
                        Added as a second {noun} named “{row.name}”.
                        {row.candidateRow === undefined &&
                          ` “${row.candidate.name}” has no row, so it is listed below, kept unless you tick it for removal.`}
                      </p>
                    )}
                    {choice === null && (
                      <p className="roundtrip-wait">
                        Waiting for your choice: nothing can be applied until you choose.
                      </p>
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
          <h4>Changed</h4>
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
          <h4>Not in the workbook</h4>
          <p className="export-hint">
            These {noun}s have no row in the sheet. They are kept unless you tick them for removal.
          </p>
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
                    Remove “{entry.name}”
                  </label>
                  {on && <span className="export-badge export-badge-removed">Removed</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

const EFFECT_LABELS = {
  cell: 'Left as it is',
  row: 'Row not imported',
  sheet: 'Sheet not read',
} as const;

/**
 * What cannot be imported, row by row: each cell with a problem keeps the
 * plan's value while the row's other changes are applied; a row that cannot
 * be matched or added is left out whole; a sheet that cannot be read changes
 * nothing.
 */
function Problems({ problems }: { problems: readonly RoundTripProblem[] }) {
  const groups: { key: string; title: string; items: RoundTripProblem[] }[] = [];
  for (const p of problems) {
    const key = `${p.sheet}:${p.row ?? 'sheet'}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const sheet = SHEET_LABELS[p.sheet];
      group = {
        key,
        title:
          p.row === null
            ? `${sheet} sheet`
            : `${sheet} row ${p.row}${p.name ? ` · ${p.name}` : ''}`,
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
    <section className="roundtrip-problems" aria-label="Problems in the workbook">
      <h3>
        {countOf(problems.length, 'problem', 'problems')}: not imported, the plan keeps its values
      </h3>
      <p className="export-hint">
        {cells > 0 &&
          `${countOf(cells, 'cell', 'cells')} with a problem ${byCount(cells, 'is', 'are')} left as ${byCount(cells, 'it is', 'they are')} in the plan; the other changes in ${byCount(cells, 'its row are', 'their rows are')} applied. `}
        {rows > 0 && `${countOf(rows, 'row is', 'rows are')} left out whole. `}
        To bring these values in, fix them in the workbook and import it again.
      </p>
      <ul className="roundtrip-problem-list">
        {groups.map((g) => (
          <li key={g.key}>
            <strong>{g.title}</strong>
            <ul>
              {g.items.map((p) => (
                <li key={p.message}>
                  <span className={`export-badge roundtrip-badge-${p.effect}`}>
                    {EFFECT_LABELS[p.effect]}
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
    if (!decided) return;
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
      .dispatch(importWorkbook({ preview: withRowIds(decided, newId) }));
    if (!result.ok) {
      setError({ message: result.reason, details: [] });
      return;
    }
    const { stakeholders, indicators, problems } = decided;
    notifyUndoable(
      `Imported from Excel: stakeholders ${summary(stakeholders)}; indicators ${summary(indicators)}${problems.length ? `; ${countOf(problems.length, 'problem', 'problems')} left out` : ''}.`,
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
      title="Import from Excel"
      onClose={onClose}
      actions={
        <>
          {preview && waiting.length > 0 && (
            <p className="roundtrip-blocked" id="roundtrip-blocked">
              Before applying, choose for {waitingRows(waiting, preview)} whether it is the existing
              entry of that name or a new one.
            </p>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!decided || empty || !!busy || waiting.length > 0}
            aria-describedby={waiting.length > 0 ? 'roundtrip-blocked' : undefined}
            onClick={() => void apply()}
          >
            {skipped > 0
              ? `Apply changes, leave ${countOf(skipped, 'problem', 'problems')} out`
              : 'Apply changes'}
          </button>
        </>
      }
    >
      <div className="export-dialog roundtrip-dialog">
        <p className="export-hint">
          Choose a workbook exported from this plan. The Stakeholders and Indicators sheets are
          read; rows are matched by their ID column. Other columns are ignored. Nothing changes
          until you apply, and nothing is removed unless you tick it.
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
        {preview && decided && (
          <div className="export-preview" aria-label="Preview of changes">
            {preview.notes.length > 0 && (
              <ul className="roundtrip-notes" aria-label="Notes on the workbook">
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
                  ? 'Nothing changes unless you tick an entry below for removal.'
                  : notRead.length > 0
                    ? `Nothing to import from the sheets that were read, but not every sheet could be read: see the problems above. The workbook was not fully compared with the plan.`
                    : problems.length > 0
                      ? 'Apart from the problems above, the workbook matches the plan: nothing else to import.'
                      : !preview.stakeholders.present || !preview.indicators.present
                        ? `The ${preview.stakeholders.present ? 'Stakeholders' : 'Indicators'} sheet matches the plan: there is nothing to import from it.`
                        : 'The workbook matches the plan: there is nothing to import.'}
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
