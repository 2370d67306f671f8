import { Cluster } from 'ioredis';
import type { RedisClient } from './redis-client.js';

/**
 * Deletes every key under `<prefix>:` and `{<prefix>:…}` (a throwaway test or benchmark prefix;
 * the second form is BullMQ's on a cluster), in SCAN batches — on a cluster, on every primary,
 * one key at a time (keys of different slots cannot share a command).
 */
export async function deleteKeysWithPrefix(redis: RedisClient, prefix: string): Promise<void> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) {
          if (redis instanceof Cluster) await Promise.all(keys.map((key) => node.unlink(key)));
          else await node.unlink(...keys);
        }
        cursor = next;
      } while (cursor !== '0');
    }
  }
}
