import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';

const spec = { values: ['period', 'out'], flags: ['json', 'force'] };

describe('parseArgs', () => {
  it('keeps positionals in order and reads values both ways', () => {
    const a = parseArgs(['a.xlsx', '--period', '2024-25 Q2', 'b.xlsx', '--out=c.xlsx', '--json'], spec, 'validate');
    expect(a.positionals).toEqual(['a.xlsx', 'b.xlsx']);
    expect(a.values).toEqual({ period: '2024-25 Q2', out: 'c.xlsx' });
    expect([...a.flags]).toEqual(['json']);
  });

  it('treats everything after -- as a file, even names starting with a dash', () => {
    expect(parseArgs(['--', '--odd.xlsx'], spec, 'validate').positionals).toEqual(['--odd.xlsx']);
  });

  it.each([
    [['--perod', 'x'], /unknown option --perod/],
    [['--period'], /--period needs a value/],
    [['--period', '--json'], /--period needs a value/],
    [['--json=yes'], /--json takes no value/],
    [['--out', 'a', '--out', 'b'], /--out given twice/],
    [['-x'], /unknown option -x/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, spec, 'validate')).toThrow(UsageError);
    expect(() => parseArgs(argv, spec, 'validate')).toThrow(message);
  });
});
