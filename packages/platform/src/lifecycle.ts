import type { Server } from 'node:http';
import type { Logger } from './logger.ts';

/**
 * Stops the service once on SIGTERM or SIGINT (container stop, Ctrl-C): `stop` drains and closes what the
 * service opened; a second signal, or a drain longer than `timeoutMs`, exits at once.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, timeoutMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal received, exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error({ timeoutMs }, 'graceful shutdown timed out, exiting');
      process.exit(1);
    }, timeoutMs + 1_000);
    forced.unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Resolves once the server listens; a busy port becomes one line naming the variable that changes it. */
export function listen(server: Server, port: number, portVariable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, portVariable) : error);
    };
    server.once('error', onError);
    server.listen(port, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

export class PortInUseError extends Error {
  constructor(port: number, variable: string) {
    super(`Port ${port} is already in use: set ${variable} to a free port.`);
    this.name = 'PortInUseError';
  }
}
