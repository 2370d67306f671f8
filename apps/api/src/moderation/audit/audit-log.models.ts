import { Field, ObjectType } from '@nestjs/graphql';
import { pageNodes } from '../../infra/graphql/query-cost.js';
import { ModerationLogEntryModel, ModerationPageInfoModel } from '../queues/queue.models.js';

@ObjectType('AuditLogEntry', { description: 'One entry of the audit trail, with whom and what it concerns.' })
export class AuditLogEntryModel extends ModerationLogEntryModel {
  @Field(() => String, { nullable: true, description: 'The handle of the user it concerns.' })
  targetHandle: string | null;
  @Field(() => String, { nullable: true }) articleTitle: string | null;
  @Field(() => String, { nullable: true, description: 'Changed values before (JSON), e.g. of a settings change.' })
  before: string | null;
  @Field(() => String, { nullable: true, description: 'Changed values after (JSON).' })
  after: string | null;
}

@ObjectType('AuditLogPage', { description: 'Audit entries, newest first.' })
export class AuditLogPageModel {
  @Field(() => [AuditLogEntryModel], { complexity: pageNodes }) entries: AuditLogEntryModel[];
  @Field(() => ModerationPageInfoModel) pageInfo: ModerationPageInfoModel;
}
