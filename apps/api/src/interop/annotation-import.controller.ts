import { Body, Controller, Param, Post, UseFilters } from '@nestjs/common';
import { Roles, Writes } from '../auth/decorators.js';
import { AnnotationImportService, type ImportReport } from './annotation-import.service.js';
import { InteropExceptionFilter } from './interop-exception.filter.js';

/** Imports a JSON-LD AnnotationCollection into an article's discussion (admins only). */
@Controller('annotations')
@UseFilters(InteropExceptionFilter)
export class AnnotationImportController {
  constructor(private readonly imports: AnnotationImportService) {}

  @Roles('ADMIN')
  @Writes()
  @Post(':slug/import')
  import(@Param('slug') slug: string, @Body() body: unknown): Promise<ImportReport> {
    return this.imports.import(slug, body);
  }
}
