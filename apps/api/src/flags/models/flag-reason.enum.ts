import { registerEnumType } from '@nestjs/graphql';
import { FlagReason } from '../../generated/prisma/enums.js';

// Registered once here; import this module wherever FlagReason appears in the schema.
registerEnumType(FlagReason, { name: 'FlagReason' });

export { FlagReason };
