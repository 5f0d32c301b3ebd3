using Timeline.Core.Vocabulary;
namespace Timeline.Report.Html;

/// <summary>The report's stylesheet, inlined (the file must open with no network) and allowed by its hash in the Content-Security-Policy.</summary>
internal static class ReportStyle
{
    // The phase badges take their colours from PhaseTable, like the charts; the rest is fixed.
    public static readonly string Css = """
:root{--ink:#1d232a;--muted:#5b6470;--line:#d8dde3;--bg:#f6f7f9;--card:#fff;--accent:#0b5cad;--bad:#b3261e;--ok:#1e7b34}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#14202e;color:#fff;padding:18px 28px}
header.top h1{margin:0 0 4px;font-size:24px}
header.top p{margin:2px 0;color:#c9d3de}
nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 28px}
nav.toc a{margin-right:16px;color:var(--accent);text-decoration:none;font-weight:600}
main{padding:8px 28px 40px;max-width:1400px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 20px;margin:16px 0}
h2{font-size:20px;margin:4px 0 10px}
h3{font-size:17px;margin:14px 0 6px}
h4{font-size:15px;margin:14px 0 4px}
p.lead{font-size:16px}
.notice{border-left:4px solid var(--accent);background:#eef4fb;padding:8px 12px;margin:8px 0}
.warning{border-left:4px solid var(--bad);background:#fbeeee;padding:8px 12px;margin:8px 0}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef1f4;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
td.t{white-space:nowrap}
td.msg{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all;max-width:640px}
code,.mono{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:8px 0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0}
ol.checklist{padding-left:22px}
ol.checklist li{margin:4px 0}
.phase{display:inline-block;padding:0 6px;border-radius:4px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
{PHASES}
.level-critical,.level-high{color:var(--bad);font-weight:600}.level-medium{color:#b35c00}
.chart{margin:10px 0 18px}
.chart img{max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
.chart p{margin:2px 0;color:var(--muted);font-size:13px}
.pair{display:flex;flex-wrap:wrap;gap:16px}.pair .chart{flex:1 1 520px}
textarea.iocs{width:100%;min-height:90px;font-family:"DejaVu Sans Mono",monospace;font-size:12px}
button{font:inherit;padding:2px 10px;cursor:pointer}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:6px 0}
.filters input[type=search]{min-width:320px;padding:3px 6px}
#events th{cursor:pointer;user-select:none}
#events th.sorted-asc::after{content:" \25B2"}#events th.sorted-desc::after{content:" \25BC"}
tr.chain td:first-child{border-left:3px solid #d62728}
.muted{color:var(--muted)}
@media print{nav.toc{display:none}section.card{break-inside:avoid;border:none}body{background:#fff}}
""".Replace("{PHASES}", PhaseBadges(), StringComparison.Ordinal);

    /// <summary>One <c>.phase-NAME{background:…}</c> rule per phase, four to a line.</summary>
    private static string PhaseBadges() => string.Join("\n", PhaseTable.All.Chunk(4).Select(row => string.Concat(row.Select(d => $".phase-{d.Name}{{background:{d.Colour}}}"))));

}
