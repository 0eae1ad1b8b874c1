-- Corrections made by people to stored resumes (PATCH /api/v1/resumes/{id}). The original parse in resumes.parsed is
-- never changed: each row records one PATCH (who, when, every operation's before/after) and the whole corrected
-- result after it, so the latest row is the current corrected view. Erasing a resume erases its corrections.
CREATE TABLE resume_corrections (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resume_id   uuid NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    tenant      text,
    caller      text NOT NULL,
    reviewer    text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    operations  jsonb NOT NULL,
    corrected   jsonb NOT NULL
);
CREATE INDEX resume_corrections_resume_idx ON resume_corrections (resume_id, id);
CREATE INDEX resume_corrections_tenant_idx ON resume_corrections (tenant, created_at);
