/** What the player hears from a recording. */
export interface PlayerEvents {
  onTime(seconds: number): void;
  onState(playing: boolean): void;
}

/** A recording the page can play: YouTube's embed, or the browser's own media element. */
export interface PlayerSource {
  /** Loads the recording if it is not yet, and plays from a moment. */
  playFrom(seconds: number): void;
  play(): void;
  pause(): void;
}
