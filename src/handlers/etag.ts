/** Conditional requests for the documents and files the gateway serves with an ETag. */

/** Whether If-None-Match names `etag`, by the weak comparison (RFC 9110 section 13.1.2): W/ prefixes are ignored. */
export function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
