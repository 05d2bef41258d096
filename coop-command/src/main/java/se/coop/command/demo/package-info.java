/** The demo data set: the five seed cooperations, loaded with {@code --coop.demo=true}. */
package se.coop.command.demo;
