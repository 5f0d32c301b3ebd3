namespace Timeline.Detection.Chain;

/// <summary>Tuning of the chain builder. Defaults suit a single incident in days of logs.</summary>
public sealed record ChainOptions
{
    /// <summary>The knowledge files; default: the bundled <c>sigma/</c> folder.</summary>
    public ChainKnowledge? Knowledge { get; init; }
    /// <summary>Failed logons from one source before a success that make it a brute force.</summary>
    public int BruteForceMinFailures { get; init; } = 5;
    /// <summary>How far before the first attacker activity a logon can be its entry point.</summary>
    public TimeSpan EntryLookback { get; init; } = TimeSpan.FromHours(24);
    /// <summary>How long a host must have been logging before an address or key can be called "new".</summary>
    public TimeSpan Baseline { get; init; } = TimeSpan.FromHours(1);
    /// <summary>A session whose end is not in the evidence is assumed to last at most this long.</summary>
    public TimeSpan SessionMax { get; init; } = TimeSpan.FromHours(8);
    /// <summary>Outbound ssh on one host and an inbound logon on another within this time are one movement.</summary>
    public TimeSpan LateralProximity { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>A log file silent this long inside the incident is reported as a time gap.</summary>
    public TimeSpan Silence { get; init; } = TimeSpan.FromHours(2);
    /// <summary>Crontab LIST/REPLACE lines within <see cref="ChurnWindow"/> that make a competitor-cleaning burst.</summary>
    public int ChurnMinEdits { get; init; } = 10;
    public TimeSpan ChurnWindow { get; init; } = TimeSpan.FromSeconds(5);
    public int MaxPlainLogins { get; init; } = 5000;
    public int MaxSignalsPerHost { get; init; } = 50_000;
    public int MaxSilences { get; init; } = 1000;
    /// <summary>
    /// A live process at or above this %CPU (ps/top; a multi-threaded process can exceed 100) is busy. Busy is
    /// never a miner sign on its own (compilers and runtimes are busy too); with a hiding sign it makes a
    /// miner. Kill scripts of mining kits treat anything above 80 % as a competitor (threat-notes §1.5); the
    /// lower bar also catches miners throttled with --cpu-max-threads-hint.
    /// </summary>
    public double BusyCpuPercent { get; init; } = 50;
    /// <summary>At most this many live-state rows (processes, connections, open files) are kept per host.</summary>
    public int MaxLiveRows { get; init; } = 100_000;
    /// <summary>Runners-up listed next to the chosen entry point.</summary>
    public int MaxRunnersUp { get; init; } = 3;
}
