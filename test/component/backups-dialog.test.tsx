import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/ipc';
import { createBlankPlan } from '../../shared/plan/create';
import { writePlanFile } from '../../shared/plan/plan-file';
import { BackupsDialog } from '../../renderer/src/features/backups/BackupsDialog';
import { useWorkbench } from '../../renderer/src/app/workbench';
import type { BackupStore } from '../../renderer/src/platform/platform';
import { createPlanStore } from '../../renderer/src/store/plan-store';

function fakeBackups(files: Record<string, string>): BackupStore {
  const infos: BackupInfo[] = Object.keys(files).map((file, i) => ({
    file,
    savedAt: new Date(Date.UTC(2026, 10, 20 - i, 9)).toISOString(),
    reason: 'rolling' as const,
    bytes: files[file]!.length,
  }));
  return {
    write: async () => undefined,
    list: async () => infos,
    read: async (_planId, file) => files[file]!,
  };
}

describe('restore from backup', () => {
  it('lists backups and restores one as an undoable step', async () => {
    const current = createBlankPlan('Current');
    const older = { ...current, objective: { ...current.objective, region: 'From the backup' } };
    const store = createPlanStore(current, { write: async () => undefined, describeError: String });
    let closed = false;
    render(
      <BackupsDialog
        backups={fakeBackups({ '2026-11-20T09-00-00-000Z.upskill.json': writePlanFile(older) })}
        store={store}
        onClose={() => (closed = true)}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(store.getState().history.present.objective.region).toBe('From the backup');
    store.getState().undo();
    expect(store.getState().history.present.objective.region).toBe('');
  });

  it('refuses a damaged backup and leaves the plan alone', async () => {
    const plan = createBlankPlan('Current');
    const store = createPlanStore(plan, { write: async () => undefined, describeError: String });
    render(
      <BackupsDialog
        backups={fakeBackups({
          '2026-11-20T09-00-00-000Z.upskill.json': '{"schemaVersion": 1, "id": ',
        })}
        store={store}
        onClose={() => undefined}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(useWorkbench.getState().alert?.title).toBe('This backup cannot be restored'),
    );
    expect(store.getState().history.present).toBe(plan);
  });

  it('says when there are no backups yet', async () => {
    const store = createPlanStore(createBlankPlan('P'), {
      write: async () => undefined,
      describeError: String,
    });
    render(<BackupsDialog backups={fakeBackups({})} store={store} onClose={() => undefined} />);
    await screen.findByText('There are no backups of this plan yet.');
  });
});
