import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus.js';

/** Publishing events: both processes. */
@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class RealtimeModule {}
