import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupReason } from '../../shared/backups/backup-files';
import type { BackupInfo } from '../../shared/ipc';
import { createBlankPlan } from '../../shared/plan/create';
import { readPlanFile, writePlanFile } from '../../shared/plan/plan-file';
import { BackupsDialog } from '../../renderer/src/features/backups/BackupsDialog';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';
import type { BackupStore } from '../../renderer/src/platform/platform';
import { createPlanStore } from '../../renderer/src/store/plan-store';

type Written = { planId: string; text: string; reason: BackupReason | undefined };

function fakeBackups(
  files: Record<string, string>,
  options: { infos?: BackupInfo[]; failWrites?: boolean } = {},
): BackupStore & { written: Written[] } {
  const infos: BackupInfo[] =
    options.infos ??
    Object.keys(files).map((file, i) => ({
      file,
      savedAt: new Date(Date.UTC(2026, 10, 20 - i, 9)).toISOString(),
      reason: 'rolling',
      bytes: files[file]!.length,
    }));
  const written: Written[] = [];
  return {
    written,
    write: async (planId, text, reason) => {
      if (options.failWrites) throw new Error('The disk is full.');
      written.push({ planId, text, reason });
    },
    list: async () => infos,
    read: async (_planId, file) => files[file]!,
    readPersonal: async () => null,
    deletePersonal: async () => 0,
  };
}

const persistence = { write: async () => 1, describeError: String };

beforeEach(() => {
  useWorkbench.setState({ alert: null, notice: null });
});

describe('restore from backup', () => {
  it('lists backups and restores one as an undoable step', async () => {
    const current = createBlankPlan('Current');
    const older = { ...current, objective: { ...current.objective, region: 'From the backup' } };
    const store = createPlanStore(current, persistence);
    let closed = false;
    const backups = fakeBackups({ '2026-11-20T09-00-00-000Z.upskill.json': writePlanFile(older) });
    render(<BackupsDialog backups={backups} store={store} onClose={() => (closed = true)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(store.getState().history.present.objective.region).toBe('From the backup');
    expect(store.getState().history.present.id).toBe(current.id);
    store.getState().undo();
    expect(store.getState().history.present.objective.region).toBe('');
  });

  it('backs up the plan as it is before restoring over it', async () => {
    const current = createBlankPlan('Current');
    const edited = { ...current, objective: { ...current.objective, region: 'Typed today' } };
    const store = createPlanStore(edited, persistence);
    const backups = fakeBackups({
      '2026-11-20T09-00-00-000Z.upskill.json': writePlanFile(current),
    });
    render(<BackupsDialog backups={backups} store={store} onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(store.getState().history.present.objective.region).toBe(''));
    expect(backups.written).toHaveLength(1);
    const [safety] = backups.written;
    expect(safety?.reason).toBe('before-restore');
    expect(safety?.planId).toBe(current.id);
    const saved = readPlanFile(safety!.text);
    expect(saved.ok && saved.plan.objective.region).toBe('Typed today');
  });

  it('restores nothing when the copy of the current plan cannot be written', async () => {
    const current = createBlankPlan('Current');
    const store = createPlanStore(current, persistence);
    const older = { ...current, name: 'Older' };
    render(
      <BackupsDialog
        backups={fakeBackups(
          { '2026-11-20T09-00-00-000Z.upskill.json': writePlanFile(older) },
          { failWrites: true },
        )}
        store={store}
        onClose={() => undefined}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(useWorkbench.getState().alert?.title).toBe('The backup was not restored'),
    );
    expect(useWorkbench.getState().alert?.message).toMatch(/The disk is full/);
    expect(store.getState().history.present).toBe(current);
  });

  it('refuses a damaged backup and leaves the plan alone', async () => {
    const plan = createBlankPlan('Current');
    const store = createPlanStore(plan, persistence);
    const backups = fakeBackups({
      '2026-11-20T09-00-00-000Z.upskill.json': '{"schemaVersion": 1, "id": ',
    });
    render(<BackupsDialog backups={backups} store={store} onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(useWorkbench.getState().alert?.title).toBe('This backup cannot be restored'),
    );
    expect(store.getState().history.present).toBe(plan);
    expect(backups.written).toEqual([]); // no safety copy for a restore that never happened
  });

  it('says when there are no backups yet', async () => {
    const store = createPlanStore(createBlankPlan('P'), persistence);
    render(<BackupsDialog backups={fakeBackups({})} store={store} onClose={() => undefined} />);
    await screen.findByText('There are no backups of this plan yet.');
  });
});

describe('backups grouped by date', () => {
  // Local times, so the grouping is checked in whatever time zone the tests run.
  const now = new Date(2026, 10, 20, 15, 0);
  const local = (day: number, hours: number, minutes: number) =>
    new Date(2026, 10, day, hours, minutes).toISOString();
  const info = (savedAt: string, reason: BackupReason, bytes: number): BackupInfo => ({
    file: `${savedAt.replace(/[:.]/g, '-')}${reason === 'rolling' ? '' : `.${reason}`}.upskill.json`,
    savedAt,
    reason,
    bytes,
  });
  const infos = [
    info(local(18, 17, 5), 'quit', 2 * 1024 * 1024 + 300 * 1024),
    info(local(20, 14, 59), 'rolling', 12 * 1024),
    info(local(19, 9, 30), 'before-import', 800),
    info(local(20, 14, 0), 'before-restore', 40 * 1024),
    info(local(19, 17, 2), 'quit', 13 * 1024),
  ];
  // Times and dates in the UI language's way (English: en-GB), in this computer's time zone.
  const time = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(new Date(iso));

  function renderList() {
    const store = createPlanStore(createBlankPlan('P'), persistence);
    render(
      <BackupsDialog
        backups={fakeBackups({}, { infos })}
        store={store}
        onClose={() => undefined}
        now={now}
      />,
    );
  }

  it('shows Today, Yesterday, then dates, newest first, with time, reason and size', async () => {
    renderList();
    const groups = await screen.findAllByRole('group');
    const olderDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full' }).format(
      new Date(2026, 10, 18),
    );
    expect(groups.map((group) => within(group).getByRole('heading').textContent)).toEqual([
      'Today',
      'Yesterday',
      olderDate,
    ]);
    expect(screen.getByRole('group', { name: 'Today' })).toBe(groups[0]);
    const rows = (group: HTMLElement) =>
      within(group)
        .getAllByRole('listitem')
        .map((row) => row.textContent);
    expect(rows(groups[0]!)).toEqual([
      `${time(infos[1]!.savedAt)} · While working12 KBRestore`,
      `${time(infos[3]!.savedAt)} · Before restore40 KBRestore`,
    ]);
    expect(rows(groups[1]!)).toEqual([
      `${time(infos[4]!.savedAt)} · On quit13 KBRestore`,
      `${time(infos[2]!.savedAt)} · Before import1 KBRestore`,
    ]);
    expect(rows(groups[2]!)).toEqual([`${time(infos[0]!.savedAt)} · On quit2.3 MBRestore`]);
  });

  it('names each Restore button and describes which backup it restores', async () => {
    renderList();
    const buttons = await screen.findAllByRole('button', { name: 'Restore' });
    expect(buttons).toHaveLength(5);
    const described = (description: string) =>
      screen.getByRole('button', { name: 'Restore', description });
    expect(described(`Today ${time(infos[1]!.savedAt)} · While working 12 KB`)).toBe(buttons[0]);
    expect(described(`Yesterday ${time(infos[4]!.savedAt)} · On quit 13 KB`)).toBe(buttons[2]);
  });

  it('moves between backups with the arrow keys, Home and End', async () => {
    renderList();
    const buttons = await screen.findAllByRole('button', { name: 'Restore' });
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[2]); // across the day heading
    fireEvent.keyDown(buttons[2]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[4]);
    fireEvent.keyDown(buttons[4]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[4]);
    fireEvent.keyDown(buttons[4]!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
  });

  describe('in another language', () => {
    afterEach(async () => {
      await act(() => setUiLanguage('en'));
    });

    it('says Hoy, Ayer and the date, reasons and sizes in Spanish', async () => {
      await act(() => setUiLanguage('es'));
      renderList();
      const groups = await screen.findAllByRole('group');
      const olderDate = new Intl.DateTimeFormat('es', { dateStyle: 'full' }).format(
        new Date(2026, 10, 18),
      );
      expect(groups.map((group) => within(group).getByRole('heading').textContent)).toEqual([
        'Hoy',
        'Ayer',
        olderDate,
      ]);
      screen.getByRole('dialog', { name: 'Restaurar desde una copia de seguridad' });
      const rows = within(groups[2]!)
        .getAllByRole('listitem')
        .map((row) => row.textContent);
      // A decimal comma, and the reason in Spanish.
      expect(rows).toEqual([
        `${new Intl.DateTimeFormat('es', { timeStyle: 'short' }).format(new Date(infos[0]!.savedAt))} · Al salir2,3 MBRestaurar`,
      ]);
      expect(screen.getAllByRole('button', { name: 'Restaurar' })).toHaveLength(5);
    });
  });
});
