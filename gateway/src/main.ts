import { createLogger, loadConfigOrExit, stopOnSignals } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';

const config = loadConfigOrExit('gateway', () => loadConfig());
const logger = createLogger('gateway', config.LOG_LEVEL);
try {
  const gateway = await startGateway(config, { logger });
  stopOnSignals(logger, () => gateway.stop(), config.SHUTDOWN_TIMEOUT_MS);
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : 'failed to start');
  process.exitCode = 1;
}
