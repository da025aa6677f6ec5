/**
 * The catalog import dialog against a real plan store: the import is one
 * `catalog.import` step, a before-import backup is written first on
 * desktop, and when that backup fails nothing is imported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupReason } from '../../shared/backups/backup-files';
import { createBlankPlan } from '../../shared/plan/create';
import { readPlanFile } from '../../shared/plan/plan-file';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { ImportDialog } from '../../renderer/src/features/content/ImportDialog';
import type { BackupStore } from '../../renderer/src/platform/platform';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';

const csv = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'imports', 'catalog-one-bad-row.csv'),
);

type Written = { planId: string; text: string; reason: BackupReason | undefined };

function fakeBackups(fail = false): BackupStore & { written: Written[] } {
  const written: Written[] = [];
  return {
    written,
    write: async (planId, text, reason) => {
      if (fail) throw new Error('The disk is full.');
      written.push({ planId, text, reason });
    },
    list: async () => [],
    read: async () => '',
    readPersonal: async () => null,
    deletePersonal: async () => 0,
  };
}

function setup(backups: BackupStore | null) {
  const plan = createBlankPlan('Import test');
  const store = createPlanStore(plan, { write: async () => 1, describeError: String });
  let closed = false;
  render(
    <PlanStoreProvider value={store}>
      <ImportDialog backups={backups} onClose={() => (closed = true)} />
    </PlanStoreProvider>,
  );
  return { plan, store, closed: () => closed };
}

async function chooseCsvAndWait() {
  const input = screen.getByLabelText('Spreadsheet to import');
  const file = new File([csv], 'catalog-one-bad-row.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByText(/3 rows ready to import/, undefined, { timeout: 5000 });
}

beforeEach(() => {
  useWorkbench.setState({ alert: null, notice: null });
});

describe('catalog import dialog', () => {
  it('writes a before-import backup, then imports every ready row as one undo step', async () => {
    const backups = fakeBackups();
    const { plan, store, closed } = setup(backups);
    await chooseCsvAndWait();
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 items' }));
    await waitFor(() => expect(closed()).toBe(true));

    const after = store.getState().history;
    expect(after.present.content.catalog.map((c) => c.title)).toEqual([
      'Cloud Support Essentials',
      'Help-Desk Phone Etiquette',
      'Hardware Installation and Repair Lab',
    ]);
    expect(Object.isFrozen(after.present.content.catalog[0])).toBe(true);
    expect(after.past.map((s) => s.action)).toEqual(['Import 3 catalog items']);
    expect(after.past[0]?.location).toEqual({ section: 'content' });

    expect(backups.written).toHaveLength(1);
    expect(backups.written[0]).toMatchObject({ planId: plan.id, reason: 'before-import' });
    const saved = readPlanFile(backups.written[0]!.text);
    expect(saved.ok && saved.plan.content.catalog).toEqual([]);
    // The notice's Undo undoes exactly this step.
    expect(useWorkbench.getState().notice).toMatchObject({
      message: 'Imported 3 items; 1 row was left out.',
      action: { label: 'Undo' },
    });
  });

  it('imports nothing, and says so, when the backup cannot be written', async () => {
    const { store, closed } = setup(fakeBackups(true));
    await chooseCsvAndWait();
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 items' }));
    const alert = await screen.findByText(/No backup of the plan could be written first/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain('The disk is full.');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Nothing was imported.');
    expect(closed()).toBe(false);
    expect(store.getState().history.present.content.catalog).toEqual([]);
    expect(store.getState().history.past).toEqual([]);
  });

  it('imports without a backup where there are none (the browser version)', async () => {
    const { store, closed } = setup(null);
    await chooseCsvAndWait();
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 items' }));
    await waitFor(() => expect(closed()).toBe(true));
    expect(store.getState().history.present.content.catalog).toHaveLength(3);
  });
});
