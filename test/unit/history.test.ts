import { describe, expect, it } from 'vitest';
import {
  COALESCE_MS,
  HISTORY_LIMIT,
  commit,
  createHistory,
  redo,
  redoLabel,
  seal,
  undo,
  undoLabel,
} from '../../shared/history';

describe('undo history', () => {
  it('undoes and redoes named actions in order', () => {
    let h = createHistory('a');
    h = commit(h, 'b', { name: 'first' }, 0);
    h = commit(h, 'c', { name: 'second' }, 10_000);
    expect(undoLabel(h)).toBe('second');
    h = undo(h);
    expect(h.present).toBe('b');
    expect(redoLabel(h)).toBe('second');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('merges typing in one field into one step', () => {
    let h = createHistory('');
    for (const [i, text] of ['Y', 'Yo', 'You', 'Youth'].entries()) {
      h = commit(h, text, { name: 'Edit name', coalesceKey: 'name' }, i * 200);
    }
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe('');
  });

  it('starts a new step after a seal, a pause, or another field', () => {
    let h = createHistory('');
    h = commit(h, 'a', { name: 'Edit', coalesceKey: 'f' }, 0);
    h = seal(h);
    h = commit(h, 'ab', { name: 'Edit', coalesceKey: 'f' }, 10);
    h = commit(h, 'abc', { name: 'Edit', coalesceKey: 'f' }, 10 + COALESCE_MS + 1);
    h = commit(h, 'abcd', { name: 'Edit', coalesceKey: 'g' }, 20 + COALESCE_MS);
    expect(h.past.map((s) => s.state)).toEqual(['', 'a', 'ab', 'abc']);
  });

  it('clears redo on a new edit but not on seal', () => {
    let h = commit(createHistory(1), 2, { name: 'x' }, 0);
    h = undo(h);
    expect(seal(h).future).toHaveLength(1);
    h = commit(h, 3, { name: 'y' }, 1);
    expect(h.future).toHaveLength(0);
  });

  it('ignores edits that change nothing', () => {
    const h = createHistory({ a: 1 });
    expect(commit(h, h.present, { name: 'noop' }, 0)).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = commit(h, i, { name: 'n' }, i * 10_000);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]?.state).toBe(50);
  });
});
