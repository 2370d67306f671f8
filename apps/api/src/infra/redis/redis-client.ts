import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/env.js';

/**
 * A connection to Redis: one server (REDIS_URL), a primary found through Redis Sentinel
 * (REDIS_SENTINELS), or a Redis Cluster (REDIS_CLUSTER_NODES).
 */
export type RedisClient = Redis | Cluster;

/** A Redis Cluster node or a Sentinel. */
export interface HostPort {
  host: string;
  port: number;
}

export type RedisSettings = Pick<
  AppConfig,
  'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'
>;

/**
 * The seed nodes of REDIS_CLUSTER_NODES or the Sentinels of REDIS_SENTINELS (`host:port,host:port`;
 * an IPv6 host in brackets). Any one reachable node is enough: the client learns the rest of
 * the cluster, or the primary, from it.
 */
export function hostPortsOf(list: string, setting: 'REDIS_CLUSTER_NODES' | 'REDIS_SENTINELS'): HostPort[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(entry);
      const port = Number(match?.[2]);
      if (!match || !(port > 0 && port < 65536)) {
        throw new Error(`${setting}: "${entry}" is not host:port`);
      }
      return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
    });
}

/**
 * Connects to Redis as configured. On a cluster the client follows slot moves and failovers;
 * `options` apply to each node's connection, and the offline queue and auto-pipelining to the
 * cluster as a whole.
 */
export function connectRedis(config: RedisSettings, options: RedisOptions = {}): RedisClient {
  const nodes = hostPortsOf(config.REDIS_CLUSTER_NODES, 'REDIS_CLUSTER_NODES');
  if (nodes.length === 0) {
    const sentinel = sentinelOptionsOf(config);
    return sentinel ? new Redis({ ...sentinel, ...options }) : new Redis(config.REDIS_URL, options);
  }
  const { enableOfflineQueue, lazyConnect, enableAutoPipelining, ...nodeOptions } = options;
  return new Cluster(nodes, {
    redisOptions: nodeOptions,
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(enableAutoPipelining !== undefined ? { enableAutoPipelining } : {}),
    // A failover takes the cluster a few seconds: keep retrying a moved or refused command
    // meanwhile rather than failing it at the first redirection.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
  });
}

export type SentinelOptions = Pick<
  RedisOptions,
  'sentinels' | 'name' | 'username' | 'password' | 'db' | 'sentinelRetryStrategy'
>;

/**
 * How to reach the primary under Redis Sentinel, or null without REDIS_SENTINELS. The client
 * asks the Sentinels where the primary is, checks that the server it reaches is one (ROLE),
 * and asks again when the connection breaks: after a failover it finds the promoted replica.
 * The primary's user, password and database come from REDIS_URL, as on a single server.
 */
export function sentinelOptionsOf(config: RedisSettings): SentinelOptions | null {
  const sentinels = hostPortsOf(config.REDIS_SENTINELS, 'REDIS_SENTINELS');
  if (sentinels.length === 0) return null;
  const url = new URL(config.REDIS_URL);
  const db = Number(url.pathname.slice(1) || 0);
  return {
    sentinels,
    name: config.REDIS_SENTINEL_NAME,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    // A failover takes the Sentinels a few seconds: keep asking them meanwhile.
    sentinelRetryStrategy: (times) => Math.min(times * 100, 1000),
  };
}

/** Where Redis is, in words for an error message (no password). */
export function redisWhere(config: RedisSettings, redact: (url: string) => string): string {
  if (config.REDIS_CLUSTER_NODES.trim()) return `the Redis Cluster at ${config.REDIS_CLUSTER_NODES.trim()}`;
  if (config.REDIS_SENTINELS.trim()) {
    return `the Redis primary "${config.REDIS_SENTINEL_NAME}" of the Sentinels at ${config.REDIS_SENTINELS.trim()}`;
  }
  return `Redis at ${redact(config.REDIS_URL)}`;
}

/**
 * The prefix of BullMQ's keys. On a cluster it is a hash tag (`{…}`), so each queue's keys
 * share one slot, as BullMQ's multi-key scripts require.
 */
export function queuePrefixOf(config: Pick<AppConfig, 'REDIS_PREFIX' | 'REDIS_CLUSTER_NODES'>): string {
  const prefix = `${config.REDIS_PREFIX}:bull`;
  return config.REDIS_CLUSTER_NODES.trim() ? `{${prefix}}` : prefix;
}
