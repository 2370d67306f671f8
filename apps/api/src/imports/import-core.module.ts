import { Module } from '@nestjs/common';
import { ReanchorModule } from '../anchoring/reanchor.module.js';
import { SiteOriginsModule } from '../sites/site-origins.js';
import { ArticleStore } from './article-store.js';
import { UrlFetcher } from './fetch/url-fetcher.js';
import { DisqusImporter } from './history/disqus.importer.js';
import { HistoryImportRunner } from './history/history-import.runner.js';
import { WxrImporter } from './history/wxr.importer.js';
import { ImportRunner } from './import-runner.js';

// In a file of its own: the CLI loads it without the API side's resolvers, guards and upload controller.
/** Running imports (needs the outbox for re-anchoring, not events): the CLI uses it directly. */
@Module({
  imports: [ReanchorModule, SiteOriginsModule],
  providers: [ArticleStore, UrlFetcher, ImportRunner, WxrImporter, DisqusImporter, HistoryImportRunner],
  exports: [ImportRunner, ArticleStore, HistoryImportRunner],
})
export class ImportCoreModule {}
