package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
)

// config is the parsed command line.
type config struct {
	format    string
	table     string // which table -format csv writes
	svg, png  string
	draws     int
	seed      uint64
	total     *span     // nil: the pooled estimate
	share     *span     // nil: the pooled estimate
	date      time.Time // the -date day; zero when not given
	dateSet   bool
	rates     string
	workforce string

	costYear      int          // the year of section 5's roubles
	costBasis     impact.Basis // wages or compensation
	noMultipliers bool
}

// A span is a point (lo == hi) or a 90% interval from the command line.
type span struct {
	lo, hi float64
	text   string // as given, to echo back exactly (issue 14 §8)
}

func (s span) isPoint() bool { return s.lo == s.hi }

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("exodus", flag.ContinueOnError)
	// A parse error is one line, returned to main; only -h prints the usage.
	fs.SetOutput(io.Discard)
	var total, share, date string
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, csv (the headcount table) or json (the whole report)")
	fs.StringVar(&cfg.table, "table", "headcounts", "the `table` -format csv writes: headcounts (sector × skill level), destinations, destination-sectors or costs")
	fs.StringVar(&cfg.svg, "svg", "", "also write a chart of headcounts by sector to `FILE` as SVG")
	fs.StringVar(&cfg.png, "png", "", "also write a chart of headcounts by sector to `FILE` as PNG")
	fs.IntVar(&cfg.draws, "draws", 100_000, "number of Monte Carlo draws, `N` from 100 to 1000000 (each draw keeps its 84 cells: 1000000 need about 1.1 GB of memory and 15 s of CPU)")
	fs.Uint64Var(&cfg.seed, "seed", 1, "random `seed`, 0 or more; the same flags and seed give byte-identical output")
	fs.StringVar(&total, "total", "", "number who left, `N or LO-HI` (a 90% interval, such as 600000-1000000), instead of the pooled estimate")
	fs.StringVar(&share, "share", "", "share of the labour force who left, `S or LO-HI` (0.015, 1.5% or 1.25%-1.75%), instead of the pooled estimate")
	fs.StringVar(&date, "date", "", "also convert the money at the rates in force on the `YYYY-MM-DD` day (a rate up to 14 days older is used);\nwith -rates, the default is the file's latest day")
	fs.IntVar(&cfg.costYear, "year", workforce.DefaultYear, "the `year` whose wages and value added price the departures (2019 to 2024)")
	var basis string
	fs.StringVar(&basis, "basis", "wages", "labour income `basis`: wages (Rosstat, employees of organisations) or compensation (national accounts)")
	fs.BoolVar(&cfg.noMultipliers, "no-multipliers", false, "leave out the economy-wide effect through input–output multipliers")
	fs.StringVar(&cfg.rates, "rates", "", "a Central Bank of Russia XML_daily or XML_dynamic `FILE`, or an ECB eurofxref file, used instead of the embedded official rates")
	fs.StringVar(&cfg.workforce, "workforce", "", "a CSV `FILE` of employment in persons, rows ISIC Rev.4 section letters (A–U), columns ISCO-08 major groups (0–9),\nfirst column a label; used instead of the embedded data for Russia (needs -total or -share;\nevery cell filled: a blank cell is an error, since exodus cannot tell how to split it)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stderr, fs)
			return config{}, err
		}
		return config{}, fmt.Errorf("%w (see -h)", err)
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q (flags come as -name value)", fs.Arg(0))
	}
	switch cfg.format {
	case "text", "csv", "json":
	default:
		return config{}, fmt.Errorf("-format %q: want text, csv or json", cfg.format)
	}
	switch cfg.table {
	case "headcounts", "destinations", "destination-sectors", "costs":
	default:
		return config{}, fmt.Errorf("-table %q: want headcounts, destinations, destination-sectors or costs", cfg.table)
	}
	if cfg.draws < 100 || cfg.draws > maxDraws {
		return config{}, fmt.Errorf("-draws %d: want 100 to 1000000", cfg.draws)
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
	if date != "" {
		if cfg.date, err = parseDay(date); err != nil {
			return config{}, fmt.Errorf("-date %q: %w", date, err)
		}
		cfg.dateSet = true
	}
	switch basis {
	case "wages":
		cfg.costBasis = impact.WageBasis
	case "compensation":
		cfg.costBasis = impact.CompensationBasis
	default:
		return config{}, fmt.Errorf("-basis %q: want wages or compensation", basis)
	}
	if cfg.costYear < 2019 || cfg.costYear > 2024 {
		return config{}, fmt.Errorf("-year %d: want 2019 to 2024, the years with wages, value added and employment", cfg.costYear)
	}
	if cfg.svg != "" && cfg.svg == cfg.png {
		return config{}, fmt.Errorf("-svg and -png both write %s: give two files", cfg.svg)
	}
	for _, c := range []struct{ flag, path string }{{"-svg", cfg.svg}, {"-png", cfg.png}} {
		if err := checkOutPath(c.path); err != nil {
			return config{}, fmt.Errorf("%s %s: %w", c.flag, c.path, err)
		}
	}
	return cfg, nil
}

// usage writes the -h text.
func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `Usage: exodus [flags]

exodus reproduces the article "Decoding the Mass Departure from Russia" from
the embedded, sourced data: how many left, from which sectors and skill levels,
and what 1.2 trillion roubles is in USD, GBP, EUR and CNY. Every figure cites
a numbered source. With no flags it needs no network and no files.

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, `
-format csv writes the sector × skill-level headcount table, one row per cell:
sector, sector_title, skill_level, count, lo, hi (whole people around the 90%
interval, enclosing count), sector_workforce, share_of_sector_workforce, the
schema of "go doc ./workforce" (The headcount table). -format json writes the whole report in the stable
schema "exodus-report/1", documented by "go doc ./examples/exodus".
`)
}

// parseDay reads a YYYY-MM-DD day, and tells a malformed day from one that
// is well formed but not in the calendar (2022-02-30).
func parseDay(s string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, s)
	if err == nil {
		return d, nil
	}
	if y, m, ok := strings.Cut(s, "-"); ok && len(y) == 4 && len(m) == 5 && m[2] == '-' &&
		strings.Trim(y+m[:2]+m[3:], "0123456789") == "" {
		return time.Time{}, errors.New("not a day of the calendar")
	}
	return time.Time{}, errors.New("want a day as YYYY-MM-DD")
}

// checkOutPath fails early, before the simulation, on a chart path that
// cannot be written: a folder, or a file in a folder that does not exist.
func checkOutPath(path string) error {
	if path == "" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return errors.New("is a folder, not a file")
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("folder %s does not exist", dir)
	}
	return nil
}

// parseSpan reads "N" or "LO-HI" with [estimate.ParseRange]: "800k",
// "600,000-1,000,000", "1.5%", "1,5%" (a decimal comma: 1.5%, never 15%).
// Without percent, a value that ends in % is refused: -total counts people.
func parseSpan(s string, percent bool) (*span, error) {
	if !percent && strings.Contains(s, "%") {
		return nil, fmt.Errorf("%q: a number of people, not a percentage (use -share for a share)", s)
	}
	lo, hi, err := estimate.ParseRange(s)
	if err != nil {
		return nil, err
	}
	return &span{lo, hi, strings.TrimSpace(s)}, nil
}

// maxDraws bounds -draws: the simulation keeps the cells of every draw,
// a peak of 1.1 GB at a million draws (bench/README.md), so ten million
// (about 9 GB) would run out of memory on a small machine rather than fail
// with a message.
const maxDraws = 1_000_000
