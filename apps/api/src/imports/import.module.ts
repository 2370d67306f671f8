import { Module } from '@nestjs/common';
import { ReanchorModule } from '../anchoring/reanchor.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { SiteOriginsModule } from '../sites/site-origins.js';
import { ArticleStore } from './article-store.js';
import { UrlFetcher } from './fetch/url-fetcher.js';
import { ImportJobReporter } from './import-job.reporter.js';
import { ImportRunner } from './import-runner.js';
import { ImportProcessor } from './import.processor.js';
import { ImportResolver } from './import.resolver.js';
import { ImportService } from './import.service.js';
import { DisqusImporter } from './history/disqus.importer.js';
import { HistoryImportRunner } from './history/history-import.runner.js';
import { WxrImporter } from './history/wxr.importer.js';
import { HistoryImportProcessor } from './history/history-import.processor.js';
import { HistoryUploadController } from './history/history-upload.controller.js';
import { HistoryUploadService } from './history/history-upload.service.js';
import { HistoryBodyParser } from './history/history-body.parser.js';

/** API side: accept and report imports, and uploads of site histories. */
@Module({
  imports: [AuthModule],
  controllers: [HistoryUploadController],
  providers: [ImportService, ImportResolver, HistoryUploadService, HistoryBodyParser],
})
export class ImportModule {}

/** Running imports (needs the outbox for re-anchoring, not events): the CLI uses it directly. */
@Module({
  imports: [ReanchorModule, SiteOriginsModule],
  providers: [ArticleStore, UrlFetcher, ImportRunner, WxrImporter, DisqusImporter, HistoryImportRunner],
  exports: [ImportRunner, ArticleStore, HistoryImportRunner],
})
export class ImportCoreModule {}

/** Worker side: the `import-article` job handler, reporting progress on the row and as events. */
@Module({ imports: [ImportCoreModule], providers: [ImportJobReporter, ImportProcessor, HistoryImportProcessor] })
export class ImportWorkerModule {}
