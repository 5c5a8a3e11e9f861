import { join } from 'node:path';
import { addSyntheticUsers } from '../db/bulk-seed';
import { readFixtures, seedStore } from '../db/seed';
import { openDatabase, Store } from '../db/store';
import { dataPath } from '../src/paths';

/** A database file with the fixtures plus `users` synthetic users holding `keysPerUser` keys. */
export async function buildDatabase(
  dir: string,
  name: string,
  users: number,
  keysPerUser: number,
): Promise<string> {
  const file = join(dir, `${name}.db`);
  const store = new Store(openDatabase(file));

  await seedStore(store, readFixtures(dataPath('fixtures', 'default.json')), Date.now());
  addSyntheticUsers(store.db, users, keysPerUser);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  store.close();
  return file;
}
