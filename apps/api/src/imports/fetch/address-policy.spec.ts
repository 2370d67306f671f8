import { AddressPolicy } from './address-policy.js';
import { embeddedIPv4, formatAddress, parseAddress } from './ip-address.js';

// Pure classification: nothing here opens a connection.
describe('the address policy of URL imports', () => {
  const strict = new AddressPolicy('');

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['168.63.129.16', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    // IPv6 forms that reach an IPv4 host are judged as that host.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:a9fe:a9fe', 'cloud metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'cloud metadata'],
    ['2002:7f00:1::', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['2001:0:4136:e378::1', 'reserved'], // Teredo hides an IPv4 address
  ])('refuses %s as %s', (address, reason) => {
    expect(strict.check(address, address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1', '100.128.0.1'])(
    'lets %s through',
    (address) => {
      expect(strict.check(address, 'news.example')).toBeUndefined();
    },
  );

  it('allows what IMPORT_ALLOWED_HOSTS names: addresses, CIDRs, hosts and subdomains', () => {
    const policy = new AddressPolicy(' 127.0.0.1 , 10.20.0.0/16, wiki.internal, *.corp.example ,fd00:1::/32');
    expect(policy.check('127.0.0.1', '127.0.0.1')).toBeUndefined();
    expect(policy.check('::ffff:127.0.0.1', 'x')).toBeUndefined(); // the same host, written as IPv6
    expect(policy.check('127.0.0.2', '127.0.0.2')).toBe('loopback');
    expect(policy.check('::1', 'localhost')).toBe('loopback');
    expect(policy.check('10.20.3.4', 'x')).toBeUndefined();
    expect(policy.check('10.21.3.4', 'x')).toBe('private');
    expect(policy.check('192.168.0.9', 'wiki.internal')).toBeUndefined();
    expect(policy.check('192.168.0.9', 'WIKI.internal.')).toBeUndefined();
    expect(policy.check('192.168.0.9', 'docs.corp.example')).toBeUndefined();
    expect(policy.check('192.168.0.9', 'corp.example.evil')).toBe('private');
    expect(policy.check('fd00:1::5', 'x')).toBeUndefined();
    expect(policy.check('169.254.169.254', 'x')).toBe('cloud metadata');
  });

  it('parses IPv6 with compression, embedded IPv4 and zone ids', () => {
    expect(formatAddress(parseAddress('fe80::1%eth0')!)).toBe('fe80:0:0:0:0:0:0:1');
    expect(formatAddress(parseAddress('[::ffff:1.2.3.4]')!)).toBe('0:0:0:0:0:ffff:102:304');
    expect(formatAddress(embeddedIPv4(parseAddress('::ffff:1.2.3.4')!)!)).toBe('1.2.3.4');
    expect(embeddedIPv4(parseAddress('::1')!)).toBeUndefined();
    expect(parseAddress('not-an-address')).toBeUndefined();
    expect(parseAddress('1.2.3')).toBeUndefined();
  });
});
