/** The OpenAPI description at {@code /v3/api-docs}: the contract of docs/api.md, with the choices where it is silent. */
package se.coop.app.openapi;
