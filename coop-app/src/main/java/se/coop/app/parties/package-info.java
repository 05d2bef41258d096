/** The party register over HTTP and in table {@code party_register}, seeded from the published code lists. */
package se.coop.app.parties;
