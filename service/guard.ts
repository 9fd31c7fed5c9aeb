// Who the service answers: requests addressed to one of its own host names (so a DNS-rebinding page,
// whose requests carry the attacker's host name, is refused), browsers only from extension pages and
// configured origins, and test or admin routes only from this machine.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

/**
 * The `Host` values the service answers: loopback names with its port, the address it listens on
 * when that is a specific one, and the host of each public URL (`PUBLIC_URL`).
 */
export function allowedHosts(port: number, listenHost: string, publicUrls: readonly string[]): Set<string> {
  const hosts = new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
  if (!['0.0.0.0', '::', ''].includes(listenHost)) {
    hosts.add(`${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`.toLowerCase());
  }
  // URL.host leaves out a default port, as browsers do in the Host header.
  for (const url of publicUrls) hosts.add(new URL(url).host.toLowerCase());
  return hosts;
}

export function isAllowedHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.toLowerCase());
}

/** `CORS_ORIGINS` entries as origins (`https://app.example.org`); throws on one that is not a URL. */
export function parseOrigins(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const origin = new URL(entry).origin;
      if (origin === 'null') throw new Error(`not an http(s) origin: ${entry}`);
      return origin;
    });
}

/** Extension pages of any extension, and the configured origins; never an arbitrary web page. */
export function isAllowedOrigin(origin: string, configured: ReadonlySet<string>): boolean {
  return EXTENSION_ORIGIN.test(origin) || configured.has(origin);
}

/** 127.0.0.0/8 and ::1, also written IPv4-mapped (`::ffff:127.0.0.1`) as dual-stack sockets do. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}
