import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** One moto server, standing in for one AWS account. */
export interface Emulator {
  accountId: string;
  port: number;
  /** http://127.0.0.1:<port> */
  endpoint: string;
  pid: number;
  log: string;
}

const READY_TIMEOUT_MS = 60_000;
/** moto's server, serving one request at a time (see the file for why). */
const SERVER = path.join(__dirname, 'emulator_server.py');

/**
 * Starts one moto server per account on a free loopback port and stops exactly the servers it
 * started, by their process ids: on `stopAll()`, on Ctrl-C or SIGTERM, and at process exit.
 */
export class Emulators {
  private readonly running = new Map<number, ChildProcess>();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.killNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  private readonly onExit = (): void => this.killNow();

  constructor(
    private readonly python: string,
    private readonly logDir: string,
  ) {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    process.on('SIGHUP', this.onSignal);
    process.on('exit', this.onExit);
  }

  async start(accountId: string): Promise<Emulator> {
    let lastError: unknown;
    // A port found free can be taken before the server binds it: try another.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const log = path.join(this.logDir, `moto-${accountId}-${port}.log`);
      const out = fs.openSync(log, 'a');
      const child = spawn(this.python, [SERVER, '-H', '127.0.0.1', '-p', String(port)], {
        env: { ...process.env, MOTO_ACCOUNT_ID: accountId },
        stdio: ['ignore', out, out],
      });
      fs.closeSync(out);
      if (child.pid === undefined) throw new Error(`cannot start the emulator for account ${accountId}: ${this.python} -m moto.server`);
      this.running.set(child.pid, child);
      const emulator = { accountId, port, endpoint: `http://127.0.0.1:${port}`, pid: child.pid, log };
      try {
        await waitUntilReady(emulator, child);
        return emulator;
      } catch (error) {
        lastError = error;
        await this.stop(child.pid);
      }
    }
    throw lastError;
  }

  /** Stops every server this object started; resolves when all have exited. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((pid) => this.stop(pid)));
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    process.off('SIGHUP', this.onSignal);
    process.off('exit', this.onExit);
  }

  /** The process ids still running (for the report that every server stopped). */
  pids(): number[] {
    return [...this.running.keys()];
  }

  private async stop(pid: number): Promise<void> {
    const child = this.running.get(pid);
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    this.running.delete(pid);
  }

  private killNow(): void {
    for (const pid of this.running.keys()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.running.clear();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(emulator: Emulator, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the emulator for account ${emulator.accountId} exited (${child.exitCode}); see ${emulator.log}`);
    try {
      const response = await fetch(`${emulator.endpoint}/moto-api/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `the emulator for account ${emulator.accountId} did not answer on ${emulator.endpoint} within ${READY_TIMEOUT_MS / 1000} s; see ${emulator.log}`,
  );
}
