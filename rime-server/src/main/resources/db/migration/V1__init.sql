-- RIME metadata store. Written to run unchanged on SQLite and PostgreSQL:
-- times are epoch milliseconds (BIGINT), flags are INTEGER 0/1, JSON is TEXT.

CREATE TABLE projects (
    project_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    description       TEXT         NOT NULL,
    created_at_millis BIGINT       NOT NULL,
    is_default        INTEGER      NOT NULL DEFAULT 0
);

CREATE TABLE jobs (
    job_id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    project_id               VARCHAR(64)  NOT NULL REFERENCES projects (project_id),
    name                     VARCHAR(500) NOT NULL,
    job_type                 VARCHAR(40)  NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    config_json              TEXT         NOT NULL,
    base_dir                 TEXT,
    ram_request_mb           INTEGER      NOT NULL,
    cpu_request_millicores   INTEGER      NOT NULL,
    managed_image            VARCHAR(200),
    custom_image_name        TEXT,
    custom_image_pull_secret TEXT,
    created_at_millis        BIGINT       NOT NULL,
    started_at_millis        BIGINT,
    ended_at_millis          BIGINT,
    tests_completed          INTEGER,
    tests_total              INTEGER,
    error_message            TEXT,
    test_run_id              VARCHAR(64),
    cancellation_requested   INTEGER      NOT NULL DEFAULT 0,
    attempts                 INTEGER      NOT NULL DEFAULT 0,
    process_id               BIGINT,
    process_start_millis     BIGINT
);

CREATE INDEX jobs_by_creation ON jobs (created_at_millis, job_id);
CREATE INDEX jobs_by_status ON jobs (status, created_at_millis);
CREATE INDEX jobs_by_project ON jobs (project_id, created_at_millis);

CREATE TABLE test_runs (
    test_run_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    job_id            VARCHAR(64) NOT NULL REFERENCES jobs (job_id),
    project_id        VARCHAR(64) NOT NULL REFERENCES projects (project_id),
    name              TEXT        NOT NULL,
    created_at_millis BIGINT      NOT NULL,
    summary_json      TEXT        NOT NULL
);

CREATE UNIQUE INDEX test_runs_by_job ON test_runs (job_id);

CREATE TABLE test_cases (
    test_run_id     VARCHAR(64)  NOT NULL REFERENCES test_runs (test_run_id),
    seq             INTEGER      NOT NULL,
    test_id         VARCHAR(100) NOT NULL,
    test_batch_type VARCHAR(200) NOT NULL,
    category        VARCHAR(100) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    severity        VARCHAR(20)  NOT NULL,
    case_json       TEXT         NOT NULL,
    PRIMARY KEY (test_run_id, seq)
);

CREATE TABLE api_keys (
    key_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    role                VARCHAR(20)  NOT NULL,
    prefix              VARCHAR(32)  NOT NULL,
    key_hash            VARCHAR(128) NOT NULL UNIQUE,
    created_at_millis   BIGINT       NOT NULL,
    last_used_at_millis BIGINT,
    revoked_at_millis   BIGINT
);
