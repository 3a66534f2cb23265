-- Continuous testing (issue 7): CT instances, their tested time bins, and the bins' time-series
-- values. Same rules as V1: runs unchanged on SQLite and PostgreSQL.

-- A continuous-test job stores its stress test and one test run per bin, all under the job.
DROP INDEX test_runs_by_job;
CREATE INDEX test_runs_by_job ON test_runs (job_id);

CREATE TABLE ct_instances (
    ct_instance_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    project_id         VARCHAR(64)  NOT NULL REFERENCES projects (project_id),
    name               VARCHAR(200) NOT NULL,
    bin_size_seconds   BIGINT       NOT NULL,
    test_run_id        VARCHAR(64)  NOT NULL REFERENCES test_runs (test_run_id),
    is_active          INTEGER      NOT NULL DEFAULT 0,
    created_by_job_id  VARCHAR(64)  REFERENCES jobs (job_id),
    created_at_millis  BIGINT       NOT NULL
);

-- at most one active instance per project
CREATE UNIQUE INDEX ct_instances_active ON ct_instances (project_id) WHERE is_active = 1;
CREATE INDEX ct_instances_by_job ON ct_instances (created_by_job_id);

-- One row per tested bin; an overridden bin is replaced (its old test run stays readable).
CREATE TABLE ct_bins (
    ct_instance_id    VARCHAR(64) NOT NULL REFERENCES ct_instances (ct_instance_id),
    start_time_secs   BIGINT      NOT NULL,
    end_time_secs     BIGINT      NOT NULL,
    row_count         BIGINT      NOT NULL,
    test_run_id       VARCHAR(64) NOT NULL REFERENCES test_runs (test_run_id),
    job_id            VARCHAR(64) NOT NULL REFERENCES jobs (job_id),
    created_at_millis BIGINT      NOT NULL,
    PRIMARY KEY (ct_instance_id, start_time_secs)
);

-- Time-series values: one metric of one bin, overall (feature = '') or of one feature; value NULL
-- when undefined in the bin. The key makes one metric's series over an instance's bins one range
-- scan: WHERE ct_instance_id = ? AND metric = ? AND feature = ? ORDER BY start_time_secs.
CREATE TABLE ct_metric_values (
    ct_instance_id  VARCHAR(64)  NOT NULL,
    metric          VARCHAR(200) NOT NULL,
    feature         VARCHAR(500) NOT NULL,
    start_time_secs BIGINT       NOT NULL,
    metric_value    DOUBLE PRECISION,
    PRIMARY KEY (ct_instance_id, metric, feature, start_time_secs),
    FOREIGN KEY (ct_instance_id, start_time_secs)
        REFERENCES ct_bins (ct_instance_id, start_time_secs)
);

-- What each SUCCEEDED continuous-test job did with its data (lists as JSON arrays).
CREATE TABLE ct_runs (
    job_id                 VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES jobs (job_id),
    ct_instance_id         VARCHAR(64) NOT NULL REFERENCES ct_instances (ct_instance_id),
    mode                   VARCHAR(20) NOT NULL,
    timestamp_col          TEXT        NOT NULL,
    row_count              BIGINT      NOT NULL,
    unparseable_timestamps BIGINT      NOT NULL,
    unparseable_examples   TEXT        NOT NULL,
    tested_bins            TEXT        NOT NULL,
    skipped_bins           TEXT        NOT NULL
);
