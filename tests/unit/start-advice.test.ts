/** `npm start` with no browser to open: the install advice, a non-zero exit, no stack trace. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function start(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'tests/demo/start.ts', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start without a browser', () => {
  it('prints what to install and exits non-zero', () => {
    const run = start([], { WAYMARK_BROWSER: '/nowhere/chrome' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('WAYMARK_BROWSER is set to /nowhere/chrome, but there is no browser there.');
    expect(run.stderr).toMatch(/Install .*then run `npm start` again\./);
    expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('says so in one line for an unknown --browser', () => {
    const run = start(['--browser=netscape'], {});
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('npm start failed: Unknown --browser=netscape. Use one of: chromium, chrome-for-testing, chrome, edge, brave, firefox.');
  }, 60_000);
});
