package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// A chartFile is a rendered chart and the path it goes to.
type chartFile struct {
	path string
	data []byte
}

// renderCharts draws the -svg and -png charts: headcounts by sector, and,
// when the report has them, people by destination (FILE-destinations.svg)
// and value added at risk by sector (FILE-costs.svg), each bar with its 90%
// interval as a whisker and its figures in words beside its label.
func renderCharts(rep *report, cfg config) ([]chartFile, error) {
	if cfg.svg == "" && cfg.png == "" {
		return nil, nil
	}
	charts := []struct {
		suffix string
		c      chart
	}{{"", headcountChart(rep)}}
	if c, ok := destinationChart(rep); ok {
		charts = append(charts, struct {
			suffix string
			c      chart
		}{"-destinations", c})
	}
	if c, ok := costChart(rep); ok {
		charts = append(charts, struct {
			suffix string
			c      chart
		}{"-costs", c})
	}
	var out []chartFile
	for _, f := range []struct{ path, format string }{{cfg.svg, "svg"}, {cfg.png, "png"}} {
		if f.path == "" {
			continue
		}
		for _, ch := range charts {
			var buf bytes.Buffer
			if err := writeChart(&buf, f.format, ch.c); err != nil {
				return nil, err
			}
			out = append(out, chartFile{siblingPath(f.path, ch.suffix), buf.Bytes()})
		}
	}
	return out, nil
}

// siblingPath puts suffix before path's extension: out.svg, out-costs.svg.
func siblingPath(path, suffix string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + suffix + ext
}

// whiskers says what a chart's whiskers are.
func whiskers(rep *report) string {
	return fmt.Sprintf("Whiskers: 90%% intervals from %d Monte Carlo draws (seed %d)", rep.Settings.Draws, rep.Settings.Seed)
}

// sourceLine names the sources of a chart by the report's numbers.
func sourceLine(what string, refs []int) string {
	return "Source: " + what + " " + cites(refs) + "; exodus report (go run ./examples/exodus), where each number is listed"
}

func headcountChart(rep *report) chart {
	h := rep.Headcounts
	c := chart{
		title:  "Emigrants from Russia after February 2022, by sector",
		xlabel: "people who left (bars add up to the total)",
		ylabel: "sector (ISIC Rev.4 section)",
	}
	if rep.Settings.Workforce != "embedded" {
		c.title = "Emigrants by sector, on the employment in " + rep.Settings.Workforce
	}
	total := humanSig(float64(h.Total), 3)
	if h.Lo != h.Hi {
		total += " (90%: " + rangeText(h.Lo, h.Hi) + ")"
	}
	c.subtitle = fmt.Sprintf("Total %s. %s", total, whiskers(rep))
	var refs []int
	for _, a := range h.Assumptions {
		refs = append(refs, a.SourceRefs...)
	}
	c.source = sourceLine("emigrant estimates and surveys", uniq(refs))
	// Bottom-up: the first sector reads at the top.
	for i := len(h.Sectors) - 1; i >= 0; i-- {
		s := h.Sectors[i]
		note := people2(s.Count)
		if s.Lo != s.Hi {
			note += " (" + rangeText(s.Lo, s.Hi) + ")"
		}
		c.bars = append(c.bars, bar{label: shortTitle(s.Code, s.Title) + " (" + s.Code + ")",
			value: float64(s.Count), lo: s.Lo, hi: s.Hi, note: note})
	}
	return c
}

func destinationChart(rep *report) (chart, bool) {
	d := rep.Destinations
	if d.Note != "" || len(d.Rows) == 0 {
		return chart{}, false
	}
	c := chart{
		title:    "Emigrants from Russia after February 2022, by destination",
		subtitle: "Host countries' counts (The Bell, July 2024) scaled to the total. " + whiskers(rep),
		xlabel:   "people who left",
		ylabel:   "destination",
		source:   sourceLine("host-country statistics", d.Rows[0].Central.SourceRefs),
	}
	for i := len(d.Rows) - 1; i >= 0; i-- {
		r := d.Rows[i]
		c.bars = append(c.bars, bar{label: r.Name + " (" + r.Code + ")", value: float64(r.Count), lo: r.Lo, hi: r.Hi,
			note: humanSig(float64(r.Count), 3) + " (" + rangeText(r.Lo, r.Hi) + ")"})
	}
	return c, true
}

func costChart(rep *report) (chart, bool) {
	k := rep.Costs
	if k.Note != "" || len(k.Sectors) == 0 {
		return chart{}, false
	}
	c := chart{
		title:    fmt.Sprintf("Gross value added at risk in a year, by sector, billion roubles of %d", k.Year),
		subtitle: "Emigrants less those still working for Russian employers, times GVA per worker. " + whiskers(rep),
		xlabel:   fmt.Sprintf("value added at risk, billion roubles of %d", k.Year),
		ylabel:   "sector (ISIC Rev.4 section)",
		source:   sourceLine("Rosstat", k.SourceRefs),
	}
	for i := len(k.Sectors) - 1; i >= 0; i-- {
		r := k.Sectors[i]
		if r.ValueAdded.Point == nil {
			continue
		}
		v, lo, hi := *r.ValueAdded.Point/1e9, *r.ValueAdded.Lo/1e9, *r.ValueAdded.Hi/1e9
		c.bars = append(c.bars, bar{label: shortTitle(r.Code, r.Title) + " (" + r.Code + ")", value: v, lo: lo, hi: hi,
			note: fmt.Sprintf("%s (%s–%s)", humanSig(v, 2), humanSig(lo, 2), humanSig(hi, 2))})
	}
	return c, len(c.bars) > 0
}

// uniq returns ids without repeats, in first-seen order.
func uniq(ids []int) []int {
	var out []int
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
