package finance_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

// Issue 14 §3: integer minor units make an Amount without a decimal literal.
func TestNewAmountFromMinor(t *testing.T) {
	for _, tc := range []struct {
		minor int64
		cur   finance.Currency
		want  string
	}{
		{1250, finance.USD, "12.50 USD"},                      // hand: 1250 cents
		{1250, finance.JPY, "1250 JPY"},                       // hand: JPY has no minor units (ISO 4217 exponent 0)
		{1250, finance.MustParseCurrency("BHD"), "1.250 BHD"}, // hand: BHD exponent 3
		{-5, finance.RUB, "-0.05 RUB"},                        // hand: 5 kopecks owed
		{0, finance.EUR, "0.00 EUR"},
		{-9223372036854775808, finance.USD, "-92233720368547758.08 USD"}, // hand: MinInt64 cents
	} {
		got := finance.NewAmountFromMinor(tc.minor, tc.cur)
		if got.String() != tc.want {
			t.Errorf("NewAmountFromMinor(%d, %v) = %v, want %s", tc.minor, tc.cur, got, tc.want)
		}
		if !got.Equal(finance.MustParseAmount(tc.want)) {
			t.Errorf("NewAmountFromMinor(%d, %v) is not equal to ParseAmount(%q)", tc.minor, tc.cur, tc.want)
		}
	}
}

// Split parts add up exactly and differ by at most one minor unit.
func TestAmountSplit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want []string
	}{
		{"100.00 USD", 3, []string{"33.34 USD", "33.33 USD", "33.33 USD"}}, // hand: 10000 cents = 3×3333 + 1
		{"-0.05 RUB", 2, []string{"-0.03 RUB", "-0.02 RUB"}},               // hand: 5 = 2+2, leftover 1 to the first
		{"7 JPY", 1, []string{"7 JPY"}},
		{"0.01 EUR", 3, []string{"0.01 EUR", "0.00 EUR", "0.00 EUR"}}, // hand: one cent, one part gets it
	} {
		parts, err := finance.MustParseAmount(tc.in).Split(tc.n)
		if err != nil {
			t.Fatalf("Split(%q, %d): %v", tc.in, tc.n, err)
		}
		var got []string
		for _, p := range parts {
			got = append(got, p.String())
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Split(%q, %d) mismatch (-want +got):\n%s", tc.in, tc.n, diff)
		}
	}
	for _, n := range []int{0, -1, 1 << 30} {
		if _, err := finance.MustParseAmount("1 USD").Split(n); !errors.Is(err, finance.ErrInvalidWeights) {
			t.Errorf("Split(%d) error = %v, want ErrInvalidWeights", n, err)
		}
	}
}

// Cmp across currencies never passes silently: the error is always set.
func TestCmpMismatchHasError(t *testing.T) {
	c, err := finance.MustParseAmount("100 USD").Cmp(finance.MustParseAmount("1 RUB"))
	var me *finance.MismatchError
	if !errors.As(err, &me) || me.Left != finance.USD || me.Right != finance.RUB {
		t.Fatalf("Cmp(USD, RUB) = %d, %v; want a *MismatchError USD/RUB", c, err)
	}
}

// Issue 14 §7: adding the CBR's own file to DefaultRates fails on the days
// both hold, with a short error that names Rates.Replace, and Replace works.
func TestDuplicateRateErrorPointsToReplace(t *testing.T) {
	f, err := os.Open("testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rates, err := finance.ParseCBR(f)
	if err != nil {
		t.Fatal(err)
	}
	table := finance.DefaultRates()
	err = table.Add(rates...)
	if !errors.Is(err, finance.ErrDuplicateRate) {
		t.Fatalf("Add(CBR file) error = %v, want ErrDuplicateRate", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "Rates.Replace") || len(msg) > 300 {
		t.Errorf("Add(CBR file) error has %d bytes and should name Rates.Replace in at most 300: %s", len(msg), msg)
	}
	if err := table.Replace(rates...); err != nil {
		t.Errorf("Replace(CBR file): %v", err)
	}
}

// Enums start at 1; the zero RoundingMode is unnamed and rounds half to even,
// since RoundTo cannot fail.
func TestRoundingModeZero(t *testing.T) {
	if s := finance.RoundingMode(0).String(); s != "RoundingMode(0)" {
		t.Errorf("RoundingMode(0).String() = %q", s)
	}
	if s := finance.HalfEven.String(); s != "HalfEven" {
		t.Errorf("HalfEven.String() = %q", s)
	}
	a := finance.MustParseAmount("2.345 USD")
	if got, want := a.RoundTo(2, 0), a.RoundTo(2, finance.HalfEven); !got.Equal(want) || got.String() != "2.34 USD" { // hand: 2.345 → 2.34, tie to even
		t.Errorf("RoundTo(2, 0) = %v, want %v", got, want)
	}
}
