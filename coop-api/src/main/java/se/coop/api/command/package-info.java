/**
 * The commands a secretariat issues, one record per file, imperative names. The target agreement comes first; ids of
 * things a command creates are chosen by the caller, so a retried command creates the same thing.
 */
package se.coop.api.command;
