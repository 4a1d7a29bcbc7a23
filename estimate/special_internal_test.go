package estimate

import (
	"math"
	"testing"
)

// TestLbeta checks ln B(a, b) for whole a and b against the exact
// identity B(a, b) = (a−1)!(b−1)!/(a+b−1)!, so that
// ln B(a, b) = Σ_{k<a} ln k − Σ_{b≤k<a+b} ln k (hand), a sum of a few
// logarithms, exact to rounding even where ln Γ(b) is huge.
func TestLbeta(t *testing.T) {
	for _, c := range [][2]int{{1, 1}, {2, 5}, {3, 9}, {3, 1_000_000}, {12, 30}, {10, 10}, {12, 1_000_000_000}, {36, 564_104_227_338_079}} {
		a, b := c[0], c[1]
		want := 0.0
		for k := 1; k < a; k++ {
			want += math.Log(float64(k))
		}
		for k := b; k < a+b; k++ {
			want -= math.Log(float64(k))
		}
		if got := lbeta(float64(a), float64(b)); math.Abs(got-want) > 1e-13*math.Max(1, math.Abs(want)) {
			t.Errorf("lbeta(%d, %d) = %.17g, want %.17g", a, b, got, want)
		}
		if got := lbeta(float64(b), float64(a)); math.Abs(got-want) > 1e-13*math.Max(1, math.Abs(want)) {
			t.Errorf("lbeta(%d, %d) = %.17g, want %.17g", b, a, got, want)
		}
	}
}
