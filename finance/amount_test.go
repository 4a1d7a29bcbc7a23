package finance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func strs(as []finance.Amount) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
}

func TestAmountArithmetic(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("10.50 USD")
	b := finance.MustParseAmount("0.75 USD")
	sum, err := a.Add(b)
	if err != nil || sum.String() != "11.25 USD" { // hand: 10.50+0.75
		t.Errorf("Add = %v, %v", sum, err)
	}
	diff, err := b.Sub(a)
	if err != nil || diff.String() != "-9.75 USD" { // hand: 0.75-10.50
		t.Errorf("Sub = %v, %v", diff, err)
	}
	if got, err := a.Mul(decimal.RequireFromString("1.5")); err != nil || got.String() != "15.750 USD" { // hand: 10.5*1.5 = 15.75, exact
		t.Errorf("Mul = %v, %v", got, err)
	}
	// issue 13: a product beyond the exponent range is an error, not a panic.
	if got, err := a.Mul(decimal.New(1, math.MaxInt32)); !errors.Is(err, finance.ErrRange) {
		t.Errorf("Mul by 1e2147483647 = %v, %v; want an error wrapping ErrRange", got, err)
	}
	if a.Neg().String() != "-10.50 USD" || a.Neg().Abs().String() != "10.50 USD" || a.Neg().Sign() != -1 {
		t.Errorf("Neg/Abs/Sign wrong")
	}
	if !finance.MustParseAmount("0 RUB").IsZero() || a.IsZero() {
		t.Errorf("IsZero wrong")
	}
	if !finance.MustParseAmount("1.5 USD").Equal(finance.MustParseAmount("1.50 USD")) {
		t.Errorf("1.5 USD should equal 1.50 USD")
	}
	if finance.MustParseAmount("1.5 USD").Equal(finance.MustParseAmount("1.5 EUR")) {
		t.Errorf("1.5 USD should not equal 1.5 EUR")
	}
	if c, err := a.Cmp(b); err != nil || c != 1 {
		t.Errorf("Cmp = %d, %v", c, err)
	}
}

func TestAmountMismatch(t *testing.T) {
	t.Parallel()
	usd, rub := finance.MustParseAmount("1 USD"), finance.MustParseAmount("1 RUB")
	_, err1 := usd.Add(rub)
	_, err2 := usd.Sub(rub)
	_, err3 := usd.Cmp(rub)
	for i, err := range []error{err1, err2, err3} {
		var m *finance.MismatchError
		if !errors.As(err, &m) || m.Left != finance.USD || m.Right != finance.RUB {
			t.Errorf("op %d: error %v, want *MismatchError USD/RUB", i, err)
		}
	}
}

// Expected values by hand: the digit dropped and the rule of each mode.
func TestAmountRoundTo(t *testing.T) {
	t.Parallel()
	modes := []finance.RoundingMode{finance.HalfEven, finance.HalfUp, finance.HalfDown, finance.Up, finance.Down, finance.Ceiling, finance.Floor}
	tests := []struct {
		in   string
		want [7]string // in the order of modes
	}{
		// JPY, minor unit 0.
		{"2.5 JPY", [7]string{"2", "3", "2", "3", "2", "3", "2"}},
		{"-2.5 JPY", [7]string{"-2", "-3", "-2", "-3", "-2", "-2", "-3"}},
		{"3.5 JPY", [7]string{"4", "4", "3", "4", "3", "4", "3"}},
		{"1234.49 JPY", [7]string{"1234", "1234", "1234", "1235", "1234", "1235", "1234"}},
		{"1234.51 JPY", [7]string{"1235", "1235", "1235", "1235", "1234", "1235", "1234"}},
		// BHD, minor unit 3.
		{"1.0005 BHD", [7]string{"1.000", "1.001", "1.000", "1.001", "1.000", "1.001", "1.000"}},
		{"1.0015 BHD", [7]string{"1.002", "1.002", "1.001", "1.002", "1.001", "1.002", "1.001"}},
		{"-0.0004 BHD", [7]string{"0.000", "0.000", "0.000", "-0.001", "0.000", "0.000", "-0.001"}},
		// CLF, minor unit 4.
		{"0.12345 CLF", [7]string{"0.1234", "0.1235", "0.1234", "0.1235", "0.1234", "0.1235", "0.1234"}},
		{"0.12355 CLF", [7]string{"0.1236", "0.1236", "0.1235", "0.1236", "0.1235", "0.1236", "0.1235"}},
		{"0.123451 CLF", [7]string{"0.1235", "0.1235", "0.1235", "0.1235", "0.1234", "0.1235", "0.1234"}},
		{"-0.12345 CLF", [7]string{"-0.1234", "-0.1235", "-0.1234", "-0.1235", "-0.1234", "-0.1234", "-0.1235"}},
	}
	for _, tt := range tests {
		a := finance.MustParseAmount(tt.in)
		var got [7]string
		for i, m := range modes {
			r := a.RoundTo(a.Currency().MinorUnits(), m)
			got[i] = r.Decimal().StringFixed(a.Currency().MinorUnits())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("RoundTo(%q) mismatch (-want +got), modes %v:\n%s", tt.in, modes, diff)
		}
		if r := a.Round(); !r.Equal(a.RoundTo(a.Currency().MinorUnits(), finance.HalfEven)) {
			t.Errorf("Round(%q) = %v, differs from RoundTo HalfEven", tt.in, r)
		}
	}
	// Round once: 0.13495 to two places is 0.13, not 0.14 (STYLE.md).
	if got := finance.MustParseAmount("0.13495 USD").Round().String(); got != "0.13 USD" {
		t.Errorf("Round(0.13495 USD) = %s, want 0.13 USD", got)
	}
	if got := finance.MustParseAmount("1234.5 USD").RoundTo(-2, finance.HalfUp).Decimal().String(); got != "1200" {
		t.Errorf("RoundTo(-2) = %s, want 1200", got)
	}
	if s := finance.RoundingMode(42).String(); s != "RoundingMode(42)" {
		t.Errorf("String of undefined mode = %q", s)
	}
}

// Expected values by hand: floor of amount×weight/total in minor units, then
// leftover units to the largest remainders, ties to the first.
func TestAmountAllocate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		weights []int64
		want    []string
	}{
		{"100.00 USD", []int64{1, 1, 1}, []string{"33.34 USD", "33.33 USD", "33.33 USD"}},
		{"-100.00 USD", []int64{1, 1, 1}, []string{"-33.34 USD", "-33.33 USD", "-33.33 USD"}},
		{"0.05 USD", []int64{1, 3}, []string{"0.01 USD", "0.04 USD"}}, // 5 units: 1 r1, 3 r3 → second
		{"1000 JPY", []int64{1, 1, 1}, []string{"334 JPY", "333 JPY", "333 JPY"}},
		{"100 JPY", []int64{3, 0, 7}, []string{"30 JPY", "0 JPY", "70 JPY"}},
		{"1 JPY", []int64{1, 1, 1}, []string{"1 JPY", "0 JPY", "0 JPY"}},
		{"10.000 BHD", []int64{1, 1, 1}, []string{"3.334 BHD", "3.333 BHD", "3.333 BHD"}},
		{"0.005 BHD", []int64{1, 1}, []string{"0.003 BHD", "0.002 BHD"}},    // tie → first
		{"1.0000 CLF", []int64{1, 2}, []string{"0.3333 CLF", "0.6667 CLF"}}, // 10000 units: r1, r2 → second
		{"0.0001 CLF", []int64{5, 5}, []string{"0.0001 CLF", "0.0000 CLF"}},
		{"10.005 USD", []int64{1, 1}, []string{"5.003 USD", "5.002 USD"}}, // finer than cents: kept
		{"1200000000000.00 RUB", []int64{80, 20}, []string{"960000000000.00 RUB", "240000000000.00 RUB"}},
	}
	for _, tt := range tests {
		a := finance.MustParseAmount(tt.in)
		parts, err := a.Allocate(tt.weights...)
		if err != nil {
			t.Errorf("Allocate(%q, %v): %v", tt.in, tt.weights, err)
			continue
		}
		if diff := cmp.Diff(tt.want, strs(parts)); diff != "" {
			t.Errorf("Allocate(%q, %v) mismatch (-want +got):\n%s", tt.in, tt.weights, diff)
		}
		sum := finance.NewAmount(decimal.Zero, a.Currency())
		for _, p := range parts {
			sum, _ = sum.Add(p)
		}
		if !sum.Equal(a) {
			t.Errorf("Allocate(%q, %v): parts add up to %v", tt.in, tt.weights, sum)
		}
	}
}

func TestAmountAllocateErrors(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("1 USD")
	for _, w := range [][]int64{nil, {0, 0}, {1, -1}} {
		if _, err := a.Allocate(w...); !errors.Is(err, finance.ErrInvalidWeights) {
			t.Errorf("Allocate(%v) error = %v, want ErrInvalidWeights", w, err)
		}
	}
}

func TestAmountCompact(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"1200000000000 RUB", "₽1.2trn"},              // the article
		{"15000000000 USD", "$15bn"},                  // hand: 1.2e12/80
		{"12000000000 GBP", "£12bn"},                  // hand: 1.2e12/100
		{"350000000 EUR", "€350m"},                    // issue 3
		{"1500 USD", "$1.5k"},                         // issue 3
		{"13804400842.99 USD", "$13.8bn"},             // 3 significant digits
		{"12345 EUR", "€12.3k"},                       // hand: 12345 → 12300
		{"12355 EUR", "€12.4k"},                       // hand: 12355 → 12400 (beyond half)
		{"999999 USD", "$1m"},                         // rounds up into the next scale
		{"0.5 USD", "$0.5"},                           // no scale word under 1000
		{"0 USD", "$0"},                               //
		{"1234567000000000 RUB", "₽1.23e15"},          // hand: 1.234567e15 ≥ 1000trn → 1.23e15
		{"999499999999999 EUR", "€999trn"},            // hand: 999.4999…trn → 999trn, under the boundary
		{"999500000000000 EUR", "€1e15"},              // hand: 999.5trn → 1000trn (half to even) = 1e15
		{"998500000000000 EUR", "€998trn"},            // hand: 998.5 → 998 (half to even)
		{"-999500000000000 EUR", "-€1e15"},            // hand: sign, then as above
		{"1" + zeros(38) + " EUR", "€1e38"},           // hand: 10^38
		{"-123456" + zeros(33) + " USD", "-$1.23e38"}, // hand: 1.23456e38 → 1.23e38
		{"9995" + zeros(35) + " USD", "$1e39"},        // hand: 9.995e38 → 10.0e38 (half to even) = 1e39
		{"25" + zeros(19) + " CHF", "CHF 2.5e20"},     // no symbol: code and space
		{"-4200000 CHF", "-CHF 4.2m"},                 // no symbol: code and space
	}
	for _, tt := range tests {
		if got := finance.MustParseAmount(tt.in).Compact(); got != tt.want {
			t.Errorf("Compact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// zeros returns n zeros, to write huge amounts without exponent notation,
// which ParseAmount refuses.
func zeros(n int) string { return strings.Repeat("0", n) }

func TestAmountFormat(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("1234.565 USD")
	got := []string{
		fmt.Sprintf("%v", a),
		fmt.Sprintf("%s", a),
		fmt.Sprintf("%q", a),
		fmt.Sprintf("%.2f", a), // hand: 1234.565 half-even → 1234.56
		fmt.Sprintf("%.0f", a),
		fmt.Sprintf("%16.1f|", a),
		fmt.Sprintf("%-16.1f|", a),
		fmt.Sprintf("%d", a),
	}
	want := []string{
		"1234.565 USD",
		"1234.565 USD",
		`"1234.565 USD"`,
		"1234.56 USD",
		"1235 USD",
		"      1234.6 USD|",
		"1234.6 USD      |",
		"%!d(finance.Amount=1234.565 USD)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Format mismatch (-want +got):\n%s", diff)
	}
}

func TestAmountJSON(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("1.2 trillion roubles")
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"amount":"1200000000000.00","currency":"RUB"}`; string(b) != want {
		t.Errorf("MarshalJSON = %s, want %s", b, want)
	}
	var back finance.Amount
	if err := json.Unmarshal(b, &back); err != nil || !back.Equal(a) {
		t.Errorf("UnmarshalJSON = %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"amount":-0.125,"currency":"BHD"}`), &back); err != nil || back.String() != "-0.125 BHD" {
		t.Errorf("UnmarshalJSON of a bare number = %v, %v", back, err)
	}
	var zero finance.Amount
	b, _ = json.Marshal(zero)
	if string(b) != `{"amount":"0","currency":""}` {
		t.Errorf("zero Amount JSON = %s", b)
	}
	for _, tt := range []struct {
		in   string
		want error
	}{
		{`{"amount":"1e3","currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":1e400,"currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":"NaN","currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":"","currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":"--5","currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":"-","currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":true,"currency":"USD"}`, finance.ErrSyntax},
		{`{"currency":"USD"}`, finance.ErrSyntax},
		{`{"amount":"` + strings.Repeat("9", 5000) + `","currency":"USD"}`, finance.ErrSyntax}, // longer than ParseAmount's 4096 bytes
		{`{"amount":"12","currency":"XYZ"}`, finance.ErrUnknownCurrency},
		{`{"amount":"12","currency":""}`, finance.ErrUnknownCurrency},
		{`{"amount":"12"}`, finance.ErrUnknownCurrency},
	} {
		before := back
		if err := json.Unmarshal([]byte(tt.in), &back); !errors.Is(err, tt.want) {
			t.Errorf("UnmarshalJSON(%s) = %v, want %v", tt.in, err, tt.want)
		}
		if !back.Equal(before) {
			t.Errorf("UnmarshalJSON(%s) failed but changed the amount to %v", tt.in, back)
		}
	}
	if err := json.Unmarshal([]byte(`[1]`), &back); err == nil {
		t.Errorf("UnmarshalJSON([1]) succeeded")
	}
}

func TestAmountTextAndSQL(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("£12bn")
	v, err := a.Value()
	if err != nil || v != "12000000000.00 GBP" {
		t.Fatalf("Value = %v, %v", v, err)
	}
	var back finance.Amount
	for _, src := range []any{v, []byte(v.(string))} {
		if err := back.Scan(src); err != nil || !back.Equal(a) {
			t.Errorf("Scan(%T) = %v, %v", src, back, err)
		}
	}
	if err := back.Scan(nil); err != nil || !back.Equal(finance.Amount{}) {
		t.Errorf("Scan(nil) = %v, %v", back, err)
	}
	// The zero Amount goes to NULL and back.
	if v, err := (finance.Amount{}).Value(); v != nil || err != nil {
		t.Errorf("zero Amount Value = %v, %v; want nil (NULL)", v, err)
	}
	if _, err := finance.NewAmount(decimal.NewFromInt(5), 0).Value(); !errors.Is(err, finance.ErrUnknownCurrency) {
		t.Errorf("Value of 5 with no currency = %v, want ErrUnknownCurrency", err)
	}
	if err := back.Scan(12); !errors.Is(err, finance.ErrSyntax) {
		t.Errorf("Scan(12) = %v", err)
	}
	if _, err := (finance.Amount{}).MarshalText(); err == nil {
		t.Errorf("MarshalText of the zero Amount succeeded")
	}
}

// Converting leaves the input unchanged, and results do not alias it.
func TestAmountImmutable(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("100.00 USD")
	_, _ = a.Mul(decimal.NewFromInt(3))
	_, _ = a.Allocate(1, 2)
	_ = a.RoundTo(0, finance.Up)
	if a.String() != "100.00 USD" {
		t.Errorf("a changed to %v", a)
	}
}

// Rounding never appends digits, and absurd precisions neither panic nor
// take long.
func TestAmountRoundToExtremes(t *testing.T) {
	t.Parallel()
	a := finance.MustParseAmount("1234.5 USD")
	if got := a.RoundTo(6, finance.Up).Decimal().String(); got != "1234.5" {
		t.Errorf("RoundTo(6) = %s, want 1234.5 unchanged", got)
	}
	if got := a.RoundTo(math.MaxInt32, finance.HalfEven).Decimal().String(); got != "1234.5" {
		t.Errorf("RoundTo(MaxInt32) = %s", got)
	}
	if got := a.RoundTo(math.MinInt32, finance.HalfEven).Decimal().String(); got != "0" {
		t.Errorf("RoundTo(MinInt32, HalfEven) = %s, want 0", got) // hand: 1234.5 is far below half of 10^1048576
	}
}

// Amounts of more than a million digits, which only NewAmount and Mul can
// make, are refused by the operations that would expand them.
func TestAmountOutOfRange(t *testing.T) {
	t.Parallel()
	rate, err := finance.NewRate(finance.USD, finance.RUB, decimal.RequireFromString("86.9288"), date(2022, 2, 25), finance.Official, exodus.Source{})
	if err != nil {
		t.Fatal(err)
	}
	rates, err := finance.NewRates(rate)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []decimal.Decimal{decimal.New(1, 1<<20+1), decimal.New(1, -(1<<20 + 1))} {
		a := finance.NewAmount(d, finance.USD)
		if _, err := a.Allocate(1, 1); !errors.Is(err, finance.ErrRange) {
			t.Errorf("Allocate(1e%d USD) = %v, want ErrRange", d.Exponent(), err)
		}
		if _, err := rate.Convert(a); !errors.Is(err, finance.ErrRange) {
			t.Errorf("Rate.Convert(1e%d USD) = %v, want ErrRange", d.Exponent(), err)
		}
		if _, err := rates.Convert(a, finance.RUB, date(2022, 2, 25)); !errors.Is(err, finance.ErrRange) {
			t.Errorf("Rates.Convert(1e%d USD) = %v, want ErrRange", d.Exponent(), err)
		}
	}
	// The limit itself is accepted. hand: 10^1048576 × 86.9288 has no
	// fractional part, so it converts exactly.
	a := finance.NewAmount(decimal.New(1, 1<<20), finance.USD)
	got, err := rate.Convert(a)
	if err != nil || !got.Decimal().Equal(decimal.New(869288, 1<<20-4)) {
		t.Errorf("Rate.Convert(1e1048576 USD) failed: %v", err)
	}
}

// An amount far below the rounding unit rounds by its sign and the mode
// alone. hand: |x| < a tenth of a cent, so the nearest modes give 0 and the
// directed ones 0 or one cent by the rule of each mode.
func TestAmountRoundTiny(t *testing.T) {
	t.Parallel()
	modes := []finance.RoundingMode{finance.HalfEven, finance.HalfUp, finance.HalfDown, finance.Up, finance.Down, finance.Ceiling, finance.Floor}
	tests := []struct {
		in   decimal.Decimal
		want [7]string // in the order of modes
	}{
		{decimal.New(3, -20000000), [7]string{"0", "0", "0", "0.01", "0", "0.01", "0"}},
		{decimal.New(-3, -20000000), [7]string{"0", "0", "0", "-0.01", "0", "0", "-0.01"}},
		{decimal.New(9, -4), [7]string{"0", "0", "0", "0.01", "0", "0.01", "0"}},                 // 0.0009: under a tenth of a cent
		{decimal.New(-9, -4), [7]string{"0", "0", "0", "-0.01", "0", "0", "-0.01"}},              //
		{decimal.New(49, -4), [7]string{"0", "0", "0", "0.01", "0", "0.01", "0"}},                // 0.0049: not tiny, the ordinary path
		{decimal.New(5, -3), [7]string{"0", "0.01", "0", "0.01", "0", "0.01", "0"}},              // 0.005: a tie
		{decimal.New(-51, -4), [7]string{"-0.01", "-0.01", "-0.01", "-0.01", "0", "0", "-0.01"}}, // -0.0051
	}
	for _, tt := range tests {
		a := finance.NewAmount(tt.in, finance.USD)
		var got [7]string
		for i, m := range modes {
			got[i] = a.RoundTo(2, m).Decimal().String()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("RoundTo(%s USD, 2) mismatch (-want +got), modes %v:\n%s", tt.in.String()[:min(20, len(tt.in.String()))], modes, diff)
		}
	}
	if got := fmt.Sprintf("%.2f", finance.NewAmount(decimal.New(3, -20000000), finance.USD)); got != "0.00 USD" {
		t.Errorf("%%.2f of 3e-20000000 USD = %q, want 0.00 USD", got)
	}
}

// FuzzAllocate splits an amount by many weights (issue 13, What it must
// have 3): never a panic, and the parts add up exactly, each within one
// unit of its exact share, zero for a zero weight.
func FuzzAllocate(f *testing.F) {
	f.Add("100.00 USD", []byte{1, 1, 1})
	f.Add("-0.05 EUR", []byte{0, 3, 0, 7})
	f.Add("1200000000000.00 RUB", bytes.Repeat([]byte{1, 2, 3, 250}, 300))
	f.Add("0.001 USD", []byte{255})
	f.Fuzz(func(t *testing.T, amount string, raw []byte) {
		a, err := finance.ParseAmount(amount)
		if err != nil || len(raw) > 1<<12 {
			return
		}
		// Two bytes per weight, so weights up to 65535 and many of them.
		weights := make([]int64, 0, len(raw)/2+1)
		for i := 0; i+1 < len(raw); i += 2 {
			weights = append(weights, int64(raw[i])<<8|int64(raw[i+1]))
		}
		if len(raw)%2 == 1 {
			weights = append(weights, int64(raw[len(raw)-1]))
		}
		parts, err := a.Allocate(weights...)
		if err != nil {
			if !errors.Is(err, finance.ErrInvalidWeights) && !errors.Is(err, finance.ErrRange) {
				t.Fatalf("Allocate(%v, %d weights): %v", a, len(weights), err)
			}
			return
		}
		total := int64(0)
		for _, w := range weights {
			total += w
		}
		sum := finance.NewAmount(decimal.Zero, a.Currency())
		for i, p := range parts {
			if sum, err = sum.Add(p); err != nil {
				t.Fatal(err)
			}
			// |part - a·w/total| < one unit of a's scale (checked ×total).
			exact := a.Decimal().Mul(decimal.NewFromInt(weights[i]))
			diff := p.Decimal().Mul(decimal.NewFromInt(total)).Sub(exact).Abs()
			unit := decimal.New(1, -max(a.Currency().MinorUnits(), -a.Decimal().Exponent()))
			if diff.Cmp(unit.Mul(decimal.NewFromInt(total))) >= 0 || (weights[i] == 0 && !p.IsZero()) {
				t.Fatalf("Allocate(%v): part %d = %v for weight %d of %d", a, i, p, weights[i], total)
			}
		}
		if !sum.Equal(a) {
			t.Fatalf("Allocate(%v, %d weights): parts add up to %v", a, len(weights), sum)
		}
	})
}
