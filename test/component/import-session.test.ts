/**
 * The import worker's session (run in-thread here): the preview carries the
 * file's distinct values and the re-import counts; confirming hands over the
 * new items and the updates in chunks; the failed rows come back as a CSV.
 */
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../shared/content/catalog-import';
import { ContentItem } from '../../shared/plan/schema';
import {
  ITEM_CHUNK,
  ImportSession,
  type ImportResponse,
} from '../../renderer/src/features/content/import-protocol';

async function ask(session: ImportSession, request: Parameters<ImportSession['handle']>[0]) {
  const replies: ImportResponse[] = [];
  await session.handle(request, (m) => replies.push(m));
  return replies;
}

describe('import session', () => {
  it('previews new, updated and unchanged rows with the distinct values, and hands items and updates over in chunks', async () => {
    const existing = [
      ContentItem.parse({ id: 'cat-a', title: 'A', provider: 'P', hours: 1 }),
      ContentItem.parse({ id: 'cat-b', title: 'B', provider: 'P', hours: 2 }),
    ];
    const n = ITEM_CHUNK + 500;
    const lines = [
      'Title,Provider,Kind,Level,Hours',
      'A,P,Course,Beginner,5',
      'B,P,Course,Beginner,2',
    ];
    for (let i = 0; i < n; i++) lines.push(`New ${i},P,Course,${i === 0 ? 'Mixed' : 'Beginner'},1`);
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`).buffer;
    const session = new ImportSession();
    const [read] = await ask(session, { id: 1, type: 'read', name: 'c.csv', bytes, existing });
    expect(read).toMatchObject({ type: 'read', ok: true });
    const mapping = guessMapping(['Title', 'Provider', 'Kind', 'Level', 'Hours']);

    const preview = (await ask(session, { id: 2, type: 'preview', mapping, choices: {} })).at(-1);
    if (preview?.type !== 'preview') throw new Error('no preview');
    expect(preview.summary).toMatchObject({
      readyCount: n - 1,
      updatedCount: 1,
      unchangedCount: 1,
      failedCount: 1,
      // Issue 11 (new-user finding 2): each change with the catalog's value and the file's.
      updateSample: [{ row: 2, title: 'A', fields: ['Hours: 1 → 5'] }],
    });
    expect(preview.summary.values.level.map((v) => [v.text, v.rows, v.suggested])).toEqual([
      ['Beginner', n + 1, 'beginner'],
      ['Mixed', 1, null],
    ]);

    const csv = (await ask(session, { id: 3, type: 'failedCsv' })).at(-1);
    expect(csv?.type === 'failedCsv' && csv.csv).toContain('New 0,P,Course,Mixed,1,');

    const chosen = { values: { level: { mixed: 'advanced' as const } } };
    await ask(session, { id: 4, type: 'preview', mapping, choices: chosen });
    const chunks = await ask(session, { id: 5, type: 'items' });
    const items = chunks.flatMap((c) => (c.type === 'items' ? c.items : []));
    const updates = chunks.flatMap((c) => (c.type === 'items' ? c.updates : []));
    expect(chunks.map((c) => c.type === 'items' && c.last)).toEqual([false, true]);
    expect(items).toHaveLength(n);
    expect(new Set(items.map((i) => i.id)).size).toBe(n);
    expect(items[0]).toMatchObject({ title: 'New 0', level: 'advanced' });
    expect(updates).toEqual([{ id: 'cat-a', patch: { hours: 5 } }]);
  });
});
