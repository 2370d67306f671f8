import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/decorators.js';
import { HotSpotsArgs } from './hot-spots.args.js';
import { HotSpotsModel } from './hot-spots.models.js';
import { HotSpotsService } from './hot-spots.service.js';

@Resolver()
export class HotSpotsResolver {
  constructor(private readonly hotSpotsService: HotSpotsService) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => HotSpotsModel, {
    description: 'The passages of an article that drew the most reports, holds and rejections over a period.',
  })
  moderationHotSpots(@Args() args: HotSpotsArgs): Promise<HotSpotsModel> {
    return this.hotSpotsService.hotSpots(args);
  }
}
