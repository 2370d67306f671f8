import { Module } from '@nestjs/common';
import { ArticleStore } from './article-store.js';
import { ImportRunner } from './import-runner.js';
import { ImportProcessor } from './import.processor.js';
import { ImportResolver } from './import.resolver.js';
import { ImportService } from './import.service.js';

/** API side: accept and report imports. */
@Module({ providers: [ImportService, ImportResolver] })
export class ImportModule {}

/** Worker and CLI side: run imports. */
@Module({ providers: [ArticleStore, ImportRunner, ImportProcessor], exports: [ImportRunner] })
export class ImportWorkerModule {}
