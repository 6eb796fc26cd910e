import { isCellError } from '../../src/core/grid';

describe('isCellError', () => {
  it.each([
    [{ error: '#DIV/0!' }, true],
    [{ error: '#N/A' }, true],
    ['#DIV/0!', false],
    [0, false],
    [null, false],
    [undefined, false],
    [true, false],
  ])('%j → %s', (v, want) => {
    expect(isCellError(v)).toBe(want);
  });
});
