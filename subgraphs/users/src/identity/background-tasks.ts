import type { Logger } from '@talentgraph/platform';

interface Task {
  readonly name: string;
  readonly run: () => Promise<void>;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
}

/**
 * Periodic work of the subgraph (key rotation checks, e-mail dispatch). A run never overlaps the
 * previous one of the same task; `stop` cancels the timers and waits for runs in flight, so the
 * database pool can close under no one's feet. Timers do not keep the process alive.
 */
export class BackgroundTasks {
  readonly #logger: Logger;
  readonly #tasks: Task[] = [];
  #stopped = false;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /**
   * Runs `run` now, then every `intervalMs` after the previous run ends; resolves when the first run has
   * ended (successfully or not: a failure is logged, and the next run tries again).
   */
  every(name: string, intervalMs: number, run: () => Promise<void>): Promise<void> {
    const task: Task = { name, run, timer: null, running: null };
    this.#tasks.push(task);
    const tick = () => {
      if (this.#stopped) return;
      task.running = this.#runOnce(task).finally(() => {
        task.running = null;
        if (!this.#stopped) {
          task.timer = setTimeout(tick, intervalMs);
          task.timer.unref();
        }
      });
    };
    tick();
    return task.running ?? Promise.resolve();
  }

  /** Runs a task now (unless it is already running), for example right after the work it does was queued. */
  async runNow(name: string): Promise<void> {
    const task = this.#tasks.find((candidate) => candidate.name === name);
    if (!task || this.#stopped) return;
    if (task.running) return task.running;
    task.running = this.#runOnce(task).finally(() => {
      task.running = null;
    });
    return task.running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const task of this.#tasks) if (task.timer) clearTimeout(task.timer);
    await Promise.all(this.#tasks.map((task) => task.running));
  }

  async #runOnce(task: Task): Promise<void> {
    try {
      await task.run();
    } catch (error) {
      this.#logger.error({ err: error, task: task.name }, 'background task failed');
    }
  }
}
