import { applyDecorators } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

/** The one rule for a new password (registration, reset, change): 10 to 200 characters. */
export const IsNewPassword = (field: string): PropertyDecorator =>
  applyDecorators(IsString(), Length(10, 200, { message: `${field} must be 10 to 200 characters` }));
