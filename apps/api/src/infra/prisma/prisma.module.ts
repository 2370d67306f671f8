import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';
import { ReadRouting } from './read-routing.js';

@Global()
@Module({ providers: [PrismaService, ReadRouting], exports: [PrismaService, ReadRouting] })
export class PrismaModule {}
