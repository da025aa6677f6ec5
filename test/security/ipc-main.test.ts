import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createSenderCheck,
  createTypedIpcMain,
  validateIpcCall,
  type SenderCheck,
} from '../../electron/ipc-main';
import { isAppUrl } from '../../electron/security';
import { IpcRequest } from '../../shared/ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const ourContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;

function event(options: {
  sender?: WebContents;
  url?: string;
  subframe?: boolean;
  noFrame?: boolean;
}): IpcMainInvokeEvent {
  const frame = options.noFrame
    ? null
    : { url: options.url ?? 'app://upskill/index.html', parent: options.subframe ? {} : null };
  return {
    sender: options.sender ?? ourContents,
    senderFrame: frame,
  } as unknown as IpcMainInvokeEvent;
}

const check = createSenderCheck({
  trustedContents: () => ourContents,
  isAppUrl: (url) => isAppUrl(url, { kind: 'app' }),
});

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
  } as unknown as Pick<IpcMain, 'handle'>;
  return { ipcMain, handlers };
}

describe('sender check', () => {
  it('trusts the top frame of our window on our origin', () => {
    expect(check(event({}))).toBe(true);
  });

  it('refuses another WebContents, a subframe, a foreign page, or a vanished frame', () => {
    expect(check(event({ sender: otherContents }))).toBe(false);
    expect(check(event({ subframe: true }))).toBe(false);
    expect(check(event({ url: 'https://evil.example/' }))).toBe(false);
    expect(check(event({ url: 'file:///tmp/evil.html' }))).toBe(false);
    expect(check(event({ noFrame: true }))).toBe(false);
  });

  it('refuses everything once the window is gone', () => {
    const closed = createSenderCheck({ trustedContents: () => null, isAppUrl: () => true });
    expect(closed(event({}))).toBe(false);
  });
});

describe('validateIpcCall', () => {
  const allow: SenderCheck = () => true;

  it('returns the parsed payload of a valid call', () => {
    const payload = validateIpcCall('backup:list', event({}), [{ planId: 'plan-1' }], allow);
    expect(payload).toEqual({ planId: 'plan-1' });
  });

  it('accepts no-argument channels called without arguments', () => {
    expect(validateIpcCall('file:open', event({}), [], allow)).toBeUndefined();
  });

  it('names the channel and the field of an invalid payload', () => {
    expect(() =>
      validateIpcCall('backup:read', event({}), [{ planId: 'p', file: '../../etc/passwd' }], allow),
    ).toThrow(/Refused IPC call 'backup:read': invalid payload \(file: /);
    expect(() => validateIpcCall('backup:list', event({}), [{ planId: 42 }], allow)).toThrow(
      /planId/,
    );
    expect(() => validateIpcCall('file:open', event({}), [{ sneaky: true }], allow)).toThrow(
      /invalid payload/,
    );
  });

  it('validates backup writes: any plan id the file format allows, a known reason', () => {
    const write = (payload: unknown) =>
      validateIpcCall('backup:write', event({}), [payload], allow);
    // No reason is a rolling copy.
    expect(write({ planId: 'plan-1', text: '{}' })).toEqual({
      planId: 'plan-1',
      text: '{}',
      reason: 'rolling',
    });
    for (const planId of ['a b', 'plan.2026', 'CON', 'ünï 🙂', '..', 'x'.repeat(100)]) {
      expect(write({ planId, text: '{}', reason: 'quit' })).toMatchObject({ planId });
    }
    expect(() => write({ planId: '', text: '{}' })).toThrow(/planId/);
    expect(() => write({ planId: 'x'.repeat(101), text: '{}' })).toThrow(/planId/);
    expect(() => write({ planId: 'p', text: '{}', reason: 'because' })).toThrow(/reason/);
    expect(() =>
      validateIpcCall('backup:read', event({}), [{ planId: 'p', file: 'plan-id.json' }], allow),
    ).toThrow(/file/);
  });

  it('refuses extra arguments and unknown channels', () => {
    expect(() => validateIpcCall('file:open', event({}), [undefined, 'extra'], allow)).toThrow(
      /at most one argument/,
    );
    expect(() => validateIpcCall('nope' as 'file:open', event({}), [], allow)).toThrow(
      /unknown channel/,
    );
    expect(() => validateIpcCall('__proto__' as 'file:open', event({}), [], allow)).toThrow(
      /unknown channel/,
    );
  });
});

describe('typed ipcMain.handle wrapper', () => {
  it('runs the handler for a trusted sender with a valid payload', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const handler = vi.fn(async (payload: { planId: string }) => [
      { file: `${payload.planId}.upskill.json`, savedAt: '', reason: 'rolling' as const, bytes: 1 },
    ]);
    createTypedIpcMain(ipcMain, check).handle('backup:list', handler);
    const result = await handlers.get('backup:list')?.(event({}), { planId: 'abc' });
    expect(handler).toHaveBeenCalledWith({ planId: 'abc' }, expect.anything());
    expect(result).toEqual([
      { file: 'abc.upskill.json', savedAt: '', reason: 'rolling', bytes: 1 },
    ]);
  });

  it('rejects a wrong sender without running the handler', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const handler = vi.fn();
    createTypedIpcMain(ipcMain, check).handle('backup:list', handler);
    await expect(
      handlers.get('backup:list')?.(event({ sender: otherContents }), { planId: 'abc' }),
    ).rejects.toThrow(/did not come from the Upskill Workbench window/);
    await expect(
      handlers.get('backup:list')?.(event({ url: 'https://evil.example/' }), { planId: 'abc' }),
    ).rejects.toThrow(/did not come from/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects an invalid payload without running the handler', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const handler = vi.fn();
    createTypedIpcMain(ipcMain, check).handle('file:save', handler);
    const call = handlers.get('file:save');
    await expect(call?.(event({}), { suggestedName: '', text: '{}' })).rejects.toThrow(
      /suggestedName/,
    );
    await expect(call?.(event({}), { suggestedName: 'x', text: 5 })).rejects.toThrow(/text/);
    await expect(call?.(event({}), 'plain string')).rejects.toThrow(/invalid payload/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('covers every channel of the contract with a schema', () => {
    for (const channel of Object.keys(IpcRequest)) {
      expect(typeof IpcRequest[channel as keyof typeof IpcRequest].safeParse).toBe('function');
    }
  });
});
