namespace Timeline.Web.Assets;

/// <summary>The page's style sheet.</summary>
internal static class AppStyle
{
    public const string Css = """
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 "DejaVu Sans", system-ui, sans-serif; color: #1d232b; background: #f6f7f9; }
header { display: flex; align-items: baseline; gap: 1em; padding: .6em 1em; background: #1d2733; color: #fff; }
header h1 { font-size: 1.2em; margin: 0; }
header .muted { color: #b8c2cf; }
.muted { color: #6b7480; }
form#search { display: flex; gap: .5em; padding: .6em 1em; background: #fff; border-bottom: 1px solid #dde1e6; }
#q { flex: 1; font: 14px/1.6 "DejaVu Sans Mono", monospace; padding: .3em .6em; border: 1px solid #b9c1cb; border-radius: 4px; }
#saved { max-width: 16em; }
button { font: inherit; cursor: pointer; }
#status { padding: .3em 1em; min-height: 1.8em; color: #44505c; }
#status.error { color: #a11; background: #fdecec; }
#status pre { margin: .2em 0; font: 13px "DejaVu Sans Mono", monospace; }
#histogram-panel { padding: 0 1em; }
#histogram { width: 100%; height: 130px; background: #fff; border: 1px solid #dde1e6; cursor: crosshair; user-select: none; }
#histogram .bar { fill: #3b7dd8; }
#histogram .bar:hover { fill: #1f5fb5; }
#histogram .selection { fill: rgba(255, 170, 0, .3); stroke: #e59400; }
#histogram .axis { font-size: 11px; fill: #6b7480; }
.panel-head { display: flex; justify-content: space-between; padding: .3em 0; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1em; padding: .6em 1em; }
#results { width: 100%; border-collapse: collapse; background: #fff; font-size: 12px; }
#results th, #results td { text-align: left; padding: .25em .4em; border-bottom: 1px solid #eceef1; vertical-align: top; }
#results th { background: #eef1f4; position: sticky; top: 0; }
#results td.time { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; }
#results td.message { font-family: "DejaVu Sans Mono", monospace; word-break: break-all; width: 55%; }
#results tr:hover { background: #f3f7fd; }
#results tr.selected { background: #e2edfb; }
#results tr.matched td:first-child { border-left: 3px solid #d9480f; }
.pivot { border: 1px solid #c6d3e3; background: #f0f5fb; color: #1f4f8f; border-radius: 3px; padding: 0 .3em; font: 12px "DejaVu Sans Mono", monospace; max-width: 28em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pivot:hover { background: #dce9f8; }
#details-panel { background: #fff; border: 1px solid #dde1e6; padding: .6em; align-self: start; position: sticky; top: .5em; max-height: 90vh; overflow: auto; }
#details-panel h2, #chains-panel h2 { font-size: 1em; margin: 0 0 .4em; }
table.fields th { text-align: left; padding-right: 1em; color: #44505c; font-weight: normal; white-space: nowrap; vertical-align: top; }
pre.message { white-space: pre-wrap; word-break: break-all; background: #f6f7f9; padding: .4em; }
#chains-panel { padding: .6em 1em 2em; }
.chain { background: #fff; border: 1px solid #dde1e6; padding: .5em .8em; margin-bottom: .6em; }
.chain .phase { display: inline-block; min-width: 7em; font-weight: bold; color: #8a3b00; }
""";
}
