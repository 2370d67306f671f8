import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsNewPassword } from '../../auth/dto/password.rules.js';

/** A token from a mailed link: 32 random bytes, base64url (43 characters). */
@ArgsType()
export class TokenArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(200, { message: 'token is not valid' })
  token: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200, { message: 'token is not valid' })
  token: string;

  @Field(() => String)
  @IsNewPassword('password')
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field(() => String)
  @IsNewPassword('newPassword')
  newPassword: string;
}

@InputType()
export class ChangeEmailInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password: string;

  @Field(() => String)
  @IsEmail({}, { message: 'newEmail must be a valid email address' })
  @MaxLength(254)
  newEmail: string;
}
