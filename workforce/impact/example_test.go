package impact_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/finance"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
	"github.com/shopspring/decimal"
)

// trn prints roubles in trillions with one decimal.
func trn(f impact.Figure) string {
	return fmt.Sprintf("%.2f trn (%.2f–%.2f)", f.Point/1e12, f.Lo/1e12, f.Hi/1e12)
}

// 650,000–900,000 emigrants, 27–45% of them from information and
// communication, valued in roubles of 2022.
func ExampleAssess() {
	ctx := context.Background()
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{
		Total:       estimate.Must(estimate.Between(650_000, 900_000)),
		SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: estimate.Must(estimate.ShareBetween(0.27, 0.45))},
		MonteCarlo:  estimate.Options{Draws: 10_000, Seed: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	im, err := impact.Assess(ctx, h, impact.Options{Year: 2022, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := im.Total()
	fmt.Println("wage bill lost:     ", trn(t.WageBill))
	fmt.Println("value added at risk:", trn(t.ValueAdded))
	fmt.Println("economy-wide:       ", trn(t.EconomyWide))
	s := im.ShareOfGDP(t.ValueAdded)
	fmt.Printf("value added at risk: %.2f%% of GDP (%.2f–%.2f%%)\n", 100*s.Point, 100*s.Lo, 100*s.Hi)
	j, _ := im.Sector(workforce.Information)
	fmt.Printf("J: %.0f people, wage bill %s\n", j.People.Point, trn(j.WageBill))
	// Output:
	// wage bill lost:      0.61 trn (0.54–0.68)
	// value added at risk: 1.29 trn (1.16–1.41)
	// economy-wide:        2.29 trn (2.07–2.49)
	// value added at risk: 0.82% of GDP (0.74–0.90%)
	// J: 271433 people, wage bill 0.32 trn (0.24–0.41)
}

// The hand-computed case of the tests: 120 people leave C and 180 leave J,
// 10% keep working remotely, valued with the caller's own figures.
func ExampleAssess_ownValues() {
	ctx := context.Background()
	wf := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"}, [][]float64{{100, 200, 300, 400}, {0, 500, 0, 500}})
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{
		Total:      estimate.Must(estimate.Point(300)),
		Workforce:  wf,
		Sectors:    estimate.Must(estimate.FixedShares([]float64{0.4, 0.6})),
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	im, err := impact.Assess(ctx, h, impact.Options{
		Remote: estimate.Must(estimate.Point(0.1)),
		Values: &impact.Values{
			Year: 2022, Basis: impact.WageBasis,
			Labour:     map[workforce.Sector]float64{workforce.Manufacturing: 600_000, workforce.Information: 1_200_000},
			GVA:        map[workforce.Sector]float64{workforce.Manufacturing: 2_000_000, workforce.Information: 2_500_000},
			Multiplier: map[workforce.Sector]float64{workforce.Manufacturing: 2, workforce.Information: 1.5},
			GDP:        1e10,
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range im.Sectors() {
		fmt.Printf("%s: %.0f people, wages %.4g, value added %.4g, economy-wide %.4g\n", s.Sector, s.People.Point, s.WageBill.Point, s.ValueAdded.Point, s.EconomyWide.Point)
	}
	t := im.Total()
	fmt.Printf("total: wages %.4g, value added %.4g (%.2f%% of GDP)\n", t.WageBill.Point, t.ValueAdded.Point, 100*im.ShareOfGDP(t.ValueAdded).Point)
	// Output:
	// C: 120 people, wages 6.48e+07, value added 2.16e+08, economy-wide 4.32e+08
	// J: 180 people, wages 1.944e+08, value added 4.05e+08, economy-wide 6.075e+08
	// total: wages 2.592e+08, value added 6.21e+08 (6.21% of GDP)
}

// A result in US dollars: round the roubles, then convert at a named date
// with package finance.
func ExampleImpact_Total_dollars() {
	ctx := context.Background()
	h, _ := workforce.NewHeadcount(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(100_000)), MonteCarlo: estimate.Options{Draws: 1000}})
	im, err := impact.Assess(ctx, h, impact.Options{Year: 2022, Remote: estimate.Must(estimate.Point(0))})
	if err != nil {
		fmt.Println(err)
		return
	}
	rub := finance.NewAmount(decimal.NewFromFloat(im.Total().ValueAdded.Point).Round(-9), finance.RUB)
	usd, err := finance.DefaultRates().Convert(rub, finance.USD, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rub.Compact(), "=", usd.Compact())
	// Output:
	// ₽183bn = $2.11bn
}

func ExampleImpact_Notes() {
	ctx := context.Background()
	h, _ := workforce.NewHeadcount(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(100_000)), MonteCarlo: estimate.Options{Draws: 1000}})
	im, _ := impact.Assess(ctx, h, impact.Options{Year: 2023, Basis: impact.CompensationBasis})
	for _, n := range im.Notes() {
		fmt.Println(n)
	}
	// Output:
	// roubles of 2023, current prices; compensation basis
	// labour income: compensation of employees (D1) per employed person in 2019 (supply and use table / Rosstat employment), grown to 2023 with the section's average wage (S: the all-activity average); T is not valued (no employment), U has no D1
	// GVA per employed person: Rosstat GVA 2023 / Rosstat employment 2023; L uses L 68 (without the imputed rent of owner-occupied dwellings); B (mining) is mostly resource rent; T and U are not valued
	// multipliers: type I value-added multipliers of the 2019 supply and use table (domestic flows), fixed product sales structure (Eurostat Model D, industry × industry)
	// remote work: 18.2% (90%: 13–25%) of emigrants kept working for Russian employers; their output is not lost
	// wage bill: 85 people in sectors without data are not valued and not in the total
	// value added: 85 people in sectors without data are not valued and not in the total
	// economy-wide effect: 85 people in sectors without data are not valued and not in the total
	// economy-wide effect: a demand-driven (Leontief) approximation of a supply shock
	// intervals: 90%, equal-tailed, from the headcount's 1000 Monte Carlo draws paired with draws of the remote-work share (seed 0)
}

func ExampleDefaultValues() {
	v, err := impact.DefaultValues(2022, impact.WageBasis, impact.FixedProductSales)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []workforce.Sector{workforce.Mining, workforce.Information, workforce.RealEstate, workforce.OtherServices} {
		lab, ok := v.Labour[s]
		fmt.Printf("%s: wage %.0f (%v), GVA per person %.0f, multiplier %.2f\n", s, lab, ok, v.GVA[s], v.Multiplier[s])
	}
	// Output:
	// B: wage 1420508 (true), GVA per person 15832234, multiplier 1.35
	// J: wage 1455149 (true), GVA per person 2523708, multiplier 1.74
	// L: wage 582376 (true), GVA per person 2742044, multiplier 1.26
	// S: wage 0 (false), GVA per person 383587, multiplier 1.57
}

func ExampleDefaultRemoteShare() {
	r := impact.DefaultRemoteShare()
	fmt.Println(r.Name()+":", r)
	for _, s := range r.Sources() {
		fmt.Println(s.Publisher)
	}
	// Output:
	// share of emigrants still working for Russian employers: 0.18 (90%: 0.13–0.25)
	// OutRush (Kamalov, Nugumanova, Sergeeva)
	// RANEPA (Kartseva, Florinskaya)
}

func ExampleContext() {
	for _, c := range impact.Context() {
		fmt.Println(c)
	}
	// Output:
	// industrial firms reporting a shortage of workers (Gaidar Institute survey): 26% (2022-01)
	// industrial firms reporting a shortage of workers (Gaidar Institute survey): 35% (2023-04)
	// industrial firms reporting a shortage of workers (Gaidar Institute survey): 47% (2024-01)
	// staffing balance of firms (Bank of Russia monitoring): -14.4 balance (2022)
	// staffing balance of firms (Bank of Russia monitoring): -23.5 balance (2023)
	// staffing balance of firms (Bank of Russia monitoring): -30.8 balance (2024-Q2)
	// unemployment rate (Rosstat, ILO definition, aged 15+): 2.9% (2023-10)
	// worker deficit (Institute of Economics, Russian Academy of Sciences): 4.8 million (2023)
	// IT specialists abroad still working for Russian companies (ministry claim): 80% (2022)
}

// Miller and Blair (2009), Tables 2.3 and 2.4.
func ExampleLeontief() {
	z := impact.MustNewMatrix([][]float64{{150, 500}, {200, 100}})
	a, _ := impact.Coefficients(z, []float64{1000, 2000})
	l, err := impact.Leontief(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(a)
	fmt.Printf("%.6f %.6f\n%.6f %.6f\n", l.At(0, 0), l.At(0, 1), l.At(1, 0), l.At(1, 1))
	x, _ := l.MulVec([]float64{350, 1700})
	fmt.Printf("%.1f\n", x)
	// Output:
	// [0.15 0.25]
	// [0.2 0.05]
	// 1.254125 0.330033
	// 0.264026 1.122112
	// [1000.0 2000.0]
}

// A column sum above 1 is no proof; a negative element of L is.
func ExampleLeontief_notProductive() {
	_, err := impact.Leontief(impact.MustNewMatrix([][]float64{{0.5, 0.6}, {0.6, 0.5}}))
	fmt.Println(err)
	// Output:
	// impact: leontief: L (0, 0) is -4.54545 < 0, so A is not productive (spectral radius 1.1 ≥ 1): not productive
}

func ExampleCoefficients() {
	z := impact.MustNewMatrix([][]float64{{150, 500}, {200, 100}})
	a, err := impact.Coefficients(z, []float64{1000, 2000})
	fmt.Print(a, err, "\n")
	_, err = impact.Coefficients(z, []float64{0, 2000})
	fmt.Println(err)
	// Output:
	// [0.15 0.25]
	// [0.2 0.05]
	//  <nil>
	// impact: coefficients: column 0 has zero output but an input of 150 in row 0: bad value
}

func ExampleSpectralRadius() {
	rho, _ := impact.SpectralRadius(impact.MustNewMatrix([][]float64{{0.15, 0.25}, {0.20, 0.05}}))
	fmt.Printf("%.6f\n", rho)
	// Output:
	// 0.329129
}

func ExampleNewMultipliers() {
	a := impact.MustNewMatrix([][]float64{{0.15, 0.25}, {0.20, 0.05}})
	l, _ := impact.Leontief(a)
	m, err := impact.NewMultipliers(l, []float64{1000, 2000}, []float64{650, 1400}, []float64{300, 500})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("output %.4f\ncompensation %.4f\ncompensation type I %.4f\n", m.Output, m.Compensation, m.CompensationTypeI)
	// Output:
	// output [1.5182 1.4521]
	// compensation [0.4422 0.3795]
	// compensation type I [1.4741 1.5182]
}

func ExampleNewMatrix() {
	m, err := impact.NewMatrix([][]float64{{1, 2}, {3, 4}})
	fmt.Print(m, err, "\n")
	fmt.Println(m.RowSums(), m.ColSums())
	// Output:
	// [1 2]
	// [3 4]
	//  <nil>
	// [3 7] [4 6]
}

// A product made by two industries, under the fixed product sales
// structure (Model D) and the industry technology (Model B).
func ExampleNewSUT() {
	s, err := impact.NewSUT([]string{"X", "Y"},
		impact.MustNewMatrix([][]float64{{2, 3}, {1, 3}}),  // use of domestic products
		impact.MustNewMatrix([][]float64{{8, 2}, {0, 10}}), // supply: industry Y makes 2 of product X
		[]float64{5, 6}, []float64{2, 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range []impact.Technology{impact.FixedProductSales, impact.IndustryTechnology} {
		a, _ := s.Coefficients(t)
		fmt.Printf("%s:\n%.4g\n", t, a.Rows())
	}
	fmt.Println("final demand", s.FinalDemand(), "industry output", s.IndustryOutput())
	// Output:
	// fixed product sales structure (Eurostat Model D, industry × industry):
	// [[0.2 0.2] [0.175 0.3]]
	// industry technology (Eurostat Model B, product × product):
	// [[0.25 0.25] [0.15 0.25]]
	// final demand [5 6] industry output [8 12]
}

func ExampleSUT_Multipliers() {
	s := impact.SUT2019()
	m, err := s.Multipliers(impact.DefaultTechnology)
	if err != nil {
		fmt.Println(err)
		return
	}
	for k, l := range s.Labels() {
		if l == "C" || l == "J" || l == "O" {
			fmt.Printf("%s: output %.3f, value added per rouble of final demand %.3f, type I VA %.3f\n", l, m.Output[k], m.ValueAdded[k], m.ValueAddedTypeI[k])
		}
	}
	// Output:
	// C: output 2.168, value added per rouble of final demand 0.811, type I VA 2.930
	// J: output 1.717, value added per rouble of final demand 0.872, type I VA 1.737
	// O: output 1.453, value added per rouble of final demand 0.909, type I VA 1.314
}

func ExampleSUT2019() {
	s := impact.SUT2019()
	a, _ := s.Coefficients(impact.FixedProductSales)
	l, _ := impact.Leontief(a)
	df, _ := s.MarketShares().MulVec(s.FinalDemand())
	x, _ := l.MulVec(df)
	fmt.Printf("industry output of C: L·D·f = %.1f bn, published P1 = 51,355.1 bn\n", x[2]/1e3)
	fmt.Println(impact.SUTSource().URL)
	// Output:
	// industry output of C: L·D·f = 51355.1 bn, published P1 = 51,355.1 bn
	// https://rosstat.gov.ru/storage/mediabank/tri-2019.xlsx
}

func ExampleSUT2019Industries() {
	t := impact.SUT2019Industries()
	d11, _ := t.Get("total", "D11")
	d1, _ := t.Get("total", "D1")
	fmt.Printf("2019 wages %.1f bn, compensation %.1f bn\n", d11, d1)
	// Output:
	// 2019 wages 30778.8 bn, compensation 38113.0 bn
}

func ExampleWages() {
	w := impact.Wages()
	v, _ := w.Get("J", "2022")
	fmt.Printf("J 2022: %.1f roubles a month\n", v)
	i, _ := w.RowIndex("S")
	fmt.Println("S missing:", w.Missing(i, 0))
	// Output:
	// J 2022: 121262.4 roubles a month
	// S missing: true
}

func ExampleMonthlyWage() {
	w, err := impact.MonthlyWage(workforce.Information, 2022)
	fmt.Println(w, err)
	_, err = impact.MonthlyWage(workforce.OtherServices, 2022)
	fmt.Println(err)
	// Output:
	// 121262.4 <nil>
	// impact: wage of S in 2022: not published: missing cell
}

func ExampleGVA() {
	g := impact.GVA()
	l, _ := g.Get("L", "2022")
	own, _ := g.Get("L_dwellings", "2022")
	fmt.Printf("L 2022: %.1f bn, of which owner-occupied dwellings %.0f%%\n", l, 100*own/l)
	// Output:
	// L 2022: 15170.6 bn, of which owner-occupied dwellings 66%
}

func ExampleSectorGVA() {
	v, err := impact.SectorGVA(workforce.Mining, 2022)
	fmt.Println(v, err)
	_, err = impact.SectorGVA(workforce.Extraterritorial, 2022)
	fmt.Println(err)
	// Output:
	// 18968.6 <nil>
	// impact: GVA of U in 2022: not published: missing cell
}

func ExampleGDP() {
	gdp, _ := impact.GDP(2022)
	gva, _ := impact.TotalGVA(2022)
	fmt.Printf("GDP %.1f bn, GVA %.1f bn\n", gdp, gva)
	// Output:
	// GDP 157001.4 bn, GVA 142395.8 bn
}

func ExampleTotalGVA() {
	v, err := impact.TotalGVA(2019)
	fmt.Println(v, err)
	// Output:
	// 98487.2 <nil>
}

func ExampleMarketRealEstateGVA() {
	v, _ := impact.MarketRealEstateGVA(2022)
	fmt.Println(v)
	// Output:
	// 5152.3
}

func ExampleFigure_Scale() {
	f := impact.Figure{Point: 1.2e12, Lo: 1.0e12, Hi: 1.5e12}
	fmt.Println(f.Scale(1 / 157001.4e9))
	// Output:
	// 0.007643 (0.006369–0.009554)
}

func ExampleTechnology_String() {
	fmt.Println(impact.DefaultTechnology)
	// Output:
	// fixed product sales structure (Eurostat Model D, industry × industry)
}

func ExampleBasis_String() {
	fmt.Println(impact.WageBasis, impact.CompensationBasis)
	// Output:
	// wages compensation
}

func ExampleSectorImpact_MarshalJSON() {
	s := impact.SectorImpact{
		Sector:          workforce.OtherServices,
		People:          impact.Figure{Point: 1200, Lo: 950, Hi: 1460},
		Remote:          impact.Figure{Point: 218, Lo: 150, Hi: 310},
		WageBill:        impact.Figure{Point: math.NaN()}, // no wage for S
		ValueAdded:      impact.Figure{Point: 3.8e8, Lo: 3.1e8, Hi: 4.3e8},
		EconomyWide:     impact.Figure{Point: 5.9e8, Lo: 4.9e8, Hi: 6.8e8},
		LabourPerPerson: math.NaN(), GVAPerPerson: 383587, Multiplier: 1.57,
		Flag: "no labour income per person (wages basis): wage bill not valued",
	}
	b, err := json.Marshal(s)
	fmt.Println(string(b), err)
	// Output:
	// {"sector":"S","people":{"point":1200,"lo":950,"hi":1460},"remote":{"point":218,"lo":150,"hi":310},"wage_bill":null,"value_added":{"point":380000000,"lo":310000000,"hi":430000000},"economy_wide":{"point":590000000,"lo":490000000,"hi":680000000},"labour_per_person":null,"gva_per_person":383587,"multiplier":1.57,"flag":"no labour income per person (wages basis): wage bill not valued"} <nil>
}

func ExampleImpact_MarshalJSON() {
	ctx := context.Background()
	h, _ := workforce.NewHeadcount(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(100_000)), MonteCarlo: estimate.Options{Draws: 1000}})
	im, _ := impact.Assess(ctx, h, impact.Options{Year: 2022})
	b, err := json.Marshal(im)
	if err != nil {
		fmt.Println(err)
		return
	}
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	fmt.Println(slices.Sorted(maps.Keys(m)))
	fmt.Println(string(m["basis"]), string(m["year"]))
	// Output:
	// [basis draws gdp gva level method notes sectors share_of_gdp sources technology total year]
	// "wages" 2022
}
