// `npm run service`: the reference token service on PORT (8787), data kept in DATABASE_URL's
// PostgreSQL server when set, else in an embedded PGlite in DATA_DIR.
import { startService } from './server';

const service = await startService({
  port: Number(process.env.PORT || 8787),
  host: process.env.HOST || '127.0.0.1',
  dataDir: process.env.DATA_DIR || '.data/service',
  databaseUrl: process.env.DATABASE_URL || undefined,
  salt: process.env.SALT || undefined,
  control: process.env.SERVICE_CONTROL === '1',
}).catch((error: unknown) => {
  console.error(
    `Reference service failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
console.log(`Reference service listening on ${service.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: closing`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
