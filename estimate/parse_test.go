package estimate_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

func TestParseRange(t *testing.T) {
	// Every expectation is the figure as a reader of the text would take it
	// (hand), in persons or as a fraction.
	tests := []struct {
		in     string
		lo, hi float64
	}{
		{"800000", 8e5, 8e5},
		{"800k", 8e5, 8e5},
		{"800 thousand", 8e5, 8e5},
		{"1.3M", 1.3e6, 1.3e6},
		{"1.3m", 1.3e6, 1.3e6},
		{"1.3 million", 1.3e6, 1.3e6},
		{"15bn", 15e9, 15e9},
		{"1.2trn", 1.2e12, 1.2e12},
		{"1,2 трлн", 1.2e12, 1.2e12},
		{"600 тыс", 6e5, 6e5},
		{"1.5%", 0.015, 0.015},
		{"0.015", 0.015, 0.015},
		{"1e-3", 1e-3, 1e-3}, // issue 13 row 6: a valid number was refused
		{"1E+6", 1e6, 1e6},
		{"1,5%", 0.015, 0.015}, // issue 13 row 5: a decimal comma, never 15%
		{"0,1%", 0.001, 0.001}, // issue 13 row 5: never 1.0%
		{"0,015", 0.015, 0.015},
		{"1,000,000", 1e6, 1e6},
		{"600,000", 6e5, 6e5},
		{"1 200 000", 1.2e6, 1.2e6},
		{"1_200_000", 1.2e6, 1.2e6},
		{"1,234.5", 1234.5, 1234.5},
		{"1.234,5", 1234.5, 1234.5},
		{"600000-1000000", 6e5, 1e6},
		{"600,000-1,000,000", 6e5, 1e6},
		{"600k–1M", 6e5, 1e6},
		{"600k - 1M", 6e5, 1e6},
		{"600–800k", 6e5, 8e5}, // the high end's suffix is shared
		{"450 to 800 thousand", 4.5e5, 8e5},
		{"1.25%-1.75%", 0.0125, 0.0175},
		{"1.25-1.75%", 0.0125, 0.0175},
		{"1e-3-2e-3", 1e-3, 2e-3},
		{" 800k ", 8e5, 8e5},
		{"0", 0, 0},
	}
	for _, tt := range tests {
		lo, hi, err := estimate.ParseRange(tt.in)
		if err != nil {
			t.Errorf("ParseRange(%q): %v", tt.in, err)
			continue
		}
		if !close(lo, tt.lo) || !close(hi, tt.hi) {
			t.Errorf("ParseRange(%q) = %g, %g; want %g, %g", tt.in, lo, hi, tt.lo, tt.hi)
		}
	}
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

func TestParseRangeErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"", estimate.ErrSyntax},
		{"  ", estimate.ErrSyntax},
		{"-5", estimate.ErrSyntax},
		{"−5", estimate.ErrSyntax},
		{"NaN", estimate.ErrSyntax},
		{"Inf", estimate.ErrSyntax},
		{"+Inf", estimate.ErrSyntax},
		{"0x10", estimate.ErrSyntax},
		{"abc", estimate.ErrSyntax},
		{"aM", estimate.ErrSyntax},
		{"1.2.3", estimate.ErrSyntax},
		{"1,2,3", estimate.ErrSyntax},
		{"1e5.5", estimate.ErrSyntax},
		{"1e400", estimate.ErrSyntax},
		{"1e300trn", estimate.ErrSyntax},
		{"5-", estimate.ErrSyntax},
		{"-", estimate.ErrSyntax},
		{"5-x", estimate.ErrSyntax},
		{"\xff", estimate.ErrSyntax},
		{strings.Repeat("9", 300), estimate.ErrSyntax},
		{"1M-600k", estimate.ErrInvalid},
		{"5-5", estimate.ErrInvalid},
	}
	for _, tt := range tests {
		lo, hi, err := estimate.ParseRange(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("ParseRange(%q) = %g, %g, %v; want an error wrapping %v", tt.in, lo, hi, err, tt.want)
			continue
		}
		if q := tt.in; len(q) < 20 && q != "" && !strings.Contains(err.Error(), q) && utf8Valid(q) {
			t.Errorf("ParseRange(%q) error %q does not name the input", tt.in, err)
		}
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

// ParseRange reads back what Estimate.String prints.
func TestParseRangeReadsString(t *testing.T) {
	e := estimate.Must(estimate.Between(600_000, 1_000_000))
	// "770k (90%: 600k–1.0M)": the part in the parentheses is a range.
	s := e.String()
	_, r, ok := strings.Cut(s, ": ")
	if !ok {
		t.Fatalf("String() = %q: no interval", s)
	}
	lo, hi, err := estimate.ParseRange(strings.TrimSuffix(r, ")"))
	if err != nil {
		t.Fatal(err)
	}
	if lo != 600_000 || hi != 1_000_000 {
		t.Errorf("ParseRange(%q) = %g, %g; want 600000, 1000000 (hand)", r, lo, hi)
	}
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"800k", "1,5%", "600k–1M", "1e-3-2e-3", "1 200 000", "450 to 800 thousand", "1,2 трлн"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lo, hi, err := estimate.ParseRange(s)
		if err != nil {
			if !errors.Is(err, estimate.ErrSyntax) && !errors.Is(err, estimate.ErrInvalid) {
				t.Fatalf("ParseRange(%q): error %v wraps neither ErrSyntax nor ErrInvalid", s, err)
			}
			return
		}
		if math.IsNaN(lo) || math.IsInf(hi, 0) || lo < 0 || lo > hi {
			t.Fatalf("ParseRange(%q) = %g, %g", s, lo, hi)
		}
	})
}
