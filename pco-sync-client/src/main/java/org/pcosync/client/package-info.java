/**
 * A typed, rate-aware client for Planning Center Online: People v2, Services v2 and Webhooks v2.
 *
 * <p>Start with {@link org.pcosync.client.PcoClient#builder()}; one client per PCO account. The
 * model types are immutable records; errors are unchecked subclasses of {@link
 * org.pcosync.client.PcoClientException}. Nothing in this package exposes Retrofit, OkHttp or
 * Jackson types except the {@link org.pcosync.client.PcoClient.Builder#okHttpClient} hook.
 */
package org.pcosync.client;
