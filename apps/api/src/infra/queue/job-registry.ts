import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JOB_HANDLER, JobHandlerFn } from './job-handler.js';
import { JOB_NAMES, JobName } from './jobs.js';

/** Finds every @HandlesJob method and checks that each job name has exactly one. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandlerFn>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = Reflect.getMetadata(JOB_HANDLER, fn) as JobName | undefined;
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${wrapper.name}.${method}`]);
        this.handlers.set(name, (fn as JobHandlerFn).bind(instance));
      }
    }
    assertOneHandlerEach(found);
  }

  handler(name: string): JobHandlerFn | undefined {
    return this.handlers.get(name as JobName);
  }
}

export function assertOneHandlerEach(found: Map<string, string[]>): void {
  const problems: string[] = [];
  for (const name of JOB_NAMES) {
    const where = found.get(name) ?? [];
    if (where.length === 0) problems.push(`job "${name}" has no handler`);
    if (where.length > 1) problems.push(`job "${name}" has ${where.length} handlers: ${where.join(', ')}`);
  }
  for (const name of found.keys()) {
    if (!JOB_NAMES.includes(name as JobName)) problems.push(`handler for unknown job "${name}"`);
  }
  if (problems.length > 0) throw new Error(`Job handlers are misconfigured:\n  ${problems.join('\n  ')}`);
}
