package workforce_test

import (
	"context"
	"fmt"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

func ExampleParseDestination() {
	d, err := workforce.ParseDestination("ge")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d, d.Name(), d.NameRU(), d.Currency())
	_, err = workforce.ParseDestination("XK")
	fmt.Println(err)
	// Output:
	// GE Georgia Грузия GEL
	// workforce: parse destination "XK": not an ISO 3166-1 alpha-2 code of a listed destination: unknown code
}

func ExampleDestination_CBRListed() {
	for _, d := range []workforce.Destination{workforce.Kazakhstan, workforce.Georgia, workforce.Israel} {
		since, ok := d.CBRListed()
		switch {
		case !ok:
			fmt.Printf("%s: not in the CBR list, needs a cross rate\n", d.Currency())
		case since != "":
			fmt.Printf("%s: in the CBR list from %s\n", d.Currency(), since)
		default:
			fmt.Printf("%s: in the CBR list\n", d.Currency())
		}
	}
	// Output:
	// KZT: in the CBR list
	// GEL: in the CBR list from 2023-01
	// ILS: not in the CBR list, needs a cross rate
}

func ExampleDefaultDestinationRanges() {
	for _, r := range workforce.DefaultDestinationRanges() {
		mixed := ""
		if r.MixedDefinitions() {
			mixed = " (mixed definitions)"
		}
		fmt.Printf("%s %-16s %7.0f %7.0f %7.0f%s\n", r.Destination, r.Destination.Name(), r.Low.Value, r.Central.Value, r.High.Value, mixed)
	}
	tr := workforce.DefaultDestinationRanges()[7]
	fmt.Println(tr.High.Source.Publisher+":", tr.High.Definition+",", tr.High.Period)
	// Output:
	// AM Armenia            40000  110000  110000 (mixed definitions)
	// KZ Kazakhstan         50000   80000  150000 (mixed definitions)
	// IL Israel             78617   80000   80000 (mixed definitions)
	// GE Georgia            56369   73500  112700 (mixed definitions)
	// US United States      21763   48000   48000 (mixed definitions)
	// DE Germany            16066   36000   36000 (mixed definitions)
	// RS Serbia             23804   30000   44974 (mixed definitions)
	// TR Turkey             28000   28000  180000 (mixed definitions)
	// KR South Korea        19000   19000   19000
	// LV Latvia             18000   18000   18000
	// ES Spain              12611   16000   16000 (mixed definitions)
	// ZZ Other countries   111500  111500  111500 (mixed definitions)
	// ZOiS, summarised by Re:Russia: resident “new diaspora” (survey-based estimate), as of the 2024 report
}

func ExampleDefaultDestinationRange() {
	r, _ := workforce.DefaultDestinationRange(workforce.Georgia)
	for _, f := range []workforce.DestinationFigure{r.Low, r.Central, r.High} {
		fmt.Printf("%6.0f %s: %s (%s)\n", f.Value, f.Period, f.Definition, f.Source.Publisher)
	}
	// Output:
	//  56369 2022: Geostat net migration of Russian citizens (immigrant: stayed at least 183 days of 12 months) (Geostat, via Ukrainska Pravda)
	//  73500 Feb 2022 – 2023/24: settled; host-country data (The Bell)
	// 112700 Jan–Sep 2022: Interior Ministry: entries minus exits of Russian citizens ("remained") (Georgian Interior Ministry, via Bumaga)
}

func ExampleDefaultDestinationTotal() {
	t := workforce.DefaultDestinationTotal()
	fmt.Println(t.Value, t.Source.Publisher, t.Source.Date)
	// Output: 650000 The Bell 2024-07-17
}

// Where 600,000 to 900,000 emigrants went, with The Bell's figures as the
// central destination shares and the other sources as ranges.
func ExampleNewHeadcount_destinations() {
	total, _ := estimate.Between(600000, 900000)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:        total,
		Destinations: workforce.DefaultDestinationMix(),
		MonteCarlo:   estimate.Options{Draws: 10000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range h.Destinations()[:4] {
		lo, hi := h.ByDestination(d).Interval()
		fmt.Printf("%-10s %6d (90%%: %3.0fk–%3.0fk) %4.1f%%\n", d.Name(), h.ByDestination(d).N, lo/1000, hi/1000, 100*h.ByDestination(d).ShareOf(h.Total()))
	}
	tr := workforce.Turkey
	lo, hi := h.ByDestination(tr).Interval()
	fmt.Printf("%-10s %6d (90%%: %3.0fk–%3.0fk) %4.1f%%\n", tr.Name(), h.ByDestination(tr).N, lo/1000, hi/1000, 100*h.ByDestination(tr).ShareOf(h.Total()))
	// Output:
	// Armenia    124359 (90%:  82k–138k) 16.9%
	// Kazakhstan  90443 (90%:  65k–135k) 12.3%
	// Israel      90443 (90%:  71k–109k) 12.3%
	// Georgia     83094 (90%:  63k–113k) 11.3%
	// Turkey      31655 (90%:  32k–102k)  4.3%
}

// The destination × sector view: IT (section J) emigrants in Georgia and
// Armenia. By default the sector mix is the same in every destination.
func ExampleHeadcount_ByDestinationSector() {
	total, _ := estimate.Point(650000)
	it, _ := estimate.ShareBetween(0.27, 0.45)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:        total,
		SectorFocus:  map[workforce.Sector]estimate.Estimate{workforce.Information: it},
		Destinations: workforce.DefaultDestinationMix(),
		MonteCarlo:   estimate.Options{Draws: 10000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []workforce.Destination{workforce.Georgia, workforce.Armenia} {
		n := h.ByDestinationSector(d, workforce.Information).N
		lo, hi := h.ByDestinationSector(d, workforce.Information).Interval()
		fmt.Printf("%s, IT: %d (90%%: %.0fk–%.0fk), %.0f%% of %d\n", d.Name(), n, lo/1000, hi/1000, 100*float64(n)/float64(h.ByDestination(d).N), h.ByDestination(d).N)
	}
	// Output:
	// Georgia, IT: 26084 (90%: 19k–36k), 35% of 73500
	// Armenia, IT: 39037 (90%: 24k–45k), 35% of 110000
}

// A destination × sector seed from ZOiS's surveys (late 2022): IT workers
// were 27% of the Russians in Georgia and 37% in Armenia; elsewhere the
// scenario's 35%. Each seed row holds the workforce's sector sizes, with J
// raised to that share of the row. The fit keeps the seed's odds, not its
// shares: J must add up to 35% of the total, so the shares move a little.
func ExampleDestinationMix_WithSectorSeed() {
	wf, _ := workforce.DefaultWorkforce(workforce.DefaultYear)
	sectors, rows := wf.Rows(), wf.RowTotals()
	j, _ := wf.RowIndex("J")
	seedRow := func(itShare float64) []float64 {
		r := append([]float64(nil), rows...)
		rest := 0.0
		for i, x := range r {
			if i != j {
				rest += x
			}
		}
		r[j] = itShare / (1 - itShare) * rest
		return r
	}
	dests := []workforce.Destination{workforce.Armenia, workforce.Georgia, workforce.OtherDestinations}
	counts := []estimate.Estimate{estimate.Must(estimate.Point(110000)), estimate.Must(estimate.Point(73500)), estimate.Must(estimate.Point(466500))}
	mix, _ := workforce.NewDestinationCounts(dests, counts)
	seed, _ := workforce.NewTable([]string{"AM", "GE", "ZZ"}, sectors, [][]float64{seedRow(0.37), seedRow(0.27), seedRow(0.35)})
	mix, err := mix.WithSectorSeed(seed)
	if err != nil {
		fmt.Println(err)
		return
	}
	it, _ := estimate.Point(0.35)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:        estimate.Must(estimate.Point(650000)),
		SectorFocus:  map[workforce.Sector]estimate.Estimate{workforce.Information: it},
		Destinations: mix,
		MonteCarlo:   estimate.Options{Draws: 1000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range dests {
		n := h.ByDestinationSector(d, workforce.Information).N
		fmt.Printf("%s: IT %d of %d (%.1f%%)\n", d, n, h.ByDestination(d).N, 100*float64(n)/float64(h.ByDestination(d).N))
	}
	// Output:
	// AM: IT 41345 of 110000 (37.6%)
	// GE: IT 20210 of 73500 (27.5%)
	// ZZ: IT 165945 of 466500 (35.6%)
}

// Shares of respondents by first country of relocation (RANEPA survey,
// February–March 2024), as point shares; the rest, 37.1%, is "other".
func ExampleNewDestinationShareRanges() {
	dests := []workforce.Destination{workforce.Georgia, workforce.Kazakhstan, workforce.Armenia, workforce.Israel, workforce.Turkey, workforce.Germany, workforce.Serbia, workforce.OtherDestinations}
	pct := []float64{15.5, 10.5, 9.9, 8.4, 8.3, 5.7, 4.6, 37.1}
	shares := make([]estimate.Estimate, len(pct))
	for i, p := range pct {
		shares[i] = estimate.Must(estimate.Point(p / 100))
	}
	mix, err := workforce.NewDestinationShareRanges(dests, shares)
	if err != nil {
		fmt.Println(err)
		return
	}
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:        estimate.Must(estimate.Point(650000)),
		Destinations: mix,
		MonteCarlo:   estimate.Options{Draws: 1000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.ByDestination(workforce.Georgia).N, h.ByDestination(workforce.Serbia).N)
	_, err = workforce.NewDestinationShareRanges(dests[:2], shares[:2])
	fmt.Println(err)
	// Output:
	// 100750 29900
	// workforce: destination shares cannot sum to 1: their highest values add up to 0.26: inconsistent margins
}

func ExampleNewDestinationCounts() {
	am, _ := estimate.PERT(40000, 110000, 110000)
	ge, _ := estimate.PERT(56369, 73500, 112700)
	mix, err := workforce.NewDestinationCounts([]workforce.Destination{workforce.Armenia, workforce.Georgia}, []estimate.Estimate{am, ge})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.3f %.3f\n", mix.Shares()[0], mix.Shares()[1])
	_, err = workforce.NewDestinationCounts([]workforce.Destination{workforce.Armenia}, []estimate.Estimate{estimate.Must(estimate.Point(-5))})
	fmt.Println(err)
	// Output:
	// 0.569 0.431
	// workforce: destination counts: AM = -5: a negative count: bad value
}

func ExampleMovedOnShare() {
	f := workforce.MovedOnShare()
	fmt.Printf("%.0f%% moved on, %s (%s)\n", 100*f.Value, f.Period, f.Source.Publisher)
	for _, f := range workforce.MovedOnByCountry()[:2] {
		fmt.Printf("%s: %.0f%% left\n", f.Destination.Name(), 100*f.Value)
	}
	// Output:
	// 21% moved on, 2023–2024 (OutRush (Kamalov, Nugumanova, Sergeeva), via Apsny.ge)
	// Turkey: 57% left
	// Georgia: 32% left
}

func ExampleReturnedShare() {
	f := workforce.ReturnedShare()
	fmt.Printf("about %.0f%% returned (%s, %s)\n", 100*f.Value, f.Period, f.Source.Date)
	// Output: about 10% returned (since 2022, surveyed February–March 2024, 2025-02-07)
}
