import { Module } from '@nestjs/common';
import { CommentModule } from '../comments/comment.module.js';
import { ReattachThreadResolver } from './reattach-thread.resolver.js';
import { ReanchorModule } from './reanchor.module.js';
import { ReattachService } from './reattach.service.js';

/** API side of anchoring: re-attaching threads, and (re-exported) enqueueing re-anchoring. */
@Module({
  imports: [CommentModule, ReanchorModule],
  providers: [ReattachService, ReattachThreadResolver],
  exports: [ReanchorModule],
})
export class AnchoringModule {}
