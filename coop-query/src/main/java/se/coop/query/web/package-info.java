/** The query side of the HTTP API: status, history, events, verification, reviews and the operator's view. */
package se.coop.query.web;
