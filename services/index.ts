import type { HandlerModules } from '../src/dispatch/registry';
import { SoftLayer_Account } from './SoftLayer_Account';
import { SoftLayer_User_Customer } from './SoftLayer_User_Customer';
import { SoftLayer_User_Security_Question } from './SoftLayer_User_Security_Question';

// Every service's handlers by service name. SoftLayer_User_Customer_OpenIdConnect has none of
// its own: schema/methods says it extends SoftLayer_User_Customer, and the registry does the rest.
export const handlerModules: HandlerModules = {
  SoftLayer_Account,
  SoftLayer_User_Customer,
  SoftLayer_User_Security_Question,
};
