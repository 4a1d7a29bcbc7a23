package finance_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/exodus-lab/exodus/finance"
)

// Integer minor units make an Amount without a decimal literal: cents for
// USD, none for JPY (ISO 4217 exponent 0).
func ExampleNewAmountFromMinor() {
	fmt.Println(finance.NewAmountFromMinor(1250, finance.USD))
	fmt.Println(finance.NewAmountFromMinor(1250, finance.JPY))
	fmt.Println(finance.NewAmountFromMinor(-5, finance.RUB))
	// Output:
	// 12.50 USD
	// 1250 JPY
	// -0.05 RUB
}

// Split divides an amount into parts that add up exactly: money has no
// exact quotient, so there is no Div.
func ExampleAmount_Split() {
	parts, err := finance.MustParseAmount("100 USD").Split(3)
	if err != nil {
		panic(err)
	}
	fmt.Println(parts)
	// Output:
	// [33.34 USD 33.33 USD 33.33 USD]
}

// Cmp has an error result: amounts of different currencies have no order
// without a rate, and the int is meaningless then.
func ExampleAmount_Cmp() {
	a, b := finance.MustParseAmount("15 USD"), finance.MustParseAmount("12.50 USD")
	c, err := a.Cmp(b)
	fmt.Println(c, err)
	_, err = a.Cmp(finance.MustParseAmount("1000 RUB"))
	fmt.Println(err)
	// Output:
	// 1 <nil>
	// finance: cmp: currency mismatch: USD and RUB
}

// Decimal is the number of an Amount, a Rate and a PeriodRate alike.
func ExampleRate_Decimal() {
	rate, err := finance.DefaultRates().Find(finance.USD, finance.RUB, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(rate.Decimal(), finance.MustParseAmount("12.50 USD").Decimal())
	// Output:
	// 86.9288 12.5
}

// MustParseAmount is for literals in tests and examples: it panics on
// text that ParseAmount refuses.
func ExampleMustParseAmount() {
	fmt.Println(finance.MustParseAmount("£12bn").Compact())
	// Output:
	// £12bn
}

// MustParseCurrency is for literals: it panics on an unknown code.
func ExampleMustParseCurrency() {
	c := finance.MustParseCurrency("BHD")
	fmt.Println(c, c.Name(), c.MinorUnits())
	// Output:
	// BHD Bahraini Dinar 3
}

// A MismatchError names the operation and both currencies.
func ExampleMismatchError() {
	_, err := finance.MustParseAmount("1 USD").Add(finance.MustParseAmount("1 EUR"))
	var me *finance.MismatchError
	if errors.As(err, &me) {
		fmt.Println(me.Op, me.Left, me.Right)
	}
	// Output:
	// add USD EUR
}

// A RateError says which pair was missing on which day, and the latest rate
// the table has.
func ExampleRateError() {
	_, err := finance.DefaultRates().Find(finance.USD, finance.RUB, time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC))
	var re *finance.RateError
	if errors.As(err, &re) {
		fmt.Println(re.From, re.To, re.Latest.Format(time.DateOnly), errors.Is(err, finance.ErrNoRate))
	}
	// Output:
	// USD RUB 2023-03-01 true
}

// A PeriodError lists the days of a period without a rate.
func ExamplePeriodError() {
	start := time.Date(2022, 1, 30, 0, 0, 0, 0, time.UTC)
	end := time.Date(2022, 2, 2, 0, 0, 0, 0, time.UTC)
	_, err := finance.DefaultRates().Average(finance.USD, finance.RUB, start, end)
	var pe *finance.PeriodError
	if errors.As(err, &pe) {
		for _, d := range pe.Missing {
			fmt.Println(d.Format(time.DateOnly))
		}
	}
	// Output:
	// 2022-01-30
	// 2022-01-31
}

// A Conversion keeps the amount converted, the result and the rate used,
// with its date, basis and sources.
func ExampleConversion() {
	c, err := finance.DefaultRates().Exchange(finance.MustParseAmount("1000 USD"), finance.RUB, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(c.From, "->", c.To, "on", c.On.Format(time.DateOnly))
	fmt.Println(c.Rate)
	// Output:
	// 1000.00 USD -> 86928.80 RUB on 2022-02-25
	// 1 USD = 86.9288 RUB on 2022-02-25 (official)
}

// A PeriodRate is the average of the rates in force over a period, day by
// day; its Spans say which rate was in force when.
func ExamplePeriodRate() {
	start := time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)
	end := time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC)
	p, err := finance.DefaultRates().Average(finance.USD, finance.RUB, start, end)
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Decimal(), p.Days(), p.Basis()) // hand: (80.4194 + 86.9288 + 3×83.5485)/5
	// Output:
	// 83.59874 5 official
}

// Each Span is one rate and the days it was in force within the period.
func ExampleSpan() {
	start := time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)
	end := time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC)
	p, err := finance.DefaultRates().Average(finance.USD, finance.RUB, start, end)
	if err != nil {
		panic(err)
	}
	for _, s := range p.Spans() {
		fmt.Println(s.From.Format(time.DateOnly), s.To.Format(time.DateOnly), s.Days, s.Rate.Decimal())
	}
	// Output:
	// 2022-02-24 2022-02-24 1 80.4194
	// 2022-02-25 2022-02-25 1 86.9288
	// 2022-02-26 2022-02-28 3 83.5485
}

// FindOptions limit the age of a rate and the currencies a cross rate may
// go through; the zero value is what Find does.
func ExampleFindOptions() {
	rates := finance.DefaultRates()
	day := time.Date(2022, 2, 27, 0, 0, 0, 0, time.UTC) // a Sunday
	r, err := rates.FindWith(finance.USD, finance.RUB, day, finance.FindOptions{})
	fmt.Println(r, err)
	_, err = rates.FindWith(finance.USD, finance.RUB, day, finance.FindOptions{MaxAge: -1})
	fmt.Println(err)
	// Output:
	// 1 USD = 83.5485 RUB on 2022-02-26 (official) <nil>
	// finance: no USD/RUB rate on or before 2022-02-27 within 0 days (latest is 2022-02-26)
}

// The named rounding modes start at 1; RoundTo, which cannot fail, rounds
// the zero mode as HalfEven.
func ExampleRoundingMode() {
	a := finance.MustParseAmount("2.345 USD")
	for _, m := range []finance.RoundingMode{finance.HalfEven, finance.HalfUp, finance.Down, finance.Ceiling} {
		fmt.Println(m, a.RoundTo(2, m))
	}
	fmt.Println(finance.RoundingMode(0), a.RoundTo(2, 0))
	// Output:
	// HalfEven 2.34 USD
	// HalfUp 2.35 USD
	// Down 2.34 USD
	// Ceiling 2.35 USD
	// RoundingMode(0) 2.34 USD
}
