/** RIME sdk. */
package dev.rime.sdk;
