import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../comments/models/connection.model.js';
import { ModeratedUserModel } from './moderated-user.model.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

/** A user in the staff directory: the moderation view plus counts of reports against them. */
@ObjectType('UserSummary')
export class UserSummaryModel extends ModeratedUserModel {
  @Field(() => Int, { description: 'Reports ever raised against their comments.' }) flagsReceived: number;
  @Field(() => Int, { description: 'Reports against their comments still waiting for a moderator.' })
  openFlagsReceived: number;
}

@ObjectType('UserConnection')
export class UserConnectionModel {
  @Field(() => [UserSummaryModel], { description: 'Newest accounts first.', complexity: pageNodes })
  nodes: UserSummaryModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
