package estimate_test

import (
	"context"
	"fmt"

	"github.com/exodus-lab/exodus/estimate"
)

// A Var is a model's handle on one input: Model.Input returns it, and
// Draw.Value reads that input's value in each draw.
func ExampleVar() {
	price, _ := estimate.Point(2.5)
	m := estimate.NewModel()
	p := m.Input(price)
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = 4 * d.Value(p)
	}, estimate.Options{Draws: 1000})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Output(0).Mean()) // hand: 4 × 2.5
	// Output:
	// 10
}

// A Vec is a model's handle on a composition: Model.Shares returns it, and
// Draw.Shares reads the shares drawn, which add up to 1.
func ExampleVec() {
	mix, _ := estimate.FixedShares([]float64{0.2, 0.3, 0.5})
	m := estimate.NewModel()
	v := m.Shares(mix)
	fmt.Println("parts:", v.Len())
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = 1000 * d.Shares(v)[2]
	}, estimate.Options{Draws: 1000})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.0f\n", res.Output(0).Mean()) // hand: 1000 × 0.5
	// Output:
	// parts: 3
	// 500
}

// Draw.Index numbers the draws from 0, whatever the worker that makes
// them, so a model can use it as a deterministic sequence.
func ExampleDraw() {
	m := estimate.NewModel()
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = float64(d.Index())
	}, estimate.Options{Draws: 1000})
	if err != nil {
		panic(err)
	}
	s := res.Output(0)
	fmt.Println(s.Draws(), s.Mean()) // hand: the mean of 0…999 is 499.5
	// Output:
	// 1000 499.5
}

// A Func fills out with one value per output for each draw. It runs on
// several goroutines at once, so it must not write shared state.
func ExampleFunc() {
	a, _ := estimate.Point(3)
	b, _ := estimate.Point(4)
	m := estimate.NewModel()
	x, y := m.Input(a), m.Input(b)
	var f estimate.Func = func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(x) + d.Value(y)
		out[1] = d.Value(x) * d.Value(y)
	}
	res, err := m.Run(context.Background(), 2, f, estimate.Options{Draws: 1000})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Len(), res.Output(0).Mean(), res.Output(1).Mean()) // hand: 3+4, 3×4
	// Output:
	// 2 7 12
}

// The named pooling methods start at 1; the zero PoolMethod names none and
// Pool refuses it.
func ExamplePoolMethod() {
	a, _ := estimate.Between(600_000, 900_000)
	b, _ := estimate.Between(800_000, 1_200_000)
	for _, m := range []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool, estimate.InverseVariance} {
		p, err := estimate.Pool(m, a, b)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %v\n", m, p)
	}
	_, err := estimate.Pool(0, a, b)
	fmt.Println(err != nil)
	// Output:
	// linear pool: 849k (90%: 627k–1.15M)
	// logarithmic pool: 849k (90%: 693k–1.04M)
	// inverse-variance pool (log space): 850k (90%: 740k–980k)
	// true
}

// Estimate.Pooling says how a pooled estimate was made: the method, the
// inputs with their names, the normalised weights and the diagnostics.
func ExamplePooling() {
	a, _ := estimate.Between(600_000, 900_000)
	b, _ := estimate.Between(800_000, 1_200_000)
	p, err := estimate.Pool(estimate.LinearPool, a.Named("survey A"), b.Named("survey B"))
	if err != nil {
		panic(err)
	}
	how, ok := p.Pooling()
	fmt.Println(ok, how.Method, len(how.Inputs), how.Inputs[0].Name(), how.Weights)
	// Output:
	// true linear pool 2 survey A [0.5 0.5]
}

// QuantileMethod chooses the sample quantile definition of a run's
// Summary (Hyndman and Fan 1996); the zero value means type 7, R's and
// NumPy's default. On 1000 draws of 0, 1, …, 9, a hundred each, the
// median is 4 by type 1, the 500th smallest draw (hand: n·p = 500), and
// 4.5 by type 7, which interpolates at (n−1)·p + 1 = 500.5, halfway
// between the 500th (4) and the 501st (5).
func ExampleQuantileMethod() {
	m := estimate.NewModel()
	f := func(d *estimate.Draw, out []float64) { out[0] = float64(d.Index() % 10) }
	for _, q := range []estimate.QuantileMethod{estimate.HyndmanFan1, estimate.HyndmanFan7} {
		res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: 1000, Quantile: q})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%v: median %v\n", q, res.Output(0).Median())
	}
	// Output:
	// Hyndman–Fan type 1: median 4
	// Hyndman–Fan type 7: median 4.5
}
