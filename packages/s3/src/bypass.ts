/** Marks a command the cache itself sends (reading the rest of a body, an embedded cachelet's origin reads): the interceptor lets it through. */
import type { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, MiddlewareStack } from '@smithy/types';

export const BYPASS = Symbol.for('faast.bypass');

/** Adds the bypass mark to one command. */
export function bypassCache<C extends GetObjectCommand | HeadObjectCommand>(command: C): C {
  const stack = command.middlewareStack as MiddlewareStack<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stack.add(
    (next: InitializeHandler<any, any>, context: HandlerExecutionContext) => (args: InitializeHandlerArguments<any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      (context as HandlerExecutionContext & { [BYPASS]?: boolean })[BYPASS] = true;
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'faastBypassMiddleware' },
  );
  return command;
}
