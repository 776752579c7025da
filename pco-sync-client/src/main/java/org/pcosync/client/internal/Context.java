package org.pcosync.client.internal;

/** What the sub-APIs share: the transport and the per-product API versions. */
public record Context(
    Transport transport, String peopleVersion, String servicesVersion, String webhooksVersion) {}
