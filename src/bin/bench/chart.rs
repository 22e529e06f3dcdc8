//! The benchmark's one picture: req/s and p99 of every row side by side, each bar coloured by
//! what answered (the service, the service behind PgBouncer or as two replicas, the
//! hand-written reference, PostGraphile). SVG written by hand: a few rectangles and labels
//! need no plotting crate, and the file stays readable in a diff.

use std::fmt::Write;

use super::report::Row;

const LABEL_WIDTH: f64 = 470.0;
/// Longest bar; the value is written after it.
const BAR_WIDTH: f64 = 220.0;
const VALUE_WIDTH: f64 = 70.0;
const ROW_HEIGHT: f64 = 20.0;
const TOP: f64 = 44.0;

/// What answered a row, by colour.
const KINDS: [(&str, &str); 4] = [
    ("the service", "#2b6cb0"),
    (
        "the service behind PgBouncer, or as two replicas",
        "#90cdf4",
    ),
    ("hand-written reference (no GraphQL)", "#a0a0a0"),
    ("PostGraphile 5", "#dd6b20"),
];

/// A panel: its title, the value it draws, and the decimals it writes.
type Panel = (&'static str, fn(&Row) -> f64, usize);

fn kind(row: &Row) -> usize {
    if row.peer {
        3
    } else if row.reference {
        2
    } else if row.pgbouncer || row.replicas > 1 {
        1
    } else {
        0
    }
}

pub fn svg(rows: &[Row]) -> String {
    let rows: Vec<&Row> = rows.iter().filter(|r| !r.baseline).collect();
    let panel = BAR_WIDTH + VALUE_WIDTH;
    let width = LABEL_WIDTH + 2.0 * panel + 20.0;
    let legend_top = TOP + rows.len() as f64 * ROW_HEIGHT + 16.0;
    let height = legend_top + KINDS.len() as f64 * ROW_HEIGHT + 8.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
    );
    let panels: [Panel; 2] = [
        (
            "requests per second (longer is better)",
            |r| r.per_second,
            0,
        ),
        ("p99 latency, ms (shorter is better)", |r| r.p99, 1),
    ];
    for (i, (title, value, decimals)) in panels.into_iter().enumerate() {
        let left = LABEL_WIDTH + i as f64 * panel;
        let _ = writeln!(
            out,
            "<text x=\"{left:.0}\" y=\"24\" font-weight=\"bold\">{title}</text>"
        );
        let max = rows
            .iter()
            .map(|r| value(r))
            .fold(f64::MIN_POSITIVE, f64::max);
        for (n, row) in rows.iter().enumerate() {
            let y = TOP + n as f64 * ROW_HEIGHT;
            let length = (value(row) / max * BAR_WIDTH).max(1.0);
            let shown = format!("{:.*}", decimals, value(row));
            let _ = writeln!(
                out,
                "<rect x=\"{left:.0}\" y=\"{:.0}\" width=\"{length:.1}\" height=\"{:.0}\" \
                 fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.0}\">{shown}</text>",
                y - 13.0,
                ROW_HEIGHT - 5.0,
                KINDS[kind(row)].1,
                left + length + 4.0,
                y,
            );
        }
    }
    for (n, row) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">{}</text>",
            LABEL_WIDTH - 10.0,
            TOP + n as f64 * ROW_HEIGHT,
            escape(row.name)
        );
    }
    for (n, (label, colour)) in KINDS.iter().enumerate() {
        let y = legend_top + n as f64 * ROW_HEIGHT;
        let _ = writeln!(
            out,
            "<rect x=\"{LABEL_WIDTH:.0}\" y=\"{:.0}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>\
             <text x=\"{:.0}\" y=\"{y:.0}\">{label}</text>",
            y - 10.0,
            LABEL_WIDTH + 18.0,
        );
    }
    out.push_str("</svg>\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::super::report::tests::row;

    #[test]
    fn draws_one_bar_per_row_and_panel_scaled_to_the_longest() {
        let slow = row("(a) page & `more`", 100.0, 40.0, 1.0);
        let mut fast = row("(a) peer", 400.0, 10.0, 1.0);
        fast.peer = true;
        let svg = super::svg(&[slow, fast]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert!(svg.contains(">(a) page &amp; `more`</text>"), "{svg}");
        // The longest bar of each panel is the full width; the other in proportion.
        assert!(svg.contains("width=\"220.0\" height=\"15\" fill=\"#dd6b20\"/><text x=\"694.0\" y=\"64\">400</text>"), "{svg}");
        assert!(
            svg.contains("width=\"55.0\" height=\"15\" fill=\"#2b6cb0\"/>"),
            "{svg}"
        );
        assert!(svg.contains(">40.0</text>") && svg.contains(">10.0</text>"));
    }
}
