/** SoftLayer_Container_User_Customer_PasswordSet, as the schema in schema/datatypes admits it. */
export interface PasswordSet {
  answeredSecurityQuestionId?: number | null;
  authenticationMethods?: number[] | null;
  key?: string | null;
  password?: string | null;
  securityAnswer?: string | null;
  securityQuestions?: { id?: number | null; question?: string | null }[] | null;
  userId?: number | null;
  [requirement: string]: unknown;
}

/** SoftLayer_Container_User_Customer_External_Binding and its _Totp / _Verisign subtypes. */
export interface ExternalBinding {
  complexType?: string | null;
  securityCode?: string | null;
  secondSecurityCode?: string | null;
  vendor?: string | null;
  [member: string]: unknown;
}
