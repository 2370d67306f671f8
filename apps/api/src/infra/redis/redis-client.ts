import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/env.js';

/** A connection to Redis: one server (REDIS_URL), or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisClient = Redis | Cluster;

export interface ClusterNode {
  host: string;
  port: number;
}

/**
 * The seed nodes of REDIS_CLUSTER_NODES (`host:port,host:port`; an IPv6 host in brackets).
 * Any one reachable node is enough: the client learns the rest of the cluster from it.
 */
export function clusterNodesOf(list: string): ClusterNode[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(entry);
      const port = Number(match?.[2]);
      if (!match || !(port > 0 && port < 65536)) {
        throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port`);
      }
      return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
    });
}

/**
 * Connects to Redis as configured. On a cluster the client follows slot moves and failovers;
 * `options` apply to each node's connection, and the offline queue to the cluster as a whole.
 */
export function connectRedis(
  config: Pick<AppConfig, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>,
  options: RedisOptions = {},
): RedisClient {
  const nodes = clusterNodesOf(config.REDIS_CLUSTER_NODES);
  if (nodes.length === 0) return new Redis(config.REDIS_URL, options);
  const { enableOfflineQueue, lazyConnect, ...nodeOptions } = options;
  return new Cluster(nodes, {
    redisOptions: nodeOptions,
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    // A failover takes the cluster a few seconds: keep retrying a moved or refused command
    // meanwhile rather than failing it at the first redirection.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
  });
}

/**
 * The prefix of BullMQ's keys. On a cluster it is a hash tag (`{…}`), so each queue's keys
 * share one slot, as BullMQ's multi-key scripts require.
 */
export function queuePrefixOf(config: Pick<AppConfig, 'REDIS_PREFIX' | 'REDIS_CLUSTER_NODES'>): string {
  const prefix = `${config.REDIS_PREFIX}:bull`;
  return config.REDIS_CLUSTER_NODES.trim() ? `{${prefix}}` : prefix;
}
