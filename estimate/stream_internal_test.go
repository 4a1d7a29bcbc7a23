package estimate

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSketchFoldingOrderFree checks that a sketch whose draws span more
// than maxBins buckets gives the same quantiles whatever the order of the
// draws and however they are split between merged sketches, and that the
// bound holds for every draw within γ^maxBins of the largest.
func TestSketchFoldingOrderFree(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	xs := make([]float64, 50_000)
	for i := range xs {
		// hand: e^±60 spans 52 decades, beyond the 28 kept.
		xs[i] = math.Copysign(math.Exp(120*r.Float64()-60), r.Float64()-0.3)
	}
	ps := []float64{0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1}
	quantiles := func(s *sketch) []float64 {
		q := make([]float64, len(ps))
		for i, p := range ps {
			q[i] = s.quantile(p)
		}
		return q
	}
	var whole sketch
	whole.addAll(xs)
	want := quantiles(&whole)
	for trial := range 4 {
		ys := slices.Clone(xs)
		r.Shuffle(len(ys), func(i, j int) { ys[i], ys[j] = ys[j], ys[i] })
		var parts [3]sketch
		for i := 0; i < len(ys); i += 997 {
			parts[(i/997)%3].addAll(ys[i:min(i+997, len(ys))])
		}
		var merged sketch
		for _, k := range []int{2, 0, 1} {
			merged.merge(&parts[k])
		}
		if got := quantiles(&merged); !slices.Equal(got, want) {
			t.Errorf("trial %d: merged shuffled quantiles %v, want %v", trial, got, want)
		}
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	// hand: γ^32768 = e^(32768·2.0000006667e-3) = e^65.536.
	span := math.Exp(maxBins * lnGamma)
	for i, p := range ps {
		exact := sorted[int(p*float64(len(xs)-1))]
		biggest := sorted[len(sorted)-1]
		if exact < 0 {
			biggest = -sorted[0]
		}
		if math.Abs(exact) < biggest/span {
			continue // folded: outside the documented range
		}
		if d := math.Abs(want[i] - exact); d > StreamAccuracy*math.Abs(exact)*(1+1e-9) {
			t.Errorf("Quantile(%g) = %g, exact %g", p, want[i], exact)
		}
	}
}

// TestLnGamma checks the series constant against math.Log, which sees
// (1+α)/(1−α) rounded to float64 (an error of 1.1e-16 relative in the
// ratio, so about 1.1e-16/2e-3 = 6e-14 relative in its logarithm).
func TestLnGamma(t *testing.T) {
	want := math.Log((1 + StreamAccuracy) / (1 - StreamAccuracy))
	if math.Abs(lnGamma-want) > 1e-13*want {
		t.Errorf("lnGamma = %.17g, math.Log gives %.17g", float64(lnGamma), want)
	}
}

// TestExactSum checks the fixed-point accumulator against math/big at
// 3000 bits (exact for these sums) on values of every magnitude and sign,
// with cancellation, in two orders.
func TestExactSum(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	xs := []float64{5e-324, -5e-324, math.MaxFloat64, -math.MaxFloat64, 1, 1e-300, 0, math.Copysign(0, -1)}
	for range 5000 {
		xs = append(xs, math.Ldexp(r.NormFloat64(), r.IntN(2098)-1074))
	}
	want := new(big.Float).SetPrec(3000)
	for _, x := range xs {
		want.Add(want, new(big.Float).SetFloat64(x))
	}
	for trial := range 2 {
		var e exactSum
		for _, x := range xs {
			e.add(x)
		}
		e.carry()
		if got := e.float(); got.Cmp(want) != 0 {
			t.Errorf("trial %d: exact sum %s, math/big %s", trial, got.Text('g', 40), want.Text('g', 40))
		}
		r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	}
}
