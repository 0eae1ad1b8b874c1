using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Warmup;

public sealed class WarmupOptions
{
    public const string Section = "Warmup";

    /// <summary>WARMUP_ENABLED: parse built-in sample resumes at start-up, before /health/ready answers ready.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>WARMUP_ROUNDS: passes over the samples (each pass: every sample in every in-process format). The
    /// runtime compiles a method fully only after it has run a few dozen times, so one pass warms little.</summary>
    [Range(1, 1000)] public int Rounds { get; set; } = 25;

    /// <summary>WARMUP_MAX_SECONDS: the warm-up stops here and the replica reports ready anyway, so a slow machine
    /// (or a stuck sample) delays readiness by at most this long.</summary>
    [Range(1, 600)] public double MaxSeconds { get; set; } = 30;
}

[OptionsValidator]
public sealed partial class WarmupOptionsValidator : IValidateOptions<WarmupOptions>;
