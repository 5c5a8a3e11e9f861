import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../src/paths';

const MIGRATIONS_DIR = dataPath('db', 'migrations');

// Migrations are numbered SQL files; SQLite's user_version records how many have run, so a
// database kept across restarts picks up only the new ones.
export function migrate(db: Database.Database): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d+-.+\.sql$/.test(name))
    .sort();

  const applied = db.pragma('user_version', { simple: true }) as number;

  files.slice(applied).forEach((file, index) => {
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + index + 1}`);
    })();
  });
}
