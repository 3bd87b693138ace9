/** Injection tokens of the sign-in module. */
export const CREDENTIAL_STORE = Symbol('CredentialStore');
export const OIDC_CONFIG = Symbol('OidcConfig');
