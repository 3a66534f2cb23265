/**
 * Running jobs. {@link dev.rime.server.executor.JobExecutor} is the SPI (how a job's process is
 * started, found again, and read back); {@link dev.rime.server.executor.LocalJobExecutor} runs each
 * job in a child JVM on this machine; {@link dev.rime.server.executor.JobScheduler} admits PENDING
 * jobs by their CPU and RAM requests, follows them, stores their results, and reconciles jobs that
 * were running when the server stopped.
 */
package dev.rime.server.executor;
