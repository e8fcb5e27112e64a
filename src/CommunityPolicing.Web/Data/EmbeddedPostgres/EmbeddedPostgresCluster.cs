using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace CommunityPolicing.Web.Data.EmbeddedPostgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own PostgreSQL binaries: the app's default
/// database when no connection string is configured, and the tests' throwaway database.
/// initdb refuses to run as root, so under root every server command runs as the postgres user.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private readonly string _binDirectory;
    private readonly ILogger _logger;
    private bool _started;

    private EmbeddedPostgresCluster(string dataDirectory, int port, string password, string binDirectory, ILogger logger)
    {
        DataDirectory = dataDirectory;
        Port = port;
        Password = password;
        _binDirectory = binDirectory;
        _logger = logger;
    }

    public string DataDirectory { get; }
    public int Port { get; }
    private string Password { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>Initialises the cluster on first use, starts it and creates <paramref name="database"/>.</summary>
    public static async Task<EmbeddedPostgresCluster> StartAsync(string dataDirectory, int port, string database, ILogger logger)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with: sudo apt-get install -y postgresql " +
            "or set ConnectionStrings:Default to an existing server.");

        var passwordFile = dataDirectory + ".password";
        var cluster = new EmbeddedPostgresCluster(dataDirectory, port, await EnsurePasswordAsync(passwordFile), bin, logger);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await cluster.InitAsync(passwordFile);
        }

        await cluster.StartServerAsync();
        await cluster.CreateDatabaseAsync(database);
        return cluster;
    }

    /// <summary>Starts the stopped server again on the same port and data (the outage tests restart it under load).</summary>
    public async Task StartServerAsync()
    {
        await RunAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port}", "start");
        _started = true;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopAsync()
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitAsync(string passwordFile)
    {
        _logger.LogInformation("Initialising a private PostgreSQL cluster in {DataDirectory}", DataDirectory);
        Directory.CreateDirectory(DataDirectory);
        GiveToServerUser(DataDirectory);
        GiveToServerUser(passwordFile);
        await RunAsync("initdb", "-D", DataDirectory, "-U", SuperUser, "--pwfile", passwordFile,
            "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--no-locale");

        // Loopback only, no Unix socket (its default folder may not exist or be writable).
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = on\nmax_connections = 200\n");
    }

    private async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> EnsurePasswordAsync(string passwordFile)
    {
        if (File.Exists(passwordFile))
        {
            return (await File.ReadAllTextAsync(passwordFile)).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(passwordFile)!);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }

    private static bool RunningAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static void GiveToServerUser(string path)
    {
        if (RunningAsRoot)
        {
            Process.Start("chown", ["-R", SuperUser, path])!.WaitForExit();
        }
    }

    private async Task RunAsync(string tool, params string[] args)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var start = RunningAsRoot
            ? new ProcessStartInfo("runuser", ["-u", SuperUser, "--", executable, .. args])
            : new ProcessStartInfo(executable, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{tool} failed with exit code {process.ExitCode}: {await error}{await output}" +
                (RunningAsRoot ? $" (run as the {SuperUser} user: it needs access to {DataDirectory})" : ""));
        }
    }

    /// <summary>
    /// The newest /usr/lib/postgresql/N/bin (Debian keeps the server off PATH), else initdb on PATH; pg_dump and
    /// pg_restore of the same version live there too (the backup test uses them).
    /// </summary>
    public static string? FindBinDirectory()
    {
        const string debian = "/usr/lib/postgresql";
        var debianBin = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debianBin ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }
}
