/**
 * The request bodies of the command endpoints, exactly as docs/api.md lists them: validated on arrival, then turned into
 * the commands of coop-api. Any field not listed is refused.
 */
package se.coop.command.web.request;
