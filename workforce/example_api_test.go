package workforce_test

import (
	"context"
	"fmt"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// The named methods start at 1; the zero ApportionMethod names none, and
// Apportion refuses it. (hand, Hamilton: quotas 4.2, 2.1, 0.7 take 4, 2, 0
// and the seventh goes to the largest remainder, 0.7.)
func ExampleApportionMethod() {
	w := []float64{0.6, 0.3, 0.1}
	for _, m := range []workforce.ApportionMethod{workforce.Hamilton, workforce.DHondt, workforce.SainteLague, workforce.HuntingtonHill} {
		seats, err := workforce.Apportion(7, w, m)
		if err != nil {
			panic(err)
		}
		fmt.Println(m, seats)
	}
	_, err := workforce.Apportion(7, w, 0)
	fmt.Println(err)
	// Output:
	// Hamilton [4 2 1]
	// D'Hondt [5 2 0]
	// Sainte-Laguë [4 2 1]
	// Huntington–Hill [4 2 1]
	// workforce: apportion: the zero ApportionMethod names no method; pass Hamilton for largest remainders: shape mismatch
}

// CapReport says how often a count had to be capped at its workforce; the
// zero CapReport means never.
func ExampleCapReport() {
	total, _ := estimate.Between(600_000, 1_000_000)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: total, MonteCarlo: estimate.Options{Draws: 1000}})
	if err != nil {
		panic(err)
	}
	c := h.Capped()
	fmt.Println(c.Draws, c.Capped, c.TotalCapped, len(c.Sectors))
	// Output:
	// 1000 0 0 0
}

// SkillLevels lists the four ILO skill levels in order.
func ExampleSkillLevels() {
	for _, k := range workforce.SkillLevels() {
		fmt.Println(k, k.Band())
	}
	// Output:
	// 1 low
	// 2 medium
	// 3 high
	// 4 high
}

// Bands lists the three skill bands and the levels in each.
func ExampleBands() {
	for _, b := range workforce.Bands() {
		fmt.Println(b, b.SkillLevels())
	}
	// Output:
	// low [1]
	// medium [2]
	// high [3 4]
}

// ILOSTATEducationSource cites the table behind ILOSTATSectorEducation.
func ExampleILOSTATEducationSource() {
	fmt.Println(workforce.ILOSTATEducationSource(workforce.DefaultYear).Publisher)
	// Output:
	// International Labour Organization (ILOSTAT)
}

// Destinations lists every destination of the embedded data.
func ExampleDestinations() {
	d := workforce.Destinations()
	fmt.Println(len(d), d[0], d[0].Name(), d[len(d)-1])
	// Output:
	// 26 AM Armenia ZZ
}

// MustParseDestination is for literals: it panics on a code outside the
// list.
func ExampleMustParseDestination() {
	d := workforce.MustParseDestination("GE")
	fmt.Println(d, d.Name(), d.Currency())
	// Output:
	// GE Georgia GEL
}

// A DestinationFigure is one sourced figure, with what it counts and when.
func ExampleDestinationFigure() {
	f := workforce.DefaultDestinationTotal()
	fmt.Printf("%.0f %s | %s | %s\n", f.Value, f.Period, f.Definition, f.Source.Publisher)
	// Output:
	// 650000 Feb 2022 – mid-2024 | Russians who left after February 2022 and settled abroad, compiled from host-country data (residence permits, asylum requests, official statements) of about 70 countries | The Bell
}

// A DestinationRange is the central figure for a destination and the
// lowest and highest that other sources give.
func ExampleDestinationRange() {
	r, ok := workforce.DefaultDestinationRange(workforce.MustParseDestination("GE"))
	fmt.Println(ok, r.Destination, r.Low.Value, r.Central.Value, r.High.Value, r.MixedDefinitions())
	// Output:
	// true GE 56369 73500 112700 true
}

// DefaultDestinationMix is the embedded composition by destination.
func ExampleDefaultDestinationMix() {
	mix := workforce.DefaultDestinationMix()
	d, s := mix.Destinations(), mix.Shares()
	fmt.Printf("%d destinations; %v %.3f\n", len(d), d[0], s[0])
	// Output:
	// 12 destinations; AM 0.169
}

// MovedOnByCountry: the share of emigrants in each country who moved on.
func ExampleMovedOnByCountry() {
	for _, f := range workforce.MovedOnByCountry() {
		fmt.Printf("%v %.2f\n", f.Destination, f.Value)
	}
	// Output:
	// TR 0.57
	// GE 0.32
	// AM 0.28
	// KZ 0.22
	// ME 0.33
}

// NewDestinationShares builds a mix from a composition, one share per
// destination.
func ExampleNewDestinationShares() {
	dests := []workforce.Destination{workforce.MustParseDestination("GE"), workforce.MustParseDestination("AM"), workforce.OtherDestinations}
	shares, _ := estimate.FixedShares([]float64{0.25, 0.25, 0.5})
	mix, err := workforce.NewDestinationShares(dests, shares)
	if err != nil {
		panic(err)
	}
	fmt.Println(mix.Destinations(), mix.Shares())
	// Output:
	// [GE AM ZZ] [0.25 0.25 0.5]
}

// FitOptions bound the iterations of Fit and FitN and set their tolerance;
// the zero value gives the defaults. (hand: a uniform seed fits to the
// independence table, row × column / 100: 30×40/100 = 12.)
func ExampleFitOptions() {
	seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1, 1}, {1, 1}})
	fit, rep, err := workforce.Fit(seed, []float64{30, 70}, []float64{40, 60}, workforce.FitOptions{Tolerance: 1e-12})
	if err != nil {
		panic(err)
	}
	fmt.Println(fit.Values(), rep.Converged)
	// Output:
	// [[12 18] [28 42]] true
}

// A FitReport says whether the fit converged, in how many iterations and
// how far the margins are from their targets.
func ExampleFitReport() {
	seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{2, 1}, {1, 2}})
	_, rep, err := workforce.Fit(seed, []float64{50, 50}, []float64{50, 50}, workforce.FitOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(rep.Converged, rep.Iterations, rep.MaxError < 1e-9)
	// Output:
	// true 1 true
}

// A Margin is one set of target totals for FitN: here, the totals over
// dimension 0 and over dimension 1 of a 2 × 2 array.
func ExampleMargin() {
	seed := []float64{1, 1, 1, 1}
	x, _, err := workforce.FitN(seed, []int{2, 2}, []workforce.Margin{
		{Dims: []int{0}, Values: []float64{30, 70}},
		{Dims: []int{1}, Values: []float64{40, 60}},
	}, workforce.FitOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.0f\n", x)
	// Output:
	// [12 18 28 42]
}

// A Scenario says who left: a total (or a share of the labour force) and,
// optionally, compositions by sector, skill and destination.
func ExampleScenario() {
	total, _ := estimate.Point(1000)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: total, MonteCarlo: estimate.Options{Draws: 1000}})
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Total().N)
	// Output:
	// 1000
}

// ITMapping chooses how the surveys' IT workers become sections; its zero
// value means ITInInformation.
func ExampleITMapping() {
	fmt.Println(workforce.ITMapping(0), workforce.ITInInformation, workforce.ITInICTSections, workforce.ICTSections())
	// Output:
	// ITMapping(0) section J ICT sections [C G J K M O]
}

// The default SectorProfile, from the surveys of emigrants.
func ExampleSectorProfile() {
	p := workforce.DefaultSectorProfile()
	fmt.Println(p.IT(), len(p.Parts()))
	// Output:
	// 0.35 (90%: 0.27–0.45) 7
}

// Each ProfilePart says whether it is data or an assumption, and on what.
func ExampleProfilePart() {
	for _, part := range workforce.DefaultSectorProfile().Parts() {
		fmt.Println(part.Name, part.Share, part.Assumption)
	}
	// Output:
	// IT workers 0.35 (90%: 0.27–0.45) false
	// arts and culture at most 15% false
	// education at most 15% false
	// office work at most 15% false
	// media at most 8% false
	// scale of the upper bounds between each group's share of degree-holders and its bound true
	// everyone else the rest true
}

// MustNewTable is for literals: it panics on a table NewTable refuses.
func ExampleMustNewTable() {
	t := workforce.MustNewTable([]string{"J", "K"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}})
	fmt.Println(t.Total(), t.RowTotals(), t.ColTotals())
	// Output:
	// 36 [10 26] [6 8 10 12]
}
