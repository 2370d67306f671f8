import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../container.view.js';

/** Query of a container or one of its pages: `?page=N&iris=0|1&limit=N`. */
export class ContainerQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  page?: number;

  /** 1: pages list annotation IRIs; 0: full descriptions. */
  @IsOptional()
  @IsIn(['0', '1'], { message: 'iris must be 0 or 1' })
  iris?: '0' | '1';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
