import { Module } from '@nestjs/common';
import { CommentModule } from '../comments/comment.module.js';
import { AnnotationResolver } from './annotation.resolver.js';
import { ReanchorModule } from './reanchor.module.js';
import { ReattachService } from './reattach.service.js';

/** API side of anchoring: re-attaching threads, and (re-exported) enqueueing re-anchoring. */
@Module({
  imports: [CommentModule, ReanchorModule],
  providers: [ReattachService, AnnotationResolver],
  exports: [ReanchorModule],
})
export class AnnotationModule {}
