/**
 * Writes from several tabs must not interleave: each would decide on a state the other is
 * about to change (two tabs handing out the same id, or both accepting the same login). In the
 * browser, `startMockApi` installs a gate that takes a cross-tab lock (Web Locks), first applies
 * what other tabs saved, runs the write, and saves it before letting the next writer in.
 * Elsewhere (Node tests) a write simply runs.
 */
export type WriteGate = <T>(work: () => Promise<T>) => Promise<T>;

const direct: WriteGate = (work) => work();
let gate: WriteGate = direct;

export function setWriteGate(next: WriteGate | undefined): void {
  gate = next ?? direct;
}

export function runWrite<T>(work: () => Promise<T>): Promise<T> {
  return gate(work);
}

/**
 * Runs `work` while no tab writes (the cross-tab lock, without catching up or saving): for the
 * start-up marker of a `?scenario=` start, which must not land in the middle of another tab's
 * write.
 */
let exclusive: WriteGate = direct;
export function setExclusiveGate(next: WriteGate | undefined): void {
  exclusive = next ?? direct;
}
export function runExclusive<T>(work: () => Promise<T>): Promise<T> {
  return exclusive(work);
}
