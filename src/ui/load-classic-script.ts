// The embed's way to load code it leaves out (article-atlas-story.js, article-atlas-tiles.js): a classic script
// beside the embed's own, added to the page once, that leaves what it defines in a global.

// The embed script's address, read while it runs (this module is part of it): document.currentScript is null by the
// time a map asks for tiles or a collection arrives.
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;

/**
 * Adds `file` (beside the embed script) to the page and resolves with the global it defines.
 * @example loadClassicScript('article-atlas-tiles.js', '__articleAtlasTiles')
 */
export function loadClassicScript<T>(file: string, global: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(file, scriptSrc).href;
    script.onload = () => {
      const value = (globalThis as Record<string, unknown>)[global] as T | undefined;
      if (value) resolve(value);
      else reject(new Error(`${file} is empty`));
    };
    script.onerror = () => reject(new Error(`${script.src} did not load`));
    document.head.append(script);
  });
}
