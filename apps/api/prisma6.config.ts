// Prisma 6's CLI writes migration SQL offline through the pg adapter (Prisma 7's diff
// needs the native schema engine, which cannot be fetched everywhere). Used only by
// scripts/migration-sql.ts; migrations are applied by our own runner.
import { PrismaPg } from '@prisma/adapter-pg';

export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: '../../prisma/schema.prisma',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
};
