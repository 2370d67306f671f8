import { ApiError, type GraphQLErrorItem } from '../api/errors.ts';
import type { ImportJob } from '../api/types.ts';

/** Largest export the API accepts by default (IMPORT_UPLOAD_MAX_BYTES): 200 MiB. */
export const HISTORY_UPLOAD_LIMIT = 200 * 1024 * 1024;

/** A WordPress (WXR) or Disqus export, by name; the server decides from the content. */
export const looksLikeExport = (name: string): boolean => /\.xml$/i.test(name);

/**
 * Sends a site-history export as the request body (streamed by the browser, never read
 * into memory here) and answers the queued import job, followed like any import.
 */
export async function uploadHistory(
  file: File,
  token: string | undefined,
  doFetch: typeof fetch = globalThis.fetch,
): Promise<ImportJob> {
  if (file.size === 0) throw new ApiError([{ code: 'BAD_USER_INPUT', message: 'The file is empty.', field: 'file' }]);
  if (file.size > HISTORY_UPLOAD_LIMIT) {
    throw new ApiError([
      {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The file is larger than 200 MB; import it with the command line.',
        field: 'file',
      },
    ]);
  }
  let res: Response;
  try {
    res = await doFetch('/imports/history', {
      method: 'POST',
      headers: {
        'content-type': 'application/xml',
        'x-file-name': encodeURIComponent(file.name),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError([{ code: 'NETWORK_ERROR', message: 'The upload did not reach the server; try again.' }]);
  }
  const json = (await res.json().catch(() => null)) as
    (Partial<ImportJob> & { error?: { message: string; code: string; field?: string } }) | null;
  if (!res.ok || !json || json.error) {
    const error: GraphQLErrorItem = json?.error
      ? { code: json.error.code, message: json.error.message, ...(json.error.field ? { field: json.error.field } : {}) }
      : { code: 'INTERNAL_SERVER_ERROR', message: `The upload failed (${res.status}).` };
    throw new ApiError([error], res.status);
  }
  return json as ImportJob;
}
