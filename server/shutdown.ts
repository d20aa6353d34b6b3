/**
 * Clean stop on SIGINT/SIGTERM for the process entry points (web and worker): log, run `stop`
 * within `timeoutMs`, exit 0 when it finished, 1 otherwise.
 * One Ctrl-C in a terminal can reach a process more than once (from the terminal's process group
 * and relayed by npm): repeats within a second are the same request to stop; a deliberate second
 * Ctrl-C later exits at once.
 */
import type { Logger } from 'pino';

export function onStopSignals(logger: Logger, what: string, timeoutMs: number, stop: () => Promise<void>): void {
  let stoppingSince: number | undefined;
  const shutdown = async (signal: string) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1000) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, `shutting down: ${what}`);
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      await stop();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
