package main

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/exodus-lab/exodus/workforce"
)

// mainDestinations is how many destinations the destination × sector view
// shows, the largest first.
const mainDestinations = 6

// destAssumption states the independence assumption of the default mix.
const destAssumption = "The emigrants counted in a destination have the sector and skill mix of all emigrants: " +
	"the sources mostly do not say whether it differs by country (ZOiS found IT workers 27% of Russians in Georgia " +
	"and 37% in Armenia, within the range assumed for all)."

// setDestinations adds the default destination composition to the
// scenario, for the embedded data for Russia only.
func setDestinations(sc *workforce.Scenario, in inputs) {
	if in.workforce == nil {
		sc.Destinations = workforce.DefaultDestinationMix()
	}
}

// buildDestinations fills section 4 from a Headcount made with
// DefaultDestinationMix, or says why there is none.
func buildDestinations(rep *report, src *sourceList, hc *workforce.Headcount, in inputs, why error) {
	d := &rep.Destinations
	switch {
	case in.workforce != nil:
		d.Note = "not shown: the destination data describe emigrants from Russia, not the employment in " + in.employment
		return
	case why != nil:
		d.Note = "not shown: " + why.Error()
		return
	}
	d.Assumption = destAssumption
	// ZOiS as the sector profile cites it, so that it is one source.
	for _, s := range workforce.DefaultSectorProfile().Sources() {
		if strings.HasPrefix(s.Publisher, "ZOiS") {
			d.AssumptionRefs = src.cite(s)
		}
	}
	total := hc.Total().N
	for _, dest := range hc.Destinations() {
		dc := hc.ByDestination(dest)
		lo, hi := dc.Interval()
		lo, hi = enclose(dc.N, lo, hi)
		row := destinationRow{
			Code: dest.String(), Name: dest.Name(), Count: dc.N, Lo: lo, Hi: hi,
		}
		if total > 0 {
			row.Share = number(float64(row.Count) / float64(total))
		}
		if r, ok := workforce.DefaultDestinationRange(dest); ok {
			row.Central = figureRef(src, r.Central)
			if r.Low.Value != r.Central.Value {
				low := figureRef(src, r.Low)
				row.Low = &low
			}
			if r.High.Value != r.Central.Value {
				high := figureRef(src, r.High)
				row.High = &high
			}
			row.MixedDefinitions = r.MixedDefinitions()
		}
		d.Rows = append(d.Rows, row)
	}
	// The largest destinations, by sector, other than the explicit rest.
	main := slices.Clone(d.Rows)
	main = slices.DeleteFunc(main, func(r destinationRow) bool { return r.Code == workforce.OtherDestinations.String() })
	slices.SortStableFunc(main, func(a, b destinationRow) int { return cmp.Compare(b.Count, a.Count) })
	for _, r := range main[:min(mainDestinations, len(main))] {
		dest := workforce.MustParseDestination(r.Code)
		bs := destinationSectors{Code: r.Code, Name: r.Name}
		for _, s := range hc.Sectors() {
			c := hc.ByDestinationSector(dest, s)
			lo, hi := c.Interval()
			lo, hi = enclose(c.N, lo, hi)
			bs.Sectors = append(bs.Sectors, countCell{Code: s.String(), Count: c.N, Lo: lo, Hi: hi})
		}
		d.BySector = append(d.BySector, bs)
	}
	for _, f := range append([]workforce.DestinationFigure{workforce.MovedOnShare()}, append(workforce.MovedOnByCountry(), workforce.ReturnedShare())...) {
		text := fmt.Sprintf("%s: %.0f%% (%s; %s)", contextName(f), 100*f.Value, f.Definition, f.Period)
		d.Context = append(d.Context, assumption{Text: text, SourceRefs: src.cite(f.Source)})
	}
}

func contextName(f workforce.DestinationFigure) string {
	if f.Destination.Valid() {
		return f.Destination.Name()
	}
	return "all destinations"
}

func figureRef(src *sourceList, f workforce.DestinationFigure) destFigure {
	return destFigure{Value: f.Value, Period: f.Period, Definition: f.Definition, SourceRefs: src.cite(f.Source)}
}

// destinationsSkipped tells whether err means the default destination mix
// does not fit the scenario's total (a -total far below the emigrants the
// host countries counted), which the report states instead of failing.
func destinationsSkipped(err error) bool {
	return errors.Is(err, workforce.ErrInconsistent)
}

// enclose turns an interval of unrounded simulated people into whole people
// that enclose the point count n: floor and ceiling, widened to n where the
// point (made from the sources' central figures) lies outside the draws'
// interval, so that no printed interval leaves out its printed count.
func enclose(n int64, lo, hi float64) (float64, float64) {
	return math.Min(math.Floor(lo), float64(n)), math.Max(math.Ceil(hi), float64(n))
}
