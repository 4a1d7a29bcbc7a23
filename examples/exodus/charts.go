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

// renderCharts draws the -svg and -png charts.
func renderCharts(rep *report, cfg config) ([]chartFile, error) {
	if cfg.svg == "" && cfg.png == "" {
		return nil, nil
	}
	// Bottom-up: the first sector reads at the top.
	var bars []bar
	for i := len(rep.Headcounts.Sectors) - 1; i >= 0; i-- {
		s := rep.Headcounts.Sectors[i]
		bars = append(bars, bar{label: truncate(s.Title, 40) + " (" + s.Code + ")", value: float64(s.Count), lo: s.Lo, hi: s.Hi})
	}
	title := fmt.Sprintf("Emigrants from Russia by sector: whole people, with %g%% intervals", 100*rep.Settings.Level)
	var out []chartFile
	for _, c := range []struct{ path, format string }{{cfg.svg, "svg"}, {cfg.png, "png"}} {
		if c.path == "" {
			continue
		}
		var buf bytes.Buffer
		if err := writeChart(&buf, c.format, title, "people who left", bars); err != nil {
			return nil, err
		}
		out = append(out, chartFile{c.path, buf.Bytes()})
	}
	return out, nil
}
