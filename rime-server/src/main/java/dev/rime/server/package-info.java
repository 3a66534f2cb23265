/**
 * The RIME server: {@link dev.rime.server.RimeServer} wires the store, the services, the job
 * scheduler and executor, and the HTTP API, and owns their life cycle.
 */
package dev.rime.server;
