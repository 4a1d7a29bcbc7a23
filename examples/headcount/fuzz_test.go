package main

import (
	"math"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// FuzzParseEstimate: -share and -total values give an error or an estimate
// with a finite median, never a panic.
func FuzzParseEstimate(f *testing.F) {
	for _, s := range []string{"1.5%", "0.015", "1.25%-1.75%", "600000-1000000", "1,000,000", "-1%", "5-3", "NaN", "1e400", "%", "1%-"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, percent bool) {
		between := estimate.Between
		if percent {
			between = estimate.ShareBetween
		}
		e, err := parseEstimate(s, percent, between)
		if err != nil {
			return
		}
		if m := e.Median(); math.IsNaN(m) || math.IsInf(m, 0) {
			t.Errorf("parseEstimate(%q, %v): median %v", s, percent, m)
		}
	})
}
