using System.Text;
using Timeline.Query.Syntax;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Query.Syntax;

/// <summary>
/// The CI part of the fuzzing for queries (issue 11; long afl++ runs in <c>fuzz/</c>): seeded mutants of
/// the documented queries (<c>fuzz/seeds/queries.txt</c>, taken from the READMEs) either parse or are
/// refused with a <see cref="QuerySyntaxException"/> whose position lies inside the query; nothing
/// else escapes and nothing hangs.
/// </summary>
public sealed class QueryParserMutationTests
{
    private const int Mutants = 4000;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    [Fact]
    public void MutatedQueriesParseOrFailWithAPosition()
    {
        var seeds = File.ReadLines(Path.Combine(RepoPaths.Root, "fuzz", "seeds", "queries.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(Encoding.UTF8.GetBytes)
            .ToList();
        Assert.NotEmpty(seeds);
        var mutator = new SeededMutator(11);
        var refused = 0;
        for (var i = 0; i < Mutants; i++)
        {
            var query = Encoding.UTF8.GetString(mutator.Mutate(seeds[i % seeds.Count], seeds));
            var what = $"mutant {i}: {Shown(query)}";
            var error = TimeLimit.Run(PerInput, what, () =>
            {
                try
                {
                    QueryParser.Parse(query);
                    return null;
                }
                catch (QuerySyntaxException ex)
                {
                    return ex;
                }
            });
            if (error is null) continue;
            refused++;
            Assert.InRange(error.Position, 0, query.Length);
            Assert.False(string.IsNullOrWhiteSpace(error.Problem), what);
        }
        // Both branches were exercised: mutants that parse and mutants that are refused.
        Assert.InRange(refused, 1, Mutants - 1);
    }

    private static string Shown(string query) => query.Length <= 120 ? query : query[..120] + "…";
}
