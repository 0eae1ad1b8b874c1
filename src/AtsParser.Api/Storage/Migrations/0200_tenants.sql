-- Tenants: every stored resume and job belongs to the tenant of the API key or token that created it.
-- Rows from before this migration belong to the default tenant (API_KEY_HASHES keys, or no authentication).
-- Dedupe becomes per tenant: the same bytes stored by two tenants are two rows.
ALTER TABLE resumes ADD COLUMN IF NOT EXISTS tenant text NOT NULL DEFAULT 'default';
ALTER TABLE resumes DROP CONSTRAINT IF EXISTS resumes_sha256_key;
CREATE UNIQUE INDEX IF NOT EXISTS resumes_tenant_sha256_idx ON resumes (tenant, sha256);
CREATE INDEX IF NOT EXISTS resumes_tenant_created_at_idx ON resumes (tenant, created_at);

ALTER TABLE jobs ADD COLUMN IF NOT EXISTS tenant text NOT NULL DEFAULT 'default';
DROP INDEX IF EXISTS jobs_idempotency_key;
CREATE UNIQUE INDEX IF NOT EXISTS jobs_tenant_idempotency_key ON jobs (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;
