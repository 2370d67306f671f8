import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportStatus } from '../../generated/prisma/enums.js';

registerEnumType(ImportStatus, { name: 'ImportStatus' });

@ObjectType('ImportJob')
export class ImportJobModel {
  @Field(() => ID) id: string;
  @Field(() => ImportStatus) status: ImportStatus;
  @Field(() => Int, { description: '0–100' }) progress: number;
  @Field(() => String, { nullable: true, description: 'fetch, parse, store, comments, anchoring, then done' }) step:
    string | null;
  @Field() source: string;
  @Field(() => [String]) warnings: string[];
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => ID, { nullable: true }) articleId: string | null;
  @Field(() => String, { nullable: true }) articleSlug: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
