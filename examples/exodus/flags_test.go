package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// The -total and -share values people type, read as they mean them (hand).
func TestParseSpanForms(t *testing.T) {
	tests := []struct {
		in      string
		percent bool
		lo, hi  float64
	}{
		{"1,5%", true, 0.015, 0.015},      // issue 13 row 5: a decimal comma, never 15%
		{"0,1%", true, 0.001, 0.001},      // issue 13 row 5: never 1.0%
		{"1e-3", true, 0.001, 0.001},      // issue 13 row 6: a valid number, not `"1e" is not a number`
		{"800k", false, 800_000, 800_000}, // issue 14 item 8: the form the report prints
		{"1.3M", false, 1_300_000, 1_300_000},
		{"600k-1M", false, 600_000, 1_000_000},
		{"1,000,000", false, 1_000_000, 1_000_000},
	}
	for _, tt := range tests {
		sp, err := parseSpan(tt.in, tt.percent)
		if err != nil {
			t.Errorf("parseSpan(%q): %v", tt.in, err)
			continue
		}
		if d := sp.lo - tt.lo; d > 1e-15 || d < -1e-15 || sp.hi-tt.hi > 1e-15 || sp.hi-tt.hi < -1e-15 {
			t.Errorf("parseSpan(%q) = %g–%g, want %g–%g", tt.in, sp.lo, sp.hi, tt.lo, tt.hi)
		}
	}
	if _, err := parseSpan("5%", false); err == nil {
		t.Error(`parseSpan("5%", false): a percentage taken as a number of people`)
	}
}

// Issue 14 §8: -share is echoed back exactly as given, not re-rounded
// ("1.25%-1.75%" once came back as "1.2%–1.8%").
func TestShareEchoedExactly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the report")
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"-share", "1.25%-1.75%", "-draws", "2000"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "-share 1.25%-1.75% (a 90% interval)") {
		t.Errorf("the report does not echo -share 1.25%%-1.75%% as given:\n%s", out.String())
	}
}
