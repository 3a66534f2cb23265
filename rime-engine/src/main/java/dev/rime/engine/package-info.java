/** RIME engine. */
package dev.rime.engine;
