/** Standard input as read: its bytes, and whether it ended (false: reading stopped past the size limit). */
export interface StdinInput {
  bytes: Uint8Array;
  complete: boolean;
}

/**
 * What a command-line front end touches of its process: arguments, output streams, standard input, environment.
 * bin/stslint.js gives the TTY flags as getters, which set up the stream they ask about: read them only when needed.
 */
export interface Io {
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, read to its end or until more than `maxBytes` bytes came (then `complete` is false). */
  readStdin: (maxBytes: number) => Promise<StdinInput>;
  isTTY: boolean;
  /** Standard error is a terminal (the progress line goes there). */
  stderrIsTTY?: boolean;
  /** Standard input is a terminal (a hint says how to end it). */
  stdinIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
