/**
 * Numbers as Excel sees them. Excel keeps 15 significant digits and ROUND rounds half away
 * from zero on that decimal form, so ROUND(1.005, 2) = 1.01 where Math.round gives 1.
 */

/** The value taken to 15 significant digits, as Excel stores and shows it. */
export function to15(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(15));
}

/** Excel's ROUND(x, digits): 15 significant digits first, then half away from zero. */
export function excelRound(x: number, digitsIn: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.trunc(digitsIn); // Excel ignores the fraction of num_digits
  // A whole number of at most 15 digits is its own 15-digit form: counts, most figures, no text made.
  if (digits >= 0 && Number.isInteger(x) && x < 1e15 && x > -1e15) return x;
  const sign = x < 0 ? -1 : 1;
  const s = Math.abs(x).toPrecision(15);
  // Most figures already have no more decimals than asked (91.5 to 1 dp is "91.5000000000000"):
  // the value is those 15 digits, as the digit walk below would give, without its BigInt.
  if (digits >= 0 && !s.includes('e')) {
    const dot = s.indexOf('.');
    let end = s.length;
    while (dot >= 0 && s.charCodeAt(end - 1) === 48) end--;
    if (dot < 0 || end - dot - 1 <= digits) return sign * Number(s);
  }
  const [mantissa = '0', expText] = s.split('e');
  const exp = expText === undefined ? 0 : Number(expText);
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  const digitsAll = intPart + fracPart;
  const pointAt = intPart.length + exp;
  const keep = pointAt + digits;
  if (keep < 0) return 0;
  if (keep >= digitsAll.length) return sign * Number(s);
  let kept = BigInt(digitsAll.slice(0, keep) || '0');
  if ((digitsAll[keep] ?? '0') >= '5') kept += 1n;
  if (kept === 0n) return 0;
  return sign * Number(`${kept}e${-digits}`);
}

/**
 * a + b kept to 15 significant digits of the larger operand. A threshold like 498.5 − 491.2 is
 * 7.300000000000011 in binary; to15 keeps that crumb (it is 15 digits of the small result), this
 * drops it, so a lead's 7.3 meets a threshold of 7.3.
 */
export function sum15(a: number, b: number): number {
  const s = a + b;
  const big = Math.max(Math.abs(a), Math.abs(b));
  if (!Number.isFinite(s) || big === 0) return s;
  return excelRound(s, 14 - Math.floor(Math.log10(big)));
}
