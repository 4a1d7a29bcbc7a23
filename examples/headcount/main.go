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
	"encoding/csv"
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
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "headcount:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("headcount", flag.ContinueOnError)
	fs.SetOutput(stderr)
	share := fs.String("share", "", "share of the labour force who left: `S or LO-HI` (0.015, 1.5% or 1.25%-1.75%)")
	total := fs.String("total", "", "number of people who left: `N or LO-HI` (a 90% interval)")
	format := fs.String("format", "text", "output `format`: text or csv")
	year := fs.Int("year", workforce.DefaultYear, "`year` of the employment data (2021 or 2022)")
	draws := fs.Int("draws", 20_000, "Monte Carlo `draws`")
	seed := fs.Uint64("seed", 1, "random `seed`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *format != "text" && *format != "csv" {
		return fmt.Errorf("-format %q: want text or csv", *format)
	}
	if *draws < 100 || *draws > 10_000_000 {
		return fmt.Errorf("-draws %d: want 100 to 10000000", *draws)
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
			return fmt.Errorf("-share: %w", err)
		}
	default:
		if sc.Total, err = parseEstimate(*total, false, estimate.Between); err != nil {
			return fmt.Errorf("-total: %w", err)
		}
	}
	h, err := workforce.Headcounts(ctx, sc)
	if err != nil {
		return err
	}
	var b strings.Builder
	if *format == "csv" {
		err = writeCSV(&b, h)
	} else {
		err = writeText(&b, h)
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

// parseEstimate reads "V" (a point) or "LO-HI" (a 90% interval). With
// percent, values may end in %.
func parseEstimate(s string, percent bool, between func(lo, hi float64) (estimate.Estimate, error)) (estimate.Estimate, error) {
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return estimate.Estimate{}, fmt.Errorf("%q is negative", s)
	}
	var vals []float64
	for _, part := range strings.SplitN(s, "-", 2) {
		t, scale := strings.TrimSpace(part), 1.0
		if percent && strings.HasSuffix(t, "%") {
			t, scale = strings.TrimSuffix(t, "%"), 0.01
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return estimate.Estimate{}, fmt.Errorf("%q is not a number", part)
		}
		vals = append(vals, v*scale)
	}
	if len(vals) == 1 {
		return estimate.Point(vals[0])
	}
	return between(vals[0], vals[1])
}

func writeText(b *strings.Builder, h *workforce.Headcount) error {
	lo, hi := h.TotalInterval()
	fmt.Fprintf(b, "%d people (90%%: %s) by sector and ILO skill level; whole people that add up exactly.\n\n", h.Total(), people(lo, hi))
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "sector\tskill 1\tskill 2\tskill 3\tskill 4\ttotal\t90% interval\tshare of sector\t\n")
	for _, s := range h.Sectors() {
		fmt.Fprintf(tw, "%s\t", s)
		for _, k := range workforce.SkillLevels() {
			fmt.Fprintf(tw, "%d\t", h.At(s, k))
		}
		slo, shi := h.SectorInterval(s)
		fmt.Fprintf(tw, "%d\t%s\t%.2f%%\t\n", h.Sector(s), people(slo, shi), 100*h.SectorShare(s))
	}
	fmt.Fprint(tw, "total\t")
	for _, k := range workforce.SkillLevels() {
		fmt.Fprintf(tw, "%d\t", h.Skill(k))
	}
	fmt.Fprintf(tw, "%d\t\t\t\n", h.Total())
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\nSources:\n")
	for _, s := range h.Sources() {
		fmt.Fprintf(b, "  %s\n", s)
	}
	return nil
}

func writeCSV(b *strings.Builder, h *workforce.Headcount) error {
	w := csv.NewWriter(b)
	_ = w.Write([]string{"sector", "skill_level", "count", "lo90", "hi90", "share_of_sector_workforce"})
	for _, s := range h.Sectors() {
		for _, k := range workforce.SkillLevels() {
			lo, hi := h.Interval(s, k)
			_ = w.Write([]string{s.String(), k.String(), strconv.FormatInt(h.At(s, k), 10),
				strconv.FormatFloat(math.Floor(lo), 'f', 0, 64), strconv.FormatFloat(math.Ceil(hi), 'f', 0, 64),
				strconv.FormatFloat(h.CellShare(s, k), 'g', 6, 64)})
		}
	}
	w.Flush()
	return w.Error()
}

// people writes an interval of simulated (unrounded) counts as the whole
// numbers of people that enclose it.
func people(lo, hi float64) string {
	return fmt.Sprintf("%.0f–%.0f", math.Floor(lo), math.Ceil(hi))
}
