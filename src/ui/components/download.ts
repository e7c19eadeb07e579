// Saves text as a GeoJSON file through a temporary object URL (no server round trip, issue #4).
import { GEOJSON_TYPE } from '../model/layer-io.ts';

export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: GEOJSON_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
