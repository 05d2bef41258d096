/**
 * Who may call what (docs/api.md, Roles): built-in users only for the local zero-setup run, bcrypt users or an OIDC
 * issuer's JWTs anywhere else.
 */
package se.coop.app.security;
