/** Everything start-up does to the database before serving: migrate, then reference data. */
import { type Database, migrateDatabase } from './client';
import { loadPostalCodes, loadReferenceData } from './reference-data';

export async function prepareDatabase(database: Database): Promise<void> {
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  await loadPostalCodes(database.db);
}
