import { embeddedIPv4, inCidr, parseAddress, parseCidr, type Cidr } from './ip-address.js';

/** Why an address may not be fetched; undefined when it may. */
export type BlockReason =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'shared (CGNAT)'
  | 'multicast'
  | 'reserved'
  | 'cloud metadata';

const RANGES: Array<[string, BlockReason]> = [
  // Cloud metadata endpoints first, so the reason names them (most sit in wider ranges below).
  ['169.254.169.254/32', 'cloud metadata'], // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle
  ['169.254.170.2/32', 'cloud metadata'], // AWS ECS task metadata
  ['168.63.129.16/32', 'cloud metadata'], // Azure wire server (a public address)
  ['100.100.100.200/32', 'cloud metadata'], // Alibaba Cloud
  ['192.0.0.192/32', 'cloud metadata'], // Oracle Cloud
  ['fd00:ec2::254/128', 'cloud metadata'], // AWS over IPv6
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (CGNAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'reserved'], // documentation
  ['192.88.99.0/24', 'reserved'], // 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'], // benchmarking
  ['198.51.100.0/24', 'reserved'], // documentation
  ['203.0.113.0/24', 'reserved'], // documentation
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // includes 255.255.255.255
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'], // local-use NAT64
  ['100::/64', 'reserved'], // discard-only
  ['2001::/23', 'reserved'], // IETF protocol assignments, Teredo (hides an IPv4 address)
  ['2001:db8::/32', 'reserved'], // documentation
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'], // deprecated site-local
  ['ff00::/8', 'multicast'],
];
const BLOCKED: Array<{ range: Cidr; reason: BlockReason }> = RANGES.map(([text, reason]) => ({
  range: parseCidr(text)!,
  reason,
}));

function reasonFor(bytes: Uint8Array): BlockReason | undefined {
  const v4 = embeddedIPv4(bytes);
  if (v4) return reasonFor(v4);
  return BLOCKED.find(({ range }) => inCidr(bytes, range))?.reason;
}

/**
 * Which hosts and addresses URL imports may reach. Public addresses are fine; private,
 * loopback, link-local, unique-local, CGNAT, multicast, reserved and cloud metadata ones
 * are refused unless IMPORT_ALLOWED_HOSTS names the host or a CIDR holding the address.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly domains: string[] = [];
  private readonly cidrs: Cidr[] = [];

  /** `allowList`: comma-separated hosts (`wiki.internal`, `*.corp.example`), addresses or CIDRs. */
  constructor(allowList: string) {
    for (const raw of allowList.split(',')) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      const range = parseCidr(entry);
      if (range) this.cidrs.push(range);
      else if (entry.startsWith('*.')) this.domains.push(entry.slice(1));
      else this.hosts.add(entry.replace(/\.$/, ''));
    }
  }

  /** The host is explicitly trusted: any address it resolves to may be fetched. */
  allowsHost(hostname: string): boolean {
    const host = hostname
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '');
    return this.hosts.has(host) || this.domains.some((suffix) => host.endsWith(suffix));
  }

  /** Undefined when `address` may be fetched; otherwise why not. */
  check(address: string, hostname: string): BlockReason | undefined {
    const bytes = parseAddress(address);
    if (!bytes) return 'reserved';
    if (this.allowsHost(hostname)) return undefined;
    const reason = reasonFor(bytes);
    if (!reason) return undefined;
    const v4 = embeddedIPv4(bytes);
    const allowed = this.cidrs.some((range) => inCidr(bytes, range) || (v4 !== undefined && inCidr(v4, range)));
    return allowed ? undefined : reason;
  }
}
