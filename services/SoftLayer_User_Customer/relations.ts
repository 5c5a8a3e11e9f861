import { accountQueries } from '../../db/account-queries';
import type { CallContext } from '../../src/dispatch/call';
import type { RelationLoader } from '../../src/object-graph/relations';
import { toAccount } from '../SoftLayer_Account/account-view';
import { toUserCustomer } from './user-view';

type Loaders = Record<string, RelationLoader>;

function userById(ctx: CallContext, id: unknown) {
  const user = typeof id === 'number' ? ctx.store.findUserById(id) : undefined;
  return user && toUserCustomer(user);
}

// Relational properties of SoftLayer_User_Customer that masks and filters can reach. Security
// answers leave the answer text out: slemu only keeps its hash.
export const SoftLayer_User_Customer: Loaders = {
  account: (ctx, user) => {
    const account = accountQueries(ctx.store).findAccount(user.accountId as number);
    return account && toAccount(account);
  },

  parent: (ctx, user) => userById(ctx, user.parentId),

  childUsers: (ctx, user) =>
    accountQueries(ctx.store)
      .childrenOf(user.id as number)
      .map(toUserCustomer),

  userStatus: (ctx, user) => accountQueries(ctx.store).findUserStatus(user.userStatusId as number),

  securityAnswers: (ctx, user) => accountQueries(ctx.store).securityAnswersOf(user.id as number),
};

export const SoftLayer_User_Customer_Security_Answer: Loaders = {
  question: (ctx, answer) =>
    accountQueries(ctx.store).findSecurityQuestion(answer.questionId as number),
  user: (ctx, answer) => userById(ctx, answer.userId),
};

export const SoftLayer_Container_User_Customer_Portal_Token: Loaders = {
  user: (ctx, token) => userById(ctx, token.userId),
};
