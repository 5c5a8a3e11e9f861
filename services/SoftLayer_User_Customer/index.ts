import { getObject } from './getObject';
import { getPortalLoginToken } from './getPortalLoginToken';
import { getRequirementsForPasswordSet } from './getRequirementsForPasswordSet';
import { getUserIdForPasswordSet } from './getUserIdForPasswordSet';
import { initiatePortalPasswordChange } from './initiatePortalPasswordChange';
import { processPasswordSetRequest } from './processPasswordSetRequest';

export const SoftLayer_User_Customer = {
  getObject,
  getPortalLoginToken,
  getRequirementsForPasswordSet,
  getUserIdForPasswordSet,
  initiatePortalPasswordChange,
  processPasswordSetRequest,
};
