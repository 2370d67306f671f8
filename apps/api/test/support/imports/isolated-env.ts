/**
 * Sets environment variables for the API and worker a spec is about to start, and
 * returns what puts them back. A Redis prefix of its own (under the run's prefix, so
 * global teardown still removes its keys) keeps the spec's jobs away from workers that
 * other spec files start with other settings (e.g. a different IMPORT_ALLOWED_HOSTS).
 */
export function isolatedEnv(name: string, overrides: Record<string, string> = {}): () => void {
  const values: Record<string, string> = {
    REDIS_PREFIX: `${process.env['REDIS_PREFIX'] ?? 'mtest'}:${name}`,
    ...overrides,
  };
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
