import type { UserRecord } from '../../db/store';
import { accountUsers, addListUsers } from '../support/extra-users';
import { startLiveServer, type LiveServer } from '../support/live-server';
import { runPythonScript } from '../support/python';

// The real softlayer-python SDK reads lists through masks, filters and result limits, and its
// iter_call pages through SoftLayer_Account::getUsers until it has every user.

describe.each(['xmlrpc', 'rest'])('lists through softlayer-python over %s', (wire) => {
  let server: LiveServer;
  let users: UserRecord[];
  let out: Record<string, unknown>;

  beforeAll(async () => {
    server = await startLiveServer();
    addListUsers(server.app);
    users = accountUsers(server.app);
    out = await runPythonScript('lists.py', [server.baseUrl, wire]);
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('pages with iter_call, two at a time, to every user', () => {
    expect(users.length).toBeGreaterThan(4);
    expect(out.iterIds).toEqual(users.map((user) => user.id));
  });

  it("honours the newer SDKs' root-level id orderBy while paging", () => {
    const active = users.filter((user) => user.userStatusId === 1001).map((user) => user.id);
    expect(out.iterActiveDesc).toEqual(active.reverse());
  });

  it('applies string masks, new and legacy', () => {
    expect(out.maskedUser).toEqual({
      id: 7002,
      username: 'alice',
      userStatus: { keyName: 'ACTIVE' },
    });
    expect(out.legacyMaskedUser).toEqual({ id: 7002, parent: { username: 'SL1001' } });
  });

  it('filters, and pages with the total the SDK reads', () => {
    expect(out.filteredUsers).toEqual([{ id: 7903, username: 'peggy.paging' }]);
    expect(out.page).toEqual(users.slice(1, 3).map((user) => ({ id: user.id })));
    expect(out.pageTotal).toBe(users.length);
  });

  it('returns the caller account', () => {
    expect(out.account).toEqual({
      id: 1001,
      companyName: 'Sandbox Widgets Inc.',
      email: 'sl1001@example.com',
    });
  });

  it('reports a mask naming an unknown property', () => {
    expect(out.badMask).toEqual({
      faultCode: wire === 'xmlrpc' ? 'SoftLayer_Exception_WebService_ObjectMask' : 500,
      faultString: "Property 'userData' not valid for 'SoftLayer_User_Customer'.",
    });
  });
});
