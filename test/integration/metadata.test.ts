import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';

describe('GET /metadata/v3.1', () => {
  let app: FastifyInstance;
  let metadata: Record<string, any>;

  beforeAll(async () => {
    app = await startTestApp();
    const response = await app.inject({ method: 'GET', url: '/metadata/v3.1' });
    expect(response.statusCode).toBe(200);
    metadata = response.json();
  });
  afterAll(async () => {
    await app.close();
  });

  it('describes each method with its signature and flags', () => {
    expect(metadata.SoftLayer_Account.methods.getUsers).toEqual({
      name: 'getUsers',
      type: 'SoftLayer_User_Customer',
      typeArray: true,
      static: true,
      noauth: false,
      definedBy: 'SoftLayer_Account',
      parameters: [],
    });
    expect(metadata.SoftLayer_User_Customer.methods.getPortalLoginToken.parameters).toEqual([
      { name: 'username', type: 'string' },
      { name: 'password', type: 'string' },
      { name: 'securityQuestionId', type: 'int' },
      { name: 'securityQuestionAnswer', type: 'string' },
    ]);
  });

  it('gives inherited methods to the service that extends another', () => {
    const oidc = metadata.SoftLayer_User_Customer_OpenIdConnect;
    expect(oidc.base).toBe('SoftLayer_User_Customer');
    expect(oidc.methods.getObject.definedBy).toBe('SoftLayer_User_Customer');
  });

  it('describes properties with their form', () => {
    const properties = metadata.SoftLayer_User_Customer.properties;
    expect(properties.username).toEqual({ name: 'username', type: 'string', form: 'local' });
    expect(properties.userStatus).toEqual({
      name: 'userStatus',
      type: 'SoftLayer_User_Customer_Status',
      form: 'relational',
    });
    expect(properties.childUsers).toMatchObject({ typeArray: true, form: 'relational' });
    expect(properties.childUserCount).toMatchObject({ form: 'count' });
    expect(metadata.SoftLayer_User_Customer_Status.properties.keyName.form).toBe('local');
  });

  it('answers under v3 and with .json too, and not under other versions', async () => {
    for (const url of ['/metadata/v3', '/metadata/v3.1.json']) {
      expect((await app.inject({ method: 'GET', url })).json()).toEqual(metadata);
    }
    expect((await app.inject({ method: 'GET', url: '/metadata/v9' })).statusCode).toBe(404);
  });
});
