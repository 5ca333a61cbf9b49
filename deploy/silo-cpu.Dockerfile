# syntax=docker/dockerfile:1
# The CPU silo image: TorchSharp-cpu (libtorch for CPU), role cpu.
# Build from the repository root (the build context):
#   docker build -f deploy/silo-cpu.Dockerfile -t agcc-silo-cpu:dev --platform linux/amd64 .
# libtorch's natives exist for linux-x64 only, hence linux/amd64 (also on arm64 hosts, emulated).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so source edits reuse the restored layer.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY core/AgCc.Core/AgCc.Core.csproj core/AgCc.Core/
COPY core/AgCc.Core.Torch/AgCc.Core.Torch.csproj core/AgCc.Core.Torch/
COPY grains/AgCc.Grains.Contracts/AgCc.Grains.Contracts.csproj grains/AgCc.Grains.Contracts/
COPY grains/AgCc.Grains/AgCc.Grains.csproj grains/AgCc.Grains/
COPY silo/AgCc.ServiceDefaults/AgCc.ServiceDefaults.csproj silo/AgCc.ServiceDefaults/
COPY silo/AgCc.Silo/AgCc.Silo.csproj silo/AgCc.Silo/
RUN dotnet restore silo/AgCc.Silo/AgCc.Silo.csproj
COPY core/ core/
COPY grains/ grains/
COPY silo/ silo/
# The publish step also applies the GLIBCXX fix to libLibTorchSharp.so (build/TorchSharpNative.targets).
RUN dotnet publish silo/AgCc.Silo/AgCc.Silo.csproj -c Release --no-restore -o /app

# The silo hosts the Orleans dashboard's collector, which needs the ASP.NET Core shared framework.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=755 deploy/silo-entrypoint.sh /usr/local/bin/agcc-silo
ENV AgCc__Silo__Role=cpu \
    AgCc__Silo__Device=cpu \
    AgCc__Silo__SiloPort=11111 \
    AgCc__Silo__GatewayPort=30000
EXPOSE 11111 30000
USER $APP_UID
ENTRYPOINT ["/usr/local/bin/agcc-silo"]
