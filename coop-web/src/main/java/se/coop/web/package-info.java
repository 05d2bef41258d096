/**
 * Coop's pages for people, rendered on the server: what they share — language, permissions, formats, and the bridge
 * from a form to the command path of the HTTP API.
 */
package se.coop.web;
