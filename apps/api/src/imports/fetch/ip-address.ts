import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export type AddressBytes = Uint8Array;

function parseIPv4(text: string): AddressBytes | undefined {
  if (!isIPv4(text)) return undefined;
  return Uint8Array.from(text.split('.').map(Number));
}

function parseIPv6(text: string): AddressBytes | undefined {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // brackets and zone id
  if (!isIPv6(address)) return undefined;
  let groups: string[];
  let tail: number[] = [];
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  let body = address;
  if (dotted) {
    tail = dotted[1]!.split('.').map(Number);
    body = address.slice(0, -dotted[1]!.length) + '0:0'; // stands in for the last 32 bits
  }
  const [head, rest] = body.split('::') as [string, string | undefined];
  if (rest === undefined) groups = head.split(':');
  else {
    const left = head ? head.split(':') : [];
    const right = rest ? rest.split(':') : [];
    groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  }
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group || '0', 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  if (dotted) bytes.set(tail, 12);
  return bytes;
}

/** Bytes of an IPv4 or IPv6 literal (brackets and zone ids allowed), or undefined. */
export function parseAddress(text: string): AddressBytes | undefined {
  return parseIPv4(text) ?? parseIPv6(text);
}

export function formatAddress(bytes: AddressBytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

export interface Cidr {
  bytes: AddressBytes;
  prefix: number;
}

/** `10.0.0.0/8`, `fc00::/7` or a single address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText] = text.trim().split('/') as [string, string | undefined];
  const bytes = parseAddress(address);
  if (!bytes) return undefined;
  const max = bytes.length * 8;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
  return { bytes, prefix };
}

export function inCidr(address: AddressBytes, cidr: Cidr): boolean {
  if (address.length !== cidr.bytes.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address[i]! & mask) !== (cidr.bytes[i]! & mask)) return false;
  }
  return true;
}

const cidr = (text: string): Cidr => parseCidr(text)!;

/** IPv6 prefixes that carry an IPv4 address, and where (byte offset). */
const EMBEDDING_V4: Array<{ range: Cidr; offset: number }> = [
  { range: cidr('::ffff:0:0/96'), offset: 12 }, // IPv4-mapped
  { range: cidr('::/96'), offset: 12 }, // IPv4-compatible (deprecated)
  { range: cidr('64:ff9b::/96'), offset: 12 }, // NAT64 well-known prefix
  { range: cidr('2002::/16'), offset: 2 }, // 6to4
];

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one (mapped, compatible,
 * NAT64, 6to4): such an address reaches the IPv4 host, so it must be judged as that host.
 */
export function embeddedIPv4(address: AddressBytes): AddressBytes | undefined {
  if (address.length !== 16) return undefined;
  // :: and ::1 sit inside ::/96 but are the unspecified and loopback addresses themselves.
  if (address.subarray(0, 15).every((b) => b === 0) && address[15]! <= 1) return undefined;
  for (const { range, offset } of EMBEDDING_V4) {
    if (inCidr(address, range)) return address.slice(offset, offset + 4);
  }
  return undefined;
}
