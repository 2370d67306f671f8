import { Module } from '@nestjs/common';
import { ArticleExportResolver } from './article-export.resolver.js';
import { ArticleExportService } from './article-export.service.js';
import { ArticleResolver } from './article.resolver.js';
import { ArticleService } from './article.service.js';

@Module({
  providers: [ArticleService, ArticleResolver, ArticleExportService, ArticleExportResolver],
  exports: [ArticleService],
})
export class ArticleModule {}
