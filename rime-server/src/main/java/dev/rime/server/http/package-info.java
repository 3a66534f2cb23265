/**
 * The HTTP layer: thin Javalin handlers, one class per aggregate, registered per {@link
 * dev.rime.api.Operation}; the API key filter; errors as {@link dev.rime.api.ErrorResponse} JSON.
 */
package dev.rime.server.http;
