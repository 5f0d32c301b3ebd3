using System.Runtime.CompilerServices;

// The EVTX codecs (value formatting, CRC-32, the template cache) are tested directly as well as through the parser.
[assembly: InternalsVisibleTo("Timeline.Tests")]
