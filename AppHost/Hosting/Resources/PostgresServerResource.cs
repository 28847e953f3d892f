using Npgsql;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// PostgreSQL from Debian's server binaries, with its own data folder under the state folder, on its
/// own port. Its databases are created once the server answers; it is healthy when they all exist.
/// </summary>
public sealed class PostgresServerResource(string name, int port) : ExecutableResource(name)
{
    private const string SystemUser = "postgres";
    private string? _password;

    public override string Type => "Postgres";
    public List<PostgresDatabaseResource> Databases { get; } = [];
    public int Port => GetEndpoint("tcp").Port;
    // Fast shutdown: SIGTERM would wait for every client to disconnect.
    public override PosixSignal StopSignal => PosixSignal.SIGINT;

    internal void Initialize() => Endpoints.Add(new ResourceEndpoint("tcp", "tcp", port));

    public string ConnectionStringFor(string? database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SystemUser,
            Password = _password ?? throw new InvalidOperationException("The server has not been prepared yet."),
            Database = database ?? "postgres",
        }.ConnectionString;

    internal void LoadPassword(AppHostContext context) => _password = context.GetOrCreateSecret("postgres-password");

    public override async Task<ProcessSpec> PrepareAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        LoadPassword(context);
        var binaries = await FindServerBinariesAsync();
        var root = Directory.CreateDirectory(Path.Combine(context.StateDirectory, "postgres")).FullName;
        var data = Path.Combine(root, "data");
        var sockets = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        var serverMajor = (await RunToEndAsync(Path.Combine(binaries, "postgres"), "--version")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Split('.')[0];

        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            var dataMajor = File.ReadAllText(Path.Combine(data, "PG_VERSION")).Trim();
            if (dataMajor != serverMajor)
                throw new ResourceStartException(
                    $"The data folder {data} was made by PostgreSQL {dataMajor}, but this machine has PostgreSQL {serverMajor}. " +
                    "Move it away (or delete it to start empty), then start again.");
        }
        else
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true); // a half-made folder from an interrupted initdb
            Directory.CreateDirectory(data);
            var passwordFile = Path.Combine(root, "initdb-password");
            await File.WriteAllTextAsync(passwordFile, _password, cancellationToken);
            HandOver(context, root);
            try
            {
                await RunToEndAsync(AsServerUser(context, Path.Combine(binaries, "initdb"),
                    "-D", data, "-U", SystemUser, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"));
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }
        HandOver(context, root);

        return new ProcessSpec(Path.Combine(binaries, "postgres"),
            ["-D", data, "-p", Port.ToString(), "-h", "127.0.0.1", "-k", sockets,
             "-c", "max_connections=300", "-c", "logging_collector=off"],
            root)
        {
            RunAsUser = context.IsRoot ? SystemUser : null,
        };
    }

    public override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor(null));
            await connection.OpenAsync(cancellationToken);
            foreach (var database in Databases)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database.DatabaseName } } };
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\" ENCODING 'UTF8'", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task<string> FindServerBinariesAsync()
    {
        const string hint = "Install PostgreSQL's server: apt-get install -y postgresql (./run.sh does it for you).";
        var pgConfig = File.Exists("/usr/bin/pg_config") ? "/usr/bin/pg_config" : FindExecutable("pg_config", hint);
        var bin = (await RunToEndAsync(pgConfig, "--bindir")).Trim();
        if (!File.Exists(Path.Combine(bin, "postgres")))
        {
            // Debian's pg_config may come from libpq-dev alone; the server lives under /usr/lib/postgresql/<major>/bin.
            bin = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderDescending().FirstOrDefault() ?? bin
                : bin;
        }
        return File.Exists(Path.Combine(bin, "postgres")) ? bin : throw new ResourceStartException($"PostgreSQL's server binaries were not found in {bin}. {hint}");
    }

    private static string[] AsServerUser(AppHostContext context, string fileName, params string[] arguments) =>
        context.IsRoot ? ["setpriv", "--reuid", SystemUser, "--regid", SystemUser, "--init-groups", "--", fileName, .. arguments] : [fileName, .. arguments];

    private static Task<string> RunToEndAsync(string[] command) => RunToEndAsync(command[0], command[1..]);

    /// <summary>initdb and postgres refuse to run as root: when the AppHost is root, the server user owns the folder.</summary>
    private static void HandOver(AppHostContext context, string folder)
    {
        if (!context.IsRoot) return;
        RunToEndAsync("chown", "-R", $"{SystemUser}:{SystemUser}", folder).GetAwaiter().GetResult();
        File.SetUnixFileMode(Path.Combine(folder, "data"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

/// <summary>A database on a <see cref="PostgresServerResource"/>; services reference it by name.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public string DatabaseName => Name;
    public PostgresServerResource Server { get; } = server;
    public string ConnectionStringName => Name;
    public string ConnectionString => Server.ConnectionStringFor(DatabaseName);
}
