/** The key checkpoints are signed with: configured, or generated once on the zero-setup default. */
package se.coop.app.checkpoints;
