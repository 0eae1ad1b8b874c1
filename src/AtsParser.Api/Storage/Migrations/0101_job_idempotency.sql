-- A client-chosen key per submission (Idempotency-Key header): re-sending the same submission after a lost
-- response returns the job that was already created instead of queueing every file twice.
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS idempotency_key text;
CREATE UNIQUE INDEX IF NOT EXISTS jobs_idempotency_key ON jobs (idempotency_key) WHERE idempotency_key IS NOT NULL;
