/**
 * The rules of docs/domain.md that both the aggregate (to decide) and the read models (to show) need, each written
 * once: plain Java over coop-api's values, no framework (ArchitectureTest keeps it so).
 */
package se.coop.rules;
