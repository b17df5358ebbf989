// The keyring's parts that need no Secret Service: where the session bus is, and when the keyring is not even
// asked (no bus, no helper to ask through). test/e2e/keyring.test.ts runs the rest against gnome-keyring.
import { describe, expect, it } from 'vitest';
import { busSocketPath } from '../../src/journal/dbus';
import { askKeyring, keyringAccount } from '../../src/journal/keyring';

describe('the session bus address', () => {
  it('takes the first unix path or abstract socket, unescaped', () => {
    expect(busSocketPath('unix:path=/run/user/1000/bus')).toBe('/run/user/1000/bus');
    expect(busSocketPath('unix:abstract=/tmp/dbus-AbC,guid=0123')).toBe('\0/tmp/dbus-AbC');
    expect(busSocketPath('tcp:host=localhost,port=1;unix:path=/tmp/my%20bus')).toBe('/tmp/my bus');
    expect(busSocketPath('unix:path=/tmp/caf%c3%a9')).toBe('/tmp/caf\u00e9');
  });

  it('has none without a unix socket', () => {
    expect(busSocketPath(undefined)).toBeUndefined();
    expect(busSocketPath('')).toBeUndefined();
    expect(busSocketPath('tcp:host=localhost,port=4000')).toBeUndefined();
    expect(busSocketPath('unix:tmpdir=/tmp')).toBeUndefined();
  });
});

describe('asking the keyring', () => {
  it('names a journal by its absolute path', () => {
    expect(keyringAccount('/a/b/../journal.db')).toBe('/a/journal.db');
    expect(keyringAccount('journal.db')).toBe(`${process.cwd()}/journal.db`);
  });

  it.skipIf(process.platform !== 'linux')('asks nothing without a session bus, or without a helper', () => {
    const start = Date.now();
    expect(askKeyring('get', '/tmp/x.db', {}, '/nonexistent/helper.cjs').status).toBe('no-bus');
    expect(askKeyring('set', '/tmp/x.db', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, undefined, 'secret').status).toBe('unsupported');
    expect(Date.now() - start).toBeLessThan(500);
  });
});
