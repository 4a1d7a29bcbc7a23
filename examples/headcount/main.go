// Command headcount turns a number or a share of emigrants into whole people
// by economic sector (ISIC Rev.4 / OKVED2 section) and ILO skill level, on
// the embedded employment data for Russia, with a 90% interval for every
// sector.
//
// Usage:
//
//	go run ./examples/headcount -share 1.5%
//	go run ./examples/headcount -total 600000-1000000 -format csv
//
// -share is a share of the labour force (75.1 million, Rosstat, November
// 2022), -total a number of people; either as a point or as LO-HI, a 90%
// interval. The emigrants are assumed to come from each sector and skill
// level as the workforce does: for survey-based compositions, use
// examples/exodus or workforce.Scenario directly.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp): // -h: the usage is written
	case err != nil:
		fmt.Fprintln(os.Stderr, "headcount:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("headcount", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // a parse error is one line, returned to main; -h prints the usage
	share := fs.String("share", "", "share of the labour force who left: `S or LO-HI` (0.015, 1.5% or 1.25%-1.75%)")
	total := fs.String("total", "", "number of people who left: `N or LO-HI` (a 90% interval)")
	format := fs.String("format", "text", "output `format`: text or csv")
	year := fs.Int("year", workforce.DefaultYear, "`year` of the employment data (2021 or 2022)")
	draws := fs.Int("draws", 20_000, "Monte Carlo draws, `N` from 100 to 1000000 (each draw keeps every cell: 1000000 need about 2 GB of memory)")
	seed := fs.Uint64("seed", 1, "random `seed`; the same flags and seed give the same table")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stderr, "Usage: headcount -share S | -total N [flags]\n\n"+
				"headcount spreads a number or a share of emigrants over Russia's employment by\n"+
				"sector and ILO skill level, as whole people that add up exactly, in proportion\n"+
				"to the workforce. A point in gives a fixed table; LO-HI, a 90% interval, gives\n"+
				"an interval for every sector.\n\nFlags:\n")
			fs.SetOutput(stderr)
			fs.PrintDefaults()
			return err
		}
		return fmt.Errorf("%w (see -h)", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags come as -name value)", fs.Arg(0))
	}
	if *format != "text" && *format != "csv" {
		return fmt.Errorf("-format %q: want text or csv", *format)
	}
	if *draws < 100 || *draws > maxDraws {
		return fmt.Errorf("-draws %d: want 100 to 1000000", *draws)
	}
	wf, err := workforce.DefaultWorkforce(*year)
	if err != nil {
		return fmt.Errorf("-year %d: %w", *year, err)
	}
	sc := workforce.Scenario{
		Workforce:  wf,
		MonteCarlo: estimate.Options{Draws: *draws, Seed: *seed},
	}
	switch {
	case (*share == "") == (*total == ""):
		return errors.New("give one of -share and -total")
	case *share != "":
		if sc.Share, err = parseEstimate(*share, true, estimate.ShareBetween); err != nil {
			return fmt.Errorf("-share %q: %w", *share, err)
		}
		if lo, hi := sc.Share.Interval(0.9); !(lo > 0 && hi < 1) {
			return fmt.Errorf("-share %q: want a share above 0 and below 1 (0.015 or 1.5%%)", *share)
		}
	default:
		if sc.Total, err = parseEstimate(*total, false, estimate.Between); err != nil {
			return fmt.Errorf("-total %q: %w", *total, err)
		}
		if lo, hi := sc.Total.Interval(0.9); !(lo >= 1 && hi <= 1e10) {
			return fmt.Errorf("-total %q: want a number of people from 1 to 1e10", *total)
		}
	}
	h, err := workforce.NewHeadcount(ctx, sc)
	if err != nil {
		return err
	}
	var b strings.Builder
	if *format == "csv" {
		err = writeCSV(&b, h)
	} else {
		err = writeText(&b, h, strings.TrimSpace(*share))
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

// parseEstimate reads "V" (a point) or "LO-HI" (a 90% interval) with
// [estimate.ParseRange]: "800k", "600k-1M", "1.5%", "1,5%" (a decimal comma:
// 1.5%, never 15%). Without percent, a value that ends in % is refused.
func parseEstimate(s string, percent bool, between func(lo, hi float64) (estimate.Estimate, error)) (estimate.Estimate, error) {
	if !percent && strings.Contains(s, "%") {
		return estimate.Estimate{}, errors.New("a number of people, not a percentage (use -share for a share)")
	}
	lo, hi, err := estimate.ParseRange(s)
	if err != nil {
		return estimate.Estimate{}, err
	}
	if lo == hi {
		return estimate.Point(lo)
	}
	return between(lo, hi)
}

// writeText writes the table; share is the -share flag as given, or "".
func writeText(b *strings.Builder, h *workforce.Headcount, share string) error {
	lo, hi := h.Total().Interval()
	// With a point in, every draw is the same: the table is fixed, and an
	// interval column would only repeat each count.
	fixed := lo == hi
	if fixed {
		fmt.Fprintf(b, "%s people by sector and ILO skill level, a fixed table; whole people that add up exactly.\n\n", commas(h.Total().N))
	} else {
		fmt.Fprintf(b, "%s people (90%%: %s) by sector and ILO skill level; whole people that add up exactly.\n\n", commas(h.Total().N), people(h.Total().Range()))
	}
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "sector\tskill 1\tskill 2\tskill 3\tskill 4\ttotal\t")
	if !fixed {
		fmt.Fprint(tw, "90% interval\t")
	}
	fmt.Fprint(tw, "share left\t\n")
	for _, s := range h.Sectors() {
		fmt.Fprintf(tw, "%s\t", s)
		for _, k := range workforce.SkillLevels() {
			fmt.Fprintf(tw, "%s\t", commas(h.Cell(s, k).N))
		}
		fmt.Fprintf(tw, "%s\t", commas(h.BySector(s).N))
		if !fixed {
			fmt.Fprintf(tw, "%s\t", people(h.BySector(s).Range()))
		}
		fmt.Fprintf(tw, "%.2f%%\t\n", 100*h.BySector(s).Share())
	}
	fmt.Fprint(tw, "total\t")
	for _, k := range workforce.SkillLevels() {
		fmt.Fprintf(tw, "%s\t", commas(h.BySkill(k).N))
	}
	fmt.Fprintf(tw, "%s\t\t\n", commas(h.Total().N))
	if err := tw.Flush(); err != nil {
		return err
	}
	if share != "" {
		// Echo -share as given (issue 14 §8). Why 1.5% in becomes 1.57% of each sector: the unemployed are in
		// the base but in no sector.
		fmt.Fprintf(b, "\n-share %s is of the labour force, %s people, unemployed included; the table spreads it over\n"+
			"the %s employed, so each sector loses a larger share of its workforce.\n",
			share, commas(int64(workforce.LabourForce())), commas(int64(math.Round(h.Workforce().Total()))))
	}
	b.WriteString("\nSources:\n")
	for _, s := range h.Sources() {
		fmt.Fprintf(b, "  %s\n", s)
	}
	return nil
}

// writeCSV writes the table in the workforce package's one headcount
// schema (workforce.HeadcountCSVHeader, documented in "go doc
// ./workforce"): lo and hi are whole people that enclose count.
func writeCSV(b *strings.Builder, h *workforce.Headcount) error {
	return h.WriteCSV(b)
}

// people writes a whole-number range of people: "1,126,499–1,126,501".
func people(lo, hi int64) string {
	return commas(lo) + "–" + commas(hi)
}

// commas writes n with thousands separators: 1,126,500.
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r != '-' && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// maxDraws bounds -draws: the simulation keeps every draw of every cell,
// about 1.8 GB at a million draws, so ten million would run out of memory
// rather than fail with a message.
const maxDraws = 1_000_000
