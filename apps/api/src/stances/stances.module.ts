import { Module } from '@nestjs/common';
import { ContestedPassagesService } from './contested-passages.service.js';
import { DebateStancesService } from './debate-stances.service.js';
import { ContestedPassagesResolver, DebateStancesResolver } from './stances.resolver.js';

/** Reading a discussion as a whole through its stances: contested passages, debate sides. */
@Module({
  providers: [ContestedPassagesService, DebateStancesService, ContestedPassagesResolver, DebateStancesResolver],
})
export class StancesModule {}
