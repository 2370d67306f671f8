import { Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { DataExportService } from './data-export.service.js';

@Resolver()
export class DataExportResolver {
  constructor(private readonly exports: DataExportService) {}

  /** A string, not an object type: the document is for a file, and its shape is versioned in it. */
  @Query(() => String, {
    description:
      'Everything kept about the signed-in user (account, comments with revisions, reactions, reports, ' +
      'notifications and their settings) as one JSON document.',
  })
  async exportMyData(@CurrentUser() viewer: Viewer): Promise<string> {
    return JSON.stringify(await this.exports.export(viewer), null, 2);
  }
}
