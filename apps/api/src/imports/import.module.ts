import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ImportJobReporter } from './import-job.reporter.js';
import { ImportCoreModule } from './import-core.module.js';
import { ImportProcessor } from './import.processor.js';
import { ImportResolver } from './import.resolver.js';
import { ImportService } from './import.service.js';
import { HistoryImportProcessor } from './history/history-import.processor.js';
import { HistoryUploadController } from './history/history-upload.controller.js';
import { HistoryUploadService } from './history/history-upload.service.js';
import { HistoryBodyParser } from './history/history-body.parser.js';

/** API side: accept and report imports, and uploads of site histories. */
@Module({
  imports: [AuthModule],
  controllers: [HistoryUploadController],
  providers: [ImportService, ImportResolver, HistoryUploadService, HistoryBodyParser],
})
export class ImportModule {}

/** Worker side: the `import-article` job handler, reporting progress on the row and as events. */
@Module({ imports: [ImportCoreModule], providers: [ImportJobReporter, ImportProcessor, HistoryImportProcessor] })
export class ImportWorkerModule {}
