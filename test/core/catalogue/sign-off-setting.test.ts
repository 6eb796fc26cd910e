import { separateSigner } from '../../../src/core/catalogue/accessors';
import { parseCatalogue } from '../../../src/core/catalogue/parse';
import { catalogueTables, tablesToCatalogueJson, type Table } from '../../../src/core/catalogue/table';
import { miniCatalogue } from '../fixtures/mini-catalogue';

/** The catalogue's `signOff: { separateSigner }` setting: optional, true unless it says false. */
describe('catalogue signOff.separateSigner', () => {
  it('is optional and defaults to a separate signer', () => {
    const r = parseCatalogue(miniCatalogue());
    expect(r.ok && separateSigner(r.catalogue)).toBe(true);
  });

  it.each([true, false])('reads separateSigner %s', (value) => {
    const r = parseCatalogue({ ...miniCatalogue(), signOff: { separateSigner: value } });
    expect(r.errors).toEqual([]);
    expect(r.ok && separateSigner(r.catalogue)).toBe(value);
  });

  it('refuses anything but true or false, naming the path', () => {
    const r = parseCatalogue({ ...miniCatalogue(), signOff: { separateSigner: 'no' } });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.path)).toContain('signOff.separateSigner');
  });

  it('survives the catalogue workbook round trip', () => {
    const c = { ...miniCatalogue(), signOff: { separateSigner: false } };
    const asGrid = (t: Table) => ({ sheet: t.sheet, values: [t.header, ...t.rows] });
    const back = tablesToCatalogueJson(catalogueTables(c).map(asGrid));
    expect(back.errors).toEqual([]);
    expect(back.json).toEqual(c);
  });
});
