/** The dashboard's inline CSS (one self-contained file: no network, no external sheet). */
export const DASHBOARD_CSS = `
:root{--implemented:#2e7d32;--partial:#f9a825;--planned:#1565c0;--ignored:#9e9e9e;--missing:#c62828;--fg:#1f2328;--muted:#656d76;--line:#d0d7de}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);margin:0 auto;padding:16px 24px;max-width:1400px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.muted{color:var(--muted)}.note{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}
.cards{display:flex;gap:8px;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:110px}
.card b{display:block;font-size:20px}
.bars{display:grid;grid-template-columns:minmax(160px,240px) 1fr minmax(180px,auto);gap:4px 12px;align-items:center}
.bar{display:flex;height:14px;border-radius:3px;overflow:hidden;background:#eee}.bar span{display:block;height:100%}
.s-implemented{background:var(--implemented)}.s-partial{background:var(--partial)}.s-planned{background:var(--planned)}.s-ignored{background:var(--ignored)}.s-missing{background:var(--missing)}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;border-radius:2px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}td.num,th.num{text-align:right}
td.cell{text-align:center;min-width:48px}td.cell.has{background:#d8f0da}td.cell.need{background:#fbdada}td.cell.na{background:#f6f8fa}
td.cell a{display:block;font-size:12px;white-space:nowrap}
.badge{display:inline-block;padding:0 6px;border-radius:10px;color:#fff;font-size:12px}.badge.s-partial{color:#000}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0;position:sticky;top:0;background:#fff;padding:6px 0;z-index:2}
.filters input{min-width:260px}input,select{font:inherit;padding:3px 6px}
details.group{margin:6px 0}details.group>summary{cursor:pointer;font-weight:600}
.gaps{font-size:12px;color:var(--muted);margin:2px 0 0;padding-left:16px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
`;
