import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const MAX_NOTIFICATIONS_PAGE = 100;

@ArgsType()
export class NotificationsArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_NOTIFICATIONS_PAGE, { message: `first must be at most ${MAX_NOTIFICATIONS_PAGE}` })
  first: number = 20;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Omit to mark every notification read.' })
  @IsOptional()
  @ArrayMaxSize(MAX_NOTIFICATIONS_PAGE)
  @IsUUID('all', { each: true, message: 'ids must be ids' })
  ids?: string[] | null;
}
