/**
 * Values and exceptions shared by every pco-sync module: people, addresses, permission levels,
 * accounts, sync profiles and field rules.
 *
 * <p>This package has no third-party dependency. Every type is immutable and thread-safe unless
 * its Javadoc says otherwise. Parameters and return values are non-null unless documented as
 * nullable.
 */
package org.pcosync.api;
