import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role, UserStatus } from '../../generated/prisma/enums.js';

registerEnumType(Role, { name: 'Role' });
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() handle: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  /** Resolved only for the user themself and staff. */
  @Field(() => UserStatus, { nullable: true }) status: UserStatus;
  /** Resolved only for the user themself and admins. */
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field() createdAt: Date;
}
