package estimate_test

import (
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// benchInputs returns n lognormal ranges of differing centres and widths,
// as a pool of many publishers' figures would have: some overlap, some
// do not.
func benchInputs(b *testing.B, n int) []estimate.Estimate {
	es := make([]estimate.Estimate, n)
	for i := range es {
		lo := 1e5 * (1 + float64(i%97))
		e, err := estimate.Between(lo, lo*(1.5+float64(i%13)/4))
		if err != nil {
			b.Fatal(err)
		}
		es[i] = e
	}
	return es
}

// BenchmarkPool pools 10³, 10⁴ and 10⁵ estimates by each method (issue 13
// row 10): the time per input should stay about flat, O(n log n) overall,
// where listing every disjoint pair made it quadratic.
func BenchmarkPool(b *testing.B) {
	for _, m := range []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool, estimate.InverseVariance} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			b.Run(methodName(m)+"/n="+strconv.Itoa(n), func(b *testing.B) {
				es := benchInputs(b, n)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := estimate.Pool(m, es...); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func methodName(m estimate.PoolMethod) string {
	t, _ := m.MarshalText()
	return string(t)
}
