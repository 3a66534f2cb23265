/**
 * The Java client SDK of RIME: the seed's {@code rime_sdk} calls in Java style.
 *
 * <ul>
 *   <li>{@link dev.rime.sdk.RimeClient}: connect, then projects, stress tests, jobs, API keys.
 *   <li>{@link dev.rime.sdk.StressTestJob}: a handle on one job: status (optionally waiting and
 *       printing progress), logs, cancel, results.
 *   <li>Options: {@link dev.rime.sdk.StressTestOptions}, {@link dev.rime.sdk.ListJobsOptions}
 *       (builders, so new options never change a method's signature).
 *   <li>Results: {@link dev.rime.sdk.ResultTable} and its rows, {@link
 *       dev.rime.sdk.TestCasesResult}, {@link dev.rime.sdk.TestRunResultTable}, in a pinned result
 *       schema version.
 *   <li>Failures: one unchecked {@link dev.rime.sdk.RimeException} subclass per failure, mapped
 *       from the server's error code first and its HTTP status second.
 * </ul>
 *
 * <p>Depends on {@code rime-api} (the contract) and the JDK's {@code java.net.http} client only.
 */
package dev.rime.sdk;
