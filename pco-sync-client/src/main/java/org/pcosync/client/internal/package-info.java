/**
 * Machinery of the PCO client (transport, pacing, JSON:API parsing, OAuth token handling). Not
 * API: may change in any release.
 */
package org.pcosync.client.internal;
