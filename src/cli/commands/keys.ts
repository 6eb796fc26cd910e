import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toBase64 } from '../../core/base64';
import { keyId } from '../../core/cabinet/signature';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { ensureDir, resolvePath } from '../files';
import { readPublicKey } from '../keys';
import { print, say, type Context } from '../output';

export const PRIVATE_KEY_FILE = 'scorecard-signing.key';
export const PUBLIC_KEY_FILE = 'scorecard-signing.pub';

/** Create a file that must not exist yet (another run, or an old key, is never overwritten). */
function createExclusive(full: string, shown: string, data: string, mode: number): void {
  try {
    fs.writeFileSync(full, data, { flag: 'wx', mode });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(shown, code === 'EEXIST' ? 'already exists; a signing key is never overwritten (move it away first, or give another --out folder)' : (e as Error).message);
  }
}

/**
 * `scorecard keys new --out DIR`: an Ed25519 key pair from node:crypto, as PEM. The private key is
 * created 0600 and neither file may exist already: replacing the BI team's key would orphan every
 * paper it signed.
 */
export async function keysCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out'] }, 'keys');
  const [action, extra] = args.positionals;
  if (action !== 'new' || extra !== undefined) throw new UsageError('keys: the one action is new (scorecard keys new --out DIR)');
  const dir = requireValue(args, 'out', 'keys new');
  const shownPrivate = path.join(dir, PRIVATE_KEY_FILE);
  const shownPublic = path.join(dir, PUBLIC_KEY_FILE);
  const fullPrivate = resolvePath(ctx.io.cwd, shownPrivate);
  const fullPublic = resolvePath(ctx.io.cwd, shownPublic);
  for (const [full, shown] of [[fullPrivate, shownPrivate], [fullPublic, shownPublic]] as const) {
    if (fs.existsSync(full)) throw new FileError(shown, 'already exists; a signing key is never overwritten (move it away first, or give another --out folder)');
  }
  ensureDir(ctx.io.cwd, dir);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  createExclusive(fullPrivate, shownPrivate, privateKey, 0o600);
  try {
    createExclusive(fullPublic, shownPublic, publicKey, 0o644);
  } catch (e) {
    // All or nothing: a private key without its public half is no use to anyone.
    fs.rmSync(fullPrivate, { force: true });
    throw e;
  }
  const raw = readPublicKey(ctx.io.cwd, shownPublic);
  print(ctx, `Wrote ${shownPrivate} (private, mode 0600: the BI team keeps it; consolidate --sign uses it) and ${shownPublic} (public: give it to anyone who verifies).`);
  say(ctx, `  key id ${keyId(raw)}; for the catalogue's "signing": {"publicKeys": ["${toBase64(raw)}"]}`);
  return 0;
}
