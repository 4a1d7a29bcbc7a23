package finance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

func TestParseCurrency(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want finance.Currency
	}{
		{"RUB", finance.RUB},
		{"usd", finance.USD},
		{"  gbp\t", finance.GBP},
		{"Eur", finance.EUR},
	}
	for _, tt := range tests {
		got, err := finance.ParseCurrency(tt.in)
		if err != nil {
			t.Errorf("ParseCurrency(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseCurrency(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"", "US", "USDX", "XYZ", "AAA", "U$D", "ЕВР", "123", "RUR "[:2]} {
		if c, err := finance.ParseCurrency(in); !errors.Is(err, finance.ErrUnknownCurrency) {
			t.Errorf("ParseCurrency(%q) = %v, %v; want ErrUnknownCurrency", in, c, err)
		}
	}
}

// The constants must be the codes they are named after.
func TestCurrencyConstants(t *testing.T) {
	t.Parallel()
	consts := map[string]finance.Currency{
		"AED": finance.AED, "AMD": finance.AMD, "CHF": finance.CHF, "CNY": finance.CNY,
		"EUR": finance.EUR, "GBP": finance.GBP, "GEL": finance.GEL, "ILS": finance.ILS,
		"JPY": finance.JPY, "KZT": finance.KZT, "RSD": finance.RSD, "RUB": finance.RUB,
		"TRY": finance.TRY, "USD": finance.USD,
	}
	for code, c := range consts {
		if c.Code() != code || c.String() != code {
			t.Errorf("constant %s has Code %q, String %q", code, c.Code(), c.String())
		}
		if p := finance.MustParseCurrency(code); p != c {
			t.Errorf("ParseCurrency(%q) = %d, constant is %d", code, p, c)
		}
	}
}

// Facts from SIX Group, ISO 4217 list one (Pblshd 2024-06-25) and list
// three (historic denominations).
func TestCurrencyFacts(t *testing.T) {
	t.Parallel()
	type fact struct {
		Code, Numeric, Name, Withdrawn string
		Minor                          int32
	}
	tests := []fact{
		{"RUB", "643", "Russian Ruble", "", 2},
		{"USD", "840", "US Dollar", "", 2},
		{"JPY", "392", "Yen", "", 0},
		{"BHD", "048", "Bahraini Dinar", "", 3},
		{"KWD", "414", "Kuwaiti Dinar", "", 3},
		{"JOD", "400", "Jordanian Dinar", "", 3},
		{"OMR", "512", "Rial Omani", "", 3},
		{"TND", "788", "Tunisian Dinar", "", 3},
		{"LYD", "434", "Libyan Dinar", "", 3},
		{"IQD", "368", "Iraqi Dinar", "", 3},
		{"CLF", "990", "Unidad de Fomento", "", 4},
		{"VND", "704", "Dong", "", 0},
		{"KRW", "410", "Won", "", 0},
		{"XDR", "960", "SDR (Special Drawing Right)", "", 0}, // list one: N.A.
		{"BGN", "975", "Bulgarian Lev", "", 2},
		{"DEM", "276", "Deutsche Mark", "2002-03", 0},    // list three
		{"LTL", "440", "Lithuanian Litas", "2014-12", 0}, // list three
		{"HRK", "191", "Kuna", "before 2024-06-25", 2},   // list one 2018-08-29; absent 2024-06-25
	}
	for _, want := range tests {
		c, err := finance.ParseCurrency(want.Code)
		if err != nil {
			t.Errorf("ParseCurrency(%q): %v", want.Code, err)
			continue
		}
		got := fact{c.Code(), c.Numeric(), c.Name(), c.Withdrawn(), c.MinorUnits()}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", want.Code, diff)
		}
	}
}

func TestCurrencyZeroAndInvalid(t *testing.T) {
	t.Parallel()
	var zero finance.Currency
	if zero.Code() != "" || zero.String() != "Currency(0)" || !zero.IsZero() || zero.MinorUnits() != 0 || zero.Name() != "" {
		t.Errorf("zero Currency: Code %q String %q", zero.Code(), zero.String())
	}
	bad := finance.Currency(60000)
	if bad.Code() != "" || bad.String() != "Currency(60000)" || bad.Symbol() != "" {
		t.Errorf("invalid Currency: Code %q String %q Symbol %q", bad.Code(), bad.String(), bad.Symbol())
	}
	if _, err := bad.MarshalText(); !errors.Is(err, finance.ErrUnknownCurrency) {
		t.Errorf("MarshalText of invalid currency: %v", err)
	}
}

func TestCurrencySymbol(t *testing.T) {
	t.Parallel()
	got := map[string]string{}
	for _, c := range []finance.Currency{finance.RUB, finance.USD, finance.GBP, finance.EUR, finance.CNY, finance.JPY, finance.CHF} {
		got[c.Code()] = c.Symbol()
	}
	want := map[string]string{"RUB": "₽", "USD": "$", "GBP": "£", "EUR": "€", "CNY": "CN¥", "JPY": "JP¥", "CHF": "CHF"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Symbol mismatch (-want +got):\n%s", diff)
	}
}

func TestCurrencyText(t *testing.T) {
	t.Parallel()
	b, err := finance.KZT.MarshalText()
	if err != nil || string(b) != "KZT" {
		t.Fatalf("MarshalText = %q, %v", b, err)
	}
	var c finance.Currency
	if err := c.UnmarshalText([]byte("kzt")); err != nil || c != finance.KZT {
		t.Errorf("UnmarshalText(kzt) = %v, %v", c, err)
	}
	if err := c.UnmarshalText([]byte("QQQ")); !errors.Is(err, finance.ErrUnknownCurrency) {
		t.Errorf("UnmarshalText(QQQ) = %v", err)
	}
}

func TestCurrencySource(t *testing.T) {
	t.Parallel()
	cur, old := finance.RUB.Source(), finance.MustParseCurrency("DEM").Source()
	if cur.Publisher != "SIX Group (ISO 4217 Maintenance Agency)" || cur.Date != "2024-06-25" || !strings.HasSuffix(cur.URL, "list-one.xml") {
		t.Errorf("RUB source %+v", cur)
	}
	if !strings.HasSuffix(old.URL, "list-three.xml") || old.Date != "2023-01-01" {
		t.Errorf("DEM source %+v", old)
	}
	for _, s := range []exodus.Source{cur, old} {
		if err := s.Validate(); err != nil {
			t.Error(err)
		}
	}
	if !finance.Currency(0).Source().IsZero() {
		t.Errorf("zero Currency has a source")
	}
}

// Currency values sort in alphabetical order of their codes.
func TestCurrencyOrder(t *testing.T) {
	t.Parallel()
	codes := []string{"AED", "AMD", "BHD", "CHF", "CNY", "EUR", "GBP", "JPY", "RUB", "USD", "XAU", "ZWG"}
	for i := 1; i < len(codes); i++ {
		a, b := finance.MustParseCurrency(codes[i-1]), finance.MustParseCurrency(codes[i])
		if a >= b {
			t.Errorf("%s (%d) does not sort before %s (%d)", a, a, b, b)
		}
	}
}
