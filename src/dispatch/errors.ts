import { ApiError } from './api-error';

// The catalog of every fault slemu raises. Texts follow the real API where it is known
// (../shared/reference/methods.md and wire.md); the REST statuses follow decisions.md.

const NOT_FOUND = 404;
const UNAUTHORIZED = 401;
const BAD_REQUEST = 400;
const SERVER_ERROR = 500;

export const errors = {
  serviceNotFound: () =>
    new ApiError('SoftLayer_Exception_Public', 'Service does not exist', NOT_FOUND),

  methodNotFound: (method: string) =>
    new ApiError(
      'SoftLayer_Exception_Public',
      `Function ("${method}") is not a valid method for this service.`,
      NOT_FOUND,
    ),

  objectNotFound: (id: number | string) =>
    new ApiError(
      'SoftLayer_Exception_ObjectNotFound',
      `Unable to find object with id of '${id}'.`,
      NOT_FOUND,
    ),

  missingInitId: (service: string, method: string) =>
    new ApiError(
      'SoftLayer_Exception',
      `Object does not exist to execute method on. (${service}::${method})`,
      SERVER_ERROR,
    ),

  invalidValue: (field: string) =>
    new ApiError(
      'SoftLayer_Exception_InvalidValue',
      `Invalid value provided for ${field}`,
      SERVER_ERROR,
    ),

  noAuthHeaders: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'No valid authentication headers found.',
      UNAUTHORIZED,
    ),

  // slcli recognises a bad key by the words "invalid api token" in the message.
  invalidApiKey: () =>
    new ApiError('SoftLayer_Exception_Public', 'Invalid API token.', UNAUTHORIZED),

  invalidPortalToken: () =>
    new ApiError(
      'SoftLayer_Exception_InvalidLegacyToken',
      'Invalid authentication token.',
      UNAUTHORIZED,
    ),

  bearerUnsupported: () =>
    new ApiError(
      'SoftLayer_Exception_Account_Authentication_AccessTokenValidation',
      'IAM bearer tokens are not accepted by slemu; use an API key or a portal login token.',
      UNAUTHORIZED,
    ),

  badRequest: (detail: string) =>
    new ApiError(
      'SoftLayer_Exception_WebService_BadRequest',
      `Bad request: ${detail}`,
      BAD_REQUEST,
    ),

  // XML-RPC protocol faults use the numeric codes, as strings, that softlayer-python maps.
  xmlNotWellFormed: (detail: string) =>
    new ApiError('-32700', `Parse error: not well formed: ${detail}`, BAD_REQUEST),

  xmlNotMethodCall: (detail: string) =>
    new ApiError('-32600', `Invalid XML-RPC request: ${detail}`, BAD_REQUEST),

  internal: () => new ApiError('SoftLayer_Exception_Public', 'Internal Error', SERVER_ERROR),

  publicError: (message: string) =>
    new ApiError('SoftLayer_Exception_Public', message, SERVER_ERROR),

  invalidRecoveryKey: () =>
    new ApiError('SoftLayer_Exception_Public', 'Invalid password recovery key', SERVER_ERROR),

  requestCannotBeProcessed: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'Your request cannot be processed. Please contact support',
      SERVER_ERROR,
    ),

  securityQuestionsRequired: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'You must have security questions set on your account before changing your password',
      SERVER_ERROR,
    ),

  invalidSecurityAnswer: () =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_InvalidSecurityQuestionAnswer',
      'Invalid answer provided for security question',
      SERVER_ERROR,
    ),

  passwordPolicy: (violations: readonly string[]) =>
    new ApiError(
      'SoftLayer_Exception_Public',
      `Your portal password must ${violations.join(', ')}.`,
      SERVER_ERROR,
    ),

  invalidLogin: () =>
    new ApiError('SoftLayer_Exception_Public', 'Invalid login credentials provided.', SERVER_ERROR),

  invalidLoginAnswer: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'Invalid answer provided for security question.',
      SERVER_ERROR,
    ),

  userNotActive: (statusName: string) =>
    new ApiError(
      'SoftLayer_Exception_Public',
      `User account is currently ${statusName}`,
      SERVER_ERROR,
    ),
  // Password-set branches: rate limit, lockout, second factors, brand agents.

  resetRateLimited: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'Too many password reset requests for this username. Please try again later.',
      SERVER_ERROR,
    ),

  accountLocked: (minutes: number) =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_AccountLocked',
      `Account has been locked for ${minutes} minutes`,
      SERVER_ERROR,
    ),

  // getPortalLoginToken documents its lockout as a plain public exception, with a full stop.
  loginLocked: (minutes: number) =>
    new ApiError(
      'SoftLayer_Exception_Public',
      `Account has been locked for ${minutes} minutes.`,
      SERVER_ERROR,
    ),

  securityCodeRequired: () =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_External_Binding_SecurityCodeRequired',
      'You must supply external authentication credentials to log in with this user',
      SERVER_ERROR,
    ),

  totpRequired: () =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_External_Binding_TotpAuthenticationRequired',
      'Time-based One Time Password authentication is required to log in with this user',
      SERVER_ERROR,
    ),

  phoneRequired: () =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_External_Binding_PhoneAuthenticationRequired',
      'Phone-based authentication is required to log in with this user',
      SERVER_ERROR,
    ),

  awaitingResponse: () =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_External_Binding_AwaitingResponse',
      'Waiting on the external authentication response',
      SERVER_ERROR,
    ),

  externalAuthenticationFailed: () =>
    new ApiError(
      'SoftLayer_Exception_User_Customer_External_Binding_AuthenticationFailed',
      'External authentication failed',
      SERVER_ERROR,
    ),

  notBrandMasterAccount: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'Your account is not a Brand Master Account',
      SERVER_ERROR,
    ),

  noResetPermissionForAnotherUser: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'You do not have permission to request password reset for another user',
      SERVER_ERROR,
    ),

  noResetPermissionForThisUser: () =>
    new ApiError(
      'SoftLayer_Exception_Public',
      'You do not have permission to request password reset for this user',
      SERVER_ERROR,
    ),

  usernameDoesNotExist: () =>
    new ApiError('SoftLayer_Exception_Public', 'Username does not exist', SERVER_ERROR),

  // The real API's text for a mask naming a property the type lacks (wire.md §4.3).
  invalidMaskProperty: (property: string, type: string) =>
    new ApiError(
      'SoftLayer_Exception_WebService_ObjectMask',
      `Property '${property}' not valid for '${type}'.`,
      SERVER_ERROR,
    ),

  malformedMask: (detail: string) =>
    new ApiError(
      'SoftLayer_Exception_WebService_BadRequest',
      `Unable to parse object mask: ${detail}`,
      BAD_REQUEST,
    ),

  // slemu's own bound (the real API's is not known): relations form cycles, so a short mask or
  // filter can ask for millions of objects.
  tooManyRelatedObjects: (limit: number) =>
    new ApiError(
      'SoftLayer_Exception_WebService_BadRequest',
      `The object mask and filter reach more than ${limit} related objects; ask for less.`,
      BAD_REQUEST,
    ),

  // REST answers 413; XML-RPC and JSON-RPC keep HTTP 200 for it, as for every fault.
  bodyTooLarge: () =>
    new ApiError(
      'SoftLayer_Exception_WebService_BadRequest',
      'The request body is larger than slemu accepts.',
      413,
    ),

  // Fault injection (/_slemu/faults): any exception name, as the sandbox user chose it.
  injected: (exception: string, message: string, restStatus: number) =>
    new ApiError(exception, message, restStatus),
} as const;
