import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { CurrentUser, Roles, Writes } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../infra/errors/domain-error.js';
import type { ImportJobModel } from '../models/import-job.model.js';
import { HistoryUploadService } from './history-upload.service.js';

/**
 * `POST /imports/history`: the body is the export file itself (any of the XML or
 * octet-stream types), its name in `X-File-Name`. Answers the queued ImportJob, which the
 * admin page follows like any import.
 */
@Controller('imports')
export class HistoryUploadController {
  constructor(private readonly uploads: HistoryUploadService) {}

  @Roles('ADMIN')
  @Writes()
  @Post('history')
  @HttpCode(202)
  upload(
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @CurrentUser() viewer: Viewer,
  ): Promise<ImportJobModel> {
    const body = req.body as Readable | undefined;
    if (!body || typeof (body as Partial<Readable>).pipe !== 'function')
      throw badInput('file', 'Send the export file as the body (Content-Type: application/xml)');
    return this.uploads.accept(body, decodedName(fileName), viewer.id);
  }
}

/** The file's name as the page sent it (URI-encoded); a malformed encoding is kept as sent. */
function decodedName(raw: string | undefined): string {
  if (!raw) return 'upload';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
