/** The only source of "now" for services, so tests and the E2E harness can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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
