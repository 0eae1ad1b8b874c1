using AtsParser.Core.Pipeline;
using System.Text.Json.Serialization;
using AtsParser.Api.Caching;
using AtsParser.Api.Corrections;
using AtsParser.Api.Storage;
using AtsParser.Core.Extraction;
using AtsParser.Api.Health;
using AtsParser.Api.Infrastructure;
using AtsParser.Api.Jobs;
using AtsParser.Api.Observability;
using AtsParser.Api.Outbox;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.OpenAi;
using AtsParser.Api.Parse;
using AtsParser.Api.Review;
using AtsParser.Api.Search;
using AtsParser.Api.Security;
using AtsParser.Api.Warmup;
using AtsParser.Core.Observability;

var builder = WebApplication.CreateBuilder(args);

// Configuration: appsettings, then ASPNETCORE-style env vars, then the well-known names (MAX_FILE_SIZE, ...).
builder.Configuration.AddWellKnownEnvironmentVariables();

// Logging: structured JSON; messages live in Log.cs and never carry resume content.
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = false);

// Errors: RFC 9457 ProblemDetails with a stable `code`.
// Framework-written answers (404, 405, binding failures) get a code too (HttpErrors).
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = HttpErrors.Customize);
builder.Services.AddSingleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, FallbackProblemWriter>();
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

// Detection and extraction: native tool chains with per-tool caps and timeouts.
builder.Services.AddExtraction(builder.Configuration);
builder.Services.AddSingleton<DocumentPipeline>();
builder.Services.AddSingleton<ParseService>();

// Parse slots: at most PARSE_CONCURRENCY documents in the pipeline at once (requests and jobs); a request waits
// PARSE_QUEUE_TIMEOUT_SECONDS for one, then gets 503 server_busy with Retry-After.
builder.Services.AddParseSlots(builder.Configuration);

// Cache-aside for parse results: Redis when REDIS_URL is set, else bounded memory; never fails a request.
builder.Services.AddParseCache(builder.Configuration);

// Storage and search: PostgreSQL + pgvector when DATABASE_URL is set (SQL migrations, dedupe, erase, retention).
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddSearch(builder.Configuration);

// Write-behind: with Redis, stores (and job submissions) that find the database unreachable wait in a bounded Redis
// outbox and answer as usual; every replica drains it, idempotently, once the database answers again.
builder.Services.AddOutbox(builder.Configuration);

// Durable bulk jobs: a PostgreSQL queue (SKIP LOCKED + leases) worked by every replica, and signed webhooks.
builder.Services.AddJobs(builder.Configuration);

// Readiness: required tools, the database when configured (unready without it), Redis when configured (degraded without it).
builder.Services.AddHealth();

// Warm-up: built-in sample resumes through the real pipeline before /health/ready says ready (WARMUP_ENABLED).
builder.Services.AddWarmup(builder.Configuration);

// Metrics: prometheus-net at /metrics, one registry per host: ats_* (AtsMetrics), HTTP and process metrics.
builder.Services.AddObservability();

// Security: API keys / HS256 JWTs (required in Production), rate limits, CORS, security headers, body limits.
builder.Services.AddSecurity(builder.Configuration, builder.Environment);

// Structured parsing: schema v1; the offline heuristic parser (OpenAI when configured), one finalizer for both.
builder.Services.AddParsing(builder.Configuration);

// Structured parsing by an OpenAI-compatible model when OPENAI_API_KEY is set (wraps the heuristic parser as its fallback).
builder.Services.AddOpenAiParsing(builder.Configuration);

// Corrections by people, kept beside the original parse and exported as answer keys.
builder.Services.AddScoped<CorrectionStore>();

// The review page (UI_ENABLED): static ES modules from wwwroot at /ui/, with its own CSP.
builder.Services.AddReviewUi(builder.Configuration);

// Stopping: requests in flight get SHUTDOWN_TIMEOUT_SECONDS (default 7), running job files are handed back meanwhile.
builder.Services.AddGracefulStop();

// API documentation.
builder.Services.AddOpenApi();

var app = builder.Build();

// `migrate` and `purge` run once and exit instead of serving.
if (StorageCommands.IsStorageCommand(args)) { Environment.ExitCode = await StorageCommands.RunAsync(app, args); return; }

// Invalid settings (e.g. Production without authentication): one log line naming them, exit code 1.
if (!StartupValidation.Passes(app)) { Environment.ExitCode = 1; await app.DisposeAsync(); return; }

app.UseRequestMetrics(); // outside the exception handler, so a request that threw is counted with its 500
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurity();

app.MapOpenApi();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "AtsParser v1"));

app.MapHealth();
app.MapParsing();
app.MapResumes();
app.MapSearch();
app.MapJobs();
app.MapCorrections();
app.MapReviewUi();

app.MapObservability();

app.MapSchemas();

app.Run();

public partial class Program;
