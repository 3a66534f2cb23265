/** RIME server. */
package dev.rime.server;
