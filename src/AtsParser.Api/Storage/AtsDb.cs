using System.Text;
using Microsoft.EntityFrameworkCore;

namespace AtsParser.Api.Storage;

/// <summary>EF Core over the SQL-migrated schema (Storage/Migrations). Vector columns are not mapped: see VectorSql.</summary>
public sealed class AtsDb(DbContextOptions<AtsDb> options) : DbContext(options)
{
    public DbSet<ResumeRow> Resumes => Set<ResumeRow>();
    public DbSet<ResumeTextRow> ResumeTexts => Set<ResumeTextRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ResumeRow>(e =>
        {
            e.ToTable("resumes");
            e.Property(r => r.Parsed).HasColumnType("jsonb");
            e.Property(r => r.ParserMeta).HasColumnType("jsonb");
        });
        model.Entity<ResumeTextRow>(e => { e.ToTable("resume_texts"); e.HasKey(t => t.ResumeId); });

        // The schema is written by hand in snake_case; map every property to it instead of quoting PascalCase.
        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var p in entity.GetProperties())
                p.SetColumnName(SnakeCase(p.Name));
    }

    static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsDigit(name[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
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
