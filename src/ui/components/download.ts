// Saves an export (text or bytes) as a file through a temporary object URL (no server round trip, issue #4).
import { GEOJSON_TYPE } from '../model/layer-io.ts';

export function downloadText(data: string | Uint8Array<ArrayBuffer>, fileName: string, type = GEOJSON_TYPE): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
