/**
 * The PCO port: the small interface the engine talks to instead of HTTP
 * ({@link org.pcosync.core.port.PcoPort}), its records, its three failure outcomes (rejected,
 * unavailable, outcome unknown), and two implementations: over the client
 * ({@link org.pcosync.core.port.ClientPcoPort}) and in memory
 * ({@link org.pcosync.core.port.InMemoryPcoPort}, for tests and benchmarks).
 */
package org.pcosync.core.port;
