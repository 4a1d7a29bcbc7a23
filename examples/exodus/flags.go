package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// config is the parsed command line.
type config struct {
	format    string
	svg, png  string
	draws     int
	seed      uint64
	total     *span // nil: the pooled estimate
	share     *span // nil: the pooled estimate
	date      time.Time
	rates     string
	workforce string
}

// A span is a point (lo == hi) or a 90% interval from the command line.
type span struct{ lo, hi float64 }

func (s span) isPoint() bool { return s.lo == s.hi }

const defaultDate = "2022-03-15"

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("exodus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: exodus [flags]

exodus reproduces the article "Decoding the Mass Departure from Russia" from
the embedded, sourced data: how many left, from which sectors and skill levels,
and what 1.2 trillion roubles is in USD, GBP, EUR and CNY.

Flags:
`)
		fs.PrintDefaults()
	}
	var total, share, date string
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, csv (the headcount table) or json (the whole report)")
	fs.StringVar(&cfg.svg, "svg", "", "also write a chart of headcounts by sector to `FILE` as SVG")
	fs.StringVar(&cfg.png, "png", "", "also write a chart of headcounts by sector to `FILE` as PNG")
	fs.IntVar(&cfg.draws, "draws", 100_000, "number of Monte Carlo `draws`")
	fs.Uint64Var(&cfg.seed, "seed", 1, "random `seed`; the same flags and seed give the same output")
	fs.StringVar(&total, "total", "", "number who left, `N or LO-HI` (a 90% interval), instead of the pooled estimate")
	fs.StringVar(&share, "share", "", "share of the labour force who left, `S or LO-HI` (0.015 or 1.5%), instead of the pooled estimate")
	fs.StringVar(&date, "date", defaultDate, "`day` (YYYY-MM-DD) whose official exchange rates convert the money")
	fs.StringVar(&cfg.rates, "rates", "", "CBR XML or ECB eurofxref `FILE` used instead of the embedded official rates")
	fs.StringVar(&cfg.workforce, "workforce", "", "CSV `FILE` of employment by sector × ISCO-08 major group, instead of the embedded data for Russia (with -total or -share)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q (flags come as -name value)", fs.Arg(0))
	}
	switch cfg.format {
	case "text", "csv", "json":
	default:
		return config{}, fmt.Errorf("-format %q: want text, csv or json", cfg.format)
	}
	if cfg.draws < 100 || cfg.draws > 10_000_000 {
		return config{}, fmt.Errorf("-draws %d: want 100 to 10000000", cfg.draws)
	}
	if total != "" && share != "" {
		return config{}, errors.New("-total and -share both given: choose one")
	}
	if cfg.workforce != "" && total == "" && share == "" {
		return config{}, errors.New("-workforce needs -total or -share: the pooled estimate is of emigrants from Russia")
	}
	var err error
	if total != "" {
		if cfg.total, err = parseSpan(total, false); err != nil {
			return config{}, fmt.Errorf("-total: %w", err)
		}
		if cfg.total.lo < 1 || cfg.total.hi > 1e10 {
			return config{}, fmt.Errorf("-total %q: want a number of people from 1 to 1e10", total)
		}
	}
	if share != "" {
		if cfg.share, err = parseSpan(share, true); err != nil {
			return config{}, fmt.Errorf("-share: %w", err)
		}
		if cfg.share.lo <= 0 || cfg.share.hi >= 1 {
			return config{}, fmt.Errorf("-share %q: want a share above 0 and below 1 (0.015 or 1.5%%)", share)
		}
	}
	if cfg.date, err = time.Parse(time.DateOnly, date); err != nil {
		return config{}, fmt.Errorf("-date %q: want YYYY-MM-DD", date)
	}
	return cfg, nil
}

// parseSpan reads "N" or "LO-HI". With percent, a value may end in % (and
// is then divided by 100). Numbers may use _ or , as thousands separators.
func parseSpan(s string, percent bool) (*span, error) {
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return nil, fmt.Errorf("%q is negative", s)
	}
	lo, hi, found := strings.Cut(s, "-")
	if !found {
		hi = lo
	}
	a, err := parseNumber(lo, percent)
	if err != nil {
		return nil, err
	}
	b, err := parseNumber(hi, percent)
	if err != nil {
		return nil, err
	}
	if a > b || (found && a == b) {
		return nil, fmt.Errorf("%q: the low end must be below the high end", s)
	}
	return &span{a, b}, nil
}

func parseNumber(s string, percent bool) (float64, error) {
	t := strings.TrimSpace(s)
	scale := 1.0
	if percent && strings.HasSuffix(t, "%") {
		t, scale = strings.TrimSpace(strings.TrimSuffix(t, "%")), 0.01
	}
	t = strings.NewReplacer("_", "", ",", "").Replace(t)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v * scale, nil
}
