import { allServiceReturns, returnFileName } from '../../src/app/insert-template';
import type { Catalogue } from '../../src/core/catalogue/schema';
import { makePeriod } from '../../src/core/period';
import { miniCatalogue } from '../core/fixtures/mini-catalogue';

const Q2 = makePeriod(2023, 2);

describe('allServiceReturns: one return per service for the BI team', () => {
  it('names each file from the service and the period', () => {
    expect(returnFileName('Customer Services', Q2)).toBe('customer-services-2023-24-q2.xlsx');
    expect(returnFileName("Children's Social Care & SEND", Q2)).toBe('childrens-social-care-and-send-2023-24-q2.xlsx');
    expect(returnFileName('***', Q2)).toBe('service-2023-24-q2.xlsx');
  });

  it('gives each service of the catalogue a return, or a reason it has none', () => {
    const c: Catalogue = miniCatalogue();
    c.indicators = c.indicators.map((i) => (i.id === 'MC04' ? { ...i, service: 'Annual Surveys' } : i));
    const q2 = allServiceReturns(c, Q2);
    expect(q2.returns.map((r) => [r.service, r.file])).toEqual([
      ['Customer Services', 'customer-services-2023-24-q2.xlsx'],
      ['Adult Social Care', 'adult-social-care-2023-24-q2.xlsx'],
    ]);
    expect(q2.skipped).toEqual([{ service: 'Annual Surveys', reason: 'none-due' }]);
    expect(q2.returns[0]?.template.due).toBe(c.indicators.filter((i) => i.service === 'Customer Services').length);
    expect(allServiceReturns(c, makePeriod(2023, 4)).skipped).toEqual([]);
  });

  it('skips a service none of whose indicators is in force yet, and never gives two services one file name', () => {
    const c: Catalogue = miniCatalogue();
    c.indicators = c.indicators.map((i) => (i.id === 'MC02' ? { ...i, service: 'Customer  services!' } : i.id === 'MC06' ? { ...i, service: 'New Service' } : i));
    c.changes = [...(c.changes ?? []), { date: '2024-04-01', indicator: 'MC06', change: 'added', reason: 'new plan', authority: 'Cabinet' }];
    const q2 = allServiceReturns(c, Q2);
    expect(q2.skipped).toEqual([{ service: 'New Service', reason: 'not-in-force' }]);
    const files = q2.returns.map((r) => r.file);
    expect(files).toContain('customer-services-2023-24-q2.xlsx');
    expect(files).toContain('customer-services-2-2023-24-q2.xlsx');
    expect(new Set(files).size).toBe(files.length);
  });
});
