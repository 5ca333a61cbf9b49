# syntax=docker/dockerfile:1
# The GPU silo image: TorchSharp-cuda-linux (libtorch for CUDA, -p:TorchBackend=cuda), role gpu,
# device cuda, on an NVIDIA CUDA runtime base with the .NET (ASP.NET Core) runtime added.
# Build from the repository root (the build context):
#   docker build -f deploy/silo-gpu.Dockerfile -t agcc-silo-gpu:dev --platform linux/amd64 .
# The host needs an NVIDIA driver recent enough for CUDA_IMAGE's CUDA version and the NVIDIA
# container toolkit (Docker) or the NVIDIA device plugin (Kubernetes).
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY core/AgCc.Core/AgCc.Core.csproj core/AgCc.Core/
COPY core/AgCc.Core.Torch/AgCc.Core.Torch.csproj core/AgCc.Core.Torch/
COPY grains/AgCc.Grains.Contracts/AgCc.Grains.Contracts.csproj grains/AgCc.Grains.Contracts/
COPY grains/AgCc.Grains/AgCc.Grains.csproj grains/AgCc.Grains/
COPY silo/AgCc.ServiceDefaults/AgCc.ServiceDefaults.csproj silo/AgCc.ServiceDefaults/
COPY silo/AgCc.Silo/AgCc.Silo.csproj silo/AgCc.Silo/
RUN dotnet restore silo/AgCc.Silo/AgCc.Silo.csproj -p:TorchBackend=cuda
COPY core/ core/
COPY grains/ grains/
COPY silo/ silo/
RUN dotnet publish silo/AgCc.Silo/AgCc.Silo.csproj -c Release --no-restore -p:TorchBackend=cuda -o /app

# Only the .NET runtime is taken from this image (same major version as the SDK above).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM ${CUDA_IMAGE}
# What the .NET runtime needs on Ubuntu 24.04 (ICU is not: the projects use invariant globalization).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates libc6 libgcc-s1 libssl3t64 libstdc++6 tzdata zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 1654 --user-group --no-create-home --home-dir /app app
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=755 deploy/silo-entrypoint.sh /usr/local/bin/agcc-silo
ENV DOTNET_RUNNING_IN_CONTAINER=true \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    AgCc__Silo__Role=gpu \
    AgCc__Silo__Device=cuda \
    AgCc__Silo__SiloPort=11111 \
    AgCc__Silo__GatewayPort=30000
EXPOSE 11111 30000
USER 1654
ENTRYPOINT ["/usr/local/bin/agcc-silo"]
