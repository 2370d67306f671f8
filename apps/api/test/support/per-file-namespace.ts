// Jest setup, run before each spec file: the file gets its own Redis namespace (queues,
// pub/sub channels, rate limits) under the run's prefix, so a worker one file starts never
// takes the jobs another file's API posted. Jest gives each file its own copy of process.env;
// global teardown deletes every key under the run's prefix.
import { randomBytes } from 'node:crypto';

process.env['REDIS_PREFIX'] = `${process.env['REDIS_PREFIX']}:${randomBytes(3).toString('hex')}`;
