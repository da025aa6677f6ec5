/**
 * The main-process half of the typed IPC contract (after desktop/desktop's
 * ipc-main.ts): one generic `handle` that refuses calls from anything but our
 * window's top frame on our origin, validates the payload with the channel's
 * zod schema, and only then runs the handler.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { IpcRequest, type IpcChannel, type IpcResponse } from '../shared/ipc';

/** A channel's payload after validation (schema output). */
export type IpcPayload<C extends IpcChannel> = z.output<(typeof IpcRequest)[C]>;

/** A main-process handler for one channel. */
export type IpcHandler<C extends IpcChannel> = (
  payload: IpcPayload<C>,
  event: IpcMainInvokeEvent,
) => IpcResponse[C] | Promise<IpcResponse[C]>;

/** Decides whether an IPC call comes from a sender we trust. */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/** Registers typed handlers. */
export type TypedIpcMain = {
  handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void;
};

/**
 * Trust only the top frame of the window we created, showing a page of our
 * own origin (desktop/desktop trusted-ipc-sender): a navigated, embedded or
 * foreign page gets nothing.
 */
export function createSenderCheck(options: {
  trustedContents: () => WebContents | null | undefined;
  isAppUrl: (url: string) => boolean;
}): SenderCheck {
  return (event) => {
    const contents = options.trustedContents();
    if (!contents || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return options.isAppUrl(frame.url);
  };
}

/** Human-readable summary of a zod error: "text: Too big…; suggestedName: …". */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks sender and payload of one call and returns the parsed payload;
 * throws an Error (which the renderer's invoke() rejects with) otherwise.
 */
export function validateIpcCall<C extends IpcChannel>(
  channel: C,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  args: readonly unknown[],
  isTrustedSender: SenderCheck,
): IpcPayload<C> {
  if (!Object.hasOwn(IpcRequest, channel)) {
    throw new Error(`Refused IPC call on unknown channel '${String(channel)}'.`);
  }
  if (!isTrustedSender(event)) {
    throw new Error(
      `Refused IPC call '${channel}': it did not come from the Upskill Workbench window.`,
    );
  }
  if (args.length > 1) {
    throw new Error(
      `Refused IPC call '${channel}': expected at most one argument, got ${args.length}.`,
    );
  }
  const schema: z.ZodType = IpcRequest[channel];
  const result = schema.safeParse(args[0]);
  if (!result.success) {
    throw new Error(
      `Refused IPC call '${channel}': invalid payload (${describeIssues(result.error)}).`,
    );
  }
  return result.data as IpcPayload<C>;
}

/** Wraps Electron's ipcMain so every handler is sender-checked and schema-validated. */
export function createTypedIpcMain(
  ipcMain: Pick<IpcMain, 'handle'>,
  isTrustedSender: SenderCheck,
): TypedIpcMain {
  return {
    handle(channel, handler) {
      ipcMain.handle(channel, async (event, ...args: unknown[]) => {
        const payload = validateIpcCall(channel, event, args, isTrustedSender);
        return handler(payload, event);
      });
    },
  };
}
