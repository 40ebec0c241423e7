import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';

/** Where the oracle binary is, why its tests skip (no Go), or why its build failed; set by global-setup.ts. */
export interface OracleStatus {
  binary?: string;
  skip?: string;
  error?: string;
}

/** One cause of a refusal, as the API server's Status details give it (see oracle/main.go). */
export interface FieldError {
  field: string;
  type: string;
  detail: string;
}

export interface PodAnswer {
  ordinal: number;
  name: string;
  /** The pod as the StatefulSet controller sends it (apps/v1 JSON). */
  pod: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors: FieldError[];
  claims: { name: string; errors: FieldError[] }[];
}

/** The oracle's answer; `errors` is null when it has no verdict (`unsupported` or `error` is set). */
export interface Answer {
  unsupported?: string;
  error?: string;
  errors: FieldError[] | null;
  warnings?: string[];
  object?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  pods?: PodAnswer[];
}

export type Request =
  | { op: 'create' | 'default' | 'pods'; object: unknown }
  | { op: 'update'; old: unknown; object: unknown };

/**
 * Why the oracle tests of a file skip, or '' when they run: no Go on PATH, STSLINT_ORACLE=off, or, for tests that
 * read the corpus, no corpus at `corpus`. A suite's title carries it: `title${skipNote(reason)}`.
 */
export function skipReason(corpus?: string): string {
  const status: OracleStatus = inject('oracle');
  if (status.skip) return status.skip;
  return corpus !== undefined && !existsSync(corpus) ? `no corpus at ${corpus}` : '';
}

export function skipNote(reason: string): string {
  return reason ? ` (skipped: ${reason})` : '';
}

/**
 * Starts an oracle before the tests of the enclosing suite and stops it after them; the getter returns it. When
 * the oracle's build failed, the suite fails with Go's output.
 */
export function useOracle(): () => Oracle {
  let oracle: Oracle | undefined;
  beforeAll(() => {
    const status: OracleStatus = inject('oracle');
    if (status.error) throw new Error(status.error);
    oracle = Oracle.start(status.binary!);
  });
  afterAll(async () => {
    await oracle?.close();
  });
  return () => oracle!;
}

/** A running oracle process: requests go down its standard input, answers come back in order. */
export class Oracle {
  private readonly waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void }[] = [];
  private exited: Error | null = null;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.waiting.shift()?.resolve(JSON.parse(line)));
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      this.exited = new Error(`the oracle exited (${signal ?? code}): ${stderr.slice(-2000)}`);
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.exited);
    });
  }

  static start(binary: string): Oracle {
    return new Oracle(spawn(binary, [], { stdio: 'pipe' }));
  }

  /** Sends one request; answers arrive in the order requests were sent. */
  ask(request: Request): Promise<Answer> {
    return this.askLine(JSON.stringify(request));
  }

  /** Sends one line as it is (the protocol tests send lines that are not requests). */
  askLine(line: string): Promise<Answer> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${line}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await done;
  }
}
