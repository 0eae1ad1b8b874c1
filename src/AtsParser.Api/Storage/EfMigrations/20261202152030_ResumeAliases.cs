using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AtsParser.Api.Storage.EfMigrations
{
    /// <summary>resume_aliases: the id a deferred store answered, when the drainer found the bytes already stored under another id (Storage/DeferredResumes.cs).</summary>
    public partial class ResumeAliases : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resume_aliases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resume_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("resume_aliases_pkey", x => x.id);
                    table.ForeignKey(
                        name: "resume_aliases_resume_id_fkey",
                        column: x => x.resume_id,
                        principalTable: "resumes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "resume_aliases_resume_id_idx",
                table: "resume_aliases",
                column: "resume_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resume_aliases");
        }
    }
}
