import { ApiError } from './api-error';

// The catalog of every fault slemu raises. Texts follow the real API where it is known
// (../shared/reference/methods.md and wire.md); the REST statuses follow decisions.md.

const NOT_FOUND = 404;
const UNAUTHORIZED = 401;
const BAD_REQUEST = 400;
const SERVER_ERROR = 500;

export const errors = {
  serviceNotFound: () => new ApiError('SoftLayer_Exception_Public', 'Service does not exist', NOT_FOUND),

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
    new ApiError('SoftLayer_Exception_InvalidValue', `Invalid value provided for ${field}`, SERVER_ERROR),

  noAuthHeaders: () =>
    new ApiError('SoftLayer_Exception_Public', 'No valid authentication headers found.', UNAUTHORIZED),

  // slcli recognises a bad key by the words "invalid api token" in the message.
  invalidApiKey: () => new ApiError('SoftLayer_Exception_Public', 'Invalid API token.', UNAUTHORIZED),

  invalidPortalToken: () =>
    new ApiError('SoftLayer_Exception_InvalidLegacyToken', 'Invalid authentication token.', UNAUTHORIZED),

  bearerUnsupported: () =>
    new ApiError(
      'SoftLayer_Exception_Account_Authentication_AccessTokenValidation',
      'IAM bearer tokens are not accepted by slemu; use an API key or a portal login token.',
      UNAUTHORIZED,
    ),

  badRequest: (detail: string) =>
    new ApiError('SoftLayer_Exception_WebService_BadRequest', `Bad request: ${detail}`, BAD_REQUEST),

  // XML-RPC protocol faults use the numeric codes, as strings, that softlayer-python maps.
  xmlNotWellFormed: (detail: string) =>
    new ApiError('-32700', `Parse error: not well formed: ${detail}`, BAD_REQUEST),

  xmlNotMethodCall: (detail: string) =>
    new ApiError('-32600', `Invalid XML-RPC request: ${detail}`, BAD_REQUEST),

  internal: () => new ApiError('SoftLayer_Exception_Public', 'Internal Error', SERVER_ERROR),

  publicError: (message: string) => new ApiError('SoftLayer_Exception_Public', message, SERVER_ERROR),

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
    new ApiError('SoftLayer_Exception_Public', `User account is currently ${statusName}`, SERVER_ERROR),

  // Fault injection (/_slemu/faults): any exception name, as the sandbox user chose it.
  injected: (exception: string, message: string, restStatus: number) =>
    new ApiError(exception, message, restStatus),
} as const;
