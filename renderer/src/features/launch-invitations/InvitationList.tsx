/**
 * The invitation list card (issue 13): import the people to invite from a
 * spreadsheet (the shared import dialog with the invitation target), see
 * how many there are per segment and wave, choose how they are put into
 * waves, export a bulk-invite CSV per wave in the chosen column layout, and
 * delete the list in one step. Personal data: the list is in the local
 * database only (renderer/src/db/invitation-list.ts), never in the plan.
 */
import { useEffect, useMemo, useState } from 'react';
import { setCsvLayout } from '../../../../shared/commands/invitations';
import {
  inviteCsvHeader,
  inviteCsvLines,
  waveCounts,
  waveCursor,
  waveTotals,
  type WaveAssignment,
} from '../../../../shared/launch/invitation-list';
import type { InvitationSummary } from '../../../../shared/launch/invitations';
import {
  INVITE_LAYOUTS,
  inviteLayout,
  type Invitee,
} from '../../../../shared/launch/invite-layouts';
import { formatDate } from '../../../../shared/export/document';
import { sanitizeText } from '../../../../shared/export/sanitize';
import { PLAN_FILE_SUFFIX, planFileName } from '../../../../shared/plan/plan-file';
import { countOf } from '../../../../shared/words';
import { notify } from '../../app/workbench';
import type { InvitationListRow } from '../../db/database';
import {
  deleteInvitationList,
  invitationList,
  listBeforeLastImport,
  onInvitationListChange,
  readInvitees,
  setWaveAssignment,
  undoLastListImport,
} from '../../db/invitation-list';
import { downloadBlob } from '../../platform/platform';
import { useDispatch, usePlan } from '../../store/plan-context';
import { Dialog } from '../../components/Dialog';
import { ImportDialog } from '../content/ImportDialog';
import {
  PersonalBackupChoice,
  usePersonalBackupState,
  usePlatformBackups,
} from '../backups/PersonalBackupChoice';
import {
  invitationPersonalDataNote,
  invitationTarget,
  LIST_UNDO_NOTE,
  type InvitationImportMode,
} from './invitation-import';

const count = (n: number) => n.toLocaleString('en-GB');

/** A safe file name ending in .csv (the plan files' rules). */
const csvFileName = (name: string) =>
  `${planFileName(sanitizeText(name)).slice(0, -PLAN_FILE_SUFFIX.length)}.csv`;

/** What an undo of the last list import brings back (the list then, null: none), if anything. */
type Undoable = { row: InvitationListRow | null; keptAt: string } | undefined;

/** The list's counts, kept fresh (null while loading or when there is none), and what its undo brings back. */
function useInvitationList(planId: string): {
  list: InvitationListRow | null;
  loaded: boolean;
  undoable: Undoable;
} {
  const [state, setState] = useState<{
    planId: string;
    list: InvitationListRow | null;
    undoable: Undoable;
  } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void Promise.all([invitationList(planId), listBeforeLastImport(planId)]).then(
        ([list, undoable]) => live && setState({ planId, list, undoable }),
        () => live && setState({ planId, list: null, undoable: undefined }),
      );
    load();
    const stop = onInvitationListChange((id) => {
      if (id === planId) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [planId]);
  return state?.planId === planId
    ? { list: state.list, loaded: true, undoable: state.undoable }
    : { list: null, loaded: false, undoable: undefined };
}

/**
 * Writes the bulk-invite CSV of one wave: the people of the list, in file
 * order, that the assignment puts in wave `waveIndex`. Returns the text and
 * how many people it holds.
 */
export async function waveCsv(
  planId: string,
  list: InvitationListRow,
  waves: readonly { id: string; name: string; share: number }[],
  waveIndex: number,
  layoutId: string,
  segmentName: (id: string | null) => string,
): Promise<{ text: string; people: number }> {
  const counts = waveCounts(list.bySegment, waves, list.assignment as WaveAssignment);
  const next = waveCursor(counts);
  const wave = waves[waveIndex]!.name;
  const parts: string[] = [inviteCsvHeader(layoutId)];
  let people = 0;
  await readInvitees(planId, (chunk) => {
    const mine: Invitee[] = [];
    for (const r of chunk) {
      if (next(r.segmentId) !== waveIndex) continue;
      mine.push({
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        segment: r.segmentId ? segmentName(r.segmentId) : '',
        wave,
      });
    }
    people += mine.length;
    parts.push(inviteCsvLines(layoutId, mine));
  });
  return { text: parts.join(''), people };
}

/** The invitation list card. */
export function InvitationList({ summary }: { summary: InvitationSummary }) {
  const planId = usePlan((p) => p.id);
  const planName = usePlan((p) => p.name);
  const segments = usePlan((p) => p.learners);
  const waves = usePlan((p) => p.launch.invitations.waves);
  const layoutId = usePlan((p) => p.launch.invitations.csvLayout);
  const dispatch = useDispatch();
  const { list, loaded, undoable } = useInvitationList(planId);
  const [importing, setImporting] = useState<InvitationImportMode | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const replacing = list?.count ?? 0;
  const backups = usePlatformBackups();
  const backupState = usePersonalBackupState(planId, backups);
  const target = useMemo(
    () => invitationTarget(planId, replacing, backupState, importing ?? 'replace'),
    [planId, replacing, backupState, importing],
  );
  const layout = inviteLayout(layoutId);
  const segmentName = (id: string | null) =>
    segments.find((s) => s.id === id)?.name || (id ? 'Unnamed segment' : 'No segment');
  const counts = list ? waveCounts(list.bySegment, waves, list.assignment as WaveAssignment) : {};
  const totals = waveTotals(counts, waves.length);
  const segmentKeys = list
    ? [
        ...segments.map((s) => s.id).filter((id) => list.bySegment[id]),
        ...Object.keys(list.bySegment).filter((k) => k !== '' && !segments.some((s) => s.id === k)),
        ...(list.bySegment[''] ? [''] : []),
      ]
    : [];

  const exportWave = async (j: number) => {
    if (!list) return;
    setBusy(`Writing ${waves[j]!.name || 'the wave'}…`);
    try {
      const { text, people } = await waveCsv(planId, list, waves, j, layoutId, segmentName);
      downloadBlob(
        csvFileName(`${planName} – ${waves[j]!.name || `Wave ${j + 1}`} invitations`),
        new Blob([text], { type: 'text/csv;charset=utf-8' }),
      );
      notify(`Exported ${countOf(people, 'person', 'people')} of ${waves[j]!.name || 'the wave'}.`);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setConfirmingDelete(false);
    await deleteInvitationList(planId);
    notify('Invitation list deleted from this computer.');
  };

  const undoImport = async () => {
    const before = undoable;
    if (!(await undoLastListImport(planId))) return;
    notify(
      before?.row
        ? `The last list import was undone: the list is back to ${countOf(before.row.count, 'person', 'people')} from “${before.row.fileName}”.`
        : 'The last list import was undone: there is no invitation list now.',
    );
  };

  return (
    <section className="card" aria-labelledby="inv-list-heading">
      {confirmingDelete && list && (
        <Dialog
          role="alertdialog"
          title="Delete the invitation list?"
          onClose={() => setConfirmingDelete(false)}
          actions={
            <>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                Keep the list
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                Delete invitation list
              </button>
            </>
          }
        >
          <p>
            The names and e-mail addresses of {countOf(list.count, 'person', 'people')} from “
            {list.fileName}” will be removed from this computer. This cannot be undone: to get them
            back, import the spreadsheet again.
            {backupState === 'included' &&
              ' Copies in this plan’s backups stay until you turn off “Include learner and invitee personal data in this computer’s backups”.'}
          </p>
        </Dialog>
      )}
      <div className="card-title-row">
        <h2 id="inv-list-heading">Invitation list</h2>
        <div className="toolbar">
          {list ? (
            <>
              <button type="button" onClick={() => setImporting('merge')}>
                Add another list…
              </button>
              <button type="button" onClick={() => setImporting('replace')}>
                Replace the list…
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setImporting('replace')}>
              Import invitation list…
            </button>
          )}
          {undoable && (
            <button
              type="button"
              aria-describedby="inv-undo-note"
              onClick={() => void undoImport()}
            >
              Undo the last list import
            </button>
          )}
          {list && (
            <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
              Delete invitation list
            </button>
          )}
        </div>
      </div>
      <p className="section-note inv-private" data-testid="invitation-privacy">
        {invitationPersonalDataNote(backupState)}
      </p>
      <PersonalBackupChoice planId={planId} backups={backups} />
      {undoable && (
        <p className="section-note" id="inv-undo-note" data-testid="invitation-undo-note">
          {undoable.row
            ? `Undo brings back the list as it was before the last import: ${countOf(undoable.row.count, 'person', 'people')} from “${undoable.row.fileName}”.`
            : 'Undo takes the last imported list away (there was none before it).'}{' '}
          {LIST_UNDO_NOTE}
        </p>
      )}
      {!loaded ? null : !list ? (
        <p className="empty-note">
          No list yet. Import the spreadsheet of people to invite (CSV or Excel) with their names,
          e-mail addresses and segment: invalid addresses and duplicates are left out, and each wave
          can be exported as a CSV for your platform&apos;s bulk invite. People from several
          spreadsheets make one list: add each after the first (anyone already on the list by e-mail
          is left out).
        </p>
      ) : (
        <>
          <p data-testid="invitation-list-counts">
            {countOf(list.count, 'person', 'people')} from “{list.fileName}”, imported{' '}
            {formatDate(list.importedAt.slice(0, 10))}
            {list.duplicates > 0 &&
              ` · ${countOf(list.duplicates, 'duplicate', 'duplicates')} removed`}
            {list.failed > 0 && ` · ${countOf(list.failed, 'row', 'rows')} left out to fix`}.
            {summary.needed > 0 &&
              (list.count < summary.needed
                ? ` That is ${count(summary.needed - list.count)} fewer than the ${count(summary.needed)} invitations needed.`
                : ` Enough for the ${count(summary.needed)} invitations needed.`)}
          </p>
          {waves.length === 0 ? (
            <p className="section-note">Add a wave above to export the list.</p>
          ) : (
            <>
              <fieldset className="inv-assign">
                <legend>Put people into waves</legend>
                <label>
                  <input
                    type="radio"
                    name="inv-assign"
                    checked={list.assignment.mode === 'shares'}
                    onChange={() => void setWaveAssignment(planId, { mode: 'shares' })}
                  />{' '}
                  By the wave shares (each segment shared out, in the file&apos;s order)
                </label>
                <label>
                  <input
                    type="radio"
                    name="inv-assign"
                    checked={list.assignment.mode === 'segment'}
                    onChange={() =>
                      void setWaveAssignment(planId, {
                        mode: 'segment',
                        waves: Object.fromEntries(segmentKeys.map((k) => [k, waves[0]!.id])),
                      })
                    }
                  />{' '}
                  By segment (a wave for each segment)
                </label>
              </fieldset>
              <div className="table-scroll">
                <table className="data-table" data-testid="invitation-list-waves">
                  <caption>People in the list by segment and wave</caption>
                  <thead>
                    <tr>
                      <th scope="col">Segment</th>
                      {list.assignment.mode === 'segment' && <th scope="col">Wave</th>}
                      {waves.map((w) => (
                        <th key={w.id} scope="col" className="num">
                          {w.name || 'Wave'}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        People
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {segmentKeys.map((k) => {
                      const assignment = list.assignment;
                      return (
                        <tr key={k || 'none'}>
                          <th scope="row">{segmentName(k || null)}</th>
                          {assignment.mode === 'segment' && (
                            <td>
                              <select
                                aria-label={`Wave for ${segmentName(k || null)}`}
                                value={assignment.waves[k] ?? waves[0]!.id}
                                onChange={(e) =>
                                  void setWaveAssignment(planId, {
                                    mode: 'segment',
                                    waves: { ...assignment.waves, [k]: e.target.value },
                                  })
                                }
                              >
                                {waves.map((w) => (
                                  <option key={w.id} value={w.id}>
                                    {w.name || 'Wave'}
                                  </option>
                                ))}
                              </select>
                            </td>
                          )}
                          {waves.map((w, j) => (
                            <td key={w.id} className="num">
                              {count(counts[k]?.[j] ?? 0)}
                            </td>
                          ))}
                          <td className="num">{count(list.bySegment[k] ?? 0)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Total</th>
                      {list.assignment.mode === 'segment' && <td />}
                      {totals.map((n, j) => (
                        <td key={waves[j]!.id} className="num">
                          {count(n)}
                        </td>
                      ))}
                      <td className="num">{count(list.count)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
              <div className="grid grid-2 inv-export">
                <div className="field">
                  <label htmlFor="inv-layout">CSV column layout</label>
                  <select
                    id="inv-layout"
                    value={layout.id}
                    onChange={(e) => dispatch(setCsvLayout({ layout: e.target.value }))}
                    aria-describedby="inv-layout-hint"
                  >
                    {INVITE_LAYOUTS.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                  <p className="field-hint" id="inv-layout-hint">
                    {layout.description}
                  </p>
                </div>
                <div className="toolbar inv-export-buttons">
                  {waves.map((w, j) => (
                    <button
                      key={w.id}
                      type="button"
                      disabled={!!busy || totals[j] === 0}
                      onClick={() => void exportWave(j)}
                    >
                      Export {w.name || `wave ${j + 1}`} ({count(totals[j] ?? 0)}) as CSV
                    </button>
                  ))}
                </div>
              </div>
              {busy && (
                <p role="status" className="section-note">
                  {busy}
                </p>
              )}
            </>
          )}
        </>
      )}
      {importing && (
        // Nothing of the plan changes: no backup of it is taken first.
        <ImportDialog target={target} backups={null} onClose={() => setImporting(null)} />
      )}
    </section>
  );
}
