package finance_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	cbrSource     = exodus.Source{Publisher: "Central Bank of Russia", Title: "XML_daily", Date: "2022-02-04"}
	fixtureSource = exodus.Source{Publisher: "Central Bank of Russia", Title: "XML_dynamic R01235", Date: "2022-02-25"}
	articleSource = exodus.Source{Title: "Decoding the Mass Departure from Russia", Note: "implied rates"}
)

func mustRate(t testing.TB, base, quote finance.Currency, value string, on time.Time, src exodus.Source) finance.Rate {
	t.Helper()
	r, err := finance.NewRate(base, quote, decimal.RequireFromString(value), on, finance.Official, src)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// testRates holds CBR rates from the 04.02.2022 daily file and the
// 25.02.2022 XML_dynamic fixture (see data/rates.json).
func testRates(t testing.TB) *finance.Rates {
	t.Helper()
	rates, err := finance.NewRates(
		mustRate(t, finance.USD, finance.RUB, "76.6501", date(2022, 2, 4), cbrSource),
		mustRate(t, finance.GBP, finance.RUB, "103.8762", date(2022, 2, 4), cbrSource),
		mustRate(t, finance.USD, finance.RUB, "86.9288", date(2022, 2, 25), fixtureSource),
	)
	if err != nil {
		t.Fatal(err)
	}
	return rates
}

// The article: 1.2 trillion roubles is "approximately £12bn / $15bn".
func TestArticleConversion(t *testing.T) {
	t.Parallel()
	on := date(2023, 6, 1)
	rates, err := finance.NewRates(
		mustRate(t, finance.USD, finance.RUB, "80", on, articleSource),
		mustRate(t, finance.GBP, finance.RUB, "100", on, articleSource),
	)
	if err != nil {
		t.Fatal(err)
	}
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	usd, err := rates.Convert(roubles, finance.USD, on)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := usd.String(), "15000000000.00 USD"; got != want { // hand: 1.2e12/80
		t.Errorf("USD = %s, want %s", got, want)
	}
	if got := usd.Compact(); got != "$15bn" {
		t.Errorf("USD Compact = %s, want $15bn", got)
	}
	gbp, err := rates.Convert(roubles, finance.GBP, on)
	if err != nil {
		t.Fatal(err)
	}
	if got := gbp.String() + " " + gbp.Compact(); got != "12000000000.00 GBP £12bn" { // hand: 1.2e12/100
		t.Errorf("GBP = %s, want 12000000000.00 GBP £12bn", got)
	}
}

// CBR USD rate dated 25.02.2022: 86.9288 (XML_dynamic R01235, see
// data/rates.json). bc: 1200000000000/86.9288 = 13804400842.98874481…,
// half to even at cents: 13804400842.99.
func TestConvertCBR20220225(t *testing.T) {
	t.Parallel()
	got, err := testRates(t).Convert(finance.MustParseAmount("1200000000000 RUB"), finance.USD, date(2022, 2, 25))
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != "13804400842.99 USD" {
		t.Errorf("Convert = %v, want 13804400842.99 USD", got)
	}
}

func TestRatesFind(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	msk := time.FixedZone("MSK", 3*60*60)
	tests := []struct {
		name     string
		from, to finance.Currency
		on       time.Time
		opt      finance.FindOptions
		want     string // Rate.String
		chain    []string
	}{
		{"latest before the day", finance.USD, finance.RUB, date(2022, 2, 18), finance.FindOptions{},
			"1 USD = 76.6501 RUB on 2022-02-04 (official)", []string{"1 USD = 76.6501 RUB on 2022-02-04 (official)"}},
		{"any age", finance.USD, finance.RUB, date(2022, 2, 24), finance.FindOptions{AnyAge: true},
			"1 USD = 76.6501 RUB on 2022-02-04 (official)", []string{"1 USD = 76.6501 RUB on 2022-02-04 (official)"}},
		{"applies from its date", finance.USD, finance.RUB, date(2022, 2, 25), finance.FindOptions{},
			"1 USD = 86.9288 RUB on 2022-02-25 (official)", []string{"1 USD = 86.9288 RUB on 2022-02-25 (official)"}},
		{"calendar date in its own zone", finance.USD, finance.RUB, time.Date(2022, 2, 25, 1, 0, 0, 0, msk), finance.FindOptions{},
			"1 USD = 86.9288 RUB on 2022-02-25 (official)", []string{"1 USD = 86.9288 RUB on 2022-02-25 (official)"}},
		// bc: scale=20; 1/86.9288 = .01150366736915728734
		{"inverse", finance.RUB, finance.USD, date(2022, 3, 1), finance.FindOptions{},
			"1 RUB = 0.0115036673691573 USD on 2022-02-25 (official, inverse)", []string{"1 USD = 86.9288 RUB on 2022-02-25 (official)"}},
		// bc: scale=20; 103.8762/86.9288 = 1.19495725237205621152; dated by
		// the older leg (issue 9 found 2), so 25 days old on 2022-03-01
		{"cross through RUB", finance.GBP, finance.USD, date(2022, 3, 1), finance.FindOptions{MaxAge: 25},
			"1 GBP = 1.1949572523720562 USD on 2022-02-04 (official, cross via RUB)", []string{"1 GBP = 103.8762 RUB on 2022-02-04 (official)", "1 USD = 86.9288 RUB on 2022-02-25 (official)"}},
		{"max age met", finance.USD, finance.RUB, date(2022, 3, 1), finance.FindOptions{MaxAge: 4},
			"1 USD = 86.9288 RUB on 2022-02-25 (official)", []string{"1 USD = 86.9288 RUB on 2022-02-25 (official)"}},
		{"same day only", finance.USD, finance.RUB, date(2022, 2, 25), finance.FindOptions{MaxAge: -1},
			"1 USD = 86.9288 RUB on 2022-02-25 (official)", []string{"1 USD = 86.9288 RUB on 2022-02-25 (official)"}},
		{"same currency", finance.EUR, finance.EUR, date(2022, 2, 25), finance.FindOptions{},
			"1 EUR = 1 EUR on 2022-02-25 (official)", []string{"1 EUR = 1 EUR on 2022-02-25 (official)"}},
	}
	for _, tt := range tests {
		r, err := rates.FindWith(tt.from, tt.to, tt.on, tt.opt)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var chain []string
		for _, q := range r.Chain() {
			chain = append(chain, q.String())
		}
		if diff := cmp.Diff([]string{tt.want, fmt.Sprint(tt.chain)}, []string{r.String(), fmt.Sprint(chain)}); diff != "" {
			t.Errorf("%s: Find(%v, %v, %s) mismatch (-want +got):\n%s", tt.name, tt.from, tt.to, tt.on, diff)
		}
	}
}

func TestRatesFindErrors(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	tests := []struct {
		name     string
		from, to finance.Currency
		on       time.Time
		opt      finance.FindOptions
		want     finance.RateError
	}{
		{"before the first rate", finance.USD, finance.RUB, date(2022, 2, 3), finance.FindOptions{},
			finance.RateError{From: finance.USD, To: finance.RUB, On: date(2022, 2, 3), MaxAge: finance.DefaultMaxAge}},
		{"before the first rate, any age", finance.USD, finance.RUB, date(2022, 2, 3), finance.FindOptions{AnyAge: true},
			finance.RateError{From: finance.USD, To: finance.RUB, On: date(2022, 2, 3)}},
		// issue 9 must-have 2: refused by default when older than 14 days
		{"too old by default", finance.GBP, finance.RUB, date(2022, 2, 19), finance.FindOptions{},
			finance.RateError{From: finance.GBP, To: finance.RUB, On: date(2022, 2, 19), MaxAge: finance.DefaultMaxAge, Latest: date(2022, 2, 4)}},
		{"too old", finance.USD, finance.RUB, date(2022, 3, 1), finance.FindOptions{MaxAge: 3},
			finance.RateError{From: finance.USD, To: finance.RUB, On: date(2022, 3, 1), MaxAge: 3, Latest: date(2022, 2, 25)}},
		{"not on the day", finance.USD, finance.RUB, date(2022, 2, 26), finance.FindOptions{MaxAge: -1},
			finance.RateError{From: finance.USD, To: finance.RUB, On: date(2022, 2, 26), MaxAge: -1, Latest: date(2022, 2, 25)}},
		{"cross too old", finance.GBP, finance.USD, date(2022, 2, 25), finance.FindOptions{MaxAge: 7},
			finance.RateError{From: finance.GBP, To: finance.USD, On: date(2022, 2, 25), MaxAge: 7, Latest: date(2022, 2, 4)}},
		{"no common currency allowed", finance.GBP, finance.USD, date(2022, 3, 1), finance.FindOptions{Via: []finance.Currency{finance.EUR}},
			finance.RateError{From: finance.GBP, To: finance.USD, On: date(2022, 3, 1), MaxAge: finance.DefaultMaxAge}},
		{"unknown pair", finance.JPY, finance.USD, date(2022, 3, 1), finance.FindOptions{},
			finance.RateError{From: finance.JPY, To: finance.USD, On: date(2022, 3, 1), MaxAge: finance.DefaultMaxAge}},
	}
	for _, tt := range tests {
		_, err := rates.FindWith(tt.from, tt.to, tt.on, tt.opt)
		var re *finance.RateError
		if !errors.Is(err, finance.ErrNoRate) || !errors.As(err, &re) {
			t.Errorf("%s: error %v, want *RateError wrapping ErrNoRate", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, *re); diff != "" {
			t.Errorf("%s: RateError mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	_, err := rates.Convert(finance.MustParseAmount("1 USD"), finance.RUB, date(2022, 2, 3))
	if want := "finance: no USD/RUB rate on or before 2022-02-03"; err == nil || err.Error() != want {
		t.Errorf("Convert error = %v, want %q", err, want)
	}
}

// A fresher cross rate beats a stale direct quote; on the same date the
// direct quote wins.
func TestRatesFindPrefersFreshest(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	direct := mustRate(t, finance.GBP, finance.USD, "1.35", date(2022, 1, 10), exodus.Source{Title: "direct"})
	if err := rates.Add(direct); err != nil {
		t.Fatal(err)
	}
	anyAge := finance.FindOptions{AnyAge: true}
	r, err := rates.FindWith(finance.GBP, finance.USD, date(2022, 3, 1), anyAge)
	if err != nil || r.IsQuoted() {
		t.Errorf("Find = %v, %v; want the cross rate of 2022-02-04/25", r, err)
	}
	r, err = rates.FindWith(finance.GBP, finance.USD, date(2022, 1, 31), anyAge)
	if err != nil || !r.IsQuoted() || r.Decimal().String() != "1.35" {
		t.Errorf("Find = %v, %v; want the direct quote", r, err)
	}
	same := mustRate(t, finance.GBP, finance.USD, "1.36", date(2022, 2, 4), exodus.Source{Title: "direct"})
	if err := rates.Add(same); err != nil {
		t.Fatal(err)
	}
	r, err = rates.Find(finance.GBP, finance.USD, date(2022, 2, 10))
	if err != nil || !r.IsQuoted() || r.Decimal().String() != "1.36" {
		t.Errorf("Find = %v, %v; want the direct quote of the same date as the cross legs", r, err)
	}
}

func TestRatesAdd(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	n := rates.Len()
	again := mustRate(t, finance.USD, finance.RUB, "86.9288", date(2022, 2, 25), fixtureSource)
	if err := rates.Add(again); err != nil || rates.Len() != n {
		t.Errorf("adding an equal rate: %v, Len %d → %d", err, n, rates.Len())
	}
	other := mustRate(t, finance.USD, finance.RUB, "86.93", date(2022, 2, 25), fixtureSource)
	fresh := mustRate(t, finance.EUR, finance.RUB, "86.561", date(2022, 2, 4), cbrSource)
	if err := rates.Add(fresh, other); !errors.Is(err, finance.ErrDuplicateRate) {
		t.Errorf("adding a conflicting rate: %v, want ErrDuplicateRate", err)
	}
	if rates.Len() != n {
		t.Errorf("a failed Add changed the table: Len %d → %d", n, rates.Len())
	}
	if _, err := finance.NewRates(fresh, mustRate(t, finance.EUR, finance.RUB, "1", date(2022, 2, 4), cbrSource)); !errors.Is(err, finance.ErrDuplicateRate) {
		t.Errorf("NewRates with a conflict: %v", err)
	}
	// The same value from another source is still a second quote: the table
	// keeps one per pair and day, and would lose a citation.
	otherSource := mustRate(t, finance.USD, finance.RUB, "86.9288", date(2022, 2, 25), cbrSource)
	if err := rates.Add(otherSource); !errors.Is(err, finance.ErrDuplicateRate) || rates.Len() != n {
		t.Errorf("adding the same value from another source: %v, Len %d → %d; want ErrDuplicateRate", err, n, rates.Len())
	}
	if err := rates.Add(finance.Rate{}); !errors.Is(err, finance.ErrInvalidRate) {
		t.Errorf("adding the zero Rate: %v", err)
	}
	var zero finance.Rates
	if _, err := zero.Find(finance.USD, finance.RUB, date(2022, 2, 25)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("zero Rates Find: %v", err)
	}
	if err := zero.Add(fresh); err != nil || zero.Len() != 1 || len(zero.All()) != 1 {
		t.Errorf("zero Rates Add: %v", err)
	}
}

func TestNewRateErrors(t *testing.T) {
	t.Parallel()
	on := date(2022, 2, 25)
	tests := []struct {
		name        string
		base, quote finance.Currency
		value       string
		on          time.Time
	}{
		{"zero value", finance.USD, finance.RUB, "0", on},
		{"negative value", finance.USD, finance.RUB, "-86.9288", on},
		{"same currency", finance.USD, finance.USD, "1", on},
		{"zero base", 0, finance.RUB, "1", on},
		{"invalid quote", finance.USD, finance.Currency(60000), "1", on},
		{"no date", finance.USD, finance.RUB, "86.9288", time.Time{}},
		{"huge exponent", finance.USD, finance.RUB, "1e5000", on},
		{"tiny exponent", finance.USD, finance.RUB, "1e-5000", on},
	}
	for _, tt := range tests {
		_, err := finance.NewRate(tt.base, tt.quote, decimal.RequireFromString(tt.value), tt.on, finance.Official, exodus.Source{})
		if !errors.Is(err, finance.ErrInvalidRate) {
			t.Errorf("%s: error %v, want ErrInvalidRate", tt.name, err)
		}
	}
}

func TestRateConvert(t *testing.T) {
	t.Parallel()
	r := mustRate(t, finance.USD, finance.RUB, "86.9288", date(2022, 2, 25), fixtureSource)
	tests := []struct{ in, want string }{
		{"1000 USD", "86928.80 RUB"},    // hand: 1000*86.9288
		{"86928.80 RUB", "1000.00 USD"}, // hand: exact inverse
		{"1 RUB", "0.01 USD"},           // bc: 1/86.9288 = 0.0115…
		{"-1 USD", "-86.93 RUB"},        // hand: -86.9288 → -86.93
	}
	for _, tt := range tests {
		a := finance.MustParseAmount(tt.in)
		got, err := r.Convert(a)
		if err != nil || got.String() != tt.want {
			t.Errorf("Convert(%s) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
		if a.String() != finance.MustParseAmount(tt.in).String() {
			t.Errorf("Convert changed its input to %v", a)
		}
	}
	// Ties go to even, once: at 2 RUB per USD, 0.05 RUB is 0.025 USD → 0.02,
	// and 0.07 RUB is 0.035 USD → 0.04.
	two := mustRate(t, finance.USD, finance.RUB, "2", date(2022, 2, 25), fixtureSource)
	for in, want := range map[string]string{"0.05 RUB": "0.02 USD", "0.07 RUB": "0.04 USD", "-0.05 RUB": "-0.02 USD", "-0.07 RUB": "-0.04 USD"} {
		if got, err := two.Convert(finance.MustParseAmount(in)); err != nil || got.String() != want {
			t.Errorf("Convert(%s) = %v, %v; want %s", in, got, err, want)
		}
	}
	var m *finance.MismatchError
	if _, err := r.Convert(finance.MustParseAmount("1 EUR")); !errors.As(err, &m) {
		t.Errorf("Convert(EUR) = %v, want *MismatchError", err)
	}
	if _, err := (finance.Rate{}).Convert(finance.MustParseAmount("1 EUR")); !errors.Is(err, finance.ErrInvalidRate) {
		t.Errorf("zero Rate Convert = %v", err)
	}
	if !r.Inverse().Inverse().Equal(r) || r.Inverse().Equal(r) {
		t.Errorf("Inverse of Inverse is not the original")
	}
	if got := r.Inverse().Sources(); len(got) != 1 || got[0] != fixtureSource {
		t.Errorf("Inverse Sources = %v", got)
	}
}

// The package must not depend on decimal.DivisionPrecision: set it to 0 and
// recompute the hand-checked results above. Not parallel: it changes a
// package variable of shopspring/decimal.
func TestDivisionPrecisionIgnored(t *testing.T) {
	old := decimal.DivisionPrecision
	decimal.DivisionPrecision = 0
	t.Cleanup(func() { decimal.DivisionPrecision = old })

	rates := testRates(t)
	usd, err := rates.Convert(finance.MustParseAmount("1200000000000 RUB"), finance.USD, date(2022, 2, 25))
	if err != nil || usd.String() != "13804400842.99 USD" { // bc, see TestConvertCBR20220225
		t.Errorf("Convert = %v, %v; want 13804400842.99 USD", usd, err)
	}
	inv, err := rates.Find(finance.RUB, finance.USD, date(2022, 2, 25))
	if err != nil || inv.Decimal().String() != "0.0115036673691573" { // bc: 1/86.9288
		t.Errorf("inverse Value = %v, %v", inv.Decimal(), err)
	}
	gbp, err := rates.ConvertWith(finance.MustParseAmount("1000 GBP"), finance.USD, date(2022, 3, 1), finance.FindOptions{AnyAge: true})
	if err != nil || gbp.String() != "1194.96 USD" { // bc: 1000*103.8762/86.9288 = 1194.957…
		t.Errorf("cross Convert = %v, %v; want 1194.96 USD", gbp, err)
	}
	parts, err := finance.MustParseAmount("100.00 USD").Allocate(1, 1, 1)
	if err != nil || fmt.Sprint(strs(parts)) != "[33.34 USD 33.33 USD 33.33 USD]" {
		t.Errorf("Allocate = %v, %v", parts, err)
	}
	if got := finance.MustParseAmount("13804400842.99 USD").Compact(); got != "$13.8bn" {
		t.Errorf("Compact = %s", got)
	}
}

// Many goroutines convert while another adds rates: run with -race.
func TestRatesConcurrent(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Go(func() {
			for i := range 200 {
				on, want := date(2022, 2, 25), "13804400842.99 USD" // bc, see TestConvertCBR20220225
				if (g+i)%2 == 1 {
					on, want = date(2023, 3, 1), "16022816490.68 USD" // bc: 1.2e12/74.8932
				}
				got, err := rates.Convert(roubles, finance.USD, on)
				if err != nil || got.String() != want {
					errs <- fmt.Errorf("goroutine %d: Convert on %s = %v, %v; want %s", g, on.Format(time.DateOnly), got, err, want)
					return
				}
			}
		})
	}
	wg.Go(func() {
		for i := range 200 {
			r, err := finance.NewRate(finance.JPY, finance.RUB, decimal.NewFromInt(int64(i+1)), date(2030, 1, 1).AddDate(0, 0, i), finance.Official, exodus.Source{})
			if err == nil {
				err = rates.Add(r)
			}
			if err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Finding a directly quoted rate does not allocate.
func TestRatesFindDirectAllocs(t *testing.T) {
	rates := finance.DefaultRates()
	day := date(2024, 11, 20)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := rates.Find(finance.USD, finance.RUB, day); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("Find of a direct quote: %v allocations, want 0", allocs)
	}
}

func TestErrorMessages(t *testing.T) {
	t.Parallel()
	_, err := finance.MustParseAmount("1 USD").Add(finance.MustParseAmount("1 RUB"))
	if want := "finance: add: currency mismatch: USD and RUB"; err == nil || err.Error() != want {
		t.Errorf("Add error = %v, want %q", err, want)
	}
	_, err = testRates(t).FindWith(finance.USD, finance.RUB, date(2022, 3, 1), finance.FindOptions{MaxAge: 3})
	if want := "finance: no USD/RUB rate on or before 2022-03-01 within 3 days (latest is 2022-02-25)"; err == nil || err.Error() != want {
		t.Errorf("FindWith error = %v, want %q", err, want)
	}
	if s := (finance.Amount{}).String(); s != "0" {
		t.Errorf("zero Amount String = %q", s)
	}
	if s := (finance.Rate{}).String(); s != "Rate(zero)" {
		t.Errorf("zero Rate String = %q", s)
	}
}

// Staleness is counted in calendar days even centuries apart, where
// time.Duration (about 292 years at most) would saturate.
// hand: 2000-01-01 to 2400-01-01 is 400 Gregorian years = 146097 days.
func TestRatesMaxAgeCenturies(t *testing.T) {
	t.Parallel()
	rates, err := finance.NewRates(mustRate(t, finance.USD, finance.RUB, "27", date(2000, 1, 1), cbrSource))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		maxAge int
		ok     bool
	}{{146097, true}, {146096, false}, {120000, false}} {
		_, err := rates.FindWith(finance.USD, finance.RUB, date(2400, 1, 1), finance.FindOptions{MaxAge: tt.maxAge})
		if ok := err == nil; ok != tt.ok {
			t.Errorf("MaxAge %d on 2400-01-01 for a rate of 2000-01-01: error %v, want ok=%v", tt.maxAge, err, tt.ok)
		}
		if !tt.ok && !errors.Is(err, finance.ErrNoRate) {
			t.Errorf("MaxAge %d: error %v, want ErrNoRate", tt.maxAge, err)
		}
	}
}

// A "conversion" between a currency and itself needs a real currency: the
// zero Currency and values that are no ISO code have no rate, not a rate
// of 1.
func TestRatesSameCurrency(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	on := date(2022, 2, 25)
	for _, c := range []finance.Currency{0, finance.Currency(60000), finance.Currency(1)} {
		if r, err := rates.Find(c, c, on); !errors.Is(err, finance.ErrNoRate) {
			t.Errorf("Find(%v, %v) = %v, %v; want ErrNoRate", c, c, r, err)
		}
		if a, err := rates.Convert(finance.NewAmount(decimal.NewFromInt(5), c), c, on); !errors.Is(err, finance.ErrNoRate) {
			t.Errorf("Convert(5 %v, %v) = %v, %v; want ErrNoRate", c, c, a, err)
		}
	}
	// hand: an amount already in the target currency is only rounded,
	// half to even: 2.345 → 2.34.
	got, err := rates.Convert(finance.MustParseAmount("2.345 EUR"), finance.EUR, on)
	if err != nil || got.String() != "2.34 EUR" {
		t.Errorf("Convert(2.345 EUR, EUR) = %v, %v; want 2.34 EUR", got, err)
	}
}

// A nil *Rates behaves as an empty table: no panic, and every lookup is a
// *RateError wrapping ErrNoRate; adding to it is an error (finding 1).
func TestRatesNil(t *testing.T) {
	t.Parallel()
	var rates *finance.Rates
	on := date(2022, 2, 25)
	noRate := func(name string, err error, maxAge int) {
		t.Helper()
		var re *finance.RateError
		if !errors.As(err, &re) || !errors.Is(err, finance.ErrNoRate) {
			t.Errorf("nil Rates %s: error %v, want *RateError wrapping ErrNoRate", name, err)
			return
		}
		want := finance.RateError{From: finance.USD, To: finance.RUB, On: on, MaxAge: maxAge}
		if diff := cmp.Diff(want, *re); diff != "" {
			t.Errorf("nil Rates %s: RateError mismatch (-want +got):\n%s", name, diff)
		}
	}
	_, err := rates.Find(finance.USD, finance.RUB, on)
	noRate("Find", err, finance.DefaultMaxAge)
	_, err = rates.FindWith(finance.USD, finance.RUB, on, finance.FindOptions{MaxAge: 7})
	noRate("FindWith", err, 7)
	_, err = rates.Convert(finance.MustParseAmount("1 USD"), finance.RUB, on)
	noRate("Convert", err, finance.DefaultMaxAge)
	_, err = rates.ConvertWith(finance.MustParseAmount("1 USD"), finance.RUB, on, finance.FindOptions{AnyAge: true})
	noRate("ConvertWith", err, 0)
	if n, all := rates.Len(), rates.All(); n != 0 || all != nil {
		t.Errorf("nil Rates: Len %d, All %v; want 0, nil", n, all)
	}
	// As in an empty table, a currency converts to itself at exactly 1.
	if r, err := rates.Find(finance.EUR, finance.EUR, on); err != nil || r.Decimal().String() != "1" {
		t.Errorf("nil Rates Find(EUR, EUR) = %v, %v; want 1", r, err)
	}
	usd := mustRate(t, finance.USD, finance.RUB, "86.9288", on, fixtureSource)
	if err := rates.Add(usd); err == nil {
		t.Errorf("nil Rates Add: no error")
	}
	if err := rates.Add(); err == nil {
		t.Errorf("nil Rates Add(): no error")
	}
}

// Age counts whole calendar days from a rate's date, or from its oldest leg,
// to a day (finding 5).
func TestRateAge(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	gbp := mustRate(t, finance.GBP, finance.RUB, "103.8762", date(2022, 2, 4), cbrSource)
	cross, err := rates.FindWith(finance.GBP, finance.USD, date(2022, 3, 1), finance.FindOptions{AnyAge: true})
	if err != nil {
		t.Fatal(err)
	}
	msk := time.FixedZone("MSK", 3*60*60)
	tests := []struct {
		name string
		rate finance.Rate
		on   time.Time
		want int
	}{
		{"same day", gbp, date(2022, 2, 4), 0},
		{"three weeks", gbp, date(2022, 2, 25), 21},                                    // Python: date(2022,2,25)-date(2022,2,4) = 21 days
		{"calendar day in its zone", gbp, time.Date(2022, 2, 25, 1, 0, 0, 0, msk), 21}, // 24 Feb 22:00 UTC is 25 Feb in Moscow
		{"before the rate", gbp, date(2022, 2, 1), -3},                                 // hand: 4−1
		{"cross: the older leg", cross, date(2022, 3, 1), 25},                          // Python: date(2022,3,1)-date(2022,2,4) = 25 days; Date() is 2022-02-04 too
		{"inverse", gbp.Inverse(), date(2022, 2, 25), 21},
		{"centuries", mustRate(t, finance.GBP, finance.RUB, "1", date(1900, 1, 1), cbrSource), date(2200, 1, 1), 109573}, // Python: date(2200,1,1)-date(1900,1,1)
		{"zero Rate", finance.Rate{}, date(2022, 2, 25), 0},
	}
	for _, tt := range tests {
		if got := tt.rate.Age(tt.on); got != tt.want {
			t.Errorf("%s: %v.Age(%s) = %d, want %d", tt.name, tt.rate, tt.on, got, tt.want)
		}
	}
	// Age agrees with FindOptions.MaxAge: a rate is found with MaxAge n
	// exactly when its Age is at most n.
	on := date(2022, 3, 1)
	if _, err := rates.FindWith(finance.GBP, finance.USD, on, finance.FindOptions{MaxAge: cross.Age(on)}); err != nil {
		t.Errorf("FindWith(MaxAge: %d): %v", cross.Age(on), err)
	}
	if _, err := rates.FindWith(finance.GBP, finance.USD, on, finance.FindOptions{MaxAge: cross.Age(on) - 1}); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("FindWith(MaxAge: %d): %v, want ErrNoRate", cross.Age(on)-1, err)
	}
}

// An official file for days that a table already has from another source,
// with the same values, is refused by Add and taken by Replace (finding 5).
func TestRatesReplace(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	official, err := finance.ParseCBR(f)
	if err != nil {
		t.Fatal(err)
	}
	rates := finance.DefaultRates()
	n := rates.Len()
	if err := rates.Add(official...); !errors.Is(err, finance.ErrDuplicateRate) {
		t.Fatalf("Add of the CBR file over the embedded fixture rates: %v, want ErrDuplicateRate", err)
	}
	if err := rates.Replace(official...); err != nil {
		t.Fatalf("Replace: %v", err)
	}
	if rates.Len() != n {
		t.Errorf("Replace changed Len %d → %d; it should replace the two quotes, not add", n, rates.Len())
	}
	for _, want := range official {
		got, err := rates.FindWith(finance.USD, finance.RUB, want.Date(), finance.FindOptions{MaxAge: -1})
		if err != nil || !got.Equal(want) {
			t.Errorf("after Replace, Find(USD, RUB, %s) = %v (%v), %v; want %v (%v)", want.Date().Format(time.DateOnly), got, got.Source(), err, want, want.Source())
		}
	}
	// A new pair or day is simply added; the batch itself may not conflict.
	eur := mustRate(t, finance.EUR, finance.RUB, "1", date(2030, 1, 1), cbrSource)
	if err := rates.Replace(eur); err != nil || rates.Len() != n+1 {
		t.Errorf("Replace of a new rate: %v, Len %d, want %d", err, rates.Len(), n+1)
	}
	eur2 := mustRate(t, finance.EUR, finance.RUB, "2", date(2030, 1, 1), cbrSource)
	if err := rates.Replace(eur2, eur); !errors.Is(err, finance.ErrDuplicateRate) {
		t.Errorf("Replace with two quotes of one pair and day: %v, want ErrDuplicateRate", err)
	}
	if r, _ := rates.Find(finance.EUR, finance.RUB, date(2030, 1, 1)); !r.Equal(eur) {
		t.Errorf("a failed Replace changed the table: %v", r)
	}
	var none *finance.Rates
	if err := none.Replace(eur); err == nil {
		t.Errorf("Replace on a nil *Rates: no error")
	}
	if err := rates.Replace(finance.Rate{}); !errors.Is(err, finance.ErrInvalidRate) {
		t.Errorf("Replace of the zero Rate: %v, want ErrInvalidRate", err)
	}
}

// Add and Replace refuse a derived rate: stored, it would count as a quote in
// Len and All, and a later Find could chain it into a rate of three quotes
// that its own JSON cannot describe.
func TestRatesAddDerived(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	on := date(2022, 2, 4)
	inv, err := rates.Find(finance.RUB, finance.USD, on) // inverse of USD/RUB
	if err != nil {
		t.Fatal(err)
	}
	crossed, err := rates.Find(finance.USD, finance.GBP, on) // USD→RUB→GBP
	if err != nil {
		t.Fatal(err)
	}
	other := mustRate(t, finance.CHF, finance.USD, "1.08", on, cbrSource)
	for _, r := range []finance.Rate{inv, crossed} {
		for name, add := range map[string]func(...finance.Rate) error{"Add": rates.Add, "Replace": rates.Replace} {
			n := rates.Len()
			if err := add(other, r); !errors.Is(err, finance.ErrInvalidRate) {
				t.Errorf("%s(%v): %v, want ErrInvalidRate", name, r, err)
			}
			if rates.Len() != n {
				t.Errorf("a failed %s of %v changed Len %d → %d", name, r, n, rates.Len())
			}
		}
	}
	// Its chain is what to add instead.
	fresh := new(finance.Rates)
	if err := fresh.Add(crossed.Chain()...); err != nil || fresh.Len() != 2 { // hand: USD/RUB and GBP/RUB
		t.Errorf("Add(Chain()...): %v, Len %d, want 2", err, fresh.Len())
	}
}

// Every rate Find returns, direct, inverse or cross, survives its own JSON.
func TestRatesFindRoundTripsJSON(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	if err := rates.Add(mustRate(t, finance.CHF, finance.USD, "1.08", date(2022, 2, 4), cbrSource)); err != nil {
		t.Fatal(err)
	}
	// Derived rates offered to Add are refused (the error is tested above);
	// were they stored, CHF→GBP could chain CHF/USD, USD/GBP (itself a
	// cross) into three quotes.
	for _, p := range [][2]finance.Currency{{finance.USD, finance.GBP}, {finance.RUB, finance.CHF}} {
		if r, err := rates.Find(p[0], p[1], date(2022, 2, 4)); err == nil {
			_ = rates.Add(r)
		}
	}
	curs := []finance.Currency{finance.USD, finance.RUB, finance.GBP, finance.EUR, finance.CNY, finance.CHF}
	for _, from := range curs {
		for _, to := range curs {
			r, err := rates.Find(from, to, date(2022, 2, 25))
			if err != nil {
				continue
			}
			data, err := json.Marshal(r)
			if err != nil {
				t.Errorf("Marshal(Find(%v, %v)): %v", from, to, err)
				continue
			}
			var back finance.Rate
			if err := json.Unmarshal(data, &back); err != nil || !back.Equal(r) {
				t.Errorf("Find(%v, %v) = %v: JSON %s reads back as %v, %v", from, to, r, data, back, err)
			}
		}
	}
}

// An error that wraps another from this package says "finance:" once and
// still wraps both sentinels.
func TestErrorPrefixOnce(t *testing.T) {
	t.Parallel()
	var a finance.Amount
	var r finance.Rate
	for name, tt := range map[string]struct {
		err   error
		kinds []error
	}{
		"Amount": {json.Unmarshal([]byte(`{"amount":"1","currency":"XXQ"}`), &a), []error{finance.ErrUnknownCurrency}},
		"Rate": {json.Unmarshal([]byte(`{"base":"XXQ","quote":"RUB","value":"1","date":"2022-01-01"}`), &r),
			[]error{finance.ErrUnknownCurrency, finance.ErrInvalidRate}},
	} {
		for _, k := range tt.kinds {
			if !errors.Is(tt.err, k) {
				t.Errorf("%s: error %v, want %v", name, tt.err, k)
			}
		}
		if tt.err != nil && strings.Count(tt.err.Error(), "finance:") != 1 {
			t.Errorf("%s: %q says \"finance:\" more than once", name, tt.err)
		}
	}
}

// DefaultMaxAge spans the CBR's New Year gap: in its USD export
// (RC_F01_07_1992_T02_07_2022_USD.csv) the rate dated 31.12.2021 (74.2926)
// is followed by 11.01.2022 (75.1315), so on 10.01.2022 the rate in force is
// 10 days old. A rate 15 days old is refused (issue 9 must-have 2).
func TestDefaultMaxAgeNewYear(t *testing.T) {
	t.Parallel()
	rates, err := finance.NewRates(
		mustRate(t, finance.USD, finance.RUB, "74.2926", date(2021, 12, 31), cbrSource),
		mustRate(t, finance.USD, finance.RUB, "75.1315", date(2022, 1, 11), cbrSource),
	)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := rates.Find(finance.USD, finance.RUB, date(2022, 1, 10)); err != nil || !r.Date().Equal(date(2021, 12, 31)) {
		t.Errorf("Find on 10.01.2022 = %v, %v; want the rate of 31.12.2021", r, err)
	}
	if r, err := rates.Find(finance.USD, finance.RUB, date(2022, 1, 25)); err != nil || r.Age(date(2022, 1, 25)) != 14 {
		t.Errorf("Find on 25.01.2022 = %v, %v; want the rate of 11.01.2022, 14 days old", r, err)
	}
	if _, err := rates.Find(finance.USD, finance.RUB, date(2022, 1, 26)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("Find on 26.01.2022: %v; want ErrNoRate (15 days)", err)
	}
	if finance.DefaultMaxAge < 10 {
		t.Errorf("DefaultMaxAge %d is shorter than the New Year gap of 10 days", finance.DefaultMaxAge)
	}
}
