/**
 * The invitation list card (issue 13): import the people to invite from a
 * spreadsheet (the shared import dialog with the invitation target), see
 * how many there are per segment and wave, choose how they are put into
 * waves, export a bulk-invite CSV per wave in the chosen column layout, and
 * delete the list in one step. Personal data: the list is in the local
 * database only (renderer/src/db/invitation-list.ts), never in the plan.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  type InviteLayout,
  type Invitee,
} from '../../../../shared/launch/invite-layouts';
import { sanitizeText } from '../../../../shared/export/sanitize';
import { PLAN_FILE_SUFFIX, planFileName } from '../../../../shared/plan/plan-file';
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
import { useFormat } from '../../i18n/i18n';
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
  type InvitationImportMode,
} from './invitation-import';

/** The layouts whose words the catalog holds. */
const LAYOUT_IDS = ['generic', 'fullName', 'mailchimp', 'moodle'] as const;
const isLayoutId = (id: string): id is (typeof LAYOUT_IDS)[number] =>
  (LAYOUT_IDS as readonly string[]).includes(id);

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
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const count = (n: number) => format.number(n);
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
  // The built-in layouts' names and descriptions in the UI language (their CSV headings stay the platforms').
  const layoutLabel = (l: InviteLayout) =>
    isLayoutId(l.id) ? t(`layouts.${l.id}.label`) : l.label;
  const layoutDescription = (l: InviteLayout) =>
    isLayoutId(l.id) ? t(`layouts.${l.id}.description`) : l.description;
  const segmentName = (id: string | null) =>
    segments.find((s) => s.id === id)?.name || (id ? t('unnamedSegment') : t('noSegment'));
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
    const wave = waves[j]!.name || t('list.theWave');
    setBusy(t('list.writing', { wave }));
    try {
      const { text, people } = await waveCsv(planId, list, waves, j, layoutId, segmentName);
      downloadBlob(
        csvFileName(
          t('list.fileName', {
            plan: planName,
            wave: waves[j]!.name || t('waves.defaultName', { n: j + 1 }),
          }),
        ),
        new Blob([text], { type: 'text/csv;charset=utf-8' }),
      );
      notify(t('list.exported', { count: people, wave }));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setConfirmingDelete(false);
    await deleteInvitationList(planId);
    notify(t('list.deleted'));
  };

  const undoImport = async () => {
    const before = undoable;
    if (!(await undoLastListImport(planId))) return;
    notify(
      before?.row
        ? t('list.undone', { count: before.row.count, file: before.row.fileName })
        : t('list.undoneEmpty'),
    );
  };

  return (
    <section className="card" aria-labelledby="inv-list-heading">
      {confirmingDelete && list && (
        <Dialog
          role="alertdialog"
          title={t('list.confirm.title')}
          onClose={() => setConfirmingDelete(false)}
          actions={
            <>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                {t('list.confirm.keep')}
              </button>
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('list.delete')}
              </button>
            </>
          }
        >
          <p>
            {t('list.confirm.body', { count: list.count, file: list.fileName })}
            {backupState === 'included' && <> {t('list.confirm.backups')}</>}
          </p>
        </Dialog>
      )}
      <div className="card-title-row">
        <h2 id="inv-list-heading">{t('list.heading')}</h2>
        <div className="toolbar">
          {list ? (
            <>
              <button type="button" onClick={() => setImporting('merge')}>
                {t('list.addAnother')}
              </button>
              <button type="button" onClick={() => setImporting('replace')}>
                {t('list.replace')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setImporting('replace')}>
              {t('list.import')}
            </button>
          )}
          {undoable && (
            <button
              type="button"
              aria-describedby="inv-undo-note"
              onClick={() => void undoImport()}
            >
              {t('list.undo')}
            </button>
          )}
          {list && (
            <button type="button" className="danger" onClick={() => setConfirmingDelete(true)}>
              {t('list.delete')}
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
            ? t('list.undoBefore', { count: undoable.row.count, file: undoable.row.fileName })
            : t('list.undoNone')}{' '}
          {t('list.undoNote')}
        </p>
      )}
      {!loaded ? null : !list ? (
        <p className="empty-note">{t('list.empty')}</p>
      ) : (
        <>
          <p data-testid="invitation-list-counts">
            {[
              t('list.counts', {
                count: list.count,
                file: list.fileName,
                date: format.date(list.importedAt.slice(0, 10)),
              }),
              ...(list.duplicates > 0 ? [t('list.duplicates', { count: list.duplicates })] : []),
              ...(list.failed > 0 ? [t('list.failed', { count: list.failed })] : []),
            ].join(' · ')}
            {t('list.countsEnd')}
            {summary.needed > 0 && (
              <>
                {' '}
                {list.count < summary.needed
                  ? t('list.fewer', {
                      fewer: count(summary.needed - list.count),
                      needed: count(summary.needed),
                    })
                  : t('list.enough', { needed: count(summary.needed) })}
              </>
            )}
          </p>
          {waves.length === 0 ? (
            <p className="section-note">{t('list.noWaves')}</p>
          ) : (
            <>
              <fieldset className="inv-assign">
                <legend>{t('list.assign.legend')}</legend>
                <label>
                  <input
                    type="radio"
                    name="inv-assign"
                    checked={list.assignment.mode === 'shares'}
                    onChange={() => void setWaveAssignment(planId, { mode: 'shares' })}
                  />{' '}
                  {t('list.assign.shares')}
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
                  {t('list.assign.segment')}
                </label>
              </fieldset>
              <div className="table-scroll">
                <table className="data-table" data-testid="invitation-list-waves">
                  <caption>{t('list.table.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.table.segment')}</th>
                      {list.assignment.mode === 'segment' && (
                        <th scope="col">{t('list.table.wave')}</th>
                      )}
                      {waves.map((w) => (
                        <th key={w.id} scope="col" className="num">
                          <bdi>{w.name || t('wave')}</bdi>
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {t('list.table.people')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {segmentKeys.map((k) => {
                      const assignment = list.assignment;
                      return (
                        <tr key={k || 'none'}>
                          <th scope="row">
                            <bdi>{segmentName(k || null)}</bdi>
                          </th>
                          {assignment.mode === 'segment' && (
                            <td>
                              <select
                                aria-label={t('list.table.waveFor', {
                                  segment: segmentName(k || null),
                                })}
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
                                    {w.name || t('wave')}
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
                      <th scope="row">{t('total')}</th>
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
                  <label htmlFor="inv-layout">{t('list.layout')}</label>
                  <select
                    id="inv-layout"
                    value={layout.id}
                    onChange={(e) => dispatch(setCsvLayout({ layout: e.target.value }))}
                    aria-describedby="inv-layout-hint"
                  >
                    {INVITE_LAYOUTS.map((l) => (
                      <option key={l.id} value={l.id}>
                        {layoutLabel(l)}
                      </option>
                    ))}
                  </select>
                  <p className="field-hint" id="inv-layout-hint">
                    {layoutDescription(layout)}
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
                      {t('list.export', {
                        wave: w.name || t('list.waveLower', { n: j + 1 }),
                        count: count(totals[j] ?? 0),
                      })}
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
