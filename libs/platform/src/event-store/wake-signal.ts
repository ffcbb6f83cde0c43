// Lets a polling loop sleep until either its timeout or a nudge (a NOTIFY, a stop). A nudge
// that arrives while the loop is busy is kept, so the next wait returns at once.
export class WakeSignal {
  private pending = false;
  private wake: (() => void) | null = null;

  ring(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  // Resolves true when nudged, false when the timeout passed.
  wait(timeoutMs: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve(false);
      }, timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve(true);
      };
    });
  }
}
