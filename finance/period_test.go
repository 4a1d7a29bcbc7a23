package finance_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

// issue 9 must-have 4: February 2022 at its calendar-day weighted average
// CBR rates. The expected values are cbr-feb-2022.md §6b, checked by hand
// with bc (each rate times the days of February it was in force):
//
//	USD: 77.4702+77.1302+76.4849+76.6501+3×76.0509+75.6806+75.3042+74.8015
//	     +74.7241+3×74.9867+76.5762+76.1660+75.0141+75.7527+3×75.7619
//	     +76.7671+2×80.4194+86.9288+3×83.5485 = 2167.3335; /28 = 77.404767857142857142…
//	GBP: the same weights over the GBP column = 2934.1048; /28 = 104.789457142857142857…
//	EUR: 2457.3862; /28 = 87.763792857142857142…
//	1.2e12×28/2167.3335 = 15502920985.6258… USD; 1.2e12×28/2934.1048 = 11451533701.1820… GBP
func TestAverageFebruary2022(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	start, end := date(2022, 2, 1), date(2022, 2, 28)
	tests := []struct {
		cur        finance.Currency
		value      string // 16 places, half to even
		min, max   string
		minOn      time.Time
		maxOn      time.Time
		basis      finance.Basis
		converted  string
		compact    string
		sourceDate string
	}{
		{finance.USD, "77.4047678571428571", "74.7241", "86.9288", date(2022, 2, 11), date(2022, 2, 25), finance.Official, "15502920985.63 USD", "$15.5bn", "2022-03-01"},
		{finance.GBP, "104.7894571428571429", "101.2736", "117.1539", date(2022, 2, 11), date(2022, 2, 25), finance.Reported, "11451533701.18 GBP", "£11.5bn", "2022-03-01"},
		{finance.EUR, "87.7637928571428571", "85.3060", "97.7688", date(2022, 2, 17), date(2022, 2, 25), finance.Official, "", "", ""},
	}
	for _, tt := range tests {
		p, err := rates.Average(tt.cur, finance.RUB, start, end)
		if err != nil {
			t.Errorf("Average(%v): %v", tt.cur, err)
			continue
		}
		if got := p.Decimal().String(); got != tt.value {
			t.Errorf("Average(%v) = %s, want %s", tt.cur, got, tt.value)
		}
		if p.Days() != 28 || !p.Start().Equal(start) || !p.End().Equal(end) || p.Basis() != tt.basis {
			t.Errorf("Average(%v): %d days %s..%s, basis %v; want 28 days, %v", tt.cur, p.Days(), p.Start(), p.End(), p.Basis(), tt.basis)
		}
		if p.Min().Decimal().StringFixed(4) != tt.min || !p.Min().Date().Equal(tt.minOn) ||
			p.Max().Decimal().StringFixed(4) != tt.max || !p.Max().Date().Equal(tt.maxOn) {
			t.Errorf("Average(%v): min %v, max %v; want %s on %s, %s on %s", tt.cur, p.Min(), p.Max(), tt.min, tt.minOn.Format(time.DateOnly), tt.max, tt.maxOn.Format(time.DateOnly))
		}
		// 19 rate dates, one span each; the days add up (cbr-feb-2022.md §1).
		days := 0
		for _, s := range p.Spans() {
			days += s.Days
			if s.Days != int(s.To.Sub(s.From).Hours()/24)+1 {
				t.Errorf("span %v: %d days from %s to %s", s.Rate, s.Days, s.From, s.To)
			}
		}
		if n := len(p.Spans()); n != 19 || days != 28 {
			t.Errorf("Average(%v): %d spans, %d days; want 19, 28", tt.cur, n, days)
		}
		if tt.converted == "" {
			continue
		}
		got, err := p.Convert(roubles)
		if err != nil || got.String() != tt.converted || got.Compact() != tt.compact {
			t.Errorf("Convert(%v) at the February average = %v (%s), %v; want %s (%s)", roubles, got, got.Compact(), err, tt.converted, tt.compact)
		}
		if len(p.Sources()) == 0 || p.Sources()[0].Date != tt.sourceDate {
			t.Errorf("Average(%v) sources %v", tt.cur, p.Sources())
		}
	}
}

// issue 9 must-have 4: a day of the period with no rate in force within
// the age limit makes Average refuse, naming the days.
func TestAverageMissingDays(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	_, err := rates.Average(finance.USD, finance.RUB, date(2022, 1, 25), date(2022, 2, 3))
	var pe *finance.PeriodError
	if !errors.Is(err, finance.ErrNoRate) || !errors.As(err, &pe) {
		t.Fatalf("Average from 2022-01-25: %v, want a *PeriodError wrapping ErrNoRate", err)
	}
	var want []time.Time
	for d := 25; d <= 31; d++ { // no rate before 01.02.2022 is embedded
		want = append(want, date(2022, 1, d))
	}
	if diff := cmp.Diff(want, pe.Missing); diff != "" || pe.MaxAge != finance.DefaultMaxAge {
		t.Errorf("Missing mismatch (-want +got):\n%s (MaxAge %d)", diff, pe.MaxAge)
	}
	if msg := "finance: no USD/RUB rate within 14 days on 7 of 10 days from 2022-01-25 to 2022-02-03: 2022-01-25 to 2022-01-31"; err.Error() != msg {
		t.Errorf("Error() = %q, want %q", err, msg)
	}
	// Stale within the period: the 15.03.2022 rate is 15 days old on 30.03.
	_, err = rates.Average(finance.USD, finance.RUB, date(2022, 3, 15), date(2022, 3, 31))
	if !errors.As(err, &pe) || len(pe.Missing) != 2 || !pe.Missing[0].Equal(date(2022, 3, 30)) {
		t.Errorf("Average 15-31.03.2022: %v; want 30 and 31 March missing", err)
	}
	// With AnyAge the stale rate counts, as in Find.
	if p, err := rates.AverageWith(finance.USD, finance.RUB, date(2022, 3, 15), date(2022, 3, 31), finance.FindOptions{AnyAge: true}); err != nil || p.Decimal().String() != "115.1963" {
		t.Errorf("AverageWith(AnyAge) = %v, %v; want 115.1963 (one rate in force)", p, err)
	}
}

func TestAverageErrors(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	for _, tt := range []struct {
		name       string
		start, end time.Time
	}{
		{"end before start", date(2022, 2, 28), date(2022, 2, 1)},
		{"zero start", time.Time{}, date(2022, 2, 1)},
		{"zero end", date(2022, 2, 1), time.Time{}},
		{"too long", date(1900, 1, 1), date(2022, 2, 1)},
	} {
		if _, err := rates.Average(finance.USD, finance.RUB, tt.start, tt.end); !errors.Is(err, finance.ErrInvalidPeriod) {
			t.Errorf("%s: %v, want ErrInvalidPeriod", tt.name, err)
		}
	}
	var nilRates *finance.Rates
	if _, err := nilRates.Average(finance.USD, finance.RUB, date(2022, 2, 1), date(2022, 2, 2)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("nil Rates: %v, want ErrNoRate", err)
	}
	// A currency with itself averages to exactly 1.
	if p, err := nilRates.Average(finance.EUR, finance.EUR, date(2022, 2, 1), date(2022, 2, 28)); err != nil || p.Decimal().String() != "1" || p.Days() != 28 {
		t.Errorf("EUR/EUR = %v, %v; want 1 over 28 days", p, err)
	}
	var zero finance.PeriodRate
	if _, err := zero.Convert(finance.MustParseAmount("1 USD")); !errors.Is(err, finance.ErrInvalidRate) {
		t.Errorf("zero PeriodRate Convert: %v", err)
	}
	if zero.String() != "PeriodRate(zero)" || zero.Days() != 0 {
		t.Errorf("zero PeriodRate: %q, %d days", zero.String(), zero.Days())
	}
}

// A period of one day is that day's rate; a cross rate averages through
// RUB with its exact ratio, and the inverse direction averages inverses.
func TestAverageOneDayAndCross(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	day := date(2022, 2, 25)
	p, err := rates.Average(finance.USD, finance.RUB, day, day)
	if err != nil || p.Decimal().String() != "86.9288" || p.Days() != 1 {
		t.Errorf("one day: %v, %v", p, err)
	}
	// bc: scale=20; (2×109.2015/80.4194 + 117.1539/86.9288)/3 = 1.354499805…;
	// 24.02 uses the 23.02 rates.
	p, err = rates.Average(finance.GBP, finance.USD, date(2022, 2, 23), day)
	if err != nil || p.Decimal().StringFixed(5) != "1.35450" || p.Basis() != finance.Reported {
		t.Errorf("GBP/USD 23-25.02.2022 = %v, %v; want 1.35450, reported", p, err)
	}
}

func TestPeriodRateJSON(t *testing.T) {
	t.Parallel()
	p, err := finance.DefaultRates().Average(finance.USD, finance.RUB, date(2022, 2, 23), date(2022, 2, 25))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	// hand: (2×80.4194 + 86.9288)/3 = 247.7676/3 = 82.5892 exactly
	for _, want := range []string{`"base":"USD","quote":"RUB","start":"2022-02-23","end":"2022-02-25","days":3,"value":"82.5892","basis":"official"`,
		`"spans":[{"from":"2022-02-23","to":"2022-02-24","days":2,"rate":{"base":"USD","quote":"RUB","value":"80.4194","date":"2022-02-23","basis":"official"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	if want := "1 USD = 82.5892 RUB, average of 3 days 2022-02-23 to 2022-02-25 (official; in force: 80.4194 to 86.9288)"; p.String() != want {
		t.Errorf("String() = %q, want %q", p.String(), want)
	}
	if b, err := json.Marshal(finance.PeriodRate{}); err != nil || string(b) != "null" {
		t.Errorf("zero PeriodRate JSON = %s, %v", b, err)
	}
}

// A PeriodError lists at most ten runs of missing days.
func TestPeriodErrorRuns(t *testing.T) {
	t.Parallel()
	var quotes []finance.Rate
	for d := 1; d <= 31; d += 2 { // the 16 odd days of January 2022
		quotes = append(quotes, mustRate(t, finance.USD, finance.RUB, "75", date(2022, 1, d), cbrSource))
	}
	rates, err := finance.NewRates(quotes...)
	if err != nil {
		t.Fatal(err)
	}
	_, err = rates.AverageWith(finance.USD, finance.RUB, date(2022, 1, 1), date(2022, 1, 31), finance.FindOptions{MaxAge: -1})
	var pe *finance.PeriodError
	if !errors.As(err, &pe) || len(pe.Missing) != 15 || pe.MaxAge != 0 {
		t.Fatalf("%v; want 15 even days missing", err)
	}
	// hand: even days 2..30 are 15 runs of one day; ten are listed
	want := "finance: no USD/RUB rate on 15 of 31 days from 2022-01-01 to 2022-01-31: 2022-01-02, 2022-01-04, 2022-01-06, 2022-01-08, 2022-01-10, 2022-01-12, 2022-01-14, 2022-01-16, 2022-01-18, 2022-01-20, and 5 more days"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
	p, err := rates.AverageWith(finance.USD, finance.RUB, date(2022, 1, 1), date(2022, 1, 31), finance.FindOptions{MaxAge: 1})
	if err != nil || p.Base() != finance.USD || p.Quote() != finance.RUB || p.Decimal().String() != "75" || len(p.Spans()) != 16 {
		t.Errorf("AverageWith(MaxAge 1) = %v, %v", p, err)
	}
	var zero finance.PeriodRate
	if !zero.Min().Equal(finance.Rate{}) || !zero.Max().Equal(finance.Rate{}) || zero.Spans() != nil {
		t.Errorf("zero PeriodRate has rates")
	}
}
