package estimate

import (
	"math"
	"math/big"
	"testing"
)

// TestMeanSDAccuracy checks the pairwise sums against exact arithmetic
// (math/big with 200-bit mantissas) on values with a large common offset,
// where naive summation loses digits.
func TestMeanSDAccuracy(t *testing.T) {
	x := make([]float64, 100_003)
	for i := range x {
		x[i] = 1e9 + float64(i%7)*0.1 + float64(i%13)*1e-3
	}
	exact := func(f func(v float64) *big.Float) float64 {
		s := new(big.Float).SetPrec(200)
		for _, v := range x {
			s.Add(s, f(v))
		}
		r, _ := s.Float64()
		return r
	}
	n := float64(len(x))
	wantMean := exact(func(v float64) *big.Float { return new(big.Float).SetPrec(200).SetFloat64(v) }) / n
	wantSS := exact(func(v float64) *big.Float {
		d := new(big.Float).SetPrec(200).Sub(new(big.Float).SetPrec(200).SetFloat64(v), new(big.Float).SetPrec(200).SetFloat64(wantMean))
		return d.Mul(d, d)
	})
	mean, sd := meanSD(x)
	if math.Abs(mean-wantMean) > 1e-15*wantMean {
		t.Errorf("mean = %.17g, exact %.17g", mean, wantMean)
	}
	if want := math.Sqrt(wantSS / (n - 1)); math.Abs(sd-want) > 1e-9*want {
		t.Errorf("sd = %.17g, exact %.17g", sd, want)
	}
}
