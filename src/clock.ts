/**
 * The one clock every expiry, rate limit and lockout reads. The sandbox can move it forward so a
 * test can watch a 24-hour key expire without waiting a day; it never moves backwards.
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError('the clock only moves forward by a finite number of seconds');
    }
    this.offsetMs += Math.round(seconds * 1000);
  }
}
