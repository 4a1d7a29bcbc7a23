package estimate_test

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// FuzzPool pools up to 512 estimates (64 for the logarithmic pool) built from the fuzzer's bytes (eight
// bytes per number, cycled with a per-input shift so that short inputs
// still give many different estimates), by each method, with and without
// weights (issue 13 item 3). Every pool is usable (its methods, String and
// JSON round trip accept it) or an error wrapping a sentinel; never a
// panic.
func FuzzPool(f *testing.F) {
	f.Add([]byte("\x00\x00\x00\x00\x00\x00\xf0\x3f\x00\x00\x00\x00\x00\x00\x00\x40"), uint16(3), uint8(0))
	f.Add([]byte("0123456789abcdefghijklmnopqrstuv"), uint16(511), uint8(1))
	f.Add(make([]byte, 64), uint16(1000), uint8(2))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0x7f}, uint16(7), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, count uint16, mode uint8) {
		if len(data) < 8 {
			return
		}
		n := 1 + int(count)%512
		method := estimate.PoolMethod(1 + int(mode)%3)
		if method == estimate.LogPool {
			// A tabulated log pool evaluates every input's density on
			// 2 × 8192 cells, a second or so for 300 inputs: fewer keep
			// the fuzzer moving.
			n = 1 + int(count)%64
		}
		nums := make([]float64, len(data)/8)
		for i := range nums {
			nums[i] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*i:]))
		}
		num := func(i int) float64 { return nums[i%len(nums)] }
		es := make([]estimate.Estimate, 0, n)
		weights := make([]float64, 0, n)
		for i := range n {
			a, b := num(2*i), num(2*i+1)
			shift := 1 + float64(i)/float64(n)
			var e estimate.Estimate
			var err error
			switch i % 4 {
			case 0:
				e, err = estimate.Between(math.Abs(a), math.Abs(a)*shift+math.Abs(b))
			case 1:
				e, err = estimate.NormalBetween(a, a+math.Abs(b)*shift)
			case 2:
				e, err = estimate.ShareBetween(math.Abs(math.Mod(a, 1)), math.Abs(math.Mod(a, 1))+math.Abs(math.Mod(b, 1))/(1+shift))
			case 3:
				e, err = estimate.PERT(a, a+math.Abs(b)/shift, a+math.Abs(b))
			}
			if err != nil {
				if !errors.Is(err, estimate.ErrInvalid) {
					t.Fatalf("input %d: error %v does not wrap ErrInvalid", i, err)
				}
				continue
			}
			es = append(es, e)
			weights = append(weights, math.Abs(b))
		}
		if len(es) == 0 {
			return
		}
		check := func(p estimate.Estimate, err error) {
			t.Helper()
			if err != nil {
				if !errors.Is(err, estimate.ErrInvalid) && !errors.Is(err, estimate.ErrNoOverlap) {
					t.Fatalf("Pool(%v, %d estimates): error %v wraps no sentinel", method, len(es), err)
				}
				return
			}
			usable(t, method.String(), p)
		}
		check(estimate.Pool(method, es...))
		if method != estimate.InverseVariance {
			check(estimate.PoolWeighted(method, weights, es...))
		}
		if len(es) >= 2 {
			d, err := estimate.Diagnose(es...)
			if err != nil {
				t.Fatalf("Diagnose(%d estimates): %v", len(es), err)
			}
			if d.DisjointPairs < len(d.Disjoint) || len(d.Disjoint) > 100 || d.DisjointPairs > len(es)*(len(es)-1)/2 {
				t.Fatalf("Diagnose: %d disjoint pairs, %d listed, of %d estimates", d.DisjointPairs, len(d.Disjoint), len(es))
			}
		}
	})
}

// FuzzLevels checks the level constructors (issue 13 item 3): for any lo,
// hi and level, BetweenLevel, NormalBetweenLevel and ShareBetweenLevel give
// an error wrapping ErrInvalid, or a usable estimate whose central
// interval at that level is [lo, hi] again, to 1e-9 (relative to the
// bound for the lognormal, to its distance from 0 or 1 for the
// logit-normal, to the larger bound for the normal) and 1e-322.
func FuzzLevels(f *testing.F) {
	f.Add(1.0, 2.0, 0.9999999999999999) // issue 13 row 12
	f.Add(0.0, 5e-324, 0.9)
	f.Add(-1e150, 1e150, 0.5)
	f.Add(0.27, 0.45, 0.8)
	f.Add(1e-300, 1-1e-16, 0.9)
	f.Add(1e100, 1.0000000000000002e100, 1e-15)
	f.Fuzz(func(t *testing.T, lo, hi, level float64) {
		ctors := []struct {
			name string
			f    func(lo, hi, level float64) (estimate.Estimate, error)
			rel  func(x float64) float64 // the tolerance's scale for bound x
		}{
			{"BetweenLevel", estimate.BetweenLevel, math.Abs},
			{"NormalBetweenLevel", estimate.NormalBetweenLevel, func(float64) float64 { return math.Max(math.Abs(lo), math.Abs(hi)) }},
			{"ShareBetweenLevel", estimate.ShareBetweenLevel, func(x float64) float64 { return math.Min(x, 1-x) }},
		}
		for _, c := range ctors {
			e, err := c.f(lo, hi, level)
			if err != nil {
				if !errors.Is(err, estimate.ErrInvalid) {
					t.Fatalf("%s(%v, %v, %v): error %v does not wrap ErrInvalid", c.name, lo, hi, level, err)
				}
				continue
			}
			usable(t, c.name, e)
			gl, gh := e.Interval(level)
			// Plus a few subnormal steps: NormalBetween(0, 5e-324) has
			// nothing finer to give.
			if math.Abs(gl-lo) > 1e-9*c.rel(lo)+1e-322 || math.Abs(gh-hi) > 1e-9*c.rel(hi)+1e-322 {
				t.Fatalf("%s(%v, %v, %v).Interval(%v) = %v, %v", c.name, lo, hi, level, level, gl, gh)
			}
		}
	})
}
