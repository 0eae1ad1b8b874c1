using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AtsParser.Api.Storage.EfMigrations
{
    /// <summary>
    /// The starting point of EF Core's migrations: resumes, resume_texts and resume_embeddings exactly as
    /// Storage/Migrations/0001_initial.sql and 0200_tenants.sql create them (Migrator applies those first, on every
    /// database). Nothing to do here: an existing database only gains this row in __EFMigrationsHistory, its data
    /// untouched. Later changes to these tables are EF migrations (`dotnet ef migrations add`, README "Storage").
    /// </summary>
    // Qualified: AtsParser.Api.Storage.Migration (the SQL files) would win over the using.
    public partial class Baseline : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
