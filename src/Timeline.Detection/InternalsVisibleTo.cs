using System.Runtime.CompilerServices;

// The tests switch the needle prefilter off (RuleEngine's internal constructor) to check it changes no match.
[assembly: InternalsVisibleTo("Timeline.Tests")]
