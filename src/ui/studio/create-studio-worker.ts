// The page's side of the studio's worker (issue #17): one request → one promise; progress events to a callback.
import type { ProgressEvent, StudioReply, StudioRequest, StudioRequests, StudioResults } from './studio-protocol.ts';

/** A worker's refusal: `input` when the article is at fault (its message says what to do), else a bug. */
export class StudioError extends Error {
  constructor(
    message: string,
    readonly input: boolean,
  ) {
    super(message);
  }
}

export interface StudioWorker {
  request<K extends keyof StudioRequests>(type: K, body: StudioRequests[K]): Promise<StudioResults[K]>;
  terminate(): void;
}

/**
 * Starts the worker script at `url` (a module worker: it loads the markup readers as a chunk when needed).
 * @example const worker = createStudioWorker(new URL('studio-worker.js', location.href), showProgress)
 */
export function createStudioWorker(url: URL, onProgress: (p: ProgressEvent) => void): StudioWorker {
  const worker = new Worker(url, { type: 'module' });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<StudioReply | ProgressEvent>) => {
    const msg = e.data;
    if ('type' in msg) return onProgress(msg);
    const waiting = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.ok) waiting?.resolve(msg.result);
    else waiting?.reject(new StudioError(msg.message, msg.input));
  };
  // A worker that does not start (its script missing) fails every request instead of leaving it waiting.
  worker.onerror = (e) => {
    e.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new StudioError('The studio could not start.', false));
    pending.clear();
  };
  return {
    request(type, body) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, type, ...body } as StudioRequest);
      });
    },
    terminate: () => worker.terminate(),
  };
}
