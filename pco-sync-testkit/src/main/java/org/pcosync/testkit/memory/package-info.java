/**
 * Thread-safe in-memory implementations of every SPI interface, seeded from a {@link
 * org.pcosync.testkit.memory.HostFixture}: {@link org.pcosync.testkit.memory.InMemoryHost} bundles
 * the host side (people with merges, groups, the "PCO Tags" attribute), and {@link
 * org.pcosync.testkit.memory.InMemorySyncStateStore} the sync state over a re-openable {@link
 * org.pcosync.testkit.memory.InMemorySyncStateStore.Database}. For engine tests, the demo, and as
 * the reference implementations the contract kit runs against.
 */
package org.pcosync.testkit.memory;
