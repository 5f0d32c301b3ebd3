using System.Runtime.CompilerServices;

// The tests check the encoders, charts and table data directly.
[assembly: InternalsVisibleTo("Timeline.Tests")]
