import { Module } from '@nestjs/common';
import { ArticleResolver } from './article.resolver.js';
import { ArticleService } from './article.service.js';

@Module({ providers: [ArticleService, ArticleResolver], exports: [ArticleService] })
export class ArticleModule {}
