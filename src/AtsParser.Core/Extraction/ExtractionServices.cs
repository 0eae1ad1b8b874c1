using AtsParser.Core.Extraction.Extractors;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

public static class ExtractionServices
{
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ExtractionOptions>().Bind(config.GetSection(ExtractionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExtractionOptions>, ExtractionOptionsValidator>();
        services.AddSingleton<ToolRegistry>();
        services.AddHostedService<TempRootKeeper>();
        services.AddHostedService<ToolProbe>();
        services.AddSingleton<PdfInfo>();
        services.AddSingleton<OcrEngine>();
        services.AddSingleton<LibreOfficePool>();
        services.AddHostedService(sp => sp.GetRequiredService<LibreOfficePool>());
        services.AddSingleton<LibreOfficeConverter>();
        services.AddSingleton<PdfWordsPool>();
        services.AddSingleton<PdfWordsExtractor>();
        services.AddSingleton<PdfTextExtractor>();
        services.AddSingleton<PdfOcrExtractor>();
        services.AddSingleton<ImageOcrExtractor>();
        services.AddSingleton<AntiwordExtractor>();
        services.AddSingleton<LibreOfficeTextExtractor>();
        services.AddSingleton<LibreOfficeOcrExtractor>();
        services.AddSingleton<PandocExtractor>();
        services.AddSingleton<OpenXmlExtractor>();
        services.AddSingleton<OdtExtractor>();
        services.AddSingleton<RtfExtractor>();
        services.AddSingleton<WordDocExtractor>();
        services.AddSingleton<HtmlExtractor>();
        services.AddSingleton<PlainTextExtractor>();
        services.AddSingleton<ExtractorChains>();
        services.AddSingleton<ChainRunner>();
        return services;
    }

    /// <summary>Reads tool versions once, at start-up.</summary>
    sealed class ToolProbe(ToolRegistry tools, ILogger<ToolProbe> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await tools.ProbeVersionsAsync(ct);
            foreach (var t in tools.All) Log.ToolProbed(logger, t.Name, t.Available, t.Enabled, t.Version ?? "");
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
