/** The part of a pino logger the event backbone writes to; `@talentgraph/platform`'s Logger fits. */
export interface EventLogger {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentLogger: EventLogger = {
  debug() {},
  warn() {},
  error() {},
};
