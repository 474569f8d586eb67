import { pgliteDatabase } from './search';
const started = performance.now();
const database = await pgliteDatabase({ talents: 100_000, fresh: false });
console.log('ready', (performance.now() - started) / 1000);
await database.close();
