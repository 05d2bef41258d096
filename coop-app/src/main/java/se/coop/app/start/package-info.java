/** Why Coop refuses to start, said in one sentence with what to do. */
package se.coop.app.start;
