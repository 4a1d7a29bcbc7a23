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
		{"1,2 USD", finance.ErrSyntax},
		{"1,2345 USD", finance.ErrSyntax},
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
		_ = a.Compact()
	})
}
