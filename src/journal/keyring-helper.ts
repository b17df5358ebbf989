// The keyring helper: a short-lived child process (`node <reframe's bundle> __keyring`, started by keyring.ts)
// that does one thing with the OS keyring and prints one JSON answer on stdout. A child, so that a keyring that
// never answers (a locked collection waiting for a dialog nobody sees, a bus that hangs) is simply killed at the
// deadline instead of hanging reframe: cron and ssh go on without it.
//
// The request comes on stdin, JSON: { op, account, secret? }. The secret travels only through these two pipes,
// never on a command line or in the environment, and is never printed anywhere else.
//
// On Linux (and the BSDs) the keyring is the Secret Service on the D-Bus session bus (gnome-keyring, KWallet,
// KeePassXC). Before @napi-rs/keyring is loaded at all, dbus.ts checks that a Secret Service owns
// org.freedesktop.secrets on $DBUS_SESSION_BUS_ADDRESS, and looks without unlocking anything at what it holds. The
// library is then pinned to that store ({ linux: { store: 'secret-service' } }): left to itself it would fall
// back, silently, to the kernel keyring, which forgets everything at reboot. On macOS and Windows the library's
// own stores are used (the Keychain, the Credential Manager).
import { readFileSync } from 'node:fs';
import { stdOutput } from '../io/std-output';
import { busSocketPath, viewSecretService, type SecretServiceView } from './dbus';
import { KEYRING_SERVICE, type KeyringAnswer, type KeyringRequest } from './keyring';

const BUS_TIMEOUT_MS = 2_000;


const usesDbus = () => process.platform !== 'darwin' && process.platform !== 'win32';

async function answer(req: KeyringRequest): Promise<KeyringAnswer> {
  let view: SecretServiceView | undefined;
  if (usesDbus()) {
    const socket = busSocketPath(process.env.DBUS_SESSION_BUS_ADDRESS);
    if (!socket) return { status: 'no-bus' };
    try {
      view = await viewSecretService(socket, { service: KEYRING_SERVICE, username: req.account }, BUS_TIMEOUT_MS);
    } catch {
      return { status: 'no-bus' };
    }
    if (!view.present) return { status: 'no-service' };
  }
  const has = view ? view.unlocked + view.locked > 0 : undefined;
  // Never raise an unlock dialog: an item (or the collection a new one would go into) that is locked is said so.
  const lockedItem = view !== undefined && view.unlocked === 0 && view.locked > 0;
  if (req.op === 'probe') {
    if (view && !view.defaultUnlocked && !has) return { status: 'locked' };
    if (lockedItem) return { status: 'locked' };
    return { status: 'ok' };
  }
  if (lockedItem) return { status: 'locked' };
  if ((req.op === 'get' || req.op === 'delete' || req.op === 'update') && has === false) return { status: 'none' };
  if (req.op === 'set' && view && !has && !view.defaultUnlocked) return { status: 'locked' };

  // Loaded here only, in the child: a native addon that no other part of reframe needs.
  const { Entry } = await import('@napi-rs/keyring');
  const entry = new Entry(KEYRING_SERVICE, req.account, { linux: { store: 'secret-service' } });
  switch (req.op) {
    case 'get': {
      const secret = entry.getPassword();
      return secret === null || secret === undefined ? { status: 'none' } : { status: 'ok', secret };
    }
    case 'delete':
      return { status: entry.deleteCredential() ? 'ok' : 'none' };
    case 'update':
    case 'set': {
      if (typeof req.secret !== 'string' || req.secret === '') return { status: 'error', detail: 'no secret given' };
      // update: only an entry that is there is replaced (on Linux the search above said so already).
      if (req.op === 'update' && !usesDbus() && (entry.getPassword() ?? null) === null) return { status: 'none' };
      entry.setPassword(req.secret);
      // Read back: remembered means it can be found again.
      return entry.getPassword() === req.secret ? { status: 'ok' } : { status: 'error', detail: 'the keyring did not keep it' };
    }
    default:
      return { status: 'error', detail: 'unknown request' };
  }
}

/** Serve one request from stdin; the answer on stdout. */
export async function serveKeyring(): Promise<number> {
  let out: KeyringAnswer;
  try {
    const req = JSON.parse(readFileSync(0, 'utf8')) as KeyringRequest;
    out = await answer(req);
  } catch (err) {
    // The library's own words (never the secret): for REFRAME_DEBUG=1 in the parent.
    out = { status: 'error', detail: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : 'failed' };
  }
  stdOutput(1).write(JSON.stringify(out));
  return 0;
}
