import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArticleModel } from '../articles/models/article.model.js';
import { CurrentUser, Public } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ContestedPassagesArgs } from './contested-passages.args.js';
import { ContestedPassagesService } from './contested-passages.service.js';
import { DebateStancesService } from './debate-stances.service.js';
import { ContestedPassageModel, DebateTopicStancesModel } from './stance.models.js';

@Resolver()
export class ContestedPassagesResolver {
  constructor(private readonly contested: ContestedPassagesService) {}

  @Public()
  @Query(() => [ContestedPassageModel], {
    description:
      'Passages of an article ranked by how divided their published discussion is (agreement and disagreement, by people and reply depth).',
  })
  contestedPassages(
    @Args() args: ContestedPassagesArgs,
    @CurrentUser() viewer: Viewer | null,
  ): Promise<ContestedPassageModel[]> {
    return this.contested.contestedPassages(args, viewer);
  }
}

@Resolver(() => ArticleModel)
export class DebateStancesResolver {
  constructor(private readonly debate: DebateStancesService) {}

  @Public()
  @ResolveField(() => [DebateTopicStancesModel], {
    nullable: true,
    description:
      'On a debate, per topic, the stances readers took on each side’s turns (a stance on a turn counts toward its side); null otherwise.',
  })
  debateStances(@Parent() article: ArticleModel): Promise<DebateTopicStancesModel[] | null> {
    return this.debate.debateStances(article.id);
  }
}
