/** Thrown when another execution took a run over: this one stops quietly (the state machines catch it). */
export class RunSupersededError extends Error {
  override readonly name = 'RunSuperseded';
}
