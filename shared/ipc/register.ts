/**
 * One place to register the main-process IPC handlers. Pure: the actual transport (ipcMain.handle)
 * is passed in, so this is testable and free of Electron. Every listener it installs validates
 * the input with the contract's schema, checks the caller, and answers the IpcResult envelope;
 * a handler can never leak an exception or an unvalidated value across the boundary.
 */
import { isIpcChannel, type IpcChannel } from './channels';
import { parseIpcInput, type IpcOutput, type IpcParsedInput } from './contract';
import { fail, IpcFailure, ok, type IpcResult } from './result';

/** A main-process handler: receives validated input and the transport's context (the event). */
export type IpcHandler<C extends IpcChannel, Ctx> = (
  input: IpcParsedInput<C>,
  context: Ctx,
) => Promise<IpcOutput<C>> | IpcOutput<C>;

export type IpcHandlerMap<Ctx> = { [C in IpcChannel]: IpcHandler<C, Ctx> };

export type IpcListener<Ctx> = (context: Ctx, rawInput: unknown) => Promise<IpcResult<unknown>>;

export interface IpcRegistryOptions<Ctx> {
  /** Whether this caller may use IPC at all (e.g. sender-frame origin check). */
  authorize: (context: Ctx) => boolean;
  /** Where unexpected handler errors are reported; the renderer only sees a generic message. */
  onUnexpectedError?: (channel: IpcChannel, error: unknown) => void;
}

export interface IpcRegistry<Ctx> {
  register<C extends IpcChannel>(channel: C, handler: IpcHandler<C, Ctx>): void;
  registerAll(handlers: IpcHandlerMap<Ctx>): void;
  registeredChannels(): IpcChannel[];
}

export function createIpcRegistry<Ctx>(
  install: (channel: IpcChannel, listener: IpcListener<Ctx>) => void,
  options: IpcRegistryOptions<Ctx>,
): IpcRegistry<Ctx> {
  const registered = new Set<IpcChannel>();

  function register<C extends IpcChannel>(channel: C, handler: IpcHandler<C, Ctx>): void {
    // Invariant: only contract channels, each exactly once. A typo or a second registration is a
    // programming error and must stop the app at start-up, not surface as a silent no-op.
    if (!isIpcChannel(channel)) throw new Error(`Unknown IPC channel: ${String(channel)}`);
    if (registered.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
    if (typeof handler !== 'function') throw new Error(`IPC handler missing for: ${channel}`);
    registered.add(channel);
    install(channel, (context, rawInput) => dispatch(channel, handler, context, rawInput));
  }

  async function dispatch<C extends IpcChannel>(
    channel: C,
    handler: IpcHandler<C, Ctx>,
    context: Ctx,
    rawInput: unknown,
  ): Promise<IpcResult<unknown>> {
    try {
      // Inside the try: a throwing sender check (e.g. a frame destroyed mid-call) must still answer
      // the envelope, and a caller we cannot vouch for is refused, never let through.
      let authorized: boolean;
      try {
        authorized = options.authorize(context);
      } catch {
        authorized = false;
      }
      if (!authorized) return fail('FORBIDDEN');
      const input = parseIpcInput(channel, rawInput);
      if (!input.ok) return input;
      return ok(await handler(input.value, context));
    } catch (error) {
      if (error instanceof IpcFailure) return fail(error.code, error.message);
      options.onUnexpectedError?.(channel, error);
      return fail('INTERNAL');
    }
  }

  return {
    register,
    registerAll(handlers) {
      for (const channel of Object.keys(handlers)) {
        // Runtime keys may differ from the type (a cast map): register() rejects unknown ones.
        register(
          channel as IpcChannel,
          handlers[channel as IpcChannel] as IpcHandler<IpcChannel, Ctx>,
        );
      }
    },
    registeredChannels: () => [...registered],
  };
}
