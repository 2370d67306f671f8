/**
 * An HTTP-level refusal the Web Annotation Protocol defines a status for (406, 412, 415,
 * 428) and that has no domain error code; the Web Annotations exception filter answers it as JSON.
 */
export class ProtocolError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}
