using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using Pgvector;
using Pgvector.EntityFrameworkCore;

namespace AtsParser.Api.Storage;

/// <summary>
/// EF Core over resumes, their text and their embeddings (snake_case by EFCore.NamingConventions, vectors by
/// Pgvector.EntityFrameworkCore). The model mirrors the schema that Storage/Migrations/0001 and 0200 created; EF
/// migrations (Storage/EfMigrations) start from that baseline, and Migrator applies them under its advisory lock.
/// </summary>
public sealed class AtsDb(DbContextOptions<AtsDb> options) : DbContext(options)
{
    public DbSet<ResumeRow> Resumes => Set<ResumeRow>();
    public DbSet<ResumeTextRow> ResumeTexts => Set<ResumeTextRow>();
    public DbSet<ResumeEmbeddingRow> ResumeEmbeddings => Set<ResumeEmbeddingRow>();
    public DbSet<ResumeAliasRow> ResumeAliases => Set<ResumeAliasRow>();

    // The provider is configured here only: the service (a data source), the migrator and benchmarks (a connection), design time.
    public static void Configure(DbContextOptionsBuilder o, NpgsqlDataSource source) => o.UseNpgsql(source, n => n.UseVector()).UseSnakeCaseNamingConvention();

    public static AtsDb On(NpgsqlConnection connection) =>
        new(new DbContextOptionsBuilder<AtsDb>().UseNpgsql(connection, n => n.UseVector()).UseSnakeCaseNamingConvention().Options);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasPostgresExtension("vector");
        model.Entity<ResumeRow>(e =>
        {
            e.ToTable("resumes", t => t.HasCheckConstraint("resumes_sha256_check", "sha256 ~ '^[0-9a-f]{64}$'"));
            e.HasKey(r => r.Id).HasName("resumes_pkey");
            e.Property(r => r.Tenant).HasDefaultValue("default");
            e.Property(r => r.Parsed).HasColumnType("jsonb");
            e.Property(r => r.ParserMeta).HasColumnType("jsonb");
            e.Property(r => r.Skills).HasDefaultValueSql("'{}'::text[]");
            e.Property(r => r.Titles).HasDefaultValueSql("'{}'::text[]");
            e.Property(r => r.CreatedAt).HasDefaultValueSql("now()");
            e.Property(r => r.UpdatedAt).HasDefaultValueSql("now()");
            e.HasIndex(r => new { r.Tenant, r.Sha256 }).IsUnique().HasDatabaseName("resumes_tenant_sha256_idx");
            e.HasIndex(r => new { r.Tenant, r.CreatedAt }).HasDatabaseName("resumes_tenant_created_at_idx");
            e.HasIndex(r => r.CreatedAt).HasDatabaseName("resumes_created_at_idx");
            e.HasIndex(r => r.Skills).HasMethod("gin").HasDatabaseName("resumes_skills_idx");
        });
        model.Entity<ResumeTextRow>(e =>
        {
            e.ToTable("resume_texts");
            e.HasKey(t => t.ResumeId).HasName("resume_texts_pkey");
            e.HasOne<ResumeRow>().WithOne().HasForeignKey<ResumeTextRow>(t => t.ResumeId).OnDelete(DeleteBehavior.Cascade)
                .HasConstraintName("resume_texts_resume_id_fkey");
        });
        model.Entity<ResumeEmbeddingRow>(e =>
        {
            e.ToTable("resume_embeddings", t => t.HasCheckConstraint("resume_embeddings_dimensions_check", "dimensions BETWEEN 1 AND 1536"));
            e.HasKey(x => new { x.ResumeId, x.Model }).HasName("resume_embeddings_pkey");
            e.Property(x => x.Embedding).HasColumnType("vector(1536)");
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(x => x.Embedding).HasMethod("hnsw").HasOperators("vector_cosine_ops").HasDatabaseName("resume_embeddings_hnsw_idx");
            e.HasIndex(x => x.Model).HasDatabaseName("resume_embeddings_model_idx");
            e.HasOne<ResumeRow>().WithMany().HasForeignKey(x => x.ResumeId).OnDelete(DeleteBehavior.Cascade)
                .HasConstraintName("resume_embeddings_resume_id_fkey");
        });
        model.Entity<ResumeAliasRow>(e =>
        {
            e.ToTable("resume_aliases");
            e.HasKey(a => a.Id).HasName("resume_aliases_pkey");
            e.Property(a => a.CreatedAt).HasDefaultValueSql("now()");
            e.HasIndex(a => a.ResumeId).HasDatabaseName("resume_aliases_resume_id_idx");
            e.HasOne<ResumeRow>().WithMany().HasForeignKey(a => a.ResumeId).OnDelete(DeleteBehavior.Cascade)
                .HasConstraintName("resume_aliases_resume_id_fkey");
        });
    }
}

/// <summary>For `dotnet ef migrations add/script`: the model only, no server is contacted.</summary>
public sealed class AtsDbDesignTimeFactory : IDesignTimeDbContextFactory<AtsDb>
{
    public AtsDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<AtsDb>().UseNpgsql("Host=design-time", n => n.UseVector()).UseSnakeCaseNamingConvention();
        return new AtsDb(o.Options);
    }
}

public sealed class ResumeRow
{
    public Guid Id { get; set; }
    public required string Sha256 { get; set; }
    public string Tenant { get; set; } = "default";
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public long SizeBytes { get; set; }
    public required string Parsed { get; set; }
    public required string ParserMeta { get; set; }
    public string? CandidateName { get; set; }
    public string? Location { get; set; }
    public string[] Skills { get; set; } = [];
    public string[] Titles { get; set; } = [];
    public int? ExperienceMonths { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ResumeTextRow
{
    public Guid ResumeId { get; set; }
    public required string Text { get; set; }
}

/// <summary>One vector per resume and model, zero-padded to 1536 (EmbeddingSpace.Fit); `Dimensions` is the model's own width.</summary>
public sealed class ResumeEmbeddingRow
{
    public Guid ResumeId { get; set; }
    public required string Model { get; set; }
    public int Dimensions { get; set; }
    public required Vector Embedding { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A second id for a stored resume: the id a deferred store (the outbox, while the database was unreachable) answered,
/// when by the time it was written the tenant already had those bytes under another id. Both ids read and erase the resume.
/// </summary>
public sealed class ResumeAliasRow
{
    public Guid Id { get; set; }
    public Guid ResumeId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
