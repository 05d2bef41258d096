/**
 * What every read model is made of: the {@link se.coop.query.readmodel.ReadModel} it declares itself as, its batch
 * ({@link se.coop.query.readmodel.BatchScope}, and {@link se.coop.query.readmodel.BatchedFolds} for a state per
 * agreement), failure isolation (one event parked, never the read model stopped), events as recorded with their
 * positions, and each read model's rebuild state ({@link se.coop.query.readmodel.ProjectionStates}).
 */
package se.coop.query.readmodel;
