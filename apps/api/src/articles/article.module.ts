import { Module } from '@nestjs/common';
import { ArticleAdminResolver } from './article-admin.resolver.js';
import { ArticleAdminService } from './article-admin.service.js';
import { ArticleExportResolver } from './article-export.resolver.js';
import { ArticleExportService } from './article-export.service.js';
import { ArticleResolver } from './article.resolver.js';
import { ArticleService } from './article.service.js';
import { DiscussionCloseProcessor } from './discussion-close.processor.js';
import { RevisionThreadsResolver } from './revision-threads.resolver.js';

@Module({
  providers: [
    ArticleService,
    ArticleResolver,
    ArticleExportService,
    ArticleExportResolver,
    ArticleAdminService,
    ArticleAdminResolver,
    RevisionThreadsResolver,
  ],
  exports: [ArticleService],
})
export class ArticleModule {}

/** Worker side: discussions close by themselves at their closing time. */
@Module({ providers: [DiscussionCloseProcessor] })
export class ArticleWorkerModule {}
