using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.AppHost.Resources.Postgres;

public static class PostgresBuilderExtensions
{
    /// <summary>
    /// A PostgreSQL server of Debian's package: the data folder is made by initdb on the first start,
    /// the server listens on <paramref name="port"/> on loopback, and is healthy once it answers.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password, int port)
    {
        var binaries = ServerBinaries();
        var dataRoot = builder.StateDirectoryFor(name);
        var listenPort = builder.PortFor(port);
        var server = new PostgresServerResource(name, LocalServers.RunningAsRoot ? "setpriv" : Path.Combine(binaries, "postgres"), dataRoot, password.Resource);

        return builder.AddResource(server)
            .WithEndpoint(port: listenPort, targetPort: listenPort, scheme: "tcp", name: PostgresServerResource.EndpointName, isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in LocalServers.AsSystemUser(PostgresServerResource.SystemUser, Path.Combine(binaries, "postgres"))[1..])
                    context.Args.Add(argument);
                context.Args.Add("-D"); context.Args.Add(server.DataDirectory);
                context.Args.Add("-p"); context.Args.Add(server.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-h"); context.Args.Add("127.0.0.1");
                context.Args.Add("-k"); context.Args.Add(Path.Combine(dataRoot, "run"));
                context.Args.Add("-c"); context.Args.Add("max_connections=300");
                context.Args.Add("-c"); context.Args.Add("logging_collector=off");
            })
            .WithIconName("DatabaseStack")
            .WithNpgsqlHealthCheck()
            .OnBeforeResourceStarted((resource, starting, cancellationToken) =>
                PrepareDataAsync(resource, binaries, starting.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken))
            .OnResourceReady((resource, ready, cancellationToken) =>
                CreateDatabasesAsync(resource, ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken));
    }

    /// <summary>A database on the server, created when the server is first ready.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases[name] = database.DatabaseName;
        return server.ApplicationBuilder.AddResource(database)
            .WithNpgsqlHealthCheck()
            .WithIconName("Database")
            .WithStateOfParent();
    }

    /// <summary>Healthy when a connection with the resource's connection string opens (the check Aspire's PostgreSQL integration uses).</summary>
    private static IResourceBuilder<T> WithNpgsqlHealthCheck<T>(this IResourceBuilder<T> resource) where T : IResourceWithConnectionString
    {
        string? connectionString = null;
        var healthCheck = $"{resource.Resource.Name}_check";
        resource.ApplicationBuilder.Services.AddHealthChecks()
            .AddNpgSql(_ => connectionString ?? throw new InvalidOperationException($"{resource.Resource.Name} has no connection string yet."), name: healthCheck);
        return resource.WithHealthCheck(healthCheck)
            .OnConnectionStringAvailable(async (available, _, cancellationToken) =>
                connectionString = await available.ConnectionStringExpression.GetValueAsync(cancellationToken));
    }

    /// <summary>initdb on the first start (as the server's user); refuses a data folder of another major version.</summary>
    private static async Task PrepareDataAsync(PostgresServerResource server, string binaries, ILogger logger, CancellationToken cancellationToken)
    {
        var data = server.DataDirectory;
        Directory.CreateDirectory(Path.Combine(server.DataRoot, "run"));
        var serverMajor = (await LocalServers.RunToEndAsync([Path.Combine(binaries, "postgres"), "--version"], cancellationToken))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Split('.')[0];
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            var dataMajor = (await File.ReadAllTextAsync(Path.Combine(data, "PG_VERSION"), cancellationToken)).Trim();
            if (dataMajor != serverMajor)
                throw new InvalidOperationException($"The data folder {data} was made by PostgreSQL {dataMajor}, but this machine has PostgreSQL {serverMajor}. " +
                    "Move it away (or delete it to start empty), then start again.");
            await LocalServers.HandOverAsync(server.DataRoot, PostgresServerResource.SystemUser, cancellationToken);
            return;
        }
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true); // half made by an interrupted initdb
        Directory.CreateDirectory(data);
        var passwordFile = Path.Combine(server.DataRoot, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, await server.Password.GetValueAsync(cancellationToken), cancellationToken);
        try
        {
            await LocalServers.HandOverAsync(server.DataRoot, PostgresServerResource.SystemUser, cancellationToken);
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await LocalServers.RunToEndAsync(LocalServers.AsSystemUser(PostgresServerResource.SystemUser, Path.Combine(binaries, "initdb"),
                "-D", data, "-U", PostgresServerResource.SystemUser, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"), cancellationToken);
            logger.LogInformation("Created the data folder {Data} (PostgreSQL {Major})", data, serverMajor);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task CreateDatabasesAsync(PostgresServerResource server, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases.Values)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null) continue;
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\" ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created the database {Database}", database);
        }
    }

    /// <summary>The newest server of Debian's packages (/usr/lib/postgresql/{major}/bin).</summary>
    private static string ServerBinaries() =>
        (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).FirstOrDefault()
            : null)
        ?? throw new InvalidOperationException("PostgreSQL's server is not installed: apt-get install -y postgresql (./run.sh does it for you).");
}
