import { whyColoursFailed } from '../../src/adapters/office/active-return';
import { OFFICE_ERROR_FALLBACK, OFFICE_ERROR_TEXT, isOfficeAdvice, officeErrorText } from '../../src/app/office-errors';

describe('Excel error codes in plain words (src/app/office-errors.ts)', () => {
  it.each([
    'InvalidOperation', 'AccessDenied', 'ItemNotFound', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded',
    'InvalidOperationInCellEditMode', 'GeneralException',
  ])('%s has its own sentence of what to do, ending "try again" or naming the way out', (code) => {
    const text = officeErrorText({ code, message: 'raw Office message' });
    expect(text).toBe(OFFICE_ERROR_TEXT[code]);
    expect(text).not.toMatch(/raw Office message/);
    expect(text).toMatch(/\.$/);
  });

  it('never blames a password except for BadPassword', () => {
    for (const [code, text] of Object.entries(OFFICE_ERROR_TEXT)) if (code !== 'BadPassword') expect(text).not.toMatch(/password/i);
  });

  it('names workbook-structure protection among the causes of AccessDenied and InvalidOperation (the docs do not say which code it gives)', () => {
    expect(OFFICE_ERROR_TEXT.AccessDenied).toMatch(/workbook's structure/);
    expect(OFFICE_ERROR_TEXT.InvalidOperation).toMatch(/workbook structure/);
  });

  it('an unknown Excel code gets the general sentence; an error without a code is not Excel’s', () => {
    expect(officeErrorText({ code: 'SomethingNew', message: 'x' })).toBe(OFFICE_ERROR_FALLBACK);
    expect(officeErrorText(new Error('The scorecard’s own words.'))).toBeUndefined();
    expect(isOfficeAdvice(OFFICE_ERROR_FALLBACK)).toBe(true);
    expect(isOfficeAdvice('The scorecard’s own words.')).toBe(false);
  });
});

describe('why the RAG colours were not refreshed (active-return whyColoursFailed)', () => {
  it('blames a password only when Excel said the password was wrong', () => {
    expect(whyColoursFailed({ code: 'BadPassword' }, true)).toMatch(/protected with a password/);
    expect(whyColoursFailed({ code: 'AccessDenied' }, true)).toMatch(/^the sheet is protected \(/);
    expect(whyColoursFailed({ code: 'AccessDenied' }, true)).not.toMatch(/password/);
  });

  it('does not blame protection for another failure on a protected sheet', () => {
    expect(whyColoursFailed({ code: 'ResponsePayloadSizeLimitExceeded' }, true)).toBe(OFFICE_ERROR_TEXT.ResponsePayloadSizeLimitExceeded);
    expect(whyColoursFailed({ code: 'GeneralException', message: 'raw' }, true)).toBe(OFFICE_ERROR_TEXT.GeneralException);
    expect(whyColoursFailed(new Error('Our own words.'), true)).toBe('Our own words.');
  });
});
