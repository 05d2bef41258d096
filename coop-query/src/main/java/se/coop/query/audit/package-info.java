/** What an auditor relies on: the raw event stream as stored, and proof that it was not altered. */
package se.coop.query.audit;
