import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/decorators.js';
import { AuditLogArgs, AuditLogExportArgs } from './audit-log.args.js';
import { AuditLogPageModel } from './audit-log.models.js';
import { AuditLog } from './audit-log.service.js';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly audit: AuditLog) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => AuditLogPageModel, { description: 'The audit trail, newest first (keyset pagination).' })
  auditLog(@Args() args: AuditLogArgs): Promise<AuditLogPageModel> {
    return this.audit.page(args);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => String, { description: 'The newest 10,000 entries of the filter as CSV text (staff only).' })
  auditLogCsv(@Args() { filter }: AuditLogExportArgs): Promise<string> {
    return this.audit.csv(filter);
  }
}
