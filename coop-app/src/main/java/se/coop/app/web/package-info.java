/** The HTTP contract around every endpoint: strict JSON, the body limit, and problem+json for every error. */
package se.coop.app.web;
