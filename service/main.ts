// `npm run service`: the reference token service on PORT (8787), data kept in DATA_DIR. Every
// variable is read by config.ts and listed in service/README.md.
import { optionsFromEnv } from './config';
import { startService } from './server';

const service = await Promise.resolve()
  .then(() => startService(optionsFromEnv()))
  .catch((error: unknown) => {
    console.error(
      `Reference service failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
console.log(`Reference service listening on ${service.url}; sign-in codes go to ${service.codesGoTo}`);

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
