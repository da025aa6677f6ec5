/**
 * The app controller: the plan library, which plan is open, file import and
 * export, and the notices and dialogs that go with them. UI components read
 * `useWorkbench` and call these functions; they never touch storage directly.
 */
import { create } from 'zustand';
import { copyName, copyPlan, createBlankPlan, newId } from '../../../shared/plan/create';
import { planFileName, readPlanFile, writePlanFile } from '../../../shared/plan/plan-file';
import type { Plan } from '../../../shared/plan/schema';
import type { OpenFileResult } from '../../../shared/ipc';
import samplePlanText from '../../../resources/sample-plans/youth-digital-skills.upskill.json?raw';
import {
  describeDatabaseError,
  openDatabase,
  type LibraryRow,
  type WorkbenchDatabase,
} from '../db/database';
import { PlanRepository } from '../db/plan-repository';
import type { Platform } from '../platform/platform';
import { createPlanStore, type PlanStore } from '../store/plan-store';
import { parseHash, toHash, type Route, type SectionId } from './routes';

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
  conflict: ImportConflict | null;
  /** Which help dialog is open, if any. */
  help: 'about' | 'shortcuts' | null;
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
  conflict: null,
  help: null,
}));

let services: { repository: PlanRepository; platform: Platform } | null = null;
let noticeCounter = 0;
/** Minimum time between two rolling backups of the same plan. */
const BACKUP_INTERVAL_MS = 60_000;
const lastBackupAt = new Map<string, number>();

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

/** Closes the blocking message. */
export function dismissAlert(): void {
  useWorkbench.setState({ alert: null });
}

/** The sample plan shipped with the app. */
export function loadSamplePlan(): Plan {
  const result = readPlanFile(samplePlanText);
  if (!result.ok) throw new Error(`The bundled sample plan is invalid: ${result.message}`);
  return result.plan;
}

/** Re-reads the library list. */
export async function refreshLibrary(): Promise<void> {
  useWorkbench.setState({ library: await deps().repository.list() });
}

/** Starts the app: seeds the sample on first run and follows the URL. */
export async function startWorkbench(
  database: WorkbenchDatabase,
  platform: Platform,
): Promise<void> {
  const repository = new PlanRepository(database);
  services = { repository, platform };
  try {
    await openDatabase(database);
    if (!(await repository.getMeta<boolean>('sampleSeeded'))) {
      await repository.save(loadSamplePlan());
      await repository.setMeta('sampleSeeded', true);
    }
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

async function followRoute(route: Route): Promise<void> {
  const { openPlan } = useWorkbench.getState();
  if (route.view === 'plan') {
    if (openPlan?.id !== route.planId) {
      await closeOpenPlan();
      const store = await loadPlanStore(route.planId);
      if (!store) {
        navigate({ view: 'library' });
        return;
      }
      useWorkbench.setState({ openPlan: { id: route.planId, store } });
    }
  } else {
    await closeOpenPlan();
    await refreshLibrary();
  }
  useWorkbench.setState({ route });
}

async function loadPlanStore(id: string): Promise<PlanStore | null> {
  const { repository, platform } = deps();
  const result = await repository.load(id);
  if (!result) {
    notify('That plan is no longer in the library.');
    return null;
  }
  if (!result.ok) {
    showAlert('This plan cannot be opened', result.message, result.details);
    return null;
  }
  return createPlanStore(result.plan, {
    write: async (plan) => {
      const start = performance.now();
      await repository.save(plan);
      // Read by `npm run bench` (autosave.commit_p95_ms).
      performance.measure('upskill:autosave-commit', { start });
    },
    describeError: describeDatabaseError,
    afterWrite: (plan) => {
      const backups = platform.backups;
      if (!backups) return;
      const last = lastBackupAt.get(plan.id) ?? 0;
      if (Date.now() - last < BACKUP_INTERVAL_MS) return;
      lastBackupAt.set(plan.id, Date.now());
      backups.write(plan.id, writePlanFile(plan)).catch((error: unknown) => {
        notify(`The backup copy could not be written: ${String(error)}`);
      });
    },
  });
}

/** Saves and closes the open plan, if any. */
export async function closeOpenPlan(): Promise<void> {
  const { openPlan } = useWorkbench.getState();
  if (!openPlan) return;
  await openPlan.store.getState().close();
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

/** Creates an empty plan and opens it. */
export async function createPlan(name = 'Untitled plan'): Promise<void> {
  const plan = createBlankPlan(name);
  await deps().repository.save(plan);
  openPlan(plan.id);
}

/** Adds a fresh copy of the sample plan to the library and opens it. */
export async function createFromSample(): Promise<void> {
  const sample = loadSamplePlan();
  const names = useWorkbench.getState().library.map((r) => r.name);
  const plan = copyPlan(
    sample,
    names.includes(sample.name) ? copyName(sample.name, names) : sample.name,
  );
  await deps().repository.save(plan);
  openPlan(plan.id);
}

async function loadOrWarn(id: string): Promise<Plan | null> {
  const result = await deps().repository.load(id);
  if (result?.ok) return result.plan;
  showAlert(
    'This plan cannot be read',
    result ? result.message : 'It is no longer in the library.',
    result && !result.ok ? result.details : [],
  );
  return null;
}

/** Renames a plan in the library. */
export async function renamePlan(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  const plan = await loadOrWarn(id);
  if (!plan) return;
  await deps().repository.save({ ...plan, name: trimmed.slice(0, 500) });
  await refreshLibrary();
}

/** Duplicates a plan under a new id ("Copy of …"). */
export async function duplicatePlan(id: string): Promise<void> {
  const plan = await loadOrWarn(id);
  if (!plan) return;
  const names = useWorkbench.getState().library.map((r) => r.name);
  const copy = copyPlan(plan, copyName(plan.name, names));
  await deps().repository.save(copy);
  await refreshLibrary();
  notify(`Created "${copy.name}".`);
}

/** Moves a plan to "Recently deleted", with Undo. */
export async function deletePlan(id: string): Promise<void> {
  const row = useWorkbench.getState().library.find((r) => r.id === id);
  await deps().repository.softDelete(id);
  await refreshLibrary();
  notify(`Moved "${row?.name ?? 'plan'}" to Recently deleted.`, {
    label: 'Undo',
    run: () => void restorePlan(id),
  });
}

/** Brings a plan back from "Recently deleted". */
export async function restorePlan(id: string): Promise<void> {
  await deps().repository.restore(id);
  await refreshLibrary();
  dismissNotice();
}

/** Deletes a plan for good (the UI confirms first). */
export async function purgePlan(id: string): Promise<void> {
  await deps().repository.purge(id);
  await refreshLibrary();
}

/** Asks the platform for a plan file and imports it. */
export async function openPlanFile(): Promise<void> {
  await importOpenedFile(await deps().platform.openPlanFile());
}

/**
 * Imports an opened plan file into the library. Bad files get a message and
 * change nothing; a plan already in the library asks before replacing it.
 */
export async function importOpenedFile(result: OpenFileResult): Promise<void> {
  if (result.kind === 'canceled') return;
  if (result.kind === 'error') {
    showAlert('The file could not be opened', result.message);
    return;
  }
  const read = readPlanFile(result.text);
  if (!read.ok) {
    showAlert(`"${result.fileName}" could not be opened`, read.message, read.details);
    return;
  }
  const existing = useWorkbench.getState().library.find((r) => r.id === read.plan.id);
  if (existing || (await deps().repository.exists(read.plan.id))) {
    useWorkbench.setState({
      conflict: { plan: read.plan, existingName: existing?.name ?? read.plan.name },
    });
    return;
  }
  await addImportedPlan(read.plan, read.migratedFrom);
}

async function addImportedPlan(plan: Plan, migratedFrom: number | null): Promise<void> {
  await deps().repository.save(plan);
  await refreshLibrary();
  openPlan(plan.id);
  notify(
    migratedFrom === null
      ? `Opened "${plan.name}".`
      : `Opened "${plan.name}" and upgraded it from plan format ${migratedFrom}.`,
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
    await repository.restore(conflict.plan.id).catch(() => undefined);
    await addImportedPlan(conflict.plan, null);
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
    notify('Open a plan first, then save it as a file.');
    return;
  }
  await open.store.getState().flush();
  const plan = open.store.getState().history.present;
  const result = await deps().platform.savePlanFile(planFileName(plan.name), writePlanFile(plan));
  if (result.kind === 'saved') notify(`Saved "${plan.name}" as ${result.path}.`);
  else if (result.kind === 'error') showAlert('The plan file could not be saved', result.message);
}
