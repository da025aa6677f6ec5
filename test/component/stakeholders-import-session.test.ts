/**
 * The import worker's session for a stakeholder list (run in-thread here):
 * the guessed mapping is the register's, the preview counts new, updated
 * and unchanged entries, the failed rows come back as a CSV with a Reason
 * column, and confirming hands over new entries (with ids) and updates.
 */
import { describe, expect, it } from 'vitest';
import { blankStakeholder } from '../../shared/commands/stakeholders';
import {
  ImportSession,
  type ImportResponse,
} from '../../renderer/src/features/content/import-protocol';
import type { StakeholderColumnMapping } from '../../shared/stakeholders/import';

async function ask(session: ImportSession, request: Parameters<ImportSession['handle']>[0]) {
  const replies: ImportResponse[] = [];
  await session.handle(request, (m) => replies.push(m));
  return replies.at(-1)!;
}

describe('import session: stakeholder list', () => {
  it('previews, writes the failed rows and hands over entries and updates', async () => {
    const existing = [
      {
        ...blankStakeholder('Skills Fund', { power: 75, interest: 25 }, 'sh-1'),
        organisation: 'Ministry',
      },
    ];
    const text =
      'Name,Organisation,Type,Power,Interest\n' +
      'Skills Fund,ministry,Funder,High,High\n' +
      'Youth Club,,Outreach,3,4\n' +
      ',,Funder,1,1\n';
    const bytes = new TextEncoder().encode(text).buffer;
    const session = new ImportSession();
    const read = await ask(session, {
      id: 1,
      type: 'read',
      name: 'list.csv',
      bytes,
      existing,
      target: 'stakeholders',
    });
    if (read.type !== 'read' || !read.ok) throw new Error('not read');
    const mapping = read.mapping as StakeholderColumnMapping;
    expect(mapping).toMatchObject({ name: 0, organisation: 1, type: 2, power: 3, interest: 4 });

    const preview = await ask(session, { id: 2, type: 'stakeholderPreview', mapping, choices: {} });
    if (preview.type !== 'stakeholderPreview') throw new Error('no preview');
    expect(preview.summary).toMatchObject({
      readyCount: 1,
      updatedCount: 1,
      unchangedCount: 0,
      failedCount: 1,
      updateSample: [{ row: 2, title: 'Skills Fund', fields: ['Interest: 25 → 75'] }],
    });

    const csv = await ask(session, { id: 3, type: 'failedCsv' });
    expect(csv.type === 'failedCsv' && csv.csv).toBe(
      '\ufeffName,Organisation,Type,Power,Interest,Reason\r\n,,Funder,1,1,Row 4: Name is empty.\r\n',
    );

    const items = await ask(session, { id: 4, type: 'items' });
    if (items.type !== 'stakeholderItems') throw new Error('no items');
    expect(items.entries).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^sh-/),
        name: 'Youth Club',
        power: 50,
        interest: 75,
      }),
    ]);
    expect(items.updates).toEqual([
      { id: 'sh-1', patch: { position: { power: 75, interest: 75 } } },
    ]);
  });
});
