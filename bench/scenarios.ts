import { syntheticKey, syntheticUsername } from '../db/bulk-seed';
import type { LoadSpec } from './load';

// What each scenario sends. The slemu side and its baseline get requests of the same shape.

const SL1001_KEY = '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899';
const BASIC = `Basic ${Buffer.from(`SL1001:${SL1001_KEY}`).toString('base64')}`;

export const restGetObject: LoadSpec = {
  path: '/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json?objectMask=mask%5Bid%2Cusername%2Cemail%5D',
  headers: { authorization: BASIC },
};

// Shaped like softlayer-python's body (python-client.md §2), newlines and all.
const XMLRPC_GET_OBJECT = [
  "<?xml version='1.0' encoding='iso-8859-1'?>",
  '<methodCall>',
  '<methodName>getObject</methodName>',
  '<params>',
  '<param>',
  '<value><struct>',
  '<member>',
  '<name>headers</name>',
  '<value><struct>',
  '<member>',
  '<name>authenticate</name>',
  '<value><struct>',
  '<member>',
  '<name>username</name>',
  '<value><string>SL1001</string></value>',
  '</member>',
  '<member>',
  '<name>apiKey</name>',
  `<value><string>${SL1001_KEY}</string></value>`,
  '</member>',
  '</struct></value>',
  '</member>',
  '<member>',
  '<name>SoftLayer_User_CustomerInitParameters</name>',
  '<value><struct>',
  '<member>',
  '<name>id</name>',
  '<value><int>7002</int></value>',
  '</member>',
  '</struct></value>',
  '</member>',
  '<member>',
  '<name>SoftLayer_ObjectMask</name>',
  '<value><struct>',
  '<member>',
  '<name>mask</name>',
  '<value><string>mask[id,username,email]</string></value>',
  '</member>',
  '</struct></value>',
  '</member>',
  '</struct></value>',
  '</member>',
  '</struct></value>',
  '</param>',
  '</params>',
  '</methodCall>',
  '',
].join('\n');

export const xmlrpcGetObject: LoadSpec = {
  path: '/xmlrpc/v3.1/SoftLayer_User_Customer',
  method: 'POST',
  headers: { 'content-type': 'application/xml' },
  body: XMLRPC_GET_OBJECT,
};

export const jsonrpcGetObject: LoadSpec = {
  path: '/jsonrpc/v3.1/SoftLayer_User_Customer',
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: BASIC },
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'getObject',
    params: [],
    headers: {
      SoftLayer_User_CustomerInitParameters: { id: 7002 },
      SoftLayer_ObjectMask: { mask: 'mask[id,username,email]' },
    },
  }),
};

/** getUserIdForPasswordSet over keys that exist in every benchmark database. */
export function keyLookups(distinctKeys: number): LoadSpec {
  return {
    path: '/rest/v3.1/SoftLayer_User_Customer/getUserIdForPasswordSet.json',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    bodies: Array.from({ length: distinctKeys }, (_, index) =>
      JSON.stringify({ parameters: [syntheticKey(index)] }),
    ),
  };
}

/**
 * initiatePortalPasswordChange spread over many users, so no per-user rate limit is reached.
 * It starts after the users whose keys the lookup scenario reads, so it supersedes none of them.
 */
export function initiates(firstUser: number, users: number): LoadSpec {
  return {
    path: '/rest/v3.1/SoftLayer_User_Customer/initiatePortalPasswordChange.json',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    bodies: Array.from({ length: users - firstUser }, (_, index) =>
      JSON.stringify({ parameters: [syntheticUsername(firstUser + index)] }),
    ),
  };
}

/** The same kind of request to a baseline, which answers a fixed body whatever it gets. */
export function sameShape(spec: LoadSpec): LoadSpec {
  const { bodies, ...rest } = spec;
  return bodies ? { ...rest, body: bodies[0] ?? '' } : rest;
}
