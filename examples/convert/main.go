// Command convert converts an amount of money at the official exchange rate
// of a day and says which rate, of which date, on which basis (official,
// reported or derived) and from which source it used.
//
// Usage:
//
//	go run ./examples/convert [-rates FILE] [-max-age DAYS | -any-age] AMOUNT CURRENCY DATE
//
// For example:
//
//	$ go run ./examples/convert "1.2 trillion RUB" USD 2022-03-15
//	1.2 trillion RUB = 10417001240.49 USD ($10.4bn)
//	rate: 1 USD = 115.1963 RUB on 2022-03-15 (official)
//	source: Central Bank of Russia, "Official exchange rates of foreign currencies against the rouble (XML_daily) on 15.03.2022", ...
//
// AMOUNT is anything finance.ParseAmount reads ("1.2 trillion roubles",
// "£12bn", "RUB 1,200,000,000,000.00"); CURRENCY an ISO 4217 code; DATE a
// day, YYYY-MM-DD. The rate is the latest on or before DATE, direct,
// inverse or crossed through another currency, from the official and
// reported rates embedded in package finance (finance.DefaultRates, which
// holds no derived rate), or from -rates FILE (a Central Bank of Russia
// XML_daily or XML_dynamic file, or an ECB eurofxref file). A rate more than
// finance.DefaultMaxAge (14) days older than DATE is refused unless -max-age
// or -any-age says otherwise; a cross rate is as old as its older leg, and
// as good as its weaker one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp): // -h: the usage is written
	case err != nil:
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // a parse error is one line, returned to main; -h prints the usage
	usage := func() {
		fmt.Fprint(stderr, "Usage: convert [flags] AMOUNT CURRENCY DATE\n\n"+
			"Converts AMOUNT into CURRENCY at the official rate in force on DATE (YYYY-MM-DD),\n"+
			"and prints the rate, its date and its source. AMOUNT is, for example,\n"+
			"\"1.2 trillion RUB\", \"£12bn\" or \"RUB 1,200,000.00\"; a negative amount follows --.\n\nFlags:\n")
		fs.SetOutput(stderr)
		fs.PrintDefaults()
	}
	ratesFile := fs.String("rates", "", "CBR XML or ECB eurofxref `FILE` to use instead of the embedded rates")
	maxAge := fs.Int("max-age", finance.DefaultMaxAge, "refuse a rate more than `DAYS` older than DATE")
	anyAge := fs.Bool("any-age", false, "accept a rate of any age (its age is printed)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return fmt.Errorf("%w (see -h)", err)
	}
	if fs.NArg() != 3 {
		return fmt.Errorf("want 3 arguments, AMOUNT CURRENCY DATE; got %d (see -h)", fs.NArg())
	}
	if *maxAge < 0 {
		return fmt.Errorf("-max-age %d: want 0 or more days", *maxAge)
	}
	opt := finance.FindOptions{MaxAge: *maxAge, AnyAge: *anyAge}
	if *maxAge == 0 {
		opt.MaxAge = -1 // only a rate dated DATE itself
	}
	amount, err := finance.ParseAmount(fs.Arg(0))
	if err != nil {
		return err
	}
	to, err := finance.ParseCurrency(fs.Arg(1))
	if err != nil {
		return err
	}
	day, err := time.Parse(time.DateOnly, fs.Arg(2))
	if err != nil {
		return fmt.Errorf("date %q: want a day of the calendar as YYYY-MM-DD", fs.Arg(2))
	}
	if amount.Currency() == to {
		_, err := fmt.Fprintf(stdout, "%s = %s (%s)\nno conversion: the amount is already in %s\n", fs.Arg(0), amount, amount.Compact(), to.Code())
		return err
	}
	rates := finance.DefaultRates()
	if *ratesFile != "" {
		if rates, err = loadRates(*ratesFile); err != nil {
			return err
		}
	}
	c, err := rates.ExchangeWith(amount, to, day, opt)
	if err != nil {
		return err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%s = %s (%s)\n", fs.Arg(0), c.To, c.To.Compact())
	// Quote the rate as 1 unit of one currency = N (at least 1) of the other,
	// as central banks publish it, with its date and basis.
	rate := c.Rate
	shown := rate
	if shown.Decimal().LessThan(decimal.NewFromInt(1)) {
		shown = rate.Inverse()
	}
	fmt.Fprintf(&b, "rate: %s", shown)
	switch age := c.Age(); age {
	case 0:
	case 1:
		fmt.Fprintf(&b, ", 1 day before %s", day.Format(time.DateOnly))
	default:
		fmt.Fprintf(&b, ", %d days before %s", age, day.Format(time.DateOnly))
	}
	b.WriteString("\n")
	if chain := rate.Chain(); len(chain) > 1 {
		b.WriteString("crossed from the rates:\n")
		for _, r := range chain {
			fmt.Fprintf(&b, "  %s\n", r)
		}
	}
	if c.Basis() != finance.Official {
		fmt.Fprintf(&b, "basis: %s, not an official rate as published; see the source's note\n", c.Basis())
	}
	for _, s := range rate.Sources() {
		fmt.Fprintf(&b, "source: %s\n", s)
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

func loadRates(path string) (*finance.Rates, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-rates: %w", err)
	}
	defer f.Close()
	rs, err := finance.ParseRates(f) // bounds what it reads
	if err != nil {
		return nil, fmt.Errorf("-rates %s: %w", path, err)
	}
	return finance.NewRates(rs...)
}
