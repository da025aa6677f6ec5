// The backups taken on quit and before a change, as the close flow and the
// importers call them.
import { describe, expect, it } from 'vitest';
import type { BackupReason } from '../../shared/backups/backup-files';
import { createBlankPlan } from '../../shared/plan/create';
import { readPlanFile, writePlanFile } from '../../shared/plan/plan-file';
import {
  backupBeforeChange,
  flushAndBackUpOnQuit,
} from '../../renderer/src/features/backups/backup-triggers';
import type { BackupStore } from '../../renderer/src/platform/platform';
import { createPlanStore } from '../../renderer/src/store/plan-store';

function recordingBackups(fail = false) {
  const written: { planId: string; text: string; reason: BackupReason | undefined }[] = [];
  const backups: BackupStore = {
    write: async (planId, text, reason) => {
      if (fail) throw new Error('The disk is full.');
      written.push({ planId, text, reason });
    },
    list: async () => [],
    read: async () => '',
    readPersonal: async () => null,
    deletePersonal: async () => 0,
  };
  return { backups, written };
}

describe('quit backup', () => {
  it('flushes the open plan and writes a quit backup of it', async () => {
    const saves: string[] = [];
    const plan = createBlankPlan('Quitting');
    const store = createPlanStore(plan, {
      write: async (saved) => {
        saves.push(saved.name);
        return 1;
      },
      describeError: String,
    });
    const { backups, written } = recordingBackups();
    await flushAndBackUpOnQuit(store, backups);
    expect(written).toHaveLength(1);
    expect(written[0]?.reason).toBe('quit');
    expect(written[0]?.planId).toBe(plan.id);
    const read = readPlanFile(written[0]!.text);
    expect(read.ok && read.plan.name).toBe('Quitting');
  });

  it('does nothing without an open plan, and never throws when the write fails', async () => {
    const { backups, written } = recordingBackups();
    await flushAndBackUpOnQuit(undefined, backups);
    expect(written).toEqual([]);
    const store = createPlanStore(createBlankPlan('P'), {
      write: async () => 1,
      describeError: String,
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      await expect(flushAndBackUpOnQuit(store, recordingBackups(true).backups)).resolves.toBe(
        undefined,
      );
      // The browser version has no backups: only the flush happens.
      await expect(flushAndBackUpOnQuit(store, null)).resolves.toBe(undefined);
    } finally {
      console.error = original;
    }
  });
});

describe('backup before a change', () => {
  it('writes the plan text with its reason', async () => {
    const plan = createBlankPlan('Before import');
    const { backups, written } = recordingBackups();
    const outcome = await backupBeforeChange(
      plan.id,
      writePlanFile(plan),
      'before-import',
      backups,
    );
    expect(outcome).toEqual({ kind: 'written' });
    expect(written).toEqual([
      { planId: plan.id, text: writePlanFile(plan), reason: 'before-import' },
    ]);
  });

  it('reports a failed write instead of throwing, and no backups in the browser', async () => {
    const { backups } = recordingBackups(true);
    expect(await backupBeforeChange('p', '{}', 'before-restore', backups)).toEqual({
      kind: 'failed',
      message: 'The disk is full.',
    });
    // In jsdom there is no window.workbench: the platform is the browser version.
    expect(await backupBeforeChange('p', '{}', 'before-import')).toEqual({ kind: 'unavailable' });
  });
});
