# syntax=docker/dockerfile:1
# The API image: docker build -t voting-api . (docker-compose.yml builds and runs it).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build installs the Banana Cake Pop IDE from npm and embeds it in Voting.GraphQL (ADR 0012).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files alone, so that a code change reuses this layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Domain/Voting.Domain.csproj src/Domain/
COPY src/Application/Voting.Application.csproj src/Application/
COPY src/Infrastructure/Voting.Infrastructure.csproj src/Infrastructure/
COPY src/GraphQL/Voting.GraphQL.csproj src/GraphQL/
COPY src/GraphQL/Server/BananaCakePop/BananaCakePop.targets src/GraphQL/Server/BananaCakePop/
COPY src/WebApi/Voting.WebApi.csproj src/WebApi/
RUN dotnet restore src/WebApi/Voting.WebApi.csproj
COPY src/ src/
RUN dotnet publish src/WebApi/Voting.WebApi.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The image's unprivileged user (APP_UID is set by the base image).
USER $APP_UID
ENTRYPOINT ["dotnet", "Voting.WebApi.dll"]
