/**
 * The contract kit: one abstract JUnit 5 class per SPI interface ({@link
 * org.pcosync.testkit.contract.PersonRepositoryContract}, {@link
 * org.pcosync.testkit.contract.GroupRepositoryContract}, {@link
 * org.pcosync.testkit.contract.TagAttributeStoreContract}, {@link
 * org.pcosync.testkit.contract.SyncStateStoreContract}). An adapter's test extends one and
 * implements its factory; the kit creates a fresh subject per test, groups its checks by capability
 * in {@code @Nested} classes named by spec sentences, and skips optional capabilities the adapter
 * switches off through {@code supportsX()}. The kit runs in this build against the in-memory
 * implementations of {@code org.pcosync.testkit.memory}, and against deliberately broken ones.
 */
package org.pcosync.testkit.contract;
