package main

import (
	"math"
	"testing"
	"time"
)

// FuzzParseSpan: -total and -share values give an error or a span whose
// ends are finite and in order, never a panic.
func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"1000000", "600000-1000000", "1,000,000", "1.5%", "1.25%-1.75%", "-5", "5-3", "5-5", "NaN", "1e400", "%", "-", "1%-", " 2 - 3 "} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, percent bool) {
		sp, err := parseSpan(s, percent)
		if err != nil {
			return
		}
		if math.IsNaN(sp.lo) || math.IsInf(sp.lo, 0) || math.IsNaN(sp.hi) || math.IsInf(sp.hi, 0) || sp.lo > sp.hi || sp.lo < 0 {
			t.Errorf("parseSpan(%q, %v) = %v–%v", s, percent, sp.lo, sp.hi)
		}
	})
}

// FuzzParseDay: -date gives an error or a day that prints back as given.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2022-03-15", "2022-02-30", "2022-2-3", "15.03.2022", "0000-00-00", "9999-12-31", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDay(s)
		if err != nil {
			return
		}
		if got := d.Format(time.DateOnly); got != s {
			t.Errorf("parseDay(%q) = %s", s, got)
		}
	})
}
