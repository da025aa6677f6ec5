/**
 * The plan open in this window: opening it as its one writer or read-only
 * (plan-sessions.ts), saving only what changed, following another window's
 * saves, handing over with "Edit here", closing it when it is deleted
 * elsewhere, and never losing what was typed when the page goes away: a
 * journal of unsaved records is written synchronously on leaving and
 * replayed by the next window that opens the plan for editing.
 */
import { newId } from '../../../shared/plan/create';
import { freezePlanInSlices, runInSlices } from '../../../shared/plan/freeze';
import { writeOpenablePlanFile } from '../../../shared/plan/plan-file';
import type { PlanRecord } from '../../../shared/plan/records';
import type { Plan } from '../../../shared/plan/schema';
import { describeDatabaseError, isQuotaError } from '../db/database';
import { personalBackupIncluded } from '../db/personal-backup';
import { PlanGoneError, WriterLostError, type PlanRepository } from '../db/plan-repository';
import { forgetRoster } from '../features/manage-roster/use-roster';
import {
  onPersonalBackupDue,
  writeBackupWithPersonalData,
} from '../features/backups/personal-backup';
import type { Platform } from '../platform/platform';
import { createPlanStore, type PlanStore } from '../store/plan-store';
import { yieldToPage } from '../store/yield-to-page';
import {
  acquireEditLease,
  broadcast,
  onPlanMessage,
  takeOverEditLease,
  WINDOW_ID,
  type EditLease,
  type PlanMessage,
} from './plan-sessions';
import { i18n } from '../i18n/i18n';

/** What open-plan needs from the app around it. */
export interface OpenPlanHost {
  repository: PlanRepository;
  platform: Platform;
  notify(message: string): void;
  showAlert(title: string, message: string, details?: string[]): void;
  /** The open plan was closed here (deleted elsewhere): leave its screen. */
  onClosedElsewhere(): void;
  /** The library list may have changed in another window. */
  onLibraryChanged(): void;
}

interface Session {
  readonly planId: string;
  readonly store: PlanStore;
  lease: EditLease | null;
  token: string | null;
  /** Saves announced by other windows are applied one at a time, in order. */
  following: Promise<void>;
  /** While read-only: a request for the plan's lock, granted when its writer closes. */
  waiting: AbortController | null;
}

let host: OpenPlanHost | null = null;
let session: Session | null = null;

/** Minimum time between two rolling backups of the same plan. */
const BACKUP_INTERVAL_MS = 60_000;
const lastBackupAt = new Map<string, number>();
/** Plans already told they are too large for a backup copy (said once). */
const tooLargeToBackUp = new Set<string>();
const JOURNAL_PREFIX = 'upskill-journal:';
/** Larger unsaved changes are not journalled (localStorage holds ~5 MB); the leave prompt still guards them. */
const JOURNAL_MAX_CHARS = 4_000_000;

function deps(): OpenPlanHost {
  if (!host) throw new Error('The open-plan controller has not been started.');
  return host;
}

/** A unique writer token for this window and this opening of a plan. */
function writerToken(): string {
  return `${WINDOW_ID}:${newId()}`;
}

// ---------------------------------------------------------------- journal

interface Journal {
  baseRev: number;
  records: PlanRecord[];
}

function journalKey(planId: string) {
  return `${JOURNAL_PREFIX}${planId}`;
}

function readJournal(planId: string): Journal | null {
  try {
    const text = localStorage.getItem(journalKey(planId));
    return text ? (JSON.parse(text) as Journal) : null;
  } catch {
    return null;
  }
}

function clearJournal(planId: string): void {
  try {
    localStorage.removeItem(journalKey(planId));
  } catch {
    // Storage unavailable: there is no journal either.
  }
}

/** Whether this window wrote a journal for the open plan that a later save must keep current. */
let journalling = false;

/** Writes the open plan's unsaved records to the journal, synchronously (the page may be going away). */
function writeJournal(): void {
  if (!session || session.store.getState().access !== 'edit') return;
  const unsaved = session.store.getState().unsaved();
  if (!unsaved) return;
  journalling = true;
  try {
    // `undefined` (a deleted record) does not survive JSON: write it as null and mark it.
    const text = JSON.stringify({
      baseRev: unsaved.baseRev,
      records: unsaved.records.map((r) => ({
        key: r.key,
        value: r.value ?? null,
        deleted: r.value === undefined,
      })),
    });
    if (text.length <= JOURNAL_MAX_CHARS) localStorage.setItem(journalKey(session.planId), text);
  } catch {
    // A full or missing localStorage: the flush and the leave prompt remain.
  }
}

/**
 * Applies a plan's journal if storage is still at the revision it was written
 * against (the flush on leaving did not land); drops it otherwise. The caller
 * holds the plan's lock, so no other window writes meanwhile.
 */
async function replayJournal(planId: string): Promise<boolean> {
  const journal = readJournal(planId);
  if (!journal) return false;
  const records = journal.records.map((r) => {
    const entry = r as PlanRecord & { deleted?: boolean };
    return { key: entry.key, value: entry.deleted ? undefined : entry.value };
  });
  // Applied only if storage is still at the journal's revision (checked in
  // the write's transaction). A failure keeps the journal for the next try;
  // a plan that is gone or moved on makes it obsolete.
  const applied = await deps().repository.applyRecords(planId, records, journal.baseRev);
  clearJournal(planId);
  return applied;
}

/** Replays the journals left by windows that closed before their last save (at startup). */
export async function replayJournals(): Promise<void> {
  let planIds: string[] = [];
  try {
    planIds = Object.keys(localStorage)
      .filter((k) => k.startsWith(JOURNAL_PREFIX))
      .map((k) => k.slice(JOURNAL_PREFIX.length));
  } catch {
    return;
  }
  for (const planId of planIds) {
    const lease = await acquireEditLease(planId, 'ifAvailable');
    if (!lease) continue; // Its writer is open elsewhere and has replayed it.
    try {
      await replayJournal(planId);
    } catch (error) {
      // Kept for the next start; the library opens anyway.
      deps().notify(
        i18n.t('shell:messages.journalNotWritten', { reason: describeDatabaseError(error) }),
      );
    } finally {
      lease.release();
    }
  }
}

// ---------------------------------------------------------------- opening

function persistenceFor(planId: string, getToken: () => string | null) {
  const { repository } = deps();
  return {
    write: async (plan: Plan, changes: readonly PlanRecord[]) => {
      const token = getToken();
      if (!token) throw new WriterLostError(planId);
      const start = performance.now();
      const rev = await repository.saveChanges(plan, changes, token);
      // Read by `npm run bench` (autosave.commit_p95_ms).
      performance.measure('upskill:autosave-commit', { start });
      return rev;
    },
    describeError: describeDatabaseError,
    afterWrite: (plan: Plan, changes: readonly PlanRecord[], rev: number, unsavedLeft: boolean) => {
      // A journal written on leaving must keep covering edits newer than this save.
      if (!unsavedLeft) {
        clearJournal(planId);
        journalling = false;
      } else if (journalling) writeJournal();
      broadcast({ type: 'saved', planId, rev, keys: changes.map((c) => c.key) });
      const last = lastBackupAt.get(plan.id) ?? 0;
      if (Date.now() - last < BACKUP_INTERVAL_MS) return;
      writeRollingBackup(plan);
    },
    onWriteRefused: (error: unknown) => {
      if (error instanceof PlanGoneError) {
        void closeBecause(i18n.t('shell:messages.deletedElsewhere'));
        return true;
      }
      if (error instanceof WriterLostError) {
        void writerRefused();
        return false;
      }
      return false;
    },
  };
}

/** Writes the once-a-minute rolling backup of a plan now (with its personal data if opted in). */
function writeRollingBackup(plan: Plan): void {
  const backups = deps().platform.backups;
  if (!backups) return;
  lastBackupAt.set(plan.id, Date.now());
  // A backup, like a plan file, must open again: compact when very large.
  const file = writeOpenablePlanFile(plan);
  if (!file.ok) {
    if (!tooLargeToBackUp.has(plan.id)) {
      tooLargeToBackUp.add(plan.id);
      deps().notify(i18n.t('shell:messages.tooLargeForBackup'));
    }
    return;
  }
  writeBackupWithPersonalData(backups, plan.id, file.text).catch((error: unknown) => {
    deps().notify(i18n.t('shell:messages.backupNotWritten', { reason: String(error) }));
  });
}

/** A rolling backup waiting for the minute between backups to pass (personal data changed). */
let dueBackup: ReturnType<typeof setTimeout> | null = null;

/**
 * The personal data of the open plan changed (or was just included in its
 * backups) without the plan changing — a top learner marked, an invitation
 * list imported: a rolling backup carries it as soon as the minute between
 * backups allows. Only when it is opted in does a companion go with it.
 */
function backUpPersonalDataSoon(planId: string): void {
  if (!deps().platform.backups || session?.planId !== planId || dueBackup) return;
  const wait = Math.max(0, (lastBackupAt.get(planId) ?? 0) + BACKUP_INTERVAL_MS - Date.now());
  dueBackup = setTimeout(() => {
    dueBackup = null;
    void personalBackupIncluded(planId).then(
      (included) => {
        const current = session;
        if (!included || current?.planId !== planId) return;
        if (current.store.getState().access !== 'edit') return;
        writeRollingBackup(current.store.getState().history.present);
      },
      () => undefined,
    );
  }, wait);
}

/**
 * Opens a plan: as its writer if no other window edits it, else read-only.
 * Returns its store, or null (with a message) if it cannot be opened.
 */
export async function openPlanSession(planId: string): Promise<PlanStore | null> {
  const { repository } = deps();
  // One plan open at a time: never leave a session (and its lock) behind.
  await closePlanSession();
  // A plan in Recently deleted opens only once restored (an old address, a bookmark).
  const row = await repository.row(planId).catch(() => undefined);
  if (row?.deletedAt) {
    deps().notify(i18n.t('shell:messages.inRecentlyDeleted', { name: row.name }));
    return null;
  }
  let lease = await acquireEditLease(planId, 'ifAvailable');
  let token: string | null = null;
  let storageFull = false;
  try {
    if (lease) {
      try {
        await replayJournal(planId);
        token = writerToken();
        await repository.claimWriter(planId, token);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // A full disk: the plan can still be read, saved as a file and exported.
        lease.release();
        lease = null;
        token = null;
        storageFull = true;
        deps().notify(i18n.t('shell:messages.openedReadOnlyFull'));
      }
    }
    const result = await repository.load(planId);
    if (!result) {
      lease?.release();
      deps().notify(i18n.t('shell:messages.thatPlanGone'));
      return null;
    }
    if (!result.ok) {
      lease?.release();
      deps().showAlert(i18n.t('shell:messages.cannotOpen'), result.message, result.details);
      return null;
    }
    await runInSlices(freezePlanInSlices(result.plan), yieldToPage);
    const current: Session = {
      planId,
      lease,
      token,
      following: Promise.resolve(),
      waiting: null,
      store: createPlanStore(
        result.plan,
        persistenceFor(planId, () => current.token),
        {
          rev: result.rev,
          access: lease ? 'edit' : 'readOnly',
          readOnlyReason: storageFull ? 'storageFull' : 'elsewhere',
        },
      ),
    };
    session = current;
    if (lease) watchLease(current, lease);
    else if (!storageFull) waitToEdit(current);
    return current.store;
  } catch (error) {
    lease?.release();
    if (error instanceof PlanGoneError) {
      deps().notify(i18n.t('shell:messages.thatPlanGone'));
      return null;
    }
    deps().showAlert(i18n.t('shell:messages.cannotOpen'), describeDatabaseError(error));
    return null;
  }
}

function watchLease(current: Session, lease: EditLease): void {
  void lease.lost.then(() => {
    if (session !== current || current.lease !== lease) return;
    void writerRefused();
  });
}

/** Saves (if writing) and closes the open plan's session. */
export async function closePlanSession(): Promise<void> {
  const current = session;
  if (!current) return;
  session = null;
  stopWaiting(current);
  if (dueBackup) {
    // Not later: the personal data that changed goes into a backup now.
    clearTimeout(dueBackup);
    dueBackup = null;
    if (current.store.getState().access === 'edit')
      writeRollingBackup(current.store.getState().history.present);
  }
  // The roster in memory is personal data: it goes with the plan.
  forgetRoster();
  await current.store.getState().close();
  if (current.token) {
    await deps()
      .repository.releaseWriter(current.planId, current.token)
      .catch(() => undefined);
  }
  current.lease?.release();
}

/**
 * Leaves the open plan if everything typed is saved. If the last save failed
 * (a full disk, say), the plan stays open — closing it would drop the edits
 * from memory — and they go to the journal as well; returns false then.
 */
export async function leavePlanSession(): Promise<boolean> {
  const current = session;
  if (!current) return true;
  const store = current.store.getState();
  if (store.access === 'edit') {
    await store.flush();
    if (current.store.getState().isDirty()) {
      writeJournal();
      return false;
    }
  }
  await closePlanSession();
  return true;
}

/** Whether the open plan is shown read-only here because another window edits it. */
export function openPlanIsElsewhere(): boolean {
  return session?.store.getState().access === 'readOnly';
}

/** "Edit here": asks the window that edits the plan to hand it over, then edits it here. */
export async function takeOverEditing(): Promise<void> {
  const current = session;
  if (!current || current.store.getState().access !== 'readOnly') return;
  stopWaiting(current);
  const lease = await takeOverEditLease(current.planId);
  if (session !== current) {
    lease.release();
    return;
  }
  await becomeWriter(current, lease);
}

/** Edits the plan here with a lease just obtained: the latest saved plan, this window as its writer. */
async function becomeWriter(current: Session, lease: EditLease, notice?: string): Promise<void> {
  const { repository } = deps();
  try {
    await replayJournal(current.planId);
    const token = writerToken();
    await repository.claimWriter(current.planId, token);
    const result = await repository.load(current.planId);
    if (!result?.ok) throw new PlanGoneError(current.planId);
    await runInSlices(freezePlanInSlices(result.plan), yieldToPage);
    if (session !== current) {
      lease.release();
      return;
    }
    current.lease = lease;
    current.token = token;
    current.store.getState().reload(result.plan, result.rev, 'edit');
    watchLease(current, lease);
    if (notice) deps().notify(notice);
  } catch (error) {
    lease.release();
    if (error instanceof PlanGoneError) {
      await closeBecause(i18n.t('shell:messages.planGone'));
      return;
    }
    deps().showAlert(i18n.t('shell:messages.cannotEditHere'), describeDatabaseError(error));
    waitToEdit(current);
  }
}

/**
 * A read-only window queues for the plan's lock, so that when the window
 * editing it closes, editing moves here by itself.
 */
function waitToEdit(current: Session): void {
  if (current.waiting || session !== current) return;
  const controller = new AbortController();
  current.waiting = controller;
  acquireEditLease(current.planId, 'wait', controller.signal)
    .then((lease) => {
      if (current.waiting === controller) current.waiting = null;
      if (!lease) return;
      const store = current.store.getState();
      if (
        session !== current ||
        store.access !== 'readOnly' ||
        store.readOnlyReason !== 'elsewhere'
      ) {
        lease.release();
        return;
      }
      void becomeWriter(current, lease, i18n.t('shell:messages.writerClosed'));
    })
    .catch(() => {
      if (current.waiting === controller) current.waiting = null;
    });
}

function stopWaiting(current: Session): void {
  current.waiting?.abort();
  current.waiting = null;
}

// One hand-over at a time: a failing save, a lost lock and a takeover
// request may all ask this window to stop editing at once.
let handingOver = false;

/** Lets go of the writer role and the lock, and tells the other windows. */
async function letGo(current: Session): Promise<void> {
  const { token, lease } = current;
  current.token = null;
  current.lease = null;
  if (token) {
    await deps()
      .repository.releaseWriter(current.planId, token)
      .catch(() => undefined);
  }
  lease?.release();
  broadcast({ type: 'released', planId: current.planId });
}

/**
 * Another window asked to edit the plan: stop taking edits, save what is
 * pending while still the writer, then let go and follow its saves.
 */
async function becomeReader(message: string): Promise<void> {
  const current = session;
  if (!current || handingOver || current.store.getState().access !== 'edit') return;
  handingOver = true;
  try {
    current.store.getState().setAccess('readOnly');
    await current.store
      .getState()
      .flush()
      .catch(() => undefined);
    await letGo(current);
    deps().notify(message);
    waitLater(current);
  } finally {
    handingOver = false;
  }
}

/**
 * Queues for the lock again after handing it over, a little later, so the
 * window that asked for it gets it first.
 */
function waitLater(current: Session): void {
  setTimeout(() => {
    if (session === current && current.store.getState().access === 'readOnly') {
      waitToEdit(current);
    }
  }, 5000);
}

/**
 * This window can no longer save: another window took the plan without
 * waiting (its lock was taken, or it claimed the writer role first). If this
 * window still holds the lock (two windows raced to claim), it claims the
 * role again and saves. Otherwise it shows the plan as stored, read-only,
 * and says so — including that unsaved edits could not be kept.
 */
async function writerRefused(): Promise<void> {
  const current = session;
  if (!current || handingOver) return;
  handingOver = true;
  try {
    const { repository } = deps();
    if (current.lease && !current.lease.isLost()) {
      const token = writerToken();
      await repository.claimWriter(current.planId, token);
      current.token = token;
      void current.store.getState().flush();
      return;
    }
    current.store.getState().setAccess('readOnly');
    // A save may still go through if the other window has not claimed yet.
    await current.store
      .getState()
      .flush()
      .catch(() => undefined);
    const lost = current.store.getState().isDirty();
    await letGo(current);
    waitLater(current);
    const result = await repository.load(current.planId);
    if (session === current && result?.ok) {
      await runInSlices(freezePlanInSlices(result.plan), yieldToPage);
      current.store.getState().reload(result.plan, result.rev, 'readOnly');
    }
    deps().notify(
      lost ? i18n.t('shell:messages.takenOverLost') : i18n.t('shell:messages.takenOver'),
    );
  } catch (error) {
    deps().notify(i18n.t('shell:messages.cannotFollow', { reason: describeDatabaseError(error) }));
  } finally {
    handingOver = false;
  }
}

/** Closes the open plan because of what happened elsewhere; `flushFirst` saves pending edits (the plan still exists). */
async function closeBecause(message: string, flushFirst = false): Promise<void> {
  const current = session;
  if (!current) return;
  if (flushFirst && current.store.getState().access === 'edit') {
    await current.store
      .getState()
      .flush()
      .catch(() => undefined);
  }
  current.store.getState().setAccess('closed');
  await closePlanSession();
  deps().onClosedElsewhere();
  deps().notify(message);
}

/**
 * Shows a plan that another window replaced wholesale (a file opened over
 * it): the replacement took the writer role away, so a window that was
 * editing claims it again and starts from the new content.
 */
async function reloadReplaced(current: Session): Promise<void> {
  const { repository } = deps();
  try {
    const editing = current.lease !== null;
    const token = editing ? writerToken() : null;
    if (token) await repository.claimWriter(current.planId, token);
    const result = await repository.load(current.planId);
    if (session !== current || !result?.ok) return;
    await runInSlices(freezePlanInSlices(result.plan), yieldToPage);
    current.token = token;
    current.store.getState().reload(result.plan, result.rev, editing ? 'edit' : 'readOnly');
    deps().notify(i18n.t('shell:messages.replacedElsewhere'));
  } catch (error) {
    if (error instanceof PlanGoneError) await closeBecause(i18n.t('shell:messages.planGone'));
    else
      deps().notify(
        i18n.t('shell:messages.replacedNotShown', { reason: describeDatabaseError(error) }),
      );
  }
}

/**
 * Applies another window's save to the open plan, saves in order. A reader
 * applies exactly the announced revision's records, or reads the whole plan
 * again when it missed one; the writer only ever sees a rename from the
 * library this way, and applies it.
 */
function follow(current: Session, rev: number, keys: readonly string[]): void {
  current.following = current.following
    .then(async () => {
      if (session !== current) return;
      const { repository } = deps();
      const store = current.store.getState();
      const writer = store.access === 'edit';
      if (!writer && rev <= store.rev()) return;
      if (writer || rev === store.rev() + 1) {
        const read = await repository.readRecords(current.planId, keys);
        if (session !== current) return;
        if (!read.exists) {
          await closeBecause(i18n.t('shell:messages.goneClosed'));
          return;
        }
        if (writer || read.rev === rev) {
          current.store.getState().applyExternal(read.records, read.rev);
          return;
        }
      }
      // Missed a save, or saves came faster than they were read: read the whole plan.
      const result = await repository.load(current.planId);
      if (session !== current || !result?.ok) return;
      await runInSlices(freezePlanInSlices(result.plan), yieldToPage);
      if (session === current && current.store.getState().access !== 'edit') {
        current.store.getState().reload(result.plan, result.rev, 'readOnly');
      }
    })
    .catch((error: unknown) => {
      deps().notify(
        i18n.t('shell:messages.changesNotShown', { reason: describeDatabaseError(error) }),
      );
    });
}

function onMessage(message: PlanMessage): void {
  const current = session;
  if (message.type === 'libraryChanged' || message.type === 'planRemoved')
    deps().onLibraryChanged();
  if (!current || !('planId' in message) || message.planId !== current.planId) return;
  switch (message.type) {
    case 'saved':
      follow(current, message.rev, message.keys);
      break;
    case 'planRemoved':
      void closeBecause(
        message.purged
          ? i18n.t('shell:messages.deletedElsewhere')
          : i18n.t('shell:messages.trashedElsewhere'),
        !message.purged,
      );
      break;
    case 'planReplaced':
      void reloadReplaced(current);
      break;
    case 'takeoverRequest':
      // A reader queued for the lock steps aside so the asking window gets it.
      if (current.waiting) {
        stopWaiting(current);
        waitLater(current);
      }
      if (current.store.getState().access === 'edit') {
        void becomeReader(i18n.t('shell:messages.editedElsewhere'));
      }
      break;
    case 'released':
      break;
  }
}

// ---------------------------------------------------------------- leaving

/**
 * Nothing typed is lost when the page goes away: on hiding or leaving, the
 * pending records go to the journal (synchronously) and a save starts; while
 * a save is pending, leaving asks first.
 */
function installLeaveGuards(): void {
  const flush = () => {
    writeJournal();
    void session?.store.getState().flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('beforeunload', (event) => {
    // The desktop app asks the page to save before its window closes (close
    // guard); there, a cancelled unload would silently keep the window open.
    if (deps().platform.kind === 'desktop') return;
    const store = session?.store.getState();
    if (!store || store.access !== 'edit' || !store.isDirty()) return;
    flush();
    event.preventDefault();
    // Older browsers (and Electron) read returnValue.
    event.returnValue = '';
  });
}

/** Starts the controller: listens to other windows and guards leaving. */
export function startOpenPlan(context: OpenPlanHost): void {
  host = context;
  onPlanMessage(onMessage);
  onPersonalBackupDue(backUpPersonalDataSoon);
  installLeaveGuards();
}

/** Tells other windows that a plan was deleted (`purged`: for good) or the library changed. */
export function announceLibraryChange(removed?: { planId: string; purged: boolean }): void {
  broadcast(removed ? { type: 'planRemoved', ...removed } : { type: 'libraryChanged' });
}

/** Tells other windows that a plan's content was replaced wholesale. */
export function announcePlanReplaced(planId: string): void {
  broadcast({ type: 'planReplaced', planId });
}
