import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// test/service runs a second time against a real PostgreSQL server (service/pg.ts) when
// TEST_DATABASE_URL names one; `.ci/run` always starts one and sets it.
const postgres = process.env.TEST_DATABASE_URL;
if (!postgres) {
  console.warn(
    'TEST_DATABASE_URL is not set: skipping the PostgreSQL half of test/service (PGlite only). See .ci/run.',
  );
}
// These exercise PGlite itself (its data directory) or no database at all.
const PGLITE_ONLY = ['test/service/persistence.test.ts', 'test/service/jwt.test.ts'];
// Needs several services on one PostgreSQL database: meaningless on PGlite.
const POSTGRES_ONLY = ['test/service/shared-database.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          // test/packaging builds the store packages: `npm run test:packaging`, with its own config.
          exclude: ['test/e2e/**', 'test/packaging/**', 'node_modules/**', ...POSTGRES_ONLY],
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'service-postgres',
                include: ['test/service/**/*.test.ts'],
                exclude: PGLITE_ONLY,
                env: { SERVICE_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
