import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHECK = join(resolve(import.meta.dirname, '../..'), 'scripts/check-chromium.ts');

function check(chromiumPath: string) {
  return spawnSync(process.execPath, [CHECK], { env: { ...process.env, CHROMIUM_PATH: chromiumPath }, encoding: 'utf8' });
}

describe('the Chromium check npm test runs first', () => {
  it('stops with one line saying how to install Chromium when there is none', () => {
    const { status, stdout, stderr } = check(join(import.meta.dirname, 'no-such-folder', 'chromium'));
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('sudo apt-get install -y chromium');
    expect(lines[0]).toContain('CHROMIUM_PATH');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a folder where a browser should be', () => {
    const { status, stderr } = check(import.meta.dirname);
    expect(status).not.toBe(0);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says nothing and passes for an executable file', () => {
    const { status, stdout, stderr } = check(process.execPath);
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
