/**
 * The only place that reads the wall clock. Services take "now" from ctx.now(), the renderer takes
 * "today" from session.status, so the app, its backend and tests can never disagree about the date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at a given instant and runs with real time (the CLI under KPR_NOW). */
export function offsetClock(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/**
 * KPR_NOW (an ISO instant) lets tests run the CLI at a chosen time. It is read only outside a
 * packaged app (the CLI runs from the sources; the Electron main never calls this).
 */
export function clockFromEnv(value: string | undefined): Clock {
  if (!value) return systemClock;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`KPR_NOW är inte en giltig tidpunkt: ${value}`);
  return offsetClock(at);
}

export class ManualClock implements Clock {
  private t: number;
  public constructor(start: Date | string = '2026-11-22T09:00:00Z') {
    this.t = new Date(start).getTime();
  }
  public now(): Date {
    return new Date(this.t);
  }
  public advance(ms: number): void {
    this.t += ms;
  }
  public set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
}
