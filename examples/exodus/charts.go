package main

import (
	"bytes"
	"fmt"
)

// renderCharts draws the -svg and -png charts, keyed by file name.
func renderCharts(rep *report, cfg config) (map[string][]byte, error) {
	out := map[string][]byte{}
	if cfg.svg == "" && cfg.png == "" {
		return out, nil
	}
	// Bottom-up: the first sector reads at the top.
	var bars []bar
	for i := len(rep.Headcounts.Sectors) - 1; i >= 0; i-- {
		s := rep.Headcounts.Sectors[i]
		bars = append(bars, bar{label: truncate(s.Title, 40) + " (" + s.Code + ")", value: float64(s.Count), lo: s.Lo, hi: s.Hi})
	}
	title := fmt.Sprintf("Emigrants from Russia by sector: whole people, with %g%% intervals", 100*rep.Settings.Level)
	for path, format := range map[string]string{cfg.svg: "svg", cfg.png: "png"} {
		if path == "" {
			continue
		}
		var buf bytes.Buffer
		if err := writeChart(&buf, format, title, "people who left", bars); err != nil {
			return nil, err
		}
		out[path] = buf.Bytes()
	}
	return out, nil
}
