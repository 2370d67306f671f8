import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();

/**
 * Runs a read that may see data a little behind the primary (seconds at most): statements
 * made through `PrismaService.reads` inside it may go to a read replica. Callers decide, per
 * read, whether the viewer could notice the lag (ReadRouting.mayLag does).
 */
export const toleratingLag = <T>(read: () => Promise<T>): Promise<T> => scope.run(true, read);

/** Whether the current code runs inside toleratingLag. */
export const lagTolerated = (): boolean => scope.getStore() === true;
