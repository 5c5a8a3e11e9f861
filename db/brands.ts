import type Database from 'better-sqlite3';

// Brands: which account is a brand's master (agent) account, which customer accounts each
// brand owns, and which users hold the "Add Customer Accounts" permission.

export interface BrandRecord {
  id: number;
  keyName: string;
  longName: string;
  accountId: number;
}

export class BrandStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertBrand: db.prepare(
        `INSERT INTO brands (id, key_name, long_name, account_id)
         VALUES (@id, @keyName, @longName, @accountId)`,
      ),
      insertCustomer: db.prepare(
        'INSERT INTO brand_customer_accounts (account_id, brand_id) VALUES (@accountId, @brandId)',
      ),
      insertAgent: db.prepare('INSERT INTO brand_agents (user_id) VALUES (?)'),
      ownedBy: db.prepare(
        `SELECT id, key_name AS keyName, long_name AS longName, account_id AS accountId
         FROM brands WHERE account_id = ?`,
      ),
      brandOfCustomer: db.prepare(
        'SELECT brand_id FROM brand_customer_accounts WHERE account_id = ?',
      ),
      isAgent: db.prepare('SELECT 1 FROM brand_agents WHERE user_id = ?'),
    };
  }

  insertBrand(brand: BrandRecord): void {
    this.statements.insertBrand.run(brand);
  }

  insertCustomerAccount(accountId: number, brandId: number): void {
    this.statements.insertCustomer.run({ accountId, brandId });
  }

  insertAgent(userId: number): void {
    this.statements.insertAgent.run(userId);
  }

  /** The brand whose master account this is, if it is one. */
  findBrandOwnedBy(accountId: number): BrandRecord | undefined {
    return this.statements.ownedBy.get(accountId) as BrandRecord | undefined;
  }

  brandOfCustomerAccount(accountId: number): number | undefined {
    return this.statements.brandOfCustomer.pluck().get(accountId) as number | undefined;
  }

  isBrandAgent(userId: number): boolean {
    return this.statements.isAgent.get(userId) !== undefined;
  }
}
