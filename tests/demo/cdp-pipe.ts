/**
 * Starts a Chromium-based browser with the DevTools protocol on a pipe and loads an unpacked
 * extension through `Extensions.loadUnpacked`. Branded Google Chrome ignores `--load-extension`
 * since version 137; this protocol command is the way it still accepts an unpacked build. The
 * command exists only for a client on `--remote-debugging-pipe` (file descriptors 3 and 4,
 * messages ended by NUL) in a browser started with `--enable-unsafe-extension-debugging`.
 * Shared by `npm start` and tests/e2e/first-run.spec.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface PipeBrowser {
  process: ChildProcess;
  /** A browser command, or one for an attached target's `sessionId` (flat sessions). */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Resolves with the first protocol event `method` whose params satisfy `accept`. */
  waitForEvent<T = Record<string, unknown>>(method: string, accept: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves when the browser process has ended. */
  exited: Promise<number | null>;
  close(): Promise<void>;
}

export const PIPE_FLAGS = ['--remote-debugging-pipe', '--enable-unsafe-extension-debugging'];

interface Reply {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export function launchWithPipe(executable: string, args: string[]): PipeBrowser {
  const child = spawn(executable, [...PIPE_FLAGS, ...args], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const waiting = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  const listeners = new Set<(message: Reply) => void>();
  let nextId = 1;
  let buffered = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => {
    for (const { reject } of waiting.values()) reject(new Error('The browser has exited.'));
    waiting.clear();
  });
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    const parts = (buffered + chunk).split('\0');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      const message = JSON.parse(part) as Reply;
      if (message.id !== undefined) waiting.get(message.id)?.resolve(message);
      for (const listener of listeners) listener(message);
    }
  });
  // A broken pipe after the browser quit is reported by `exited`, not as an unhandled error.
  input.on('error', () => undefined);
  output.on('error', () => undefined);

  return {
    process: child,
    exited,
    send(method, params = {}, sessionId) {
      const id = nextId++;
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      return new Promise((resolve, reject) => {
        waiting.set(id, {
          resolve: (reply) => {
            waiting.delete(id);
            if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
            else resolve((reply.result ?? {}) as never);
          },
          reject,
        });
      });
    },
    waitForEvent<T>(method: string, accept: (params: T) => boolean, timeoutMs = 15_000) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`No ${method} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (message: Reply) => {
          if (message.method !== method || !accept(message.params as T)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(message.params as T);
        };
        listeners.add(listener);
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      child.kill();
      await exited;
    },
  };
}

/** Loads the unpacked build; returns the extension's id. */
export async function loadUnpacked(browser: PipeBrowser, path: string): Promise<string> {
  const { id } = await browser.send<{ id: string }>('Extensions.loadUnpacked', { path });
  return id;
}
