/**
 * What the running Node line offers the gateway: whether it may share its port between listening
 * sockets, and whether the line still gets security fixes.
 */

/**
 * End-of-life dates of Node release lines (https://github.com/nodejs/Release): even lines are
 * LTS for 30 months, odd lines live until two months after the next even line's release.
 */
export const NODE_END_OF_LIFE: Readonly<Record<number, string>> = {
  16: '2023-09-11',
  17: '2022-06-01',
  18: '2025-04-30',
  19: '2023-06-01',
  20: '2026-04-30',
  21: '2024-06-01',
  22: '2027-04-30',
  23: '2025-06-01',
  24: '2028-04-30',
  25: '2026-06-01',
  26: '2029-04-30',
};

/** The Node line the README recommends. */
export const RECOMMENDED_NODE = '24 LTS';

function parseVersion(version: string): [major: number, minor: number] {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return [major, minor];
}

/**
 * The warning to log when `version` belongs to a Node line past its end of life on `today`, or
 * undefined while it is supported (and for lines the table does not know).
 */
export function nodeEndOfLifeWarning(version: string = process.versions.node, today: Date = new Date()): string | undefined {
  const [major] = parseVersion(version);
  const endOfLife = NODE_END_OF_LIFE[major];
  if (endOfLife === undefined || today.toISOString().slice(0, 10) <= endOfLife) return undefined;
  return `Node ${major} reached its end of life on ${endOfLife} and gets no more security fixes; run the gateway on Node ${RECOMMENDED_NODE}`;
}

/**
 * Whether `server.listen({ reusePort: true })` exists (Node 22.12+, 23.1+) on this platform:
 * Linux, where SO_REUSEPORT spreads new connections over the sockets sharing a port.
 */
export function supportsReusePort(version: string = process.versions.node, platform: NodeJS.Platform = process.platform): boolean {
  const [major, minor] = parseVersion(version);
  const available = major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
  return available && platform === 'linux';
}
