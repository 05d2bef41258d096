/** The offline verifier for auditors ({@link se.coop.verify.Verify}): plain Java, no Coop, no database. */
package se.coop.verify;
