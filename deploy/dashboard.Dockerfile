# syntax=docker/dockerfile:1
# The dashboard image: Blazor Server + MudBlazor, an Orleans client of the cluster, on port 8080.
# Build from the repository root (the build context):
#   docker build -f deploy/dashboard.Dockerfile -t agcc-dashboard:dev .
# It listens on all addresses (http://+:8080), so it refuses to start unless a sign-in is
# configured (AgCc__Dashboard__SignIn__User + __PasswordHash, and/or __ApiKey): deploy/README.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY core/AgCc.Core/AgCc.Core.csproj core/AgCc.Core/
COPY grains/AgCc.Grains.Contracts/AgCc.Grains.Contracts.csproj grains/AgCc.Grains.Contracts/
COPY silo/AgCc.ServiceDefaults/AgCc.ServiceDefaults.csproj silo/AgCc.ServiceDefaults/
COPY client/AgCc.Client/AgCc.Client.csproj client/AgCc.Client/
COPY dashboard/AgCc.Dashboard/AgCc.Dashboard.csproj dashboard/AgCc.Dashboard/
RUN dotnet restore dashboard/AgCc.Dashboard/AgCc.Dashboard.csproj
COPY core/AgCc.Core/ core/AgCc.Core/
COPY grains/AgCc.Grains.Contracts/ grains/AgCc.Grains.Contracts/
COPY silo/AgCc.ServiceDefaults/ silo/AgCc.ServiceDefaults/
COPY client/AgCc.Client/ client/AgCc.Client/
COPY dashboard/AgCc.Dashboard/ dashboard/AgCc.Dashboard/
RUN dotnet publish dashboard/AgCc.Dashboard/AgCc.Dashboard.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# ASPNETCORE_URLS becomes the `urls` setting the sign-in rule checks; the base image's
# ASPNETCORE_HTTP_PORTS is cleared so only this binding applies.
ENV ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "AgCc.Dashboard.dll"]
