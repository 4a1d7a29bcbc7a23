package estimate_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// The engine against a hand-written loop of the same model is in bench/
// (engine_test.go, montecarlo_test.go); these measure the parts.

// benchDraws is the number of draws of a benchmark run.
const benchDraws = 100_000

// benchAlpha is the Dirichlet of 21 sectors × 4 skill levels: every shape ≥ 1.
func benchAlpha() []float64 {
	alpha := make([]float64, 84)
	for i := range alpha {
		alpha[i] = 1 + float64(i%9)
	}
	return alpha
}

// BenchmarkSample measures one draw of each family.
func BenchmarkSample(b *testing.B) {
	es := map[string]estimate.Estimate{
		"normal":       must(b)(estimate.Normal(0, 1)),
		"lognormal":    must(b)(estimate.Between(600e3, 1e6)),
		"PERT":         must(b)(estimate.PERT(1, 2, 10)),
		"logit-normal": must(b)(estimate.ShareBetween(0.27, 0.45)),
		"mixture":      must(b)(estimate.Pool(estimate.LinearPool, must(b)(estimate.Between(300e3, 3e6)), must(b)(estimate.Between(600e3, 1e6)))),
	}
	for name, e := range es {
		b.Run(name, func(b *testing.B) {
			r := rand.New(rand.NewChaCha8([32]byte{}))
			b.ReportAllocs()
			for b.Loop() {
				_ = e.Sample(r)
			}
		})
	}
}

// BenchmarkSummaryQuantile measures the first quantile of a fresh result,
// which selects the order statistics it needs from the unsorted draws.
func BenchmarkSummaryQuantile(b *testing.B) {
	n := must(b)(estimate.Normal(0, 1))
	m, f := additive(b, n, n, n, n)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: benchDraws})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		_ = res.Output(0).Quantile(0.95)
	}
}

// BenchmarkCompositionSample measures one draw of 84 Dirichlet shares
// (21 sectors × 4 skill levels), the inner loop of the lognormal ×
// Dirichlet model.
func BenchmarkCompositionSample(b *testing.B) {
	c := mustC(b)(estimate.Dirichlet(benchAlpha()))
	r := rand.New(rand.NewChaCha8([32]byte{}))
	dst := make([]float64, c.Len())
	b.ReportAllocs()
	for b.Loop() {
		c.Sample(r, dst)
	}
}
