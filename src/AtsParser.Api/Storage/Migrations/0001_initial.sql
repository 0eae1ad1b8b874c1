-- Resumes, their optional extracted text, and their embeddings.
-- pgvector must be installed on the server; creating it needs a superuser once (IF NOT EXISTS is then a no-op).
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE resumes (
    id                uuid PRIMARY KEY,
    sha256            text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    file_name         text NOT NULL,
    format            text NOT NULL,
    size_bytes        bigint NOT NULL,
    parsed            jsonb NOT NULL,
    parser_meta       jsonb NOT NULL,
    -- Denormalised from `parsed` for filtering; skills and titles are lower-cased.
    candidate_name    text,
    location          text,
    skills            text[] NOT NULL DEFAULT '{}',
    titles            text[] NOT NULL DEFAULT '{}',
    experience_months integer,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resumes_created_at_idx ON resumes (created_at);
CREATE INDEX resumes_skills_idx ON resumes USING gin (skills);

-- Written only when STORE_TEXT=true.
CREATE TABLE resume_texts (
    resume_id uuid PRIMARY KEY REFERENCES resumes (id) ON DELETE CASCADE,
    text      text NOT NULL
);

-- One vector per resume and model. The column is 1536 wide (text-embedding-3-small); narrower models are
-- zero-padded, which leaves cosine distance unchanged, and `dimensions` records the model's own width.
CREATE TABLE resume_embeddings (
    resume_id  uuid NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    model      text NOT NULL,
    dimensions integer NOT NULL CHECK (dimensions BETWEEN 1 AND 1536),
    embedding  vector(1536) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (resume_id, model)
);
CREATE INDEX resume_embeddings_hnsw_idx ON resume_embeddings USING hnsw (embedding vector_cosine_ops);
CREATE INDEX resume_embeddings_model_idx ON resume_embeddings (model);
