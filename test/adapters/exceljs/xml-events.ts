import { SaxesParser } from 'saxes';
import { scanXml } from '../../../src/adapters/exceljs/xml-scan';

/**
 * The scanner against saxes (the namespace-aware, well-formedness-checking parser the reader used
 * before, and still a dependency: the oracle). Events are compared as a SAX consumer sees them:
 * open (name, prefix, local, uri, attributes in document order), close (name, uri, local), and
 * the text inside the root with adjacent text and CDATA runs joined.
 */
export type Event = ['open', string, string, string, string, [string, string, string, string, string][]] | ['close', string, string, string] | ['text', string];

function joinText(events: Event[], piece: string): void {
  const last = events[events.length - 1];
  if (last?.[0] === 'text') last[1] += piece;
  else events.push(['text', piece]);
}

export function withSaxes(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => { throw e; });
  parser.on('opentag', (t) => {
    depth++;
    events.push(['open', t.name, t.prefix, t.local, t.uri, Object.values(t.attributes).map((a) => [a.name, a.prefix, a.local, a.uri, a.value])]);
  });
  parser.on('closetag', (t) => { depth--; events.push(['close', t.name, t.uri, t.local]); });
  // saxes also reports the white space around the root; the scanner reports text inside it only.
  parser.on('text', (t) => { if (depth > 0) joinText(events, t); });
  parser.on('cdata', (t) => { if (t !== '') joinText(events, t); });
  parser.write(xml).close();
  return events;
}

export function withScanner(xml: string): Event[] {
  const events: Event[] = [];
  scanXml(xml, {
    open(t) { events.push(['open', t.name, t.prefix, t.local, t.uri, t.attributes().map((a) => [a.name, a.prefix, a.local, a.uri, a.value])]); },
    close(t) { events.push(['close', t.name, t.uri, t.local]); },
    text(t) { joinText(events, t.value); },
  });
  return events;
}

