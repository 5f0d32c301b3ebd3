using System.Text;
using Spectre.Console;
using Timeline.Core.Findings;
using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Cli.Output.Chains;

/// <summary><c>chain --format json</c>: the public chain contract (<see cref="ChainContract"/>), the same objects as <c>serve</c>'s <c>/api/chains</c>.</summary>
public sealed class ChainJsonFormat : IChainFormat
{
    public string Name => "json";

    public string Description => "{\"chains\":[…]}: the public chain contract, see README";

    public void Write(IAnsiConsole console, Stream output, ICaseStore store, IReadOnlyList<AttackChain> chains) =>
        output.Write(Encoding.UTF8.GetBytes(Bidi(ChainContract.Of(store, chains)) + "\n"));

    /// <summary>JSON keeps bidirectional overrides literal; escape them so a terminal shows them.</summary>
    private static string Bidi(string json)
    {
        var sb = new StringBuilder(json.Length);
        foreach (var c in json)
        {
            if (c is '\u061C' or '\u200E' or '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || (c >= 0x80 && c <= 0x9F))
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
