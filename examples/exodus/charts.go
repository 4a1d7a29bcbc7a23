package main

import (
	"bytes"
	"fmt"
)

// A chartFile is a rendered chart and the path it goes to.
type chartFile struct {
	path string
	data []byte
}

// renderCharts draws the -svg and -png charts: headcounts by sector, each
// with its 90% interval and, beside it, the figures in words.
func renderCharts(rep *report, cfg config) ([]chartFile, error) {
	if cfg.svg == "" && cfg.png == "" {
		return nil, nil
	}
	h := rep.Headcounts
	c := chart{
		title:  "Emigrants from Russia after February 2022, by sector, with 90% intervals",
		xlabel: "people who left (whole people; bars add up to the total)",
		ylabel: "sector (ISIC Rev.4 section)",
	}
	if rep.Settings.Workforce != "embedded" {
		c.title = "Emigrants by sector, with 90% intervals, on the employment in " + rep.Settings.Workforce
	}
	total := commas(h.Total)
	if h.Lo != h.Hi {
		total += " (90%: " + rangeText(h.Lo, h.Hi) + ")"
	}
	c.subtitle = fmt.Sprintf("Total %s. Monte Carlo: seed %d, %d draws. Sources and assumptions: see the report", total, rep.Settings.Seed, rep.Settings.Draws)
	// Bottom-up: the first sector reads at the top.
	for i := len(h.Sectors) - 1; i >= 0; i-- {
		s := h.Sectors[i]
		note := commas(s.Count)
		if s.Lo != s.Hi {
			note += " (" + rangeText(s.Lo, s.Hi) + ")"
		}
		c.bars = append(c.bars, bar{label: shortTitle(s.Code, s.Title) + " (" + s.Code + ")",
			value: float64(s.Count), lo: s.Lo, hi: s.Hi, note: note})
	}
	var out []chartFile
	for _, f := range []struct{ path, format string }{{cfg.svg, "svg"}, {cfg.png, "png"}} {
		if f.path == "" {
			continue
		}
		var buf bytes.Buffer
		if err := writeChart(&buf, f.format, c); err != nil {
			return nil, err
		}
		out = append(out, chartFile{f.path, buf.Bytes()})
	}
	return out, nil
}
