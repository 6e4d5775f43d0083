/** Whether a text is an IP address or a DNS host name (RFC 1123 labels), without port or brackets. */
import net from 'node:net';

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** True for `127.0.0.1`, `::1` and `cache.internal`; false for anything with a port, brackets or spaces. */
export function isHostName(raw: string): boolean {
  return net.isIP(raw) !== 0 || HOST_NAME.test(raw);
}
