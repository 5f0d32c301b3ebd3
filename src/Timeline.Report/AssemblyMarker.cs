namespace Timeline.Report;

/// <summary>Marks the assembly; see the README of this project.</summary>
internal static class AssemblyMarker;
