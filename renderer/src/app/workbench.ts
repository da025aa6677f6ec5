/**
 * The app controller: the plan library, which plan is open, file import and
 * export, and the notices and dialogs that go with them. UI components read
 * `useWorkbench` and call these functions; they never touch storage directly.
 */
import { create } from 'zustand';
import { copyName, copyPlan, createBlankPlan, newId } from '../../../shared/plan/create';
import {
  formatSizeOverLimit,
  planFileName,
  readPlanFile,
  writeOpenablePlanFile,
  writePlanFile,
} from '../../../shared/plan/plan-file';
import { MAX_PLAN_FILE_BYTES } from '../../../shared/ipc';
import type { Plan } from '../../../shared/plan/schema';
import { localToday } from '../../../shared/stakeholders/schedule';
import type { OpenFileResult } from '../../../shared/ipc';
import {
  describeDatabaseError,
  openDatabase,
  type LibraryRow,
  type WorkbenchDatabase,
} from '../db/database';
import { PlanRepository } from '../db/plan-repository';
import { setInvitationDatabase } from '../db/invitation-list';
import { setRosterDatabase } from '../db/roster';
import { setFollowUpContactsDatabase } from '../db/follow-up-contacts';
import { setPersonalBackupDatabase } from '../db/personal-backup';
import { seedExampleRoster, seedSampleRoster } from './sample-roster-seed';
import { loadExamplePlan, loadSamplePlan } from './example-plans';
import { examplePlan } from '../../../shared/plan/examples';
import { setPlanVersionDatabase } from '../db/plan-versions';
import type { Platform } from '../platform/platform';
import type { MovedStep, PlanStore } from '../store/plan-store';
import { backupBeforeChange } from '../features/backups/backup-triggers';
import {
  announceLibraryChange,
  announcePlanReplaced,
  closePlanSession,
  leavePlanSession,
  openPlanSession,
  replayJournals,
  startOpenPlan,
} from './open-plan';
import { broadcast } from './plan-sessions';
import { cutToLength } from '../../../shared/text-length';
import { visibleText } from '../../../shared/visible-text';
import { parseHash, toHash, type Route, type SectionId } from './routes';
import { i18n, uiLanguage } from '../i18n/i18n';
import { documentTranslator } from '../i18n/document-translator';

/** A short message with an optional action (e.g. Undo). */
export interface Notice {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

/** A blocking message the user must acknowledge. */
export interface Alert {
  title: string;
  message: string;
  details: string[];
}

/** A question with two answers (go ahead, or cancel and change nothing). */
export interface Question {
  title: string;
  message: string;
  details: string[];
  confirmLabel: string;
  answer(go: boolean): void;
}

/** An opened file whose plan id is already in the library. */
export interface ImportConflict {
  plan: Plan;
  existingName: string;
}

/** The app's state. */
export interface WorkbenchState {
  ready: boolean;
  route: Route;
  library: LibraryRow[];
  openPlan: { id: string; store: PlanStore } | null;
  /** A problem that stops the app from working (e.g. a newer database). */
  fatalError: string | null;
  notice: Notice | null;
  alert: Alert | null;
  question: Question | null;
  conflict: ImportConflict | null;
  /** Which help dialog is open, if any. */
  help: 'about' | 'shortcuts' | null;
  /** Whether the browser keeps the library even when disk space runs low (null: not known yet). */
  storagePersistent: boolean | null;
  /** A line for screen readers (undo and redo say what they changed). */
  announcement: string;
}

/** The app's state store. */
export const useWorkbench = create<WorkbenchState>()(() => ({
  ready: false,
  route: { view: 'library' },
  library: [],
  openPlan: null,
  fatalError: null,
  notice: null,
  alert: null,
  question: null,
  conflict: null,
  help: null,
  storagePersistent: null,
  announcement: '',
}));

let services: { repository: PlanRepository; platform: Platform } | null = null;
let noticeCounter = 0;

function deps() {
  if (!services) throw new Error('The workbench has not been started.');
  return services;
}

/** Shows a transient notice. */
export function notify(message: string, action?: Notice['action']): void {
  useWorkbench.setState({ notice: { id: ++noticeCounter, message, action } });
}

/** Opens (or, with null, closes) a help dialog. */
export function showHelp(help: WorkbenchState['help']): void {
  useWorkbench.setState({ help });
}

/** Hides the notice. */
export function dismissNotice(): void {
  useWorkbench.setState({ notice: null });
}

/** Shows a blocking message. */
export function showAlert(title: string, message: string, details: string[] = []): void {
  useWorkbench.setState({ alert: { title, message, details } });
}

/** Asks the user a question; resolves true to go ahead, false to cancel. */
export function askUser(question: Omit<Question, 'answer'>): Promise<boolean> {
  return new Promise((resolve) => {
    useWorkbench.setState({
      question: {
        ...question,
        answer: (go) => {
          useWorkbench.setState({ question: null });
          resolve(go);
        },
      },
    });
  });
}

/** Closes the blocking message. */
export function dismissAlert(): void {
  useWorkbench.setState({ alert: null });
}

/**
 * Runs a library action; a storage failure (a full disk, say) becomes an
 * alert naming the action instead of an error nobody sees. Library writes
 * are transactions, so a failed action changed nothing.
 */
async function guarded<T>(failure: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    showAlert(failure, describeDatabaseError(error, 'library'));
    return undefined;
  }
}

/** Says something to screen-reader users without showing a notice. */
function announce(text: string): void {
  useWorkbench.setState({ announcement: text });
}

/** Announces an undo or redo; one that changed another section also says so on screen and offers to go there. */
function reportMove(verb: 'undid' | 'redid', step: MovedStep | null): void {
  if (!step) return;
  const text = i18n.t(`commands:history.${verb}`, { action: step.action });
  const { route } = useWorkbench.getState();
  const where = step.location;
  if (where && route.view === 'plan' && where.section !== route.section) {
    notify(i18n.t(`commands:history.${verb}Elsewhere`, { action: step.action }), {
      label: i18n.t('commands:history.goThere'),
      run: () => goToSection(where.section, where.focus),
    });
  } else announce(text);
}

/** Undoes the last change to the open plan and says what it was. */
export function undoLastChange(): void {
  reportMove('undid', useWorkbench.getState().openPlan?.store.getState().undo() ?? null);
}

/** Redoes the last undone change to the open plan and says what it was. */
export function redoLastChange(): void {
  reportMove('redid', useWorkbench.getState().openPlan?.store.getState().redo() ?? null);
}

/**
 * A notice about one step (a deletion, an import) with an Undo that undoes
 * exactly that step — or says why it no longer can.
 */
export function notifyUndoable(message: string, stepId: number | null): void {
  if (stepId === null) {
    notify(message);
    return;
  }
  // The step belongs to the plan open now; step ids are per opening of a plan.
  const owner = useWorkbench.getState().openPlan?.store;
  notify(message, {
    label: i18n.t('commands:history.undo'),
    run: () => undoNoticedStep(owner, stepId),
  });
}

function undoNoticedStep(owner: PlanStore | undefined, stepId: number): void {
  const store = useWorkbench.getState().openPlan?.store;
  if (!store || store !== owner) {
    notify(i18n.t('commands:history.planClosed'));
    return;
  }
  const result = store.getState().undoStep(stepId);
  switch (result.kind) {
    case 'undone':
    case 'reverted':
      dismissNotice();
      announce(i18n.t('commands:history.undid', { action: result.action }));
      break;
    case 'alreadyUndone':
      notify(i18n.t('commands:history.alreadyUndone', { action: result.action }));
      break;
    case 'conflict':
      notify(i18n.t('commands:history.conflict', { action: result.action }));
      break;
    case 'gone':
      notify(i18n.t('commands:history.gone'));
      break;
  }
}

export { loadSamplePlan } from './example-plans';

/** Re-reads the library list. */
export async function refreshLibrary(): Promise<void> {
  const rows = await deps().repository.list();
  // Names come from plan files: show them on one line, without controls.
  const library = rows.map((row) => ({
    ...row,
    name: visibleText(row.name, i18n.t('shell:untitledPlan')),
    programName: visibleText(row.programName),
    organisation: visibleText(row.organisation),
    region: visibleText(row.region),
  }));
  useWorkbench.setState({ library });
}

/** Starts the app: seeds the sample on first run and follows the URL. */
export async function startWorkbench(
  database: WorkbenchDatabase,
  platform: Platform,
): Promise<void> {
  const repository = new PlanRepository(database);
  services = { repository, platform };
  setInvitationDatabase(database);
  setRosterDatabase(database);
  setFollowUpContactsDatabase(database);
  setPersonalBackupDatabase(database);
  setPlanVersionDatabase(database);
  startOpenPlan({
    repository,
    platform,
    notify: (message) => notify(message),
    showAlert,
    onClosedElsewhere: () => {
      useWorkbench.setState({ openPlan: null });
      navigate({ view: 'library' });
    },
    onLibraryChanged: () => {
      if (useWorkbench.getState().route.view === 'library') void refreshLibrary().catch(() => {});
    },
  });
  void requestPersistentStorage();
  try {
    await openDatabase(database);
    if (!(await repository.getMeta<boolean>('sampleSeeded'))) {
      const sample = loadSamplePlan();
      await repository.save(sample);
      // With its roster: synthetic, deterministic, fake people only (sample-roster-seed.ts).
      await seedSampleRoster(sample, localToday());
      await repository.setMeta('sampleSeeded', true);
    }
    await replayJournals();
    await refreshLibrary();
  } catch (error) {
    useWorkbench.setState({ fatalError: describeDatabaseError(error), ready: true });
    return;
  }
  window.addEventListener('hashchange', () => void followRoute(parseHash(location.hash)));
  await followRoute(parseHash(location.hash));
  useWorkbench.setState({ ready: true });
}

/** Goes to a route (updates the URL; the hashchange listener does the rest). */
export function navigate(route: Route): void {
  const hash = toHash(route);
  if (location.hash === hash || (hash === '#/' && location.hash === '')) void followRoute(route);
  else location.hash = hash;
}

// Routes are followed one at a time, and only the newest waiting one: opening
// a plan and going back at once must not leave two plans (and two locks) open.
let following: Promise<void> = Promise.resolve();
let wanted: Route | null = null;

function followRoute(route: Route): Promise<void> {
  wanted = route;
  following = following.then(() => {
    const next = wanted;
    wanted = null;
    return next ? applyRoute(next) : undefined;
  });
  return following;
}

/**
 * Leaves the open plan before going elsewhere; if its last edits could not be
 * saved, stays (the address goes back to it) and says so. Returns whether
 * the plan was left.
 */
async function leaveOpenPlan(): Promise<boolean> {
  const { openPlan, route } = useWorkbench.getState();
  if (!openPlan) return true;
  if (await leavePlanSession()) {
    useWorkbench.setState({ openPlan: null });
    return true;
  }
  const status = openPlan.store.getState().saveStatus;
  showAlert(
    i18n.t('shell:messages.notSavedTitle'),
    i18n.t('shell:messages.notSavedBody', {
      reason: status.state === 'error' ? status.message : i18n.t('shell:messages.notWritten'),
    }),
  );
  if (route.view === 'plan') history.replaceState(null, '', toHash(route));
  return false;
}

async function applyRoute(route: Route): Promise<void> {
  const { openPlan } = useWorkbench.getState();
  if (route.view === 'plan') {
    if (openPlan?.id !== route.planId) {
      if (!(await leaveOpenPlan())) return;
      const store = await loadPlanStore(route.planId);
      if (!store) {
        navigate({ view: 'library' });
        return;
      }
      useWorkbench.setState({ openPlan: { id: route.planId, store } });
    }
  } else {
    if (!(await leaveOpenPlan())) return;
    await guarded(i18n.t('shell:messages.libraryUnreadable'), refreshLibrary);
    if (route.unreadable) {
      notify(i18n.t('shell:messages.badAddress'));
      history.replaceState(null, '', '#/');
      route = { view: 'library' };
    }
  }
  useWorkbench.setState({ route });
}

/**
 * Asks the browser to keep the library even when disk space runs low
 * (otherwise it may evict IndexedDB); the answer is shown in About.
 */
async function requestPersistentStorage(): Promise<void> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return;
  try {
    const persistent = (await storage.persisted?.()) || (await storage.persist());
    useWorkbench.setState({ storagePersistent: persistent });
  } catch {
    useWorkbench.setState({ storagePersistent: false });
  }
}

async function loadPlanStore(id: string): Promise<PlanStore | null> {
  return openPlanSession(id);
}

/** Saves and closes the open plan, if any. */
export async function closeOpenPlan(): Promise<void> {
  const { openPlan } = useWorkbench.getState();
  if (!openPlan) return;
  await closePlanSession();
  useWorkbench.setState({ openPlan: null });
}

/** Opens a plan at a section, optionally focusing one element (by id) in it. */
export function openPlan(planId: string, section: SectionId = 'objective', focus?: string): void {
  navigate({ view: 'plan', planId, section, ...(focus ? { focus } : {}) });
}

/** Goes to a section of the open plan, optionally focusing one element in it. */
export function goToSection(section: SectionId, focus?: string): void {
  const open = useWorkbench.getState().openPlan;
  if (open) openPlan(open.id, section, focus);
}

/** Creates an empty plan ("Untitled plan" unless named) and opens it. */
export async function createPlan(name?: string): Promise<void> {
  // Its name and onboarding steps in its document language (the UI's), written without bidi marks.
  const language = uiLanguage();
  const t = await documentTranslator(language);
  const plan = createBlankPlan(name ?? t('document:cover.untitledPlan'), new Date(), language, t);
  const saved = await guarded(i18n.t('shell:messages.newPlanFailed'), () =>
    deps().repository.save(plan),
  );
  if (!saved) return;
  announceLibraryChange();
  openPlan(plan.id);
}

/** Adds a fresh copy of the sample plan to the library and opens it. */
export function createFromSample(): Promise<boolean> {
  return createFromExample('youth-digital-skills');
}

/**
 * Adds a fresh copy of a bundled example plan (shared/plan/examples.ts) to
 * the library, its dates moved ahead of today and its synthetic roster of
 * fake learners stored with it, and opens it. False when it could not be added
 * (the user has been told why).
 */
export async function createFromExample(id: string): Promise<boolean> {
  const example = examplePlan(id);
  const what = { named: example ? 'yes' : 'no', title: example?.title ?? '' };
  const today = localToday();
  const source = await guarded(i18n.t('shell:messages.exampleNotLoaded', what), () =>
    loadExamplePlan(id, today),
  );
  if (!source || !example) return false;
  const names = useWorkbench.getState().library.map((r) => r.name);
  const plan = copyPlan(
    source,
    names.includes(source.name) ? copyName(source.name, names) : source.name,
  );
  const saved = await guarded(i18n.t('shell:messages.exampleNotAdded', what), async () => {
    await deps().repository.save(plan);
    await seedExampleRoster(plan, example.roster.story, example.roster.fileName, today);
    return true;
  });
  if (!saved) return false;
  announceLibraryChange();
  openPlan(plan.id);
  return true;
}

async function loadOrWarn(id: string): Promise<Plan | null> {
  const result = await deps().repository.load(id);
  if (result?.ok) return result.plan;
  showAlert(
    i18n.t('shell:messages.cannotRead'),
    result ? result.message : i18n.t('shell:messages.noLongerInLibrary'),
    result && !result.ok ? result.details : [],
  );
  return null;
}

/** Renames a plan in the library (also in a window that has it open). */
export async function renamePlan(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  const rev = await guarded(i18n.t('shell:messages.renameFailed'), () =>
    deps().repository.rename(id, cutToLength(trimmed, 500)),
  );
  if (rev === undefined) return;
  announceLibraryChange();
  broadcastRename(id, rev);
  await guarded(i18n.t('shell:messages.libraryUnreadable'), refreshLibrary);
}

/** Duplicates a plan under a new id ("Copy of …"). */
export async function duplicatePlan(id: string): Promise<void> {
  const copy = await guarded(i18n.t('shell:messages.duplicateFailed'), async () => {
    const plan = await loadOrWarn(id);
    if (!plan) return undefined;
    const names = useWorkbench.getState().library.map((r) => r.name);
    const duplicate = copyPlan(plan, copyName(plan.name, names));
    await deps().repository.save(duplicate);
    return duplicate;
  });
  if (!copy) return;
  announceLibraryChange();
  await guarded(i18n.t('shell:messages.libraryUnreadable'), refreshLibrary);
  notify(`Created "${copy.name}".`);
}

/** Moves a plan to "Recently deleted", with Undo. */
export async function deletePlan(id: string): Promise<void> {
  const row = useWorkbench.getState().library.find((r) => r.id === id);
  const done = await guarded(i18n.t('shell:messages.deleteFailed'), async () => {
    await deps().repository.softDelete(id);
    return true;
  });
  if (!done) return;
  announceLibraryChange({ planId: id, purged: false });
  await guarded(i18n.t('shell:messages.libraryUnreadable'), refreshLibrary);
  notify(
    i18n.t('shell:messages.movedToDeleted', {
      name: row?.name ?? i18n.t('shell:messages.aPlan'),
    }),
    {
      label: i18n.t('shell:messages.undo'),
      run: () => void restorePlan(id),
    },
  );
}

/** Brings a plan back from "Recently deleted". */
export async function restorePlan(id: string): Promise<void> {
  const done = await guarded(i18n.t('shell:messages.restoreFailed'), async () => {
    await deps().repository.restore(id);
    return true;
  });
  if (!done) return;
  announceLibraryChange();
  await guarded(i18n.t('shell:messages.libraryUnreadable'), refreshLibrary);
  dismissNotice();
}

/** Deletes a plan for good (the UI confirms first). */
export async function purgePlan(id: string): Promise<void> {
  const done = await guarded(i18n.t('shell:messages.deleteFailed'), async () => {
    await deps().repository.purge(id);
    return true;
  });
  if (!done) return;
  announceLibraryChange({ planId: id, purged: true });
  await guarded(i18n.t('shell:messages.libraryUnreadable'), refreshLibrary);
}

/** Asks the platform for a plan file and imports it. */
export async function openPlanFile(): Promise<void> {
  await addOpenedFile(await deps().platform.openPlanFile());
}

/** Imports a file the platform opened (a dialog, a double-click); storage failures become an alert. */
export async function addOpenedFile(opened: OpenFileResult): Promise<void> {
  await guarded(i18n.t('shell:messages.fileNotAdded'), () => importOpenedFile(opened));
}

/** Settles an import conflict (see resolveImportConflict); storage failures become an alert. */
export async function settleImportConflict(
  choice: 'replace' | 'keepBoth' | 'cancel',
): Promise<void> {
  await guarded(i18n.t('shell:messages.fileNotAdded'), () => resolveImportConflict(choice));
}

/** Tells a window that has the plan open that its name changed. */
function broadcastRename(planId: string, rev: number): void {
  broadcast({ type: 'saved', planId, rev, keys: ['m'] });
}

/**
 * Imports an opened plan file into the library. Bad files get a message and
 * change nothing; a plan already in the library asks before replacing it.
 * A file that is repaired while reading (duplicate ids renamed) first shows
 * every repair, before anything changes, so nothing is changed unseen.
 */
export async function importOpenedFile(result: OpenFileResult): Promise<void> {
  if (result.kind === 'canceled') return;
  if (result.kind === 'error') {
    showAlert(i18n.t('shell:messages.fileNotOpened'), result.message);
    return;
  }
  const read = readPlanFile(result.text);
  if (!read.ok) {
    showAlert(
      i18n.t('shell:messages.namedFileNotOpened', { fileName: result.fileName }),
      read.message,
      read.details,
    );
    return;
  }
  const { repairs } = read;
  if (repairs.length > 0) {
    // Asked while the library is still untouched: open with the repairs, or not at all.
    const go = await askUser({
      title: i18n.t('shell:messages.needsRepairs', { fileName: result.fileName }),
      message: i18n.t('shell:messages.repairsBody', { count: repairs.length }),
      details:
        repairs.length > 8
          ? [
              ...repairs.slice(0, 8),
              i18n.t('shell:messages.andMore', { count: repairs.length - 8 }),
            ]
          : [...repairs],
      confirmLabel: i18n.t('shell:messages.openWithRepairs'),
    });
    if (!go) return;
  }
  const existing = useWorkbench.getState().library.find((r) => r.id === read.plan.id);
  if (existing || (await deps().repository.exists(read.plan.id))) {
    useWorkbench.setState({
      conflict: { plan: read.plan, existingName: existing?.name ?? read.plan.name },
    });
    return;
  }
  await addImportedPlan(read.plan, read.migratedFrom, repairs.length);
}

async function addImportedPlan(
  plan: Plan,
  migratedFrom: number | null,
  repairCount = 0,
): Promise<void> {
  await deps().repository.save(plan);
  announceLibraryChange();
  await refreshLibrary();
  openPlan(plan.id);
  notify(
    migratedFrom === null
      ? i18n.t('shell:messages.opened', { name: plan.name, repairs: repairCount })
      : i18n.t('shell:messages.openedUpgraded', {
          name: plan.name,
          repairs: repairCount,
          version: migratedFrom,
        }),
  );
}

/** Settles an import conflict: replace the library copy, keep both, or cancel. */
export async function resolveImportConflict(
  choice: 'replace' | 'keepBoth' | 'cancel',
): Promise<void> {
  const conflict = useWorkbench.getState().conflict;
  useWorkbench.setState({ conflict: null });
  if (!conflict || choice === 'cancel') return;
  const { repository } = deps();
  if (choice === 'replace') {
    const { openPlan: open } = useWorkbench.getState();
    if (open?.id === conflict.plan.id) await closeOpenPlan();
    // Desktop: keep a copy of the library version the file replaces.
    const current = await repository.load(conflict.plan.id);
    if (current?.ok) {
      const backup = await backupBeforeChange(
        current.plan.id,
        writePlanFile(current.plan),
        'before-import',
      );
      if (backup.kind === 'failed') {
        showAlert(
          i18n.t('shell:messages.notReplaced'),
          i18n.t('shell:messages.noBackupFirst', { message: backup.message }),
        );
        return;
      }
    }
    await repository.restore(conflict.plan.id).catch(() => undefined);
    await addImportedPlan(conflict.plan, null);
    announcePlanReplaced(conflict.plan.id);
    return;
  }
  const names = useWorkbench.getState().library.map((r) => r.name);
  await addImportedPlan(
    { ...conflict.plan, id: newId('plan'), name: copyName(conflict.plan.name, names) },
    null,
  );
}

/** Saves the open plan as a portable plan file. */
export async function savePlanAsFile(): Promise<void> {
  const open = useWorkbench.getState().openPlan;
  if (!open) {
    notify(i18n.t('shell:messages.openFirst'));
    return;
  }
  await open.store.getState().flush();
  const plan = open.store.getState().history.present;
  const file = writeOpenablePlanFile(plan);
  if (!file.ok) {
    showAlert(
      i18n.t('shell:messages.tooLargeTitle'),
      i18n.t('shell:messages.tooLargeBody', {
        size: formatSizeOverLimit(file.bytes, MAX_PLAN_FILE_BYTES)[0],
        limit: formatSizeOverLimit(file.bytes, MAX_PLAN_FILE_BYTES)[1],
      }),
    );
    return;
  }
  // A plan without a usable name is saved as "Untitled plan" in its own language, like its name.
  const untitled = (await documentTranslator(plan.documentLanguage))('document:cover.untitledPlan');
  const result = await deps().platform.savePlanFile(planFileName(plan.name, untitled), file.text);
  if (result.kind === 'saved')
    notify(i18n.t('shell:messages.savedAs', { name: plan.name, path: result.path }));
  else if (result.kind === 'error')
    showAlert(i18n.t('shell:messages.fileNotSaved'), result.message);
}
