import type { Store } from './store';

// Seeding for the password-set branches: users' second factors and the brands with their
// customer accounts and agents. Called by seedStore inside its transaction.

const FACTOR_METHOD = { verisign: 2, totp: 3, phone: 4 } as const;

export interface FixtureSecondFactor {
  type: keyof typeof FACTOR_METHOD;
  /** Base32 seed for totp and verisign; none for phone. */
  secret?: string;
}

export interface FixtureBrand {
  id: number;
  keyName: string;
  longName: string;
  /** The brand master (agent) account. */
  accountId: number;
  customerAccountIds: number[];
  /** Users holding the "Add Customer Accounts" permission. */
  agentUserIds: number[];
}

export function seedSecondFactor(
  store: Store,
  userId: number,
  factor: FixtureSecondFactor,
  now: number,
): void {
  const method = FACTOR_METHOD[factor.type];
  if (method === undefined) throw new Error(`fixture user ${userId}: unknown second factor`);
  if (factor.type !== 'phone' && !factor.secret) {
    throw new Error(`fixture user ${userId}: a ${factor.type} factor needs a secret`);
  }

  store.secondFactors.insert({ userId, method, secret: factor.secret ?? null });
  if (factor.type === 'phone') store.secondFactors.setPhoneAnswer(userId, 'none', now);
}

export function seedBrands(store: Store, brands: FixtureBrand[]): void {
  for (const { customerAccountIds, agentUserIds, ...brand } of brands) {
    store.brands.insertBrand(brand);
    for (const accountId of customerAccountIds)
      store.brands.insertCustomerAccount(accountId, brand.id);
    for (const userId of agentUserIds) store.brands.insertAgent(userId);
  }
}
