using AgCc.Core.Torch.Training.Checkpoints;
using Xunit.Abstractions;
using static AgCc.Core.Tests.Training.Checkpoints.CheckpointFixtures;

namespace AgCc.Core.Tests.Training.Checkpoints;

/// <summary>
/// Bad input is an InvalidDataException naming the checkpoint and the section, entry or parameter
/// at fault: wrong magic or version, truncation anywhere, a flipped byte (by section digest), and a
/// model or optimiser that does not match (missing, extra or reshaped entries).
/// </summary>
[Trait("Category", Categories.Unit)]
public class TrainingCheckpointErrorTests(ITestOutputHelper output)
{
    private const string Name = "run-7/epoch-3";

    private static byte[] Checkpoint(int hidden = 8, bool secondBias = true)
    {
        using var run = new CheckpointRun(hidden: hidden, secondBias: secondBias);
        run.Step(0);
        return TrainingCheckpoint.Write(run.Model, run.Optimizer, run.Dropout, [9, 8, 7]);
    }

    private InvalidDataException Refused(byte[] content, int hidden = 8, bool secondBias = true, bool modelOnly = false)
    {
        using var fresh = new CheckpointRun(initSeed: 11, hidden: hidden, secondBias: secondBias);
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            if (modelOnly) TrainingCheckpoint.ReadModelOnly(content, Name, fresh.Model);
            else TrainingCheckpoint.Restore(content, Name, fresh.Model, fresh.Optimizer, fresh.Dropout);
        });
        output.WriteLine(error.Message);
        Assert.Contains($"'{Name}'", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Wrong_magic_is_refused(bool modelOnly)
    {
        var content = Checkpoint();
        content[2] = (byte)'X';
        Assert.Contains("magic", Refused(content, modelOnly: modelOnly).Message, StringComparison.Ordinal);
        Assert.Contains("magic", Refused([], modelOnly: modelOnly).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_version_is_refused()
    {
        var content = Checkpoint();
        content[6] = 2;
        Assert.Contains("version 2", Refused(content).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_anywhere_is_refused()
    {
        var content = Checkpoint();
        foreach (var length in new[] { 7, 9, 12, 20, 40, content.Length / 2, content.Length - 10, content.Length - 1 })
        {
            var message = Refused(content[..length]).Message;
            Assert.Contains("truncated", message, StringComparison.Ordinal);
        }
        Assert.Contains("'loop'", Refused(content[..^1]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("optimizer")]
    [InlineData("generator")]
    [InlineData("loop")]
    public void A_flipped_byte_is_refused_naming_its_section(string section)
    {
        var content = Checkpoint();
        var sections = Sections(content);
        var offset = 12;
        foreach (var (name, payload) in sections)
        {
            offset += 1 + System.Text.Encoding.UTF8.GetByteCount(name) + 8 + 32;
            if (name == section)
            {
                content[offset + payload.Length / 2] ^= 0x10;
                break;
            }
            offset += payload.Length;
        }
        var message = Refused(content).Message;
        Assert.Contains($"'{section}'", message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        var content = Checkpoint();
        Assert.Contains("after its last section", Refused([.. content, 0]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_parameter_missing_from_the_checkpoint_is_named(bool modelOnly)
    {
        var message = Refused(Checkpoint(secondBias: false), secondBias: true, modelOnly: modelOnly).Message;
        Assert.Contains("'model'", message, StringComparison.Ordinal);
        Assert.Contains("'second.bias'", message, StringComparison.Ordinal);
        Assert.Contains("no entry", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_the_model_lacks_is_named()
    {
        var message = Refused(Checkpoint(secondBias: true), secondBias: false).Message;
        Assert.Contains("'second.bias'", message, StringComparison.Ordinal);
        Assert.Contains("does not have", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_parameter_of_another_shape_is_named(bool modelOnly)
    {
        var message = Refused(Checkpoint(hidden: 8), hidden: 9, modelOnly: modelOnly).Message;
        Assert.Contains("'first.weight'", message, StringComparison.Ordinal);
        Assert.Contains("[8, 4] in the checkpoint, [9, 4] in the model", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_section_with_a_valid_digest_is_named()
    {
        // A writer bug rather than transport damage: the digest matches, the content is cut short.
        var sections = Sections(Checkpoint());
        var index = sections.FindIndex(s => s.Name == "optimizer");
        sections[index] = (sections[index].Name, sections[index].Payload[..^5]);
        var message = Refused(Container(sections)).Message;
        Assert.Contains("'optimizer'", message, StringComparison.Ordinal);
        Assert.Contains("'second.bias'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generator_state_of_another_size_is_refused()
    {
        var sections = Sections(Checkpoint());
        var index = sections.FindIndex(s => s.Name == "generator");
        sections[index] = (sections[index].Name, sections[index].Payload[..16]);
        Assert.Contains("'generator'", Refused(Container(sections)).Message, StringComparison.Ordinal);
    }
}
