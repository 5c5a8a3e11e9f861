import { checkPhoneFactorAuthenticationForPasswordSet } from './checkPhoneFactorAuthenticationForPasswordSet';
import { getObject } from './getObject';
import { getPasswordRequirements } from './getPasswordRequirements';
import { getPortalLoginToken } from './getPortalLoginToken';
import { getRequirementsForPasswordSet } from './getRequirementsForPasswordSet';
import { getUserIdForPasswordSet } from './getUserIdForPasswordSet';
import { initiatePortalPasswordChange } from './initiatePortalPasswordChange';
import { initiatePortalPasswordChangeByBrandAgent } from './initiatePortalPasswordChangeByBrandAgent';
import { isValidPortalPassword } from './isValidPortalPassword';
import { processPasswordSetRequest } from './processPasswordSetRequest';

export const SoftLayer_User_Customer = {
  checkPhoneFactorAuthenticationForPasswordSet,
  getObject,
  getPasswordRequirements,
  getPortalLoginToken,
  getRequirementsForPasswordSet,
  getUserIdForPasswordSet,
  initiatePortalPasswordChange,
  initiatePortalPasswordChangeByBrandAgent,
  isValidPortalPassword,
  processPasswordSetRequest,
};
