import { getObject } from './getObject';
import { getUsers } from './getUsers';

export const SoftLayer_Account = { getObject, getUsers };
