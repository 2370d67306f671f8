import { Body, Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { Roles, Writes } from '../auth/decorators.js';
import { AnnotationImportService, type ImportReport } from './annotation-import.service.js';
import { WebAnnotationsExceptionFilter } from './web-annotations-exception.filter.js';

/** Imports a JSON-LD AnnotationCollection into an article's discussion (admins only); answers with a report. */
@Controller('annotations')
@UseFilters(WebAnnotationsExceptionFilter)
export class AnnotationImportController {
  constructor(private readonly imports: AnnotationImportService) {}

  @Roles('ADMIN')
  @Writes()
  @Post(':slug/import')
  @HttpCode(200)
  import(@Param('slug') slug: string, @Body() body: unknown): Promise<ImportReport> {
    return this.imports.import(slug, body);
  }
}
