package estimate_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exodus-lab/exodus/estimate"
)

// roundTrip checks that e is usable: its moments, median and 90% interval
// are finite, its String is not empty, and it survives json.Marshal and
// json.Unmarshal exactly.
func roundTrip(t *testing.T, e estimate.Estimate) {
	t.Helper()
	lo, hi := e.Interval(0.9)
	for _, v := range []float64{e.Mean(), e.SD(), e.Median(), lo, hi, e.CDF(e.Median())} {
		if bad(v) {
			t.Fatalf("%v: mean %v, SD %v, median %v, 90%% %v–%v, CDF(median) %v: not all finite",
				e.Family(), e.Mean(), e.SD(), e.Median(), lo, hi, e.CDF(e.Median()))
		}
	}
	if e.String() == "" {
		t.Fatal("empty String")
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	var back estimate.Estimate
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal(%.200s): %v", b, err)
	}
	sameEstimate(t, e, back)
}

// TestRow11LogPoolTinySD is issue 13 row 11: the logarithmic pool of two
// normals of SD 1e-300 was all NaN with a nil error, because 1/σ² overflows.
func TestRow11LogPoolTinySD(t *testing.T) {
	a := must(t)(estimate.Normal(0, 1e-300))
	e, err := estimate.Pool(estimate.LogPool, a, a)
	if err != nil {
		t.Fatal(err)
	}
	// hand: the log pool of N(μ, σ) with itself, weights ½ and ½, has
	// precision ½/σ² + ½/σ² = 1/σ² and mean μ: it is N(0, 1e-300) again.
	if e.Mean() != 0 || !closeRel(e.SD()/1e-300, 1, 1e-15) {
		t.Errorf("Mean, SD = %v, %v; want 0, 1e-300", e.Mean(), e.SD())
	}
	roundTrip(t, e)

	// hand: the same with means 1 and 3 and SDs 1e-300 and 2e-300:
	// precisions ½·1e600 and ½·0.25e600, mean (1 + 3/4)/(1 + 1/4) = 1.4,
	// SD 1e-300/√(½ + ⅛) = 1.2649e-300.
	b := must(t)(estimate.Normal(3, 2e-300))
	c := must(t)(estimate.Normal(1, 1e-300))
	e = must(t)(estimate.Pool(estimate.LogPool, c, b))
	if !closeRel(e.Mean(), 1.4, 1e-15) || !closeRel(e.SD()/1e-300, 1/math.Sqrt(0.625), 1e-15) {
		t.Errorf("Mean, SD = %v, %v; want 1.4, 1.2649e-300", e.Mean(), e.SD())
	}
	roundTrip(t, e)
}

// TestRow11InverseVarianceOverflow is issue 13 row 11: an inverse-variance
// pool whose lognormal mean overflows was returned with mean and SD +Inf,
// and its JSON failed. Now it is an error naming the pooled σ.
func TestRow11InverseVarianceOverflow(t *testing.T) {
	s := must(t)(estimate.ShareBetween(1e-300, 1-1e-16))
	_, err := estimate.Pool(estimate.InverseVariance, s, s)
	if !errors.Is(err, estimate.ErrInvalid) {
		t.Fatalf("error = %v, want ErrInvalid", err)
	}
	// hand: read in log space, its 90% interval 1e-300 to 1 has
	// σ = ln(1e300)/(2·1.6449) = 209.98; pooled with itself σ/√2 = 148.5,
	// and the lognormal mean e^(μ + σ²/2) = e^(−326 + 11024) overflows.
	pe, ok := errors.AsType[*estimate.ParamError](err)
	if !ok || pe.Param != "pooled sigma" || !closeRel(pe.Value, 209.98/math.Sqrt2, 1e-3) {
		t.Errorf("error = %v, want a ParamError naming the pooled sigma = 148.5", err)
	}
}

// TestRow12Levels is issue 13 row 12: a range at level 1 − 2⁻⁵³ became a
// point with a nil error, because (1 + level)/2 rounds to 1 and its normal
// quantile is +Inf. The level is valid, and so is its estimate.
func TestRow12Levels(t *testing.T) {
	const level = 0.9999999999999999 // 1 − 2⁻⁵³
	e := must(t)(estimate.BetweenLevel(1, 2, level))
	// mpmath (40 digits): z = √2·erfinv(1 − 2⁻⁵³) = 8.29236107581359553823;
	// σ = ln 2/(2z) = 0.0417943197493928449850, median √2.
	if p, ok := sigmaOf(t, e); !ok || !closeRel(p, 0.0417943197493928449850, 1e-14) {
		t.Errorf("sigma = %v, want 0.04179431974939284", p)
	}
	if lo, hi := e.Interval(level); !closeRel(lo, 1, 1e-13) || !closeRel(hi, 2, 1e-13) {
		t.Errorf("Interval(%v) = %v, %v; want 1, 2", level, lo, hi)
	}
	roundTrip(t, e)
	roundTrip(t, must(t)(estimate.NormalBetweenLevel(1, 2, level)))
	roundTrip(t, must(t)(estimate.ShareBetweenLevel(0.1, 0.2, level)))

	// Neighbouring bounds far from 1: ln hi − ln lo rounded to 0 (the
	// logarithms of 1e100 and its neighbour are the same float64), which
	// gave σ = 0. hand: σ = ln(1 + ulp/lo)/(2·1.6449) with
	// ulp(1e100) = 2²⁸⁰.
	lo := 1e100
	hi := math.Nextafter(lo, 2*lo)
	e = must(t)(estimate.Between(lo, hi))
	want := math.Ldexp(1, 280) / lo / (2 * 1.6448536269514722)
	if p, ok := sigmaOf(t, e); !ok || !closeRel(p/want, 1, 1e-9) {
		t.Errorf("Between(1e100, next) sigma = %v, want %v", p, want)
	}
	roundTrip(t, e)
	// Likewise logit(1e-300) and logit of its neighbour are the same.
	lo = 1e-300
	e = must(t)(estimate.ShareBetween(lo, math.Nextafter(lo, 1)))
	roundTrip(t, e)
}

// sigmaOf reads the "sigma" parameter of e from its JSON.
func sigmaOf(t *testing.T, e estimate.Estimate) (float64, bool) {
	t.Helper()
	b, err := json.Marshal(e)
	if err != nil {
		return math.NaN(), false
	}
	var j struct{ Params map[string]float64 }
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	s, ok := j.Params["sigma"]
	return s, ok
}

// TestRow12Refused is issue 13 row 12: ranges whose SD underflows to 0 or
// exceeds MaxMagnitude were returned with a nil error, and their own
// decoder refused them. Now the constructor refuses them, naming hi.
func TestRow12Refused(t *testing.T) {
	tests := []struct {
		name  string
		f     func() (estimate.Estimate, error)
		value float64
	}{
		// hand: sd = 5e-324/(2·1.6449) rounds to 0.
		{"NormalBetween subnormal", func() (estimate.Estimate, error) { return estimate.NormalBetween(0, 5e-324) }, 5e-324},
		// hand: z(0.5) = 0.6745, sd = 2e150/(2·0.6745) = 1.48e150 > 1e150.
		{"NormalBetweenLevel wide", func() (estimate.Estimate, error) { return estimate.NormalBetweenLevel(-1e150, 1e150, 0.5) }, 1e150},
		// hand: σ = ln(1e150/1e-150)/(2·1.6449) = 210, the mean e^(σ²/2) overflows.
		{"Between wide", func() (estimate.Estimate, error) { return estimate.Between(1e-150, 1e150) }, 1e150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.f()
			if !errors.Is(err, estimate.ErrInvalid) {
				t.Fatalf("error = %v (estimate %v), want ErrInvalid", err, e)
			}
			checkParamError(t, err, "hi", tt.value)
		})
	}
}

// TestRow10PoolJSONLarge is issue 13 row 10: pools of more than 1000
// inputs were built, but their own JSON did not decode.
func TestRow10PoolJSONLarge(t *testing.T) {
	es := make([]estimate.Estimate, 1001)
	for i := range es {
		es[i] = must(t)(estimate.Normal(float64(i), 1))
	}
	for _, m := range []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool} {
		roundTrip(t, must(t)(estimate.Pool(m, es...)))
	}
}

// TestRow10Disjoint is issue 13 row 10: Pool listed every pair of
// disjoint 90% intervals, n(n−1)/2 of them, in quadratic time and memory.
// Now it counts them all in O(n log n) and lists the first 100.
func TestRow10Disjoint(t *testing.T) {
	const n = 2000
	es := make([]estimate.Estimate, n)
	for i := range es {
		// 90% intervals 10i ± 1.645: no two overlap.
		es[i] = must(t)(estimate.Normal(10*float64(i), 1))
	}
	d := must(t)(estimate.Pool(estimate.LinearPool, es...))
	p, _ := d.Pooling()
	// hand: every pair is disjoint, n(n−1)/2 = 1,999,000.
	if p.Diagnostics.DisjointPairs != n*(n-1)/2 {
		t.Errorf("DisjointPairs = %d, want %d", p.Diagnostics.DisjointPairs, n*(n-1)/2)
	}
	// hand: in (i, j) order the first 100 pairs are (0, 1) … (0, 100).
	want := make([][2]int, 100)
	for j := range want {
		want[j] = [2]int{0, j + 1}
	}
	if diff := cmp.Diff(want, p.Diagnostics.Disjoint); diff != "" {
		t.Errorf("Disjoint mismatch (-want +got):\n%s", diff)
	}
}

// TestPoolBounds checks that Pool refuses, naming the bound, what its JSON
// decoder would refuse: more than 16 nested pools, or more than a million
// estimates below a pool (issue 13 row 10).
func TestPoolBounds(t *testing.T) {
	e := must(t)(estimate.Normal(0, 1))
	for range 16 {
		e = must(t)(estimate.Pool(estimate.LinearPool, e))
	}
	roundTrip(t, e)
	_, err := estimate.Pool(estimate.LinearPool, e)
	checkParamError(t, err, "depth of estimates", 17)
	// The same when the 16 deep pool comes from JSON: the decoder
	// restores its depth.
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back estimate.Estimate
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	_, err = estimate.Pool(estimate.LinearPool, back)
	checkParamError(t, err, "depth of estimates", 17)

	n := must(t)(estimate.Normal(0, 1))
	es := make([]estimate.Estimate, 1000)
	for i := range es {
		es[i] = n
	}
	p := must(t)(estimate.Pool(estimate.LinearPool, es...))
	for i := range es {
		es[i] = p
	}
	// hand: 1000 pools of 1000 normals: 1000·(1 + 1000) = 1,001,000 estimates.
	_, err = estimate.Pool(estimate.LinearPool, es...)
	checkParamError(t, err, "estimates in estimates", 1_001_000)
}

// TestMomentsHuge checks that a linear pool of lognormals whose SD squared
// overflows has a finite SD: hand, for LogNormal(0, 26) the SD is
// e^(σ²/2)·√(e^(σ²) − 1) ≈ e^(σ²) = e^676 ≈ 2.0e293, and a pool of it with
// itself is the same distribution.
func TestMomentsHuge(t *testing.T) {
	l := must(t)(estimate.LogNormal(0, 26))
	p := must(t)(estimate.Pool(estimate.LinearPool, l, l))
	if !closeRel(p.SD()/math.Exp(676), 1, 1e-9) {
		t.Errorf("SD = %v, want e^676 = %v", p.SD(), math.Exp(676))
	}
	roundTrip(t, p)
}
