/**
 * What a lead would meet in real Excel (issue 14 points 1, 2, 6, 8, 10), driven through the Office
 * services over the fake Excel, whose behaviours follow Microsoft's documentation
 * (docs/excel-behaviour.md). Each test fails on the old adapter.
 */
import JSZip from 'jszip';
import { lazyFileAdapters as files } from '../../../src/adapters/exceljs/lazy';
import { cellA1 } from '../../../src/core/address';
import { parsePeriod } from '../../../src/core/period';
import { TEMPLATE_COLUMN, TEMPLATE_HEADER_ROW } from '../../../src/core/plan/template';
import { validateGrid } from '../../../src/core/return/find';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

async function withReturn(rows = 5) {
  const fake = freshFake();
  const s = servicesOn(fake, { files });
  const cat = catalogueOfSize(rows);
  await s.insertTemplate(cat, PERIOD);
  return { fake, s, cat };
}

describe('validate in real Excel conditions', () => {
  it("validate keeps the lead's frozen panes (only a plan that sets panes touches them)", async () => {
    const { fake, s, cat } = await withReturn();
    fake.sheet('Return').freeze = { rows: 3, cols: 1 }; // the lead froze their own panes
    await s.validate(cat, { period: PERIOD });
    expect(fake.sheet('Return').freeze).toEqual({ rows: 3, cols: 1 });
  });

  it('re-validating a return whose RAG formats are in place makes no undo-clearing call and writes nothing', async () => {
    const { fake, s, cat } = await withReturn();
    expect(fake.sheet('Return').protection.protected).toBe(true); // the template protects the sheet
    fake.type('Return!H15', 81);
    await s.validate(cat, { period: PERIOD });
    const undo = fake.undoClearingCalls().length;
    const writes = fake.writes();
    fake.type('Return!H16', 82);
    const again = await s.validate(cat, { period: PERIOD });
    expect(again.rows.length).toBe(5);
    expect(fake.undoClearingCalls().length).toBe(undo);
    expect(fake.writes()).toBe(writes);
    // Rules the lead cleared come back on the next validate.
    fake.sheet('Return').conditionalFormats = [];
    await s.validate(cat, { period: PERIOD });
    expect(fake.sheet('Return').conditionalFormats.length).toBeGreaterThan(0);
  });

  it('a return longer than the first read validates as read whole: same findings, counts and rows', async () => {
    const { fake, s, cat } = await withReturn(300);
    for (let i = 0; i < 300; i += 7) fake.paste(`Return!H${TEMPLATE_HEADER_ROW + 1 + i}`, i % 3 === 0 ? 'n/a' : 50 + i); // pasted: Excel's validation stops typed text only
    fake.type(`Return!M${TEMPLATE_HEADER_ROW + 300}`, 'last row commentary');
    const result = await s.validate(cat, { period: PERIOD });
    const whole = validateGrid(cat, fake.grid('Return'), { period: parsePeriod(PERIOD)! });
    expect(result.issues).toEqual(whole.issues);
    expect(result.rows).toEqual(whole.rows);
    expect(result.counts).toEqual(whole.counts);
  });

  it('live validation writes nothing at all to the sheet', async () => {
    const { fake, s, cat } = await withReturn();
    fake.type('Return!H15', 81);
    const writes = fake.writes();
    const undo = fake.undoClearingCalls().length;
    const rules = JSON.stringify(fake.sheet('Return').conditionalFormats);
    const live = await s.validate(cat, { period: PERIOD, live: true });
    expect(live.rows.length).toBe(5);
    expect(fake.writes()).toBe(writes);
    expect(fake.undoClearingCalls().length).toBe(undo);
    expect(JSON.stringify(fake.sheet('Return').conditionalFormats)).toBe(rules);
  });
});

describe('print headers and footers', () => {
  it('Cabinet headers and footers land in left, centre and right sections in both renderers', async () => {
    const { fake, s, cat } = await withReturn(4);
    const { sheet } = await s.createCabinetSheet(cat, PERIOD, {});
    const hf = fake.sheet(sheet).page.headerFooter;
    expect(hf.leftHeader).toMatch(/^&8/);
    expect(hf.rightHeader).toMatch(/Scorecard/i);
    expect(hf.leftFooter).toMatch(/Page &P of &N/);
    expect(hf.rightFooter).toMatch(/Data fingerprint \(SHA-256\) [0-9a-f]{64}$/);
    for (const text of Object.values(hf)) expect(text).not.toMatch(/(^|[^&])(&&)*&[LCR]/);

    // The file: one oddHeader/oddFooter text with the sections after &L and &R (OOXML headerFooter).
    const file = await s.downloadCabinet(cat, PERIOD, {});
    const zip = await JSZip.loadAsync(file.bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const text = (tag: string) => (new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? '').replace(/&amp;/g, '&');
    const joined = (l?: string, c?: string, r?: string) => `${l ? `&L${l}` : ''}${c ? `&C${c}` : ''}${r ? `&R${r}` : ''}`;
    expect(text('oddHeader')).toBe(joined(hf.leftHeader, hf.centerHeader, hf.rightHeader));
    expect(text('oddFooter')).toBe(joined(hf.leftFooter, hf.centerFooter, hf.rightFooter));
  });
});

describe('writes as the documentation writes them', () => {
  it('no scalar fill: the template is drawn with full 2-D arrays (and copyFrom) only', async () => {
    // The fake rejects a bare value for a range (InvalidArgument), as the old renderer sent for
    // formula columns and number formats; both ExcelApi 1.9 (copyFrom) and older hosts.
    for (const supports of [() => true, (_set: string, v: string) => v !== '1.9']) {
      const fake = freshFake();
      const s = servicesOn(fake, { supports });
      await s.insertTemplate(catalogueOfSize(30), PERIOD);
      const first = fake.cell(cellA1(TEMPLATE_HEADER_ROW + 1, TEMPLATE_COLUMN.rag), 'Return').formula;
      const last = fake.cell(cellA1(TEMPLATE_HEADER_ROW + 30, TEMPLATE_COLUMN.rag), 'Return').formula;
      expect(first).toMatch(/^=/);
      // The same formula filled down: each row's references moved to its own row.
      expect(last).toBe(first?.split(String(TEMPLATE_HEADER_ROW + 1)).join(String(TEMPLATE_HEADER_ROW + 30)));
    }
  });
});
