// Reads KML back to GeoJSON with readers independent of the writer (issue #17): @xmldom/xmldom parses the
// XML (and throws on a malformed document), @tmcw/togeojson converts it.
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';

export function readKml(text: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`KML is not well-formed XML: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  return { doc, geojson: kml(doc as unknown as Document) };
}
