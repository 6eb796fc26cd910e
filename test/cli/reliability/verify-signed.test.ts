import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { fingerprintFromCabinetGrid, sheetFingerprintOfGrid } from '../../../src/core/cabinet/fingerprint';
import { readWorkbook } from '../../../src/cli/load';
import { tempDir } from '../helpers';
import { bounded, expectCouldNotDo, PERIOD, writeTemplate } from './corpus';

/**
 * Issue 18.4, signing: the unkeyed fingerprint can be recomputed by anyone who edits a number (its
 * canonical form is documented), so `consolidate --sign` signs both fingerprints with the BI team's
 * Ed25519 key and `verify --public-key` checks that signature. Every outcome through main().
 */
let dir = '';
let pub = '';

/** A copy of `from` with its docProps/custom.xml passed through `edit`. */
async function editProps(from: string, to: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, from)));
  const xml = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip.file('docProps/custom.xml', changed);
  fs.writeFileSync(path.join(dir, to), await zip.generateAsync({ type: 'nodebuffer' }));
  return to;
}

const setProp = (xml: string, name: string, value: string): string =>
  xml.replace(new RegExp(`(<property [^>]*name="${name}"[^>]*><vt:lpwstr>)[^<]*(</vt:lpwstr>)`), `$1${value}$2`);

/** signed.xlsx with CS01's actual (84.2 on the paper) changed to 99.9 in the sheet XML, as Excel saves an edit. */
async function editActual(to: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'signed.xlsx')));
  const part = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet1\.xml$/.test(f)) as string;
  const xml = (await zip.file(part)?.async('string')) ?? '';
  const changed = xml.replace(/<v>84\.2<\/v>/, '<v>99.9</v>');
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  fs.writeFileSync(path.join(dir, to), await zip.generateAsync({ type: 'nodebuffer' }));
  return to;
}

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  const keys = await bounded(dir, ['keys', 'new', '--out', 'keys']);
  expect(keys.err).toBe('');
  expect(keys.code).toBe(0);
  pub = path.join('keys', 'scorecard-signing.pub');
  const signed = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'signed.xlsx', '--sign', path.join('keys', 'scorecard-signing.key')]);
  expect(signed.err).toBe('');
  expect(signed.out).toMatch(/Wrote signed\.xlsx \(fingerprint [0-9a-f]+…, signed with key [0-9a-f]{16}\)/);
  const plain = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'unsigned.xlsx']);
  expect(plain.code).not.toBe(2);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('keys new', () => {
  it('writes a PEM key pair, the private key readable by its owner only', () => {
    const priv = fs.readFileSync(path.join(dir, 'keys', 'scorecard-signing.key'), 'utf8');
    expect(priv).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(fs.readFileSync(path.join(dir, pub), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'keys', 'scorecard-signing.key')).mode & 0o777).toBe(0o600);
  });

  it('never overwrites a key pair (exit 2, one line, the old key kept)', async () => {
    const before = fs.readFileSync(path.join(dir, 'keys', 'scorecard-signing.key'), 'utf8');
    const r = await bounded(dir, ['keys', 'new', '--out', 'keys']);
    expectCouldNotDo(r, 'scorecard-signing.key', /already exists/);
    expect(fs.readFileSync(path.join(dir, 'keys', 'scorecard-signing.key'), 'utf8')).toBe(before);
  });
});

describe('verify a signed paper', () => {
  it('says signed by the key and unchanged with the right public key (exit 0)', async () => {
    const r = await bounded(dir, ['verify', 'signed.xlsx', '--public-key', pub]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/signed\.xlsx: signed by key [0-9a-f]{16}, unchanged/);
  });

  it('says CHANGED for a value edited after signing (exit 1)', async () => {
    const r = await bounded(dir, ['verify', await editActual('edited.xlsx'), '--public-key', pub]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CHANGED/);
  });

  it('catches the issue\'s attack: a number edited and both SHA-256 fingerprints recomputed (exit 1 with the key; exit 0 without it, as an unkeyed hash cannot tell)', async () => {
    const file = await editActual('recomputed-base.xlsx');
    const book = await readWorkbook(dir, file);
    const grid = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
    if (!grid) throw new Error('no Cabinet sheet');
    const data = fingerprintFromCabinetGrid(grid) as string;
    const sheet = sheetFingerprintOfGrid(grid);
    await editProps(file, 'recomputed.xlsx', (xml) => setProp(setProp(xml, 'ScorecardFingerprint', data), 'ScorecardSheetFingerprint', sheet));
    const unkeyed = await bounded(dir, ['verify', 'recomputed.xlsx']);
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.out).toMatch(/not checked: give --public-key/);
    const keyed = await bounded(dir, ['verify', 'recomputed.xlsx', '--public-key', pub]);
    expect(keyed.code).toBe(1);
    expect(keyed.out).toMatch(/CHANGED\. Its signature by key [0-9a-f]{16} does not match its fingerprints/);
  });

  it('says NOT SIGNED when the signature was stripped and a key is given (exit 1)', async () => {
    const file = await editProps('signed.xlsx', 'stripped.xlsx', (xml) => xml.replace(/<property [^>]*name="ScorecardSignature"[^>]*>[\s\S]*?<\/property>/, ''));
    const r = await bounded(dir, ['verify', file, '--public-key', pub]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NOT SIGNED.*carries no signature/);
  });

  it('refuses a paper signed with another key (exit 1)', async () => {
    expect((await bounded(dir, ['keys', 'new', '--out', 'other'])).code).toBe(0);
    const r = await bounded(dir, ['verify', 'signed.xlsx', '--public-key', path.join('other', 'scorecard-signing.pub')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NOT SIGNED by the key given/);
  });

  it('accepts the key from the catalogue\'s signing.publicKeys (exit 0), printed by keys new in base64', async () => {
    const printed = (await bounded(dir, ['keys', 'new', '--out', 'third'])).out;
    expect(printed).toMatch(/"publicKeys": \["[A-Za-z0-9+/=]{44}"\]/);
    const pem = fs.readFileSync(path.join(dir, pub), 'utf8');
    const raw = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64').subarray(-32).toString('base64');
    const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'golden', 'catalogue.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify({ ...catalogue, signing: { publicKeys: [raw] } }));
    const r = await bounded(dir, ['verify', 'signed.xlsx', '--catalogue', 'catalogue.json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/signed by key/);
    fs.writeFileSync(path.join(dir, 'bad-catalogue.json'), JSON.stringify({ ...catalogue, signing: { publicKeys: ['not a key'] } }));
    expectCouldNotDo(await bounded(dir, ['verify', 'signed.xlsx', '--catalogue', 'bad-catalogue.json']), 'bad-catalogue.json', /public key/);
  });
});

describe('verify an unsigned paper', () => {
  it('without a key: exit 0, saying plainly what an unkeyed fingerprint can and cannot show', async () => {
    const r = await bounded(dir, ['verify', 'unsigned.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/unchanged/);
    expect(r.out).toMatch(/Not signed: .*anyone who edits the file can recompute those.*does not show who made the paper/);
  });
});

describe('bad keys', () => {
  it.each([
    ['garbage', 'this is not a key\n'],
    ['a private key given as public', '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n'],
    ['a truncated PEM', '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n'],
  ])('verify --public-key with %s: exit 2, one line', async (_what, text) => {
    fs.writeFileSync(path.join(dir, 'bad.pub'), text);
    expectCouldNotDo(await bounded(dir, ['verify', 'signed.xlsx', '--public-key', 'bad.pub']), 'bad.pub', /key/);
  });

  it('verify --public-key with a missing file: exit 2, one line', async () => {
    expectCouldNotDo(await bounded(dir, ['verify', 'signed.xlsx', '--public-key', 'nowhere.pub']), 'nowhere.pub', /no such file/);
  });

  it('consolidate --sign with a public key: exit 2, one line, no Cabinet written', async () => {
    const r = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'never.xlsx', '--sign', pub]);
    expectCouldNotDo(r, 'scorecard-signing.pub', /is a public key/);
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });
});
