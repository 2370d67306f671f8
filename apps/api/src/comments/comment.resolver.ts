import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { CommentEditService } from './comment-edit.service.js';
import { CommentService } from './comment.service.js';
import { CreateThreadInput, ReplyInput } from './dto/comment.inputs.js';
import { DeleteCommentInput, EditCommentInput } from './dto/edit-comment.input.js';
import { ReactInput, UnreactInput } from './dto/react.input.js';
import { CommentModel, ThreadModel } from './models/comment.model.js';
import { ReactionService } from './reaction.service.js';

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly comments: CommentService,
    private readonly edits: CommentEditService,
    private readonly reactions: ReactionService,
  ) {}

  @Writes()
  @Mutation(() => ThreadModel, { description: 'Starts a thread on a passage (selector) or on the whole page.' })
  createThread(@Args('input') input: CreateThreadInput, @CurrentUser() viewer: Viewer): Promise<ThreadModel> {
    return this.comments.createThread(input, viewer);
  }

  @Writes()
  @Mutation(() => CommentModel)
  reply(@Args('input') input: ReplyInput, @CurrentUser() viewer: Viewer): Promise<CommentModel> {
    return this.comments.reply(input, viewer);
  }

  @Writes()
  @Mutation(() => CommentModel, {
    description: 'The author rewrites a comment within the edit window; it goes back through moderation.',
  })
  editComment(@Args('input') input: EditCommentInput, @CurrentUser() viewer: Viewer): Promise<CommentModel> {
    return this.edits.edit(input, viewer);
  }

  @Writes()
  @Mutation(() => CommentModel, {
    nullable: true,
    description: 'The author or a moderator deletes a comment; returns the placeholder left for its replies, if any.',
  })
  deleteComment(@Args('input') input: DeleteCommentInput, @CurrentUser() viewer: Viewer): Promise<CommentModel | null> {
    return this.edits.delete(input, viewer);
  }

  @Writes()
  @Mutation(() => CommentModel, { description: 'Adds the viewer’s reaction; reacting twice changes nothing.' })
  react(@Args('input') input: ReactInput, @CurrentUser() viewer: Viewer): Promise<CommentModel> {
    return this.reactions.react(input, viewer);
  }

  @Writes()
  @Mutation(() => CommentModel, { description: 'Removes the viewer’s reaction, if there is one.' })
  unreact(@Args('input') input: UnreactInput, @CurrentUser() viewer: Viewer): Promise<CommentModel> {
    return this.reactions.unreact(input, viewer);
  }
}
