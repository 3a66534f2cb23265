/**
 * The metadata store: one small interface per aggregate (projects, jobs, test runs, API keys), each
 * documented on the interface, with JDBI implementations that run unchanged on SQLite and
 * PostgreSQL. {@link dev.rime.server.store.Database} opens the pool and applies the Flyway
 * migrations; {@link dev.rime.server.store.Db#inTransaction} makes several store calls one
 * transaction.
 */
package dev.rime.server.store;
