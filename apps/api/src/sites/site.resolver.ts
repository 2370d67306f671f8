import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles, Writes } from '../auth/decorators.js';
import { CreateSiteInput, UpdateSiteInput } from './dto/site.inputs.js';
import { CreatedSiteModel, SiteModel } from './models/site.model.js';
import { SiteService } from './site.service.js';

/** Admins register the publishers' sites that embed Marginalia. */
@Resolver(() => SiteModel)
export class SiteResolver {
  constructor(private readonly service: SiteService) {}

  @Roles('ADMIN')
  @Query(() => [SiteModel])
  sites(): Promise<SiteModel[]> {
    return this.service.list();
  }

  @Roles('ADMIN')
  @Writes()
  @Mutation(() => CreatedSiteModel, { description: 'The SSO secret is in the answer, and never again.' })
  createSite(@Args('input') input: CreateSiteInput): Promise<CreatedSiteModel> {
    return this.service.create(input);
  }

  @Roles('ADMIN')
  @Writes()
  @Mutation(() => SiteModel)
  updateSite(@Args('input') input: UpdateSiteInput): Promise<SiteModel> {
    return this.service.update(input);
  }

  @Roles('ADMIN')
  @Writes()
  @Mutation(() => CreatedSiteModel, { description: 'A new SSO secret; the old one stops working at once.' })
  rotateSiteSecret(@Args('siteId', { type: () => ID }) siteId: string): Promise<CreatedSiteModel> {
    return this.service.rotateSecret(siteId);
  }
}
