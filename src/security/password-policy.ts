// The portal password rules of processPasswordSetRequest (methods.md §2.5). The documented
// "over eight, under twenty" is read as 8 to 20 inclusive (questions.md #13), and both bounds
// are configurable for users who want the literal reading.

export const SPECIAL_CHARACTERS = '_-|@.,?/!~#$%^&*(){}[]\\+=';

export interface PasswordPolicy {
  minimumLength: number;
  maximumLength: number;
}

export const defaultPasswordPolicy: PasswordPolicy = { minimumLength: 8, maximumLength: 20 };

/** Every rule the password breaks, worded to follow "Your portal password must". */
export function passwordViolations(
  password: string,
  username: string,
  policy: PasswordPolicy,
): string[] {
  const violations: string[] = [];
  const length = [...password].length;

  if (length < policy.minimumLength || length > policy.maximumLength) {
    violations.push(
      `be between ${policy.minimumLength} and ${policy.maximumLength} characters long`,
    );
  }
  if (!/[A-Z]/.test(password)) violations.push('contain at least one uppercase letter');
  if (!/[a-z]/.test(password)) violations.push('contain at least one lowercase letter');
  if (!/[0-9]/.test(password)) violations.push('contain at least one digit');
  if (![...password].some((c) => SPECIAL_CHARACTERS.includes(c))) {
    violations.push(`contain at least one of these special characters: ${SPECIAL_CHARACTERS}`);
  }
  if (password.toLowerCase() === username.toLowerCase()) violations.push('not match your username');
  // slemu's own rule: XML cannot carry these, so such a password could never log in over XML-RPC.
  if (/\p{Cc}/u.test(password)) violations.push('not contain control characters');

  return violations;
}

/** The requirement fields of SoftLayer_Container_User_Customer_PasswordSet. */
export function passwordRequirements(policy: PasswordPolicy) {
  return {
    minimumPasswordLengthRequirement: policy.minimumLength,
    maximumPasswordLengthRequirement: policy.maximumLength,
    uppercaseCountRequirement: 1,
    lowercaseCountRequirement: 1,
    digitCountRequirement: 1,
    specialCharacterCountRequirement: 1,
    specialCharactersAllowed: SPECIAL_CHARACTERS,
  };
}
