// The explorer's other download formats (issue #17, Publish): KML and CSV of the layer, and the whole site
// as a zip when the site's folder is known. Each format's code is a lazy chunk, loaded on its first click.
import { useSignal } from '@preact/signals';
import type { Model } from '../model/create-model.ts';
import { exportFileName } from '../model/layer-io.ts';
import { downloadText } from './download.ts';

/** Media types of the downloads (KML: OGC 07-147r2; CSV: RFC 4180). */
const KML_TYPE = 'application/vnd.google-earth.kml+xml';
const CSV_TYPE = 'text/csv;charset=utf-8';
const ZIP_TYPE = 'application/zip';

export function ExportButtons({ model, siteBase }: { model: Model; siteBase?: string }) {
  const zipping = useSignal(false);
  const layer = model.layer.value;
  const title = layer?.title;
  /** A chunk that does not load (offline, site updated since) or a broken site: said in the page. */
  const failed = (what: string, e: unknown) => {
    model.error.value = {
      title: `The ${what} could not be made`,
      message: `${String((e as Error).message).replace(/\.?$/, '.')} Try again; if it fails again, reload the page.`,
    };
  };
  const kml = async () => {
    try {
      const { layerToKml } = await import('../../export/layer-to-kml.ts');
      downloadText(layerToKml(model.layer.peek()!), exportFileName(title, undefined, 'kml'), KML_TYPE);
    } catch (e) {
      failed('KML file', e);
    }
  };
  const csv = async () => {
    try {
      const { layerToCsv } = await import('../../export/layer-to-csv.ts');
      downloadText(layerToCsv(model.layer.peek()!), exportFileName(title, undefined, 'csv'), CSV_TYPE);
    } catch (e) {
      failed('CSV file', e);
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
  return (
    <>
      <button type="button" class="aa-btn" disabled={!layer} onClick={kml}>
        Download KML
      </button>
      <button type="button" class="aa-btn" disabled={!layer} onClick={csv}>
        Download CSV
      </button>
      {siteBase && (
        <button type="button" class="aa-btn" disabled={!layer || zipping.value} onClick={zip}>
          {zipping.value ? 'Zipping the site…' : 'Download site (.zip)'}
        </button>
      )}
    </>
  );
}
