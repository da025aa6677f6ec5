/**
 * Commands of the learner roster (issue 14). The roster itself — learners'
 * names, e-mails, platform ids — is personal data kept in the local database
 * only; the plan keeps each import's aggregates (`manage.progress`), and
 * these commands are how they enter and leave it. Roster-counted KPIs get
 * (or lose) the actual of each snapshot in the same step.
 *
 * Undo policy: undoing an import removes its snapshot from the plan; the
 * learners it updated stay updated in the local roster (the database is not
 * part of the plan's history, and the older values are gone). The import
 * notice and the section say so.
 */
import { ProgressSnapshot, type ProgressSnapshot as Snapshot } from '../plan/schema';
import { englishTranslator } from '../i18n/english';
import { syncRosterActuals } from '../manage/kpis';
import { CommandRefusal, defineCommand, formatIn } from './command';

const SECTION = 'roster' as const;
/** Most snapshots a plan keeps (the schema's limit). */
const MAX_SNAPSHOTS = 5000;

/**
 * Records a roster import's aggregates: its snapshot joins the plan's
 * progress in date order, replacing one of the same date (an export of
 * the same day imported again).
 */
export const recordRosterSnapshot = defineCommand<{ snapshot: Snapshot }>({
  type: 'roster.recordSnapshot',
  label: ({ snapshot }, _plan, t = englishTranslator) =>
    t('commands:roster.importProgress', { date: formatIn(t).date(snapshot.date) }),
  locate: () => ({ section: SECTION }),
  apply(draft, { snapshot }) {
    const parsed = ProgressSnapshot.safeParse(snapshot);
    if (!parsed.success) throw CommandRefusal.of('invalidSnapshot');
    const list = draft.manage.progress;
    const same = list.findIndex((s) => s.date === parsed.data.date);
    if (same >= 0) {
      list[same] = parsed.data;
      // Roster-counted KPIs get their actual of this snapshot (shared/manage/kpis.ts).
      syncRosterActuals(draft);
      return;
    }
    if (list.length >= MAX_SNAPSHOTS)
      throw CommandRefusal.of('tooManySnapshots', { max: MAX_SNAPSHOTS });
    const at = list.findIndex((s) => s.date > parsed.data.date);
    if (at < 0) list.push(parsed.data);
    else list.splice(at, 0, parsed.data);
    syncRosterActuals(draft);
  },
});

/** Removes the snapshot of one date from the plan's progress (the roster is not touched). */
export const removeRosterSnapshot = defineCommand<{ date: string }>({
  type: 'roster.removeSnapshot',
  label: ({ date }, _plan, t = englishTranslator) =>
    t('commands:roster.removeProgress', { date: formatIn(t).date(date) }),
  locate: () => ({ section: SECTION }),
  apply(draft, { date }) {
    const at = draft.manage.progress.findIndex((s) => s.date === date);
    if (at < 0) throw CommandRefusal.of('snapshotGone');
    draft.manage.progress.splice(at, 1);
    // Its KPI actuals go with it.
    syncRosterActuals(draft);
  },
});
