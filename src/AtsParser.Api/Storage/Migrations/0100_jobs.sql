-- Durable bulk jobs: a PostgreSQL work queue (FOR UPDATE SKIP LOCKED + leases), the uploaded bytes until they
-- are processed, and a webhook outbox with every delivery attempt recorded.

CREATE TABLE IF NOT EXISTS jobs (
    id               uuid PRIMARY KEY,
    -- active | completed | cancelled. "queued" vs "running" is derived from the items when read.
    status           text NOT NULL DEFAULT 'active',
    total            integer NOT NULL,
    -- The ParseRequestOptions the files are processed with, fixed at submission (asOf included), so retries
    -- and re-deliveries give the same result.
    options          jsonb NOT NULL,
    webhook_url      text,
    webhook_per_file boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz
);

CREATE TABLE IF NOT EXISTS job_items (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id           uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    seq              integer NOT NULL,
    file_name        text NOT NULL,
    content_type     text,
    sha256           text,           -- null for a file refused on upload (never fully read)
    size             bigint NOT NULL,
    -- queued | running | succeeded | failed | dead_lettered | cancelled
    status           text NOT NULL DEFAULT 'queued',
    attempts         integer NOT NULL DEFAULT 0,
    available_at     timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_token      uuid,
    lease_expires_at timestamptz,
    error_code       text,
    error_detail     text,
    -- json, not jsonb: the stored document is byte-for-byte what /api/v1/parse answers (jsonb reorders keys).
    result           json,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (job_id, seq)
);

-- The claim scans only ready rows; the reaper only running rows.
CREATE INDEX IF NOT EXISTS job_items_ready ON job_items (available_at, id) WHERE status = 'queued';
CREATE INDEX IF NOT EXISTS job_items_leases ON job_items (lease_expires_at) WHERE status = 'running';

-- Bytes live apart from the hot queue rows and are deleted as soon as an item reaches a final state
-- (dead-lettered items keep theirs so they can be requeued).
CREATE TABLE IF NOT EXISTS job_item_blobs (
    item_id bigint PRIMARY KEY REFERENCES job_items(id) ON DELETE CASCADE,
    bytes   bytea NOT NULL
);

-- Outbox: rows are written in the same transaction as the state change they announce, and sent by a separate
-- dispatcher, so delivery never blocks the worker and no event is lost when a replica dies.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id           uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    item_id          bigint,
    event            text NOT NULL,
    url              text NOT NULL,
    payload          text NOT NULL,
    -- pending | delivered | failed
    status           text NOT NULL DEFAULT 'pending',
    attempts         integer NOT NULL DEFAULT 0,
    -- Also the visibility timeout: a claimed delivery is pushed past its send timeout, so a replica that dies
    -- mid-send leaves it due again rather than stuck.
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz
);

CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE IF NOT EXISTS webhook_attempts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  bigint NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempt      integer NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    status_code  integer,
    error        text,
    duration_ms  integer NOT NULL
);
