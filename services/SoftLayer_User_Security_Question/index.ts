import { getAllObjects } from './getAllObjects';
import { getObject } from './getObject';

export const SoftLayer_User_Security_Question = { getAllObjects, getObject };
