# Build and run CommunityPolicing. docker-compose.yml adds PostgreSQL 17.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CommunityPolicing.Web/CommunityPolicing.Web.csproj src/CommunityPolicing.Web/
RUN dotnet restore src/CommunityPolicing.Web/CommunityPolicing.Web.csproj
COPY src/ src/
RUN dotnet publish src/CommunityPolicing.Web/CommunityPolicing.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# ICU for Russian and Kazakh formatting; wget for the health check.
RUN apt-get update && apt-get install -y --no-install-recommends libicu-dev wget && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_HTTP_PORTS=8080 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false
COPY --from=build /app .
RUN mkdir -p /app/logs && chown app /app/logs
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "CommunityPolicing.Web.dll"]
