import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/decorators.js';
import { ArticleExportService } from './article-export.service.js';

@Roles('ADMIN')
@Resolver()
export class ArticleExportResolver {
  constructor(private readonly exports: ArticleExportService) {}

  @Query(() => String, {
    description:
      'The article as a marginalia.bundle JSON document (current revision and published comments); ' +
      'importArticle(input: { bundle }) reads it back.',
  })
  exportArticle(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.exports.export(id);
  }
}
