// Restoring a backup is one command: the plan becomes the backup's content,
// under the open plan's id, as one step that undo reverses.
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../shared/commands/command';
import { restoreBackup } from '../../shared/commands/restore-backup';
import { createBlankPlan } from '../../shared/plan/create';

describe('restore backup command', () => {
  it('replaces the whole plan with the backup, keeping the id and dropping fields the backup lacks', () => {
    const current = {
      ...createBlankPlan('Now'),
      extraFromANewerEdit: { kept: false },
    } as ReturnType<typeof createBlankPlan>;
    const backup = {
      ...createBlankPlan('Then'),
      objective: { ...current.objective, region: 'North' },
    };
    const outcome = runCommand(
      current,
      restoreBackup({ plan: backup, when: '20 Nov 2026, 14:05' }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.plan).toEqual({ ...backup, id: current.id });
    expect(outcome.plan).not.toHaveProperty('extraFromANewerEdit');
    expect(outcome.label).toBe('Restore the backup from 20 Nov 2026, 14:05');
    expect(outcome.location).toEqual({ section: 'objective' });
    expect(current.name).toBe('Now'); // the plan before is untouched (undo restores it)
  });
});
