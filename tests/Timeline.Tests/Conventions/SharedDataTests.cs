using System.Reflection;
using Timeline.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Timeline.Tests.Conventions;

/// <summary>
/// The suite says when <c>../shared/data</c> is missing: under CI that fails here (and in every test
/// over the data); elsewhere the tests over it are reported as skipped, and this test counts them.
/// </summary>
public sealed class SharedDataTests(ITestOutputHelper output)
{
    [Fact]
    public void SharedDataIsPresentInCiAndTheTestsSkippedWithoutItAreCounted()
    {
        var root = Path.GetFullPath(RepoPaths.SharedDataRoot);
        var present = Directory.Exists(root);
        var tests = typeof(SharedDataTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FactAttribute>()))
            .Where(x => x.Attribute is SharedDataFactAttribute or SharedDataTheoryAttribute)
            .ToList();
        var skipped = tests.Where(x => x.Attribute!.Skip is not null).Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}: {x.Attribute!.Skip}").ToList();
        output.WriteLine($"shared data {root}: {(present ? "present" : "MISSING")}; {tests.Count} test methods read it, {skipped.Count} skipped");
        foreach (var s in skipped) output.WriteLine("  skipped " + s);

        Assert.True(present || !ContinuousIntegration.IsOn, $"shared test data missing in CI: {root}");
        Assert.True(tests.Count >= 5, $"only {tests.Count} tests are marked as reading the shared data");
        if (ContinuousIntegration.IsOn) Assert.Empty(skipped);
        if (!present) Assert.Equal(tests.Count, skipped.Count);
    }
}
