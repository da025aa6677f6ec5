/** The browser tab's title follows the open plan without costing a keystroke or a save any work. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectPlatform } from '../../renderer/src/platform/platform';

const state = (edited: boolean) => ({
  title: 'Skills Bridge — Upskill Workbench',
  edited,
  canUndo: false,
  canRedo: false,
});

describe('the browser window title', () => {
  afterEach(() => vi.useRealTimers());

  it('is set once the page is idle, to the last state of a burst', () => {
    vi.useFakeTimers();
    document.title = 'Upskill Workbench';
    const platform = detectPlatform();
    platform.setWindowState(state(true));
    expect(document.title).toBe('Upskill Workbench');
    vi.runAllTimers();
    expect(document.title).toBe('• Skills Bridge — Upskill Workbench');

    // A save that starts and ends before the page is idle never touches the title.
    const set = vi.spyOn(document, 'title', 'set');
    platform.setWindowState(state(false));
    platform.setWindowState(state(true));
    vi.runAllTimers();
    expect(set).not.toHaveBeenCalled();

    platform.setWindowState(state(false));
    vi.runAllTimers();
    expect(document.title).toBe('Skills Bridge — Upskill Workbench');
  });
});
