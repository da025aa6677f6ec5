// Every close asks a loaded page first, even with nothing unsaved, so the
// renderer can write the open plan's 'quit' backup.
import { describe, expect, it, vi } from 'vitest';
import { createFlushCoordinator, guardWindowClose } from '../../electron/close-guard';

function fakeWindow() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const window = {
    on: (_event: 'close', callback: typeof listener) => (listener = callback),
    close: vi.fn(() => listener?.({ preventDefault: vi.fn() })),
    isDestroyed: () => false,
  };
  const tryClose = () => {
    const event = { preventDefault: vi.fn() };
    listener?.(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { window, tryClose };
}

describe('close guard and the quit backup', () => {
  it('asks a loaded page before closing a window with nothing unsaved', async () => {
    const { window, tryClose } = fakeWindow();
    const requestFlush = vi.fn();
    const coordinator = createFlushCoordinator({ requestFlush });
    const quit = vi.fn();
    guardWindowClose(window, {
      isEdited: () => false,
      askRenderer: () => true,
      coordinator,
      isQuitting: () => true,
      quit,
    });
    expect(tryClose()).toBe(true);
    expect(requestFlush).toHaveBeenCalledTimes(1);
    coordinator.done(); // the renderer wrote its quit backup
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(tryClose()).toBe(false);
  });

  it('closes at once when there is no page to ask', () => {
    const { window, tryClose } = fakeWindow();
    const requestFlush = vi.fn();
    guardWindowClose(window, {
      isEdited: () => false,
      askRenderer: () => false,
      coordinator: createFlushCoordinator({ requestFlush }),
      isQuitting: () => false,
      quit: vi.fn(),
    });
    expect(tryClose()).toBe(false);
    expect(requestFlush).not.toHaveBeenCalled();
  });

  it('closes after the timeout when the page never answers', async () => {
    vi.useFakeTimers();
    try {
      const { window, tryClose } = fakeWindow();
      const coordinator = createFlushCoordinator({ requestFlush: vi.fn(), timeoutMs: 3000 });
      guardWindowClose(window, {
        isEdited: () => false,
        askRenderer: () => true,
        coordinator,
        isQuitting: () => false,
        quit: vi.fn(),
      });
      expect(tryClose()).toBe(true);
      await vi.advanceTimersByTimeAsync(3000);
      expect(window.close).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
