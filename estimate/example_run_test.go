package estimate_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/exodus-lab/exodus/estimate"
)

// Quantiles finds several quantiles of one output together, reading the
// draws once for all of them; they stay in draw order.
func ExampleSummary_Quantiles() {
	total, _ := estimate.Between(600_000, 1_300_000)
	share, _ := estimate.Beta(2, 8)
	m := estimate.NewModel()
	t, s := m.Input(total), m.Input(share)
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(t) * d.Value(s)
	}, estimate.Options{Draws: 100_000, Seed: 1})
	if err != nil {
		panic(err)
	}
	q := res.Output(0).Quantiles(0.05, 0.5, 0.95)
	fmt.Printf("p5 %.0fk, p50 %.0fk, p95 %.0fk\n", q[0]/1e3, q[1]/1e3, q[2]/1e3)
	// Output:
	// p5 34k, p50 157k, p95 413k
}

// A streaming run keeps no draws: memory does not grow with Draws. Mean
// and SD are exact; quantiles are within 0.1% (StreamAccuracy) of the
// draws they estimate.
func ExampleOptions_stream() {
	total, _ := estimate.Between(600_000, 1_300_000)
	share, _ := estimate.Beta(2, 8)
	m := estimate.NewModel()
	t, s := m.Input(total), m.Input(share)
	f := func(d *estimate.Draw, out []float64) { out[0] = d.Value(t) * d.Value(s) }
	kept, _ := m.Run(context.Background(), 1, f, estimate.Options{Draws: 100_000, Seed: 1})
	streamed, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: 100_000, Seed: 1, Stream: true})
	if err != nil {
		panic(err)
	}
	k, s2 := kept.Output(0), streamed.Output(0)
	fmt.Printf("mean %.1f = %.1f, median %.0f ≈ %.0f, samples kept: %d\n",
		k.Mean(), s2.Mean(), k.Median(), s2.Median(), len(s2.Samples()))
	// (hand: the mean is E[total]·E[share] = 883k·e^(σ²/2)·0.2 ≈ 181.6k,
	// σ = ln(1.3M/600k)/3.29 = 0.235, give or take its standard error,
	// about 0.35k.)
	// Output:
	// mean 181276.7 = 181276.7, median 156681 ≈ 156530, samples kept: 0
}

// A model that ends its goroutine with runtime.Goexit, as t.FailNow does
// in a test, is an error, not a run with missing draws.
func ExampleErrFuncExited() {
	x, _ := estimate.Normal(0, 1)
	m := estimate.NewModel()
	v := m.Input(x)
	_, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		if d.Index() == 2500 {
			runtime.Goexit()
		}
		out[0] = d.Value(v)
	}, estimate.Options{Draws: 10_000, Workers: 4})
	fmt.Println(errors.Is(err, estimate.ErrFuncExited))
	fmt.Println(err)
	// Output:
	// true
	// estimate: Run: draw 2500: f called runtime.Goexit (as testing's t.FailNow does) instead of returning: model func exited without returning
}
