/** A failed data request; `status` 404 means the thing does not exist. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
  ) {
    super(`Request for ${path} failed with status ${status}`);
    this.name = 'HttpError';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpError && error.status === 404;
}

/** Fetches a data file (a `dataPaths` value) relative to the app's base URL. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`, { signal: signal ?? null });
  if (!response.ok) throw new HttpError(response.status, path);
  const type = response.headers.get('content-type') ?? '';
  // Static hosts and the dev server answer unknown paths with index.html: treat that as missing.
  if (type.includes('text/html')) throw new HttpError(404, path);
  return (await response.json()) as T;
}
