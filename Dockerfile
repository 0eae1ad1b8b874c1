# AtsParser: multi-stage build. The runtime stage installs the document toolchain with the same script CI runs
# (scripts/install-deps.sh --tools), so a broken package list fails CI before it breaks an image.
# Runs as a non-root user and works with a read-only root filesystem plus a tmpfs on /tmp:
#   docker run --read-only --tmpfs /tmp:rw,size=512m -p 8080:8080 -e API_KEY_HASHES=... atsparser

# The project files alone, taken from src/ with everything else deleted: a project added under src/ is picked up
# without editing this file, and the restore below is reused from the build cache until a project file changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS projects
COPY src/ /src/src/
RUN find /src/src -type f ! -name '*.csproj' ! -name '*.props' ! -name '*.targets' -delete

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY --from=projects /src/src/ src/
RUN dotnet restore src/AtsParser.Api/AtsParser.Api.csproj
COPY src/ src/
RUN dotnet publish src/AtsParser.Api/AtsParser.Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# pdfwords (native/pdfwords): the warm poppler worker in front of pdftotext (PDF_ENABLE_WORKER), compiled against the
# runtime image's own poppler, so only the binary is copied over; the compiler stays in this stage.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS pdfwords
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends g++ pkg-config libpoppler-private-dev >/dev/null
COPY native/pdfwords/ /src/pdfwords/
# A poppler whose private API this source does not compile against leaves /out empty: the runtime then has no
# pdfwords and every PDF goes to pdftotext, as with PDF_ENABLE_WORKER=false.
RUN mkdir -p /out && (bash /src/pdfwords/build.sh /out/pdfwords || echo "pdfwords not built: PDFs go to pdftotext")

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
# Without pandoc (172 MB, and perl with it): RTF is read in-process with LibreOffice behind it (which alone gave the
# same parsed resumes as pandoc on the corpus's RTF files); `--build-arg WITH_PANDOC=true` puts pandoc back.
ARG WITH_PANDOC=false
# One layer: the toolchain, then apt's cache and lists, and LibreOffice's galleries, templates and wizards (a headless
# text conversion never opens them), man pages and message catalogues.
COPY scripts/install-deps.sh /opt/atsparser/install-deps.sh
RUN bash /opt/atsparser/install-deps.sh --tools $([ "$WITH_PANDOC" = true ] || echo --no-pandoc) \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt /var/log/dpkg.log /var/cache/debconf/*-old \
 && rm -rf /usr/lib/libreoffice/share/gallery /usr/lib/libreoffice/share/template /usr/lib/libreoffice/share/wizards \
 && rm -rf /usr/share/man/* /usr/share/locale/*/LC_MESSAGES/*.mo

# Everything the process writes goes under /tmp (a tmpfs in production): per-call temp dirs, LibreOffice profiles,
# font caches and the data-protection key ring (unused by the API, but ASP.NET creates it).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_EnableDiagnostics=0 \
    OMP_THREAD_LIMIT=1 \
    MALLOC_ARENA_MAX=2 \
    TMPDIR=/tmp \
    HOME=/tmp \
    XDG_CACHE_HOME=/tmp/.cache \
    TEMP_ROOT=/tmp/atsparser \
    DOC_ENABLE_PANDOC=${WITH_PANDOC}

WORKDIR /app
COPY --from=pdfwords /out/ /usr/local/bin/
COPY --from=build /app ./
USER $APP_UID
EXPOSE 8080

# No curl in the image: bash's /dev/tcp is enough for a liveness probe of /health.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "AtsParser.Api.dll"]
