import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ArticleEventsResolver } from './article-events.resolver.js';
import { ArticleThreadsResolver, CommentResolver } from './comment.resolver.js';
import { CommentService } from './comment.service.js';
import { ThreadReader } from './thread-reader.js';

@Module({
  imports: [AuthModule],
  providers: [CommentService, ThreadReader, CommentResolver, ArticleThreadsResolver, ArticleEventsResolver],
  exports: [ThreadReader],
})
export class CommentModule {}
