package finance_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

// TestHostileValues walks hostile values through finance's public API
// (issue 13, What it must have 2). For every call it asserts that the call
// returns within a bound, does not panic, and either gives a valid result
// (one that its own String accepts and whose JSON reads back equal) or an
// error that names the bad value.
func TestHostileValues(t *testing.T) {
	on := date(2022, 2, 25)
	usdRUB := mustRate(t, finance.USD, finance.RUB, "86.9288", on, exodus.Source{Publisher: "Central Bank of Russia"})
	rates, err := finance.NewRates(usdRUB, mustRate(t, finance.GBP, finance.RUB, "116.8423", on, exodus.Source{}))
	if err != nil {
		t.Fatal(err)
	}
	dec := map[string]decimal.Decimal{
		"MaxInt64":         decimal.NewFromInt(math.MaxInt64),
		"MinInt64":         decimal.NewFromInt(math.MinInt64),
		"1e308":            decimal.New(1, 308),
		"5e-324":           decimal.New(5, -324),
		"-0":               decimal.New(0, -2),
		"1e2147483647":     decimal.New(1, math.MaxInt32),
		"1e-2147483648":    decimal.New(1, math.MinInt32),
		"-7e-2147483648":   decimal.New(-7, math.MinInt32),
		"1e1048577":        decimal.New(1, 1<<20+1),
		"40-digit integer": decimal.RequireFromString(strings.Repeat("9", 40)),
	}
	times := map[string]time.Time{
		"zero time":       {},
		"0001-01-01+1":    time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		"year 0":          time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC),
		"year 10000":      time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		"Unix 2^62":       time.Unix(1<<62, 0),
		"Unix -2^62":      time.Unix(-1<<62, 0),
		"9999-12-31 +14h": time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("+14", 14*3600)),
	}
	strs := map[string]string{
		"empty":         "",
		"NaN":           "NaN USD",
		"Inf":           "Inf USD",
		"-Inf":          "-Inf USD",
		"-0":            "-0 USD",
		"MaxInt64":      "9223372036854775807 USD",
		"MinInt64":      "-9223372036854775808 USD",
		"1e308":         "1e308 USD",
		"5e-324":        "5e-324 USD",
		"invalid UTF-8": "1\xff\xfe USD",
		"NUL":           "1\x00 USD",
		"huge":          strings.Repeat("9", 1<<20) + " USD",
		"4096 digits":   strings.Repeat("9", 4092) + " USD",
	}

	type call struct {
		name  string
		f     func() (any, error)
		names string // what an error must quote; "" for any error
	}
	var calls []call
	add := func(name, names string, f func() (any, error)) { calls = append(calls, call{name, f, names}) }

	for name, s := range strs {
		add("ParseAmount "+name, "", func() (any, error) { return finance.ParseAmount(s) })
		add("ParseCurrency "+name, "", func() (any, error) { return finance.ParseCurrency(s) })
		add("ParseRates "+name, "", func() (any, error) { return finance.ParseRates(strings.NewReader(s)) })
		add("Amount.UnmarshalJSON "+name, "", func() (any, error) {
			var a finance.Amount
			b, _ := json.Marshal(map[string]string{"amount": s, "currency": "USD"})
			return a, json.Unmarshal(b, &a)
		})
	}
	for name, s := range strs {
		num, _, _ := strings.Cut(s, " ")
		add("Rate.UnmarshalJSON value "+name, "", func() (any, error) {
			var r finance.Rate
			b, _ := json.Marshal(map[string]string{"base": "USD", "quote": "RUB", "value": num, "date": "2022-02-25"})
			return r, json.Unmarshal(b, &r)
		})
		add("Rate.UnmarshalJSON date "+name, "", func() (any, error) {
			var r finance.Rate
			b, _ := json.Marshal(map[string]string{"base": "USD", "quote": "RUB", "value": "80", "date": num})
			return r, json.Unmarshal(b, &r)
		})
		add("Amount.Scan "+name, "", func() (any, error) {
			var a finance.Amount
			return a, a.Scan([]byte(s))
		})
		add("Currency.UnmarshalText "+name, "", func() (any, error) {
			var c finance.Currency
			return c, c.UnmarshalText([]byte(s))
		})
	}
	for name, d := range dec {
		a := finance.NewAmount(d, finance.USD)
		add("NewAmount "+name, "", func() (any, error) { return a, nil })
		add("Round "+name, "", func() (any, error) { return a.Round(), nil })
		add("RoundTo MaxInt32 "+name, "", func() (any, error) { return a.RoundTo(math.MaxInt32, finance.HalfUp), nil })
		add("RoundTo MinInt32 "+name, "", func() (any, error) { return a.RoundTo(math.MinInt32, finance.Floor), nil })
		add("Mul "+name, "", func() (any, error) { return a.Mul(d) })
		add("Add "+name, "", func() (any, error) { return a.Add(finance.MustParseAmount("1 USD")) })
		add("Sub "+name, "", func() (any, error) { return a.Sub(finance.MustParseAmount("0.01 USD")) })
		add("Cmp "+name, "", func() (any, error) { c, err := a.Cmp(finance.MustParseAmount("1 USD")); return c, err })
		add("Equal "+name, "", func() (any, error) { return a.Equal(finance.MustParseAmount("1 USD")), nil })
		add("Compact "+name, "", func() (any, error) { return a.Compact(), nil })
		add("Format "+name, "", func() (any, error) { return fmt.Sprintf("%.2f %v %20s", a, a, a), nil })
		add("Allocate "+name, "", func() (any, error) { return a.Allocate(1, 2, math.MaxInt64) })
		add("Rate.Convert "+name, "", func() (any, error) { return usdRUB.Convert(a) })
		add("Rates.Convert "+name, "", func() (any, error) { return rates.Convert(a, finance.GBP, on) })
		add("NewRate "+name, "", func() (any, error) {
			return finance.NewRate(finance.USD, finance.RUB, d, on, finance.Official, exodus.Source{})
		})
	}
	for name, at := range times {
		add("NewRate "+name, "", func() (any, error) {
			return finance.NewRate(finance.USD, finance.RUB, decimal.NewFromInt(80), at, finance.Official, exodus.Source{})
		})
		add("Find "+name, "", func() (any, error) { return rates.Find(finance.USD, finance.GBP, at) })
		add("Find same "+name, "", func() (any, error) { return rates.Find(finance.USD, finance.USD, at) })
		add("Convert "+name, "", func() (any, error) { return rates.Convert(finance.MustParseAmount("1 USD"), finance.RUB, at) })
		add("Age "+name, "", func() (any, error) { return usdRUB.Age(at), nil })
	}
	for _, maxAge := range []int{math.MaxInt, math.MinInt, -1} {
		add(fmt.Sprint("FindWith MaxAge ", maxAge), "", func() (any, error) {
			return rates.FindWith(finance.GBP, finance.USD, on.AddDate(0, 0, 3), finance.FindOptions{MaxAge: maxAge})
		})
	}
	for name, w := range map[string][]int64{
		"none": nil, "zero": {0}, "negative": {1, -1}, "MaxInt64 twice": {math.MaxInt64, math.MaxInt64},
		"MinInt64": {math.MinInt64}, "1×1": {1},
	} {
		names := ""
		if name == "negative" {
			names = "-1"
		}
		if name == "MinInt64" {
			names = "-9223372036854775808"
		}
		add("Allocate "+name, names, func() (any, error) { return finance.MustParseAmount("100.00 USD").Allocate(w...) })
	}
	for _, src := range [][]int64{{math.MaxInt64}, {math.MinInt64}, {math.MinInt64, 0, math.MaxInt64}} {
		add(fmt.Sprint("ConvertUnits ", src), "9223372036854775", func() (any, error) {
			dst := make([]int64, len(src))
			return dst, usdRUB.ConvertUnits(dst, src, finance.USD)
		})
	}

	for _, c := range calls {
		var got any
		var err error
		var panicked any
		within(t, 10*time.Second, c.name, func() {
			defer func() { panicked = recover() }()
			got, err = c.f()
		})
		if panicked != nil {
			t.Errorf("%s: panic: %v", c.name, panicked)
			continue
		}
		if err != nil {
			if c.names != "" && !strings.Contains(err.Error(), c.names) {
				t.Errorf("%s: error %.200q does not name %q", c.name, err, c.names)
			}
			if len(err.Error()) > 8192 {
				t.Errorf("%s: error of %d bytes", c.name, len(err.Error()))
			}
			continue
		}
		checkValid(t, c.name, got)
	}
}

// checkValid checks that a result is one its own String and JSON accept.
func checkValid(t *testing.T, name string, v any) {
	t.Helper()
	switch v := v.(type) {
	case finance.Amount:
		var s string
		within(t, 10*time.Second, name+": String", func() { s = v.String() })
		b, err := json.Marshal(v)
		if err != nil {
			return // refusing to marshal is an answer; it is checked to be quick
		}
		var back finance.Amount
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(v) {
			t.Errorf("%s: %.80s: JSON %.80s reads back as %.80v, %v", name, s, b, back, err)
		}
	case []finance.Amount:
		for _, a := range v {
			checkValid(t, name, a)
		}
	case finance.Rate:
		_ = v.String()
		b, err := json.Marshal(v)
		if err != nil {
			t.Errorf("%s: %v does not marshal: %v", name, v, err)
			return
		}
		var back finance.Rate
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(v) {
			t.Errorf("%s: %v: JSON %s reads back as %v, %v", name, v, b, back, err)
		}
	}
}
