import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { UserModel } from '../../users/models/user.model.js';
import { IsNewPassword } from './password.rules.js';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsNewPassword('password')
  password: string;

  @Field()
  @Matches(/^[a-zA-Z0-9_]{3,30}$/, { message: 'handle must be 3 to 30 letters, digits or underscores' })
  handle: string;

  @Field()
  @IsString()
  @Length(1, 80, { message: 'displayName must be 1 to 80 characters' })
  displayName: string;
}

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password: string;
}

@ObjectType()
export class AuthPayload {
  @Field() accessToken: string;
  /**
   * For API clients, which keep it themselves. Browsers get it in the HttpOnly session cookie
   * instead; the web client never selects this field.
   */
  @Field({ description: 'Single-use; API clients only (browsers get it as an HttpOnly cookie).' })
  refreshToken: string;
  @Field(() => UserModel) user: UserModel;
}
