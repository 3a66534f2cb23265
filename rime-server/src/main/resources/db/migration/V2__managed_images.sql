-- Managed images (issue 6): one row per image, one row per library its last good build installed.
-- A build writes only while build_id is still its own, so a restarted, replaced or deleted build
-- never overwrites a newer one.

CREATE TABLE managed_images (
    name                VARCHAR(128) NOT NULL PRIMARY KEY,
    status              VARCHAR(40)  NOT NULL,
    requirements_json   TEXT         NOT NULL,
    python_version      VARCHAR(20),
    build_id            VARCHAR(64)  NOT NULL,
    runner_version      VARCHAR(64),
    python_path         TEXT,
    error_message       TEXT,
    created_at_millis   BIGINT       NOT NULL,
    updated_at_millis   BIGINT       NOT NULL
);

CREATE TABLE managed_image_libraries (
    image_name      VARCHAR(128) NOT NULL REFERENCES managed_images (name) ON DELETE CASCADE,
    normalized_name VARCHAR(200) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    version         VARCHAR(100) NOT NULL,
    PRIMARY KEY (image_name, normalized_name)
);

CREATE INDEX managed_image_libraries_by_name ON managed_image_libraries (normalized_name, version);
