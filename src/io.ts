/** What a command-line front end touches of its process: arguments, output streams, standard input, environment. */
export interface Io {
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Uint8Array;
  isTTY: boolean;
  /** Standard error is a terminal (the progress line goes there). */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
