import type { UserRecord } from '../db/store';

/** SoftLayer_User_Customer_Status id of an active portal user. */
export const USER_STATUS_ACTIVE = 1001;

export const isActive = (user: UserRecord): boolean => user.userStatusId === USER_STATUS_ACTIVE;

/** The account's master user is the one without a parent. */
export const isMasterUser = (user: UserRecord): boolean => user.parentId === null;
