using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AgCc.Hosting;
using AgCc.LocalStack;

namespace AgCc.Integration.Tests;

/// <summary>
/// deploy/ checked without a Docker engine or a cluster: every Dockerfile COPY source exists and is
/// in the build context (.dockerignore), each image restores every project its app needs, the
/// silo entrypoint advertises the container's address, every AgCc__ variable is one the code
/// reads, and the Compose file and Kubernetes manifests validate against their schemas
/// (deploy/validate/validate.mjs, pinned by its lockfile), which reject broken ones.
/// </summary>
[Trait("Category", Categories.Integration)]
public sealed partial class DeployFilesTests : IDisposable
{
    private static readonly string Root = RepositoryLayout.Root;
    private static readonly string Deploy = Path.Combine(Root, "deploy");
    private static readonly string ValidateFolder = Path.Combine(Deploy, "validate");
    private static readonly string[] Dockerfiles = ["silo-cpu.Dockerfile", "silo-gpu.Dockerfile", "dashboard.Dockerfile"];
    private readonly string scratch = Directory.CreateTempSubdirectory("agcc-deploy-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    // ------------------------------------------------------------------------------ Dockerfiles

    [Theory]
    [InlineData("silo-cpu.Dockerfile")]
    [InlineData("silo-gpu.Dockerfile")]
    [InlineData("dashboard.Dockerfile")]
    public void Every_COPY_source_exists_and_is_in_the_build_context(string dockerfile)
    {
        var ignore = DockerIgnore.Load(Path.Combine(Root, ".dockerignore"));
        var copies = Instructions(dockerfile).Where(i => i.Name == "COPY" && !i.Flags.Any(f => f.StartsWith("--from=", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            Assert.True(copy.Arguments.Count >= 2, $"{dockerfile}:{copy.Line}: COPY needs a source and a destination");
            foreach (var source in copy.Arguments.SkipLast(1))
            {
                var relative = source.TrimEnd('/');
                Assert.False(relative.Contains('*', StringComparison.Ordinal) || relative.Contains('?', StringComparison.Ordinal),
                    $"{dockerfile}:{copy.Line}: {source}: name files, not patterns, so this test can check them");
                var path = Path.Combine(Root, relative);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{dockerfile}:{copy.Line}: COPY source {source} does not exist in the repository");
                Assert.False(ignore.Excludes(relative), $"{dockerfile}:{copy.Line}: COPY source {source} is excluded by .dockerignore");
                if (Directory.Exists(path))
                {
                    var kept = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
                        .Count(file => !ignore.Excludes(file));
                    Assert.True(kept > 0, $"{dockerfile}:{copy.Line}: .dockerignore leaves nothing of {source}");
                }
            }
        }
    }

    [Theory]
    [InlineData("silo-cpu.Dockerfile")]
    [InlineData("silo-gpu.Dockerfile")]
    [InlineData("dashboard.Dockerfile")]
    public void The_restore_layer_has_every_project_the_published_project_references(string dockerfile)
    {
        var instructions = Instructions(dockerfile);
        var restore = instructions.FindIndex(i => i.Name == "RUN" && i.Text.Contains("dotnet restore", StringComparison.Ordinal));
        var publish = instructions.Find(i => i.Name == "RUN" && i.Text.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(restore >= 0 && publish is not null, $"{dockerfile}: expected a `dotnet restore` then a `dotnet publish` step");
        var project = ProjectFileOf().Match(publish!.Text).Value;
        Assert.False(string.IsNullOrEmpty(project), $"{dockerfile}: `dotnet publish` names no .csproj");

        var copiedBeforeRestore = instructions.Take(restore).Where(i => i.Name == "COPY").SelectMany(i => i.Arguments.SkipLast(1)).ToHashSet();
        foreach (var needed in ProjectClosure(project).Append("Directory.Build.props").Append("Directory.Build.targets").Append("Directory.Packages.props").Append("global.json"))
            Assert.True(copiedBeforeRestore.Contains(needed), $"{dockerfile}: {needed} (needed by {project}) is not copied before `dotnet restore`");
        Assert.Contains("build/", copiedBeforeRestore); // Directory.Build.targets imports build/TorchSharpNative.targets
    }

    [Fact]
    public void The_GPU_image_builds_the_CUDA_backend_and_runs_as_a_gpu_silo()
    {
        var instructions = Instructions("silo-gpu.Dockerfile");
        Assert.All(instructions.Where(i => i.Name == "RUN" && (i.Text.Contains("dotnet restore", StringComparison.Ordinal) || i.Text.Contains("dotnet publish", StringComparison.Ordinal))),
            step => Assert.Contains("-p:TorchBackend=cuda", step.Text));
        var env = string.Join(' ', instructions.Where(i => i.Name == "ENV").Select(i => i.Text));
        Assert.Contains("AgCc__Silo__Role=gpu", env);
        Assert.Contains("AgCc__Silo__Device=cuda", env);
        Assert.StartsWith("nvidia/cuda:", instructions.First(i => i.Name == "ARG" && i.Text.Contains("CUDA_IMAGE", StringComparison.Ordinal)).Text.Split('=', 2)[1]);
    }

    [Fact]
    public void The_dockerignore_keeps_build_outputs_and_local_state_out()
    {
        var ignore = DockerIgnore.Load(Path.Combine(Root, ".dockerignore"));
        foreach (var excluded in new[] { "silo/AgCc.Silo/bin/Release/x.dll", "core/AgCc.Core/obj/project.assets.json", "deploy/azurite/node_modules/azurite/package.json", ".agcc/stack.json", "tests/AgCc.Browser.Tests/TestResults/a.png", "deploy/.env" })
            Assert.True(ignore.Excludes(excluded), $".dockerignore should exclude {excluded}");
        foreach (var kept in new[] { "silo/AgCc.Silo/Program.cs", "core/AgCc.Core/AgCc.Core.csproj", "build/TorchSharpNative.targets", "deploy/silo-entrypoint.sh", "Directory.Build.props" })
            Assert.False(ignore.Excludes(kept), $".dockerignore should keep {kept}");
    }

    // ----------------------------------------------------------------------- silo entrypoint

    [Fact]
    public async Task The_silo_entrypoint_advertises_the_container_address_and_names_the_silo()
    {
        var bin = FakeCommands(hostnameOutput: "10.1.2.3 fd00::3");
        var result = await Entrypoint(bin, new() { ["AgCc__Silo__Role"] = "gpu" }, "--extra", "arg");

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        var launched = result.Output.Split('\n').Single(line => line.StartsWith("fake-dotnet:", StringComparison.Ordinal));
        Assert.Contains("address=10.1.2.3 ", launched);
        Assert.Contains($"name=gpu-{File.ReadAllText("/proc/sys/kernel/hostname").Trim()} ", launched);
        Assert.EndsWith("args=/app/AgCc.Silo.dll --extra arg", launched.TrimEnd());
    }

    [Fact]
    public async Task The_silo_entrypoint_keeps_a_given_address_and_refuses_a_loopback_one()
    {
        var given = await Entrypoint(FakeCommands(hostnameOutput: "10.1.2.3"),
            new() { ["AgCc__Silo__AdvertisedAddress"] = "10.9.9.9", ["AgCc__Silo__Name"] = "pod-a" });
        Assert.True(given.ExitCode == 0, given.Output + given.Errors);
        Assert.Contains("address=10.9.9.9 name=pod-a ", given.Output);

        var loopback = await Entrypoint(FakeCommands(hostnameOutput: "127.0.1.1"), []);
        Assert.NotEqual(0, loopback.ExitCode);
        Assert.Contains("set AgCc__Silo__AdvertisedAddress", loopback.Errors);
        Assert.DoesNotContain("fake-dotnet:", loopback.Output);
    }

    [Fact]
    public async Task The_silo_probe_succeeds_only_while_the_gateway_port_accepts_connections()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var environment = new Dictionary<string, string> { ["AgCc__Silo__AdvertisedAddress"] = "127.0.0.1", ["AgCc__Silo__GatewayPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var bin = FakeCommands(hostnameOutput: "10.1.2.3");

        Assert.Equal(0, (await Entrypoint(bin, environment, "--probe")).ExitCode);
        listener.Stop();
        Assert.NotEqual(0, (await Entrypoint(bin, environment, "--probe")).ExitCode);
    }

    // ------------------------------------------------------------------ configuration names

    [Fact]
    public void Every_AgCc_environment_variable_in_deploy_is_a_setting_the_code_reads()
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            AgCcSettings.StorageConnectionStringKey, AgCcSettings.ClusterIdKey, AgCcSettings.ServiceIdKey,
        };
        var siloSettings = File.ReadAllText(Path.Combine(Root, "silo", "AgCc.Silo", "SiloSettings.cs"));
        foreach (Match key in SiloSettingKey().Matches(siloSettings)) known.Add("AgCc:Silo:" + key.Groups["key"].Value);
        var signIn = File.ReadAllText(Path.Combine(Root, "dashboard", "AgCc.Dashboard", "Security", "SignInOptions.cs"));
        foreach (Match property in PublicProperty().Matches(signIn)) known.Add("AgCc:Dashboard:SignIn:" + property.Groups["name"].Value);
        Assert.Contains("AgCc:Silo:AdvertisedAddress", known);
        Assert.Contains("AgCc:Dashboard:SignIn:PasswordHash", known);

        var files = Directory.EnumerateFiles(Deploy, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".Dockerfile", StringComparison.Ordinal) || file.EndsWith(".sh", StringComparison.Ordinal) || file.EndsWith(".example", StringComparison.Ordinal))
            .ToList();
        var used = files.SelectMany(file => EnvironmentName().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetRelativePath(Root, file), Name: match.Value))).ToList();
        Assert.Contains(used, use => use.Name == "AgCc__Silo__AdvertisedAddress");
        foreach (var (file, name) in used)
            Assert.True(known.Contains(name.Replace("__", ":", StringComparison.Ordinal)), $"{file}: {name} is not a setting the code reads");
    }

    // --------------------------------------------------------- Compose and Kubernetes schemas

    [Fact]
    public async Task The_compose_file_and_the_Kubernetes_manifests_validate()
    {
        var result = await Validate();
        Assert.True(result.ExitCode == 0, $"deploy/validate/validate.mjs found problems:\n{result.Output}{result.Errors}");
        Assert.Matches(@"deploy validation: \d+ files, \d+ objects, 0 problems", result.Output);

        // Where the Compose CLI is installed (not on this project's machines), it must agree.
        var compose = await TryRun("docker", ["compose", "version"]);
        if (compose?.ExitCode == 0)
        {
            var config = await ProcessRun.RunAsync("docker", ["compose", "-f", Path.Combine(Deploy, "compose.yaml"), "config", "--quiet"],
                new Dictionary<string, string> { ["AGCC_DASHBOARD_USER"] = "alice", ["AGCC_DASHBOARD_PASSWORD_HASH"] = "x" });
            Assert.True(config.ExitCode == 0, $"docker compose config:\n{config.Output}{config.Errors}");
        }
    }

    [Fact]
    public async Task Every_Kubernetes_manifest_is_listed_in_the_kustomization_or_is_a_template()
    {
        var kustomization = File.ReadAllText(Path.Combine(Deploy, "k8s", "kustomization.yaml"));
        var manifests = Directory.EnumerateFiles(Path.Combine(Deploy, "k8s"), "*.yaml").Select(Path.GetFileName).ToList();
        Assert.Contains("silo-gpu.yaml", manifests);
        Assert.All(manifests.Where(name => name != "kustomization.yaml" && !name!.EndsWith(".template.yaml", StringComparison.Ordinal)),
            name => Assert.Contains($"- {name}", kustomization));
        Assert.Equal(0, (await Validate("--k8s", Path.Combine(Deploy, "k8s"))).ExitCode);
    }

    [Fact]
    public async Task A_broken_manifest_fails_validation_and_says_where()
    {
        var manifest = Path.Combine(scratch, "broken.yaml");
        File.WriteAllText(manifest, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: silo
            spec:
              replica: 2
              replicas: two
              selector:
                matchLabels: { app: silo }
              template:
                metadata:
                  labels: { app: other }
                spec:
                  containers:
                    - name: silo
                      image: agcc-silo-cpu:dev
                      imagePullPolicy: Sometimes
                      ports: [{ name: silo, containerPort: 11111 }]
                      readinessProbe: { tcpSocket: { port: gateway } }
            ---
            apiVersion: v1
            kind: Servce
            metadata: { name: dashboard }
            """);

        var result = await Validate("--k8s", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.replicas: must be integer", result.Output);
        Assert.Contains("spec.replica: unknown field \"replica\"", result.Output);
        Assert.Contains("imagePullPolicy: must be equal to one of the allowed values", result.Output);
        Assert.Contains("spec.selector.matchLabels: must be non-empty and match spec.template.metadata.labels", result.Output);
        Assert.Contains("names port \"gateway\", which the container does not declare", result.Output);
        Assert.Contains("unknown apiVersion/kind v1 Servce", result.Output);
    }

    [Fact]
    public async Task A_manifest_that_is_not_YAML_or_lacks_required_fields_fails_validation()
    {
        var manifest = Path.Combine(scratch, "required.yaml");
        File.WriteAllText(manifest, """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: silos }
            spec: { minAvailable: 1, selector: { matchLabels: { app: nothing } } }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: dashboard }
            spec:
              ports: [{ port: 80, targetPort: http }
            """);

        var result = await Validate("--k8s", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("selects no pod template", result.Output);
        Assert.Contains("document 2: YAML:", result.Output);
    }

    [Fact]
    public async Task A_broken_compose_file_fails_validation_and_says_where()
    {
        var compose = Path.Combine(scratch, "compose.yaml");
        File.WriteAllText(compose, """
            services:
              silo-gpu:
                image: agcc-silo-gpu:dev
                enviroment: { AgCc__Silo__Role: gpu }
                depends_on: [azurite]
                volumes: [silo-data:/data]
                deploy:
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia
                          capabilities: gpu
                build:
                  context: .
                  dockerfile: missing.Dockerfile
            """);

        var result = await Validate("--compose", compose);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("services.silo-gpu: must NOT have additional properties \"enviroment\"", result.Output);
        Assert.Contains("services.silo-gpu.deploy.resources.reservations.devices.0.capabilities: must be array", result.Output);
        Assert.Contains("depends_on: no service \"azurite\"", result.Output);
        Assert.Contains("named volume \"silo-data\" is not declared", result.Output);
        Assert.Contains("missing.Dockerfile does not exist", result.Output);
    }

    // ----------------------------------------------------------------------------- helpers

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private static async Task<ProcessResult> Validate(params string[] arguments)
    {
        await EnsureValidatorAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await ProcessRun.RunAsync("node", [Path.Combine(ValidateFolder, "validate.mjs"), .. arguments], workingDirectory: Root, cancellationToken: timeout.Token);
    }

    /// <summary>`npm ci` in deploy/validate on first use (.ci/run does it beforehand).</summary>
    private static async Task EnsureValidatorAsync()
    {
        string[] markers = ["kubernetes-models", "dclint", "yaml", "ajv"];
        bool Installed() => markers.All(name => File.Exists(Path.Combine(ValidateFolder, "node_modules", name, "package.json")));
        if (Installed()) return;
        await InstallLock.WaitAsync();
        try
        {
            if (Installed()) return;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var install = await ProcessRun.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], workingDirectory: ValidateFolder, cancellationToken: timeout.Token);
            Assert.True(install.ExitCode == 0 && Installed(), $"`npm ci` in {ValidateFolder} failed (exit {install.ExitCode}):\n{install.Output}{install.Errors}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<ProcessResult?> TryRun(string command, string[] arguments)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await ProcessRun.RunAsync(command, arguments, cancellationToken: timeout.Token);
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A folder with a fake `hostname` (answering `-i`) and a fake `dotnet` that prints what it was started with.</summary>
    private string FakeCommands(string hostnameOutput)
    {
        var bin = Directory.CreateDirectory(Path.Combine(scratch, "bin-" + Guid.NewGuid().ToString("N"))).FullName;
        WriteExecutable(Path.Combine(bin, "hostname"), $"#!/bin/sh\necho '{hostnameOutput}'\n");
        WriteExecutable(Path.Combine(bin, "dotnet"),
            "#!/bin/sh\necho \"fake-dotnet: address=$AgCc__Silo__AdvertisedAddress name=$AgCc__Silo__Name args=$*\"\n");
        return bin;
    }

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static async Task<ProcessResult> Entrypoint(string fakeBin, Dictionary<string, string> environment, params string[] arguments)
    {
        var env = new Dictionary<string, string>(environment) { ["PATH"] = $"{fakeBin}:{Environment.GetEnvironmentVariable("PATH")}" };
        foreach (var name in new[] { "AgCc__Silo__AdvertisedAddress", "AgCc__Silo__Name", "AgCc__Silo__Role", "AgCc__Silo__GatewayPort" })
            env.TryAdd(name, ""); // not inherited from the test's own environment
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await ProcessRun.RunAsync("bash", [Path.Combine(Deploy, "silo-entrypoint.sh"), .. arguments], env, cancellationToken: timeout.Token);
    }

    private sealed record Instruction(int Line, string Name, string Text, IReadOnlyList<string> Flags, IReadOnlyList<string> Arguments);

    /// <summary>A Dockerfile's instructions, with line continuations joined and comments dropped.</summary>
    private static List<Instruction> Instructions(string dockerfile)
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, dockerfile));
        var instructions = new List<Instruction>();
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                var next = lines[++i].Trim();
                text = text[..^1].TrimEnd() + (next.StartsWith('#') ? "" : " " + next);
            }
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var name = (space < 0 ? text : text[..space]).ToUpperInvariant();
            var rest = space < 0 ? "" : text[(space + 1)..].Trim();
            var words = rest.StartsWith('[')
                ? JsonWords().Matches(rest).Select(m => m.Groups[1].Value).ToList()
                : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var flags = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
            instructions.Add(new Instruction(start + 1, name, rest, flags, words.Skip(flags.Count).ToList()));
        }
        return instructions;
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static List<string> ProjectClosure(string project)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (seen.Contains(current)) continue;
            seen.Add(current);
            var file = Path.Combine(Root, current);
            Assert.True(File.Exists(file), $"{current} does not exist");
            foreach (var reference in XDocument.Load(file).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include.Replace("$(RepoRoot)", Root + "/", StringComparison.Ordinal)));
                pending.Push(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }
        return seen;
    }

    /// <summary>.dockerignore matching as Docker does it: `**` spans folders, `!` re-includes, the last match wins, a matched folder takes its contents.</summary>
    private sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exclude)> rules)
    {
        public static DockerIgnore Load(string path)
        {
            Assert.True(File.Exists(path), $"{path} does not exist");
            var rules = File.ReadAllLines(path)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.StartsWith('!') ? (Text: line[1..].Trim(), Exclude: false) : (Text: line, Exclude: true))
                .Select(rule => (ToRegex(rule.Text.Trim('/')), rule.Exclude))
                .ToList();
            return new DockerIgnore(rules);
        }

        public bool Excludes(string relativePath)
        {
            var parts = relativePath.Trim('/').Split('/');
            var excluded = false;
            foreach (var (pattern, exclude) in rules)
            {
                for (var n = 1; n <= parts.Length; n++)
                {
                    if (pattern.IsMatch(string.Join('/', parts.Take(n)))) { excluded = exclude; break; }
                }
            }
            return excluded;
        }

        private static Regex ToRegex(string pattern)
        {
            var regex = new System.Text.StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    regex.Append(slash ? "(.*/)?" : ".*");
                    i += slash ? 2 : 1;
                }
                else if (c == '*') regex.Append("[^/]*");
                else if (c == '?') regex.Append("[^/]");
                else regex.Append(Regex.Escape(c.ToString()));
            }
            return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
        }
    }

    [GeneratedRegex(@"[\w./-]+\.csproj")]
    private static partial Regex ProjectFileOf();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex JsonWords();

    [GeneratedRegex(@"(?:section\[""|Port\("")(?<key>\w+)""")]
    private static partial Regex SiloSettingKey();

    [GeneratedRegex(@"public\s+string\?\s+(?<name>\w+)\s*\{\s*get;\s*set;")]
    private static partial Regex PublicProperty();

    [GeneratedRegex(@"AgCc__\w+")]
    private static partial Regex EnvironmentName();
}
