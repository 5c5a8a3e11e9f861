import type { RelationLoaders } from '../src/object-graph/relations';
import { SoftLayer_Account } from './SoftLayer_Account/relations';
import * as userCustomer from './SoftLayer_User_Customer/relations';

// Relation loaders by datatype, for masks and filters (src/object-graph).
export const relationLoaders: RelationLoaders = {
  SoftLayer_Account,
  ...userCustomer,
};
