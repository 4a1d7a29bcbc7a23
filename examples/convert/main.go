// Command convert converts an amount of money at the official exchange rate
// of a day and says which rate, of which date, from which source it used.
//
// Usage:
//
//	go run ./examples/convert [-rates FILE] [-max-age DAYS] AMOUNT CURRENCY DATE
//
// For example:
//
//	$ go run ./examples/convert "1.2 trillion RUB" USD 2022-03-15
//	1.2 trillion RUB = 10417001240.49 USD ($10.4bn)
//	rate: 1 USD = 115.1963 RUB, dated 2022-03-15
//	source: Central Bank of Russia, "Official exchange rates of foreign currencies against the rouble (XML_daily) on 15.03.2022", ...
//
// AMOUNT is anything finance.ParseAmount reads ("1.2 trillion roubles",
// "£12bn", "RUB 1,200,000,000,000.00"); CURRENCY an ISO 4217 code; DATE a
// day, YYYY-MM-DD. The rate is the latest on or before DATE, direct,
// inverse or crossed through another currency, from the rates embedded in
// package finance, or from -rates FILE (a Central Bank of Russia XML_daily
// or XML_dynamic file, or an ECB eurofxref file).
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
	maxAge := fs.Int("max-age", 0, "refuse a rate more than `DAYS` older than DATE (0: no limit)")
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
	opt := finance.FindOptions{MaxAge: *maxAge}
	rate, err := rates.FindWith(amount.Currency(), to, day, opt)
	if err != nil {
		return err
	}
	got, err := rates.ConvertWith(amount, to, day, opt)
	if err != nil {
		return err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%s = %s (%s)\n", fs.Arg(0), got, got.Compact())
	// Quote the rate as 1 unit of one currency = N (at least 1) of the other,
	// as central banks publish it.
	shown, inverted := rate, false
	if shown.Value().LessThan(decimal.NewFromInt(1)) {
		shown, inverted = rate.Inverse(), true
	}
	fmt.Fprintf(&b, "rate: 1 %s = %s %s, dated %s", shown.Base().Code(), shown.Value().Round(6), shown.Quote().Code(), rate.Date().Format(time.DateOnly))
	switch age := int(day.Sub(rate.Date()).Hours() / 24); age {
	case 0:
	case 1:
		fmt.Fprintf(&b, " (1 day before %s)", day.Format(time.DateOnly))
	default:
		fmt.Fprintf(&b, " (%d days before %s)", age, day.Format(time.DateOnly))
	}
	b.WriteString("\n")
	switch chain := rate.Chain(); {
	case !rate.IsDerived():
	case len(chain) == 1 && inverted:
		// The rate shown is the published one; the conversion used its
		// inverse, which needs no line of its own.
	case len(chain) == 1:
		fmt.Fprintf(&b, "the inverse of the published %s\n", chain[0])
	default:
		b.WriteString("crossed from the published rates:\n")
		for _, r := range chain {
			fmt.Fprintf(&b, "  %s\n", r)
		}
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
