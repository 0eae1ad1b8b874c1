using System.Text.Json.Serialization;
using AtsParser.Api.Extraction;
using AtsParser.Api.Health;
using AtsParser.Api.Infrastructure;
using AtsParser.Api.Parsing.OpenAi;
using AtsParser.Api.Resumes;

var builder = WebApplication.CreateBuilder(args);

// Configuration: appsettings, then ASPNETCORE-style env vars, then the well-known names (MAX_FILE_SIZE, ...).
builder.Configuration.AddWellKnownEnvironmentVariables();

// Logging: structured JSON; messages live in Log.cs and never carry resume content.
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = false);

// Errors: RFC 9457 ProblemDetails with a stable `code`.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});

// Detection and extraction: native tool chains with per-tool caps and timeouts.
builder.Services.AddExtraction(builder.Configuration);
builder.Services.AddSingleton<DocumentPipeline>();

// Structured parsing by an OpenAI-compatible model when OPENAI_API_KEY is set (wraps the heuristic parser as its fallback).
builder.Services.AddOpenAiParsing(builder.Configuration);

// API documentation.
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "AtsParser v1"));

app.MapHealth();
app.MapParsing();

app.Run();

public partial class Program;
