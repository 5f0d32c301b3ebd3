using Xunit;

namespace Timeline.Tests.Support;

/// <summary>Runs work on the thread pool and fails the test when it does not finish in time (a hang).</summary>
public static class TimeLimit
{
    public static T Run<T>(TimeSpan limit, string what, Func<T> work)
    {
        var task = Task.Run(work);
        try
        {
            Assert.True(task.Wait(limit), $"did not finish within {limit.TotalSeconds:0} s: {what}");
        }
        catch (AggregateException ex)
        {
            Assert.Fail($"{what}: {ex.InnerException}");
        }
        return task.Result;
    }
}
