package finance_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/finance"
)

func TestParseAmount(t *testing.T) {
	t.Parallel()
	// Expected values by hand from the short scale (billion = 1e9).
	tests := []struct{ in, want string }{
		{"1200000000000 RUB", "1200000000000.00 RUB"},
		{"RUB 1,200,000,000,000.00", "1200000000000.00 RUB"},
		{"1.2 trillion roubles", "1200000000000.00 RUB"},
		{"1.2trn RUB", "1200000000000.00 RUB"},
		{"₽1.2 trillion", "1200000000000.00 RUB"},
		{"1.2 tn rubles", "1200000000000.00 RUB"},
		{"£12bn", "12000000000.00 GBP"},
		{"$15 bn", "15000000000.00 USD"},
		{"US$15bn", "15000000000.00 USD"},
		{"€3.5m", "3500000.00 EUR"},
		{"12 billion pounds", "12000000000.00 GBP"},
		{"12 billion pounds sterling", "12000000000.00 GBP"},
		{"15 млрд долларов", "15000000000.00 USD"},
		{"2 трлн рублей", "2000000000000.00 RUB"},
		{"5 yuan", "5.00 CNY"},
		{"5 thousand yen", "5000 JPY"},
		{"$1.5k", "1500.00 USD"},
		{"2 mn EUR", "2000000.00 EUR"},
		{"-12.50 USD", "-12.50 USD"},
		{"−12.5 usd", "-12.50 USD"},
		{"$-3", "-3.00 USD"},
		{"-$3", "-3.00 USD"},
		{"0.125 BHD", "0.125 BHD"},
		{"1.23456 USD", "1.23456 USD"},
		{"  7 chf  ", "7.00 CHF"},
		{"100 DEM", "100 DEM"}, // withdrawn 2002-03, still parses
		{"0.5 JPY", "0.5 JPY"},
		// Huge but exact: 10^30 trillions is 10^42, not rounded, not a float.
		{"1" + strings.Repeat("0", 30) + " trillion RUB", "1" + strings.Repeat("0", 42) + ".00 RUB"},
		{"-0 USD", "0.00 USD"}, // decimal has no negative zero
		// Russian-style numbers (finding 3), by hand from the documented rule:
		// spaces, U+00A0 and U+202F between groups of three digits; a comma
		// is the decimal comma unless exactly three digits follow it.
		{"1 200 000 RUB", "1200000.00 RUB"},
		{"1\u00a0200\u00a0000 руб", "1200000.00 RUB"},
		{"1\u202f200 RUB", "1200.00 RUB"},
		{"1 200\u00a0000\u202f000 RUB", "1200000000.00 RUB"}, // the three spaces may mix
		{"RUB 1 200 000", "1200000.00 RUB"},
		{"₽1 200", "1200.00 RUB"},
		{"-1 200 RUB", "-1200.00 RUB"},
		{"15 000 млрд руб", "15000000000000.00 RUB"}, // hand: 15000e9
		{"1 200.5 USD", "1200.50 USD"},
		{"1,2 трлн руб", "1200000000000.00 RUB"}, // hand: 1.2e12
		{"1,2трлн руб", "1200000000000.00 RUB"},
		{"12,50 €", "12.50 EUR"},
		{"1,2 USD", "1.20 USD"},
		{"1,2345 USD", "1.2345 USD"}, // four digits follow: a decimal comma
		{"1,200 RUB", "1200.00 RUB"}, // three digits follow: thousands
		{"1,200,000 RUB", "1200000.00 RUB"},
		{"1 200 000,50 руб", "1200000.50 RUB"},
		{"1 200,125 BHD", "1200.125 BHD"}, // grouped by spaces: the comma is decimal
		{"0,125 BHD", "0.125 BHD"},        // a leading 0 is no thousands group
		{",5 USD", "0.50 USD"},            // as ".5 USD"
	}
	for _, tt := range tests {
		a, err := finance.ParseAmount(tt.in)
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", tt.in, err)
			continue
		}
		if got := a.String(); got != tt.want {
			t.Errorf("ParseAmount(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseAmountErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want error
	}{
		{"", finance.ErrSyntax},
		{"USD", finance.ErrSyntax},
		{"12", finance.ErrSyntax},
		{"12 bananas", finance.ErrSyntax},
		{"¥500", finance.ErrSyntax},
		{"500 ¥", finance.ErrSyntax},
		{"1.2.3 USD", finance.ErrSyntax},
		{"12. USD", finance.ErrSyntax},
		{"$12 USD", finance.ErrSyntax},
		{"--12 USD", finance.ErrSyntax},
		{"12 bn bn USD", finance.ErrSyntax},
		{"1e3 USD", finance.ErrSyntax},
		{"NaN USD", finance.ErrSyntax},
		{"Inf USD", finance.ErrSyntax},
		{"12 XYZ", finance.ErrUnknownCurrency},
		{"XYZ 12", finance.ErrUnknownCurrency},
		{"12 zzz", finance.ErrUnknownCurrency},
		{strings.Repeat("9", 5000) + " USD", finance.ErrSyntax},
		// Bad input audit (issue 3, GUIDE "Bad input").
		{"   ", finance.ErrSyntax},
		{"€", finance.ErrSyntax},
		{"nan USD", finance.ErrSyntax},
		{"Infinity USD", finance.ErrSyntax},
		{"-Inf USD", finance.ErrSyntax},
		{"1e400 USD", finance.ErrSyntax},
		{"1E-5 USD", finance.ErrSyntax},
		{"0x10 USD", finance.ErrSyntax},
		{"1_000 USD", finance.ErrSyntax},
		{"١٢ USD", finance.ErrSyntax}, // Arabic-Indic digits
		{"12\x00 USD", finance.ErrSyntax},
		{"+12 USD", finance.ErrSyntax},
		{"-$-3", finance.ErrSyntax},
		{"12 thousand", finance.ErrSyntax},
		{"12 m", finance.ErrSyntax},
		{"12 RUB bn", finance.ErrSyntax},
		{"12 usd usd", finance.ErrSyntax},
		{"12 USDT", finance.ErrSyntax},
		{"12 JPY ¥", finance.ErrSyntax},
		{"￥12", finance.ErrSyntax}, // fullwidth yen sign: as ambiguous as ¥
	}
	for _, tt := range tests {
		a, err := finance.ParseAmount(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("ParseAmount(%q) = %v, %v; want error wrapping %v", tt.in, a, err, tt.want)
			continue
		}
		if len(tt.in) < 100 && !strings.Contains(err.Error(), strconv.Quote(tt.in)) {
			t.Errorf("ParseAmount(%q) error %q does not quote the input", tt.in, err)
		}
	}
}

// A malformed number is reported as such, quoting it, and not as an unknown
// currency (finding 3: "1 200 000 RUB" gave `unknown currency word "200 000
// rub"`).
func TestParseAmountMalformedNumber(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, number string }{
		{"1 2 RUB", "1 2"},
		{"1 20 RUB", "1 20"},
		{"1 2000 RUB", "1 2000"},
		{"1200 000 RUB", "1200 000"}, // the first group has four digits
		{"1\u00a02 RUB", "1\u00a02"},
		{"1  200 RUB", "1  200"}, // two spaces are no group separator
		{"12  2 RUB", "12  2"},
		{"1 200\t000 RUB", "1 200\t000"}, // a tab is no group separator
		{"1 200 000,5,5 RUB", "1 200 000,5,5"},
		{"1,200 000 RUB", "1,200 000"}, // commas and spaces mixed
		{"1,200,5 RUB", "1,200,5"},     // thousands and decimal commas mixed
		{"1,20,000 RUB", "1,20,000"},   // Indian grouping is not accepted
		{"1.200,50 EUR", "1.200,50"},   // German style is not accepted
		{"1,2.5 USD", "1,2.5"},         // decimal comma and point
		{"12, RUB", "12,"},             // no digits after the comma
		{"1.2.3 USD", "1.2.3"},         // two points
		{"12. USD", "12."},             // no digits after the point
		{"$1 2", "1 2"},                // currency first
		{"1 200 000 000 0 RUB", "1 200 000 000 0"},
	}
	for _, tt := range tests {
		a, err := finance.ParseAmount(tt.in)
		if !errors.Is(err, finance.ErrSyntax) {
			t.Errorf("ParseAmount(%q) = %v, %v; want an error wrapping ErrSyntax", tt.in, a, err)
			continue
		}
		// The message is what a user reads: it must name the number, not a currency.
		msg := err.Error()
		if !strings.Contains(msg, "malformed number "+strconv.Quote(tt.number)) || strings.Contains(msg, "currency") {
			t.Errorf("ParseAmount(%q) error %q does not say that the number %q is malformed", tt.in, msg, tt.number)
		}
	}
}

func TestMustParseAmountPanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Errorf("MustParseAmount did not panic")
		}
	}()
	finance.MustParseAmount("twelve")
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"1200000000000 RUB", "RUB 1,200,000,000,000.00", "1.2 trillion roubles", "1.2trn RUB",
		"₽1.2 trillion", "£12bn", "$15 bn", "€3.5m", "12 billion pounds", "15 млрд долларов",
		"-12.50 USD", "0.125 BHD", "¥5", "1,2 USD", "$-3", "9999999999999999999999.999999 CLF",
		"1 200 000 RUB", "1\u00a0200,50 руб", "1\u202f200 RUB", "1,2 трлн руб", "12,50 €", "1,200 RUB", "1 2 RUB",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := finance.ParseAmount(s)
		if err != nil {
			if !errors.Is(err, finance.ErrSyntax) && !errors.Is(err, finance.ErrUnknownCurrency) {
				t.Fatalf("ParseAmount(%q) error %v wraps neither ErrSyntax nor ErrUnknownCurrency", s, err)
			}
			return
		}
		text := a.String()
		b, err := finance.ParseAmount(text)
		if err != nil {
			t.Fatalf("ParseAmount(%q) = %v, whose String %q does not parse: %v", s, a, text, err)
		}
		if !b.Equal(a) || b.String() != text {
			t.Fatalf("round trip of %q: %q became %v", s, text, b)
		}
		// JSON is lossless too.
		j, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("MarshalJSON(%v): %v", a, err)
		}
		var c finance.Amount
		if err := json.Unmarshal(j, &c); err != nil || !c.Equal(a) {
			t.Fatalf("JSON round trip of %v: %s became %v, %v", a, j, c, err)
		}
		// Written the Russian way, with no-break spaces between groups and a
		// decimal comma, it reads back the same, except where the documented
		// rule reads the comma as a thousands separator (at most three
		// integer digits, not 0, and exactly three decimals: "1,125 BHD").
		if ru, ambiguous := russian(text); !ambiguous {
			c, err := finance.ParseAmount(ru)
			if err != nil || !c.Equal(a) {
				t.Fatalf("ParseAmount(%q) = %v, %v; want %v", ru, c, err, a)
			}
		}
		_ = a.Compact()
	})
}

// russian rewrites the canonical "-1200000.50 RUB" as "-1 200 000,50 RUB"
// with U+00A0 between digit groups, and reports whether the documented rule
// reads the result's comma as a thousands separator instead.
func russian(canonical string) (string, bool) {
	num, code, _ := strings.Cut(canonical, " ")
	sign := ""
	if strings.HasPrefix(num, "-") {
		sign, num = "-", num[1:]
	}
	intPart, frac, hasFrac := strings.Cut(num, ".")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(d)
	}
	out := sign + b.String()
	if hasFrac {
		out += "," + frac
	}
	return out + " " + code, hasFrac && len(intPart) <= 3 && intPart != "0" && len(frac) == 3
}
