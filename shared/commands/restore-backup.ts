/**
 * Restoring a backup over the open plan: the whole plan is replaced by the
 * backup's content (keeping the plan's id, so it stays the same library
 * entry) as one undoable step.
 */
import { englishTranslator } from '../i18n/english';
import type { Plan } from '../plan/schema';
import { defineCommand } from './command';

/** Arguments: the plan read from the backup file, and when the backup was taken, as shown to the user. */
export interface RestoreBackupArgs {
  readonly plan: Plan;
  readonly when: string;
}

/** Replaces the plan with a backup's content, as one undoable step. */
export const restoreBackup = defineCommand<RestoreBackupArgs>({
  type: 'plan.restoreBackup',
  label: ({ when }, _plan, t = englishTranslator) => t('commands:planIo.restoreBackup', { when }),
  // Everything may have changed; the first section is where a restored plan starts.
  locate: () => ({ section: 'objective' }),
  apply(draft, { plan }) {
    const target = draft as unknown as Record<string, unknown>;
    const source: Record<string, unknown> = { ...plan, id: draft.id };
    // Fields the backup lacks go too: the restored plan is the backup, not a merge.
    for (const key of Object.keys(target)) if (!Object.hasOwn(source, key)) delete target[key];
    Object.assign(target, source);
  },
});
