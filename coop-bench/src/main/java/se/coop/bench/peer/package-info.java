/**
 * The peer coop-bench measures Coop against: a plain Axon Framework 4.13 + Spring Boot application with no Coop code,
 * doing what any Axon application must for the same commands — HTTP JSON with Basic sign-in (a cached credential
 * check), bean validation, the aggregate loaded by event sourcing, its events appended through the same JDBC event
 * store and Jackson serializer, one tracking processor writing one status row — and nothing else. It runs in a
 * process of its own, on the PostgreSQL the bench gives it, in a database of its own.
 */
package se.coop.bench.peer;
