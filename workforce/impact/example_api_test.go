package impact_test

import (
	"context"
	"fmt"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
)

// An Indicator is one figure of the labour market's context, with its unit
// and period.
func ExampleIndicator() {
	c := impact.Context()[0]
	fmt.Printf("%s | %v %s\n", c.Name, c.Value, c.Unit)
	// Output:
	// industrial firms reporting a shortage of workers (Gaidar Institute survey) | 26 %
}

// WagesSource cites the wage table behind Wages and MonthlyWage.
func ExampleWagesSource() {
	fmt.Println(impact.WagesSource().Publisher)
	// Output:
	// Rosstat (Federal State Statistics Service of Russia)
}

// GVASource cites the value added table behind GVA and SectorGVA.
func ExampleGVASource() {
	fmt.Println(impact.GVASource().Publisher)
	// Output:
	// Rosstat (Federal State Statistics Service of Russia)
}

// SUTSource cites the supply and use tables behind SUT2019.
func ExampleSUTSource() {
	fmt.Println(impact.SUTSource().Publisher)
	// Output:
	// Rosstat (Federal State Statistics Service of Russia)
}

// Options with nobody working remotely and no economy-wide effect: the
// wage bill is then people × wage, sector by sector.
func ExampleOptions() {
	ctx := context.Background()
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{
		Total:      estimate.Must(estimate.Point(100_000)),
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		panic(err)
	}
	im, err := impact.Assess(ctx, h, impact.Options{Year: 2022, Remote: estimate.Must(estimate.Point(0)), NoEconomyWide: true})
	if err != nil {
		panic(err)
	}
	t := im.Total()
	fmt.Printf("wage bill %.0f bn roubles; economy-wide missing: %v\n", t.WageBill.Point/1e9, t.EconomyWide.Missing())
	// Output:
	// wage bill 73 bn roubles; economy-wide missing: true
}

// Multipliers of the two-sector example of Miller and Blair (2009), Table
// 2.3: output per unit of final demand, by column of L.
func ExampleMultipliers() {
	l, err := impact.Leontief(impact.MustNewMatrix([][]float64{{0.15, 0.25}, {0.20, 0.05}}))
	if err != nil {
		panic(err)
	}
	m, err := impact.NewMultipliers(l, []float64{1000, 2000}, []float64{650, 1400}, []float64{300, 500})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f\n", m.Output) // hand: column sums of L, 1.254125+0.264026, 0.330033+1.122112
	// Output:
	// [1.5182 1.4521]
}

// A Matrix is immutable; At reads a cell, Dims its size.
func ExampleMatrix() {
	m := impact.MustNewMatrix([][]float64{{1, 2, 3}, {4, 5, 6}})
	r, c := m.Dims()
	fmt.Println(r, c, m.At(1, 2))
	// Output:
	// 2 3 6
}

// MustNewMatrix is for literals: it panics on ragged or non-finite rows.
func ExampleMustNewMatrix() {
	fmt.Print(impact.MustNewMatrix([][]float64{{0.15, 0.25}, {0.20, 0.05}}))
	// Output:
	// [0.15 0.25]
	// [0.2 0.05]
}

// Values are what a year of work is worth in each sector; DefaultValues
// builds them from the embedded data.
func ExampleValues() {
	v, err := impact.DefaultValues(2022, impact.WageBasis, impact.DefaultTechnology)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d %v: GDP %.1f trn roubles, %d sectors with a wage\n", v.Year, v.Basis, v.GDP/1e12, len(v.Labour))
	// Output:
	// 2022 wages: GDP 157.0 trn roubles, 18 sectors with a wage
}
