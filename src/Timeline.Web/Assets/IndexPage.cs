namespace Timeline.Web.Assets;

/// <summary>The single page. Static markup only: every value from the case is inserted by app.js with textContent.</summary>
internal static class IndexPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Timeline</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1>Timeline</h1>
  <span id="case-info" class="muted"></span>
</header>
<form id="search" autocomplete="off">
  <input id="q" name="q" type="search" spellcheck="false" placeholder='host:web01 AND event:ssh_accepted · "Accepted password" · src_ip:203.0.113.* · time:[2024-03-02T03:00 TO 2024-03-02T04:00] · NOT user:root'>
  <select id="saved" title="Saved queries"><option value="">saved queries…</option></select>
  <button id="run" type="submit">Search</button>
</form>
<div id="status" role="status"></div>
<section id="histogram-panel">
  <div class="panel-head"><span id="zoom-label" class="muted">Drag across the histogram to zoom into a time window.</span> <button id="zoom-reset" type="button" hidden>Reset zoom</button></div>
  <svg id="histogram" role="img" aria-label="events over time"></svg>
</section>
<main>
  <section id="list-panel">
    <table id="results">
      <thead><tr><th>time (UTC)</th><th>host</th><th>parser</th><th>event</th><th>user</th><th>src_ip</th><th>message</th></tr></thead>
      <tbody></tbody>
    </table>
    <button id="more" type="button" hidden>More</button>
  </section>
  <aside id="details-panel">
    <h2>Event</h2>
    <div id="details" class="muted">Select an event to see its fields, rules and origin. Click a host, user or IP to filter by it.</div>
  </aside>
</main>
<section id="chains-panel">
  <h2>Attack chains</h2>
  <div id="chains"></div>
</section>
</body>
</html>
""";
}
