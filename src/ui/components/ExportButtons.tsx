// The explorer's other download formats (issue #17, Publish): KML and CSV of the layer or the selection, and
// the whole site as a zip when the site's folder is known. Each format's code is a lazy chunk, loaded on click.
import { useComputed, useSignal } from '@preact/signals';
import type { Model } from '../model/create-model.ts';
import { exportFileName } from '../model/layer-io.ts';
import { downloadText } from './download.ts';
import { downloadPlaces } from './download-places.ts';

const ZIP_TYPE = 'application/zip';

export function ExportButtons({ model, siteBase }: { model: Model; siteBase?: string }) {
  const zipping = useSignal(false);
  // A signal bound to `disabled`, as the toolbar's own selection button does (issue #4).
  const none = useComputed(() => !model.selected.value);
  const layer = model.layer.value;
  const title = layer?.title;
  /** A chunk that does not load (offline, site updated since) or a broken site: said in the page. */
  const failed = (what: string, e: unknown) => {
    model.error.value = {
      title: `The ${what} could not be made`,
      message: `${String((e as Error).message).replace(/\.?$/, '.')} Try again; if it fails again, reload the page.`,
    };
  };
  /** KML or CSV of the whole layer, or of the selected place (`selection`). */
  const flat = async (format: 'kml' | 'csv', selection: boolean) => {
    const what = `${format.toUpperCase()} file`;
    try {
      const current = model.layer.peek()!;
      const place = selection ? model.selected.peek() : null;
      if (selection && !place) return;
      const ids = place ? [place.id] : undefined;
      const name = exportFileName(title, place?.properties.name, format);
      await downloadPlaces(current, format, name, { ids });
    } catch (e) {
      failed(what, e);
    }
  };
  const zip = async () => {
    zipping.value = true;
    try {
      const { fetchSiteZip } = await import('../model/fetch-site-zip.ts');
      const bytes = await fetchSiteZip(siteBase!, model.layer.peek()!);
      downloadText(bytes, exportFileName(title, 'site', 'zip'), ZIP_TYPE);
    } catch (e) {
      failed('site (.zip)', e);
    } finally {
      zipping.value = false;
    }
  };
  // KML and CSV behind a disclosure: the reader's toolbar keeps its two GeoJSON buttons in front, and the
  // other formats open on their own line (keyboard and mouse alike, as the legend and "Wrong place?" do).
  return (
    <>
      {siteBase && (
        <button type="button" class="aa-btn" disabled={!layer || zipping.value} onClick={zip}>
          {zipping.value ? 'Zipping the site…' : 'Download site (.zip)'}
        </button>
      )}
      <details class="aa-more">
        <summary class="aa-btn">More formats</summary>
        <div class="aa-more-list">
          <button type="button" class="aa-btn" disabled={!layer} onClick={() => flat('kml', false)}>
            Download KML
          </button>
          <button type="button" class="aa-btn" disabled={!layer} onClick={() => flat('csv', false)}>
            Download CSV
          </button>
          <button type="button" class="aa-btn" disabled={none} onClick={() => flat('kml', true)}>
            Selection as KML
          </button>
          <button type="button" class="aa-btn" disabled={none} onClick={() => flat('csv', true)}>
            Selection as CSV
          </button>
        </div>
      </details>
    </>
  );
}
