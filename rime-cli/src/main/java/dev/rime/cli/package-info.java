/** RIME cli. */
package dev.rime.cli;
