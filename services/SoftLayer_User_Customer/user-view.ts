import type { UserRecord } from '../../db/store';
import { formatApiTime } from '../../src/api-time';
import { isMasterUser } from '../../src/user-status';

/** A user as the SoftLayer_User_Customer datatype, local properties only, nulls left out. */
export function toUserCustomer(user: UserRecord): Record<string, unknown> {
  const view = {
    accountId: user.accountId,
    companyName: user.companyName,
    country: user.country,
    createDate: formatApiTime(user.createdAt),
    email: user.email,
    firstName: user.firstName,
    id: user.id,
    isMasterUserFlag: isMasterUser(user),
    lastName: user.lastName,
    modifyDate: formatApiTime(user.modifiedAt),
    parentId: user.parentId,
    secondaryLoginRequiredFlag: user.loginQuestionRequired === 1,
    secondaryPasswordModifyDate:
      user.passwordChangedAt === null ? null : formatApiTime(user.passwordChangedAt),
    statusDate: formatApiTime(user.statusChangedAt),
    userStatusId: user.userStatusId,
    username: user.username,
  };
  return Object.fromEntries(Object.entries(view).filter(([, value]) => value !== null));
}
