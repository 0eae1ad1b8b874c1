-- Corrections made before tenants existed belong to the default tenant, like the resumes they correct (0200_tenants).
UPDATE resume_corrections SET tenant = 'default' WHERE tenant IS NULL;
