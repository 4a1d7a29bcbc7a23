package estimate_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

const z90 = 1.6448536269514722 // standard normal 0.95-quantile

// The article's two ranges: "several hundred thousand to a few million"
// read as 300k–3M, and Forbes, The Bell and RTVi's 600,000 to 1 million.
func articleRanges(t testing.TB) (wide, narrow estimate.Estimate) {
	wide = must(t)(estimate.Between(300e3, 3e6)).WithSources(exodus.Source{Publisher: "article"})
	narrow = must(t)(estimate.Between(600e3, 1e6)).WithSources(exodus.Source{Publisher: "Forbes"}, exodus.Source{Publisher: "The Bell"})
	return wide, narrow
}

// TestInverseVariance checks the log-space pool against a hand calculation
// of the fixed-effect meta-analysis formulas (Borenstein et al.,
// "Introduction to Meta-Analysis", 2009, ch. 11 and 16).
func TestInverseVariance(t *testing.T) {
	wide, narrow := articleRanges(t)
	p := must(t)(estimate.Pool(estimate.InverseVariance, wide, narrow))
	// hand: μᵢ = ln √(lo·hi), σᵢ = ln(hi/lo)/(2·z90), wᵢ = 1/σᵢ².
	mu1, s1 := math.Log(math.Sqrt(300e3*3e6)), math.Log(10)/(2*z90)
	mu2, s2 := math.Log(math.Sqrt(600e3*1e6)), math.Log(1e6/600e3)/(2*z90)
	w1, w2 := 1/(s1*s1), 1/(s2*s2)
	mu := (w1*mu1 + w2*mu2) / (w1 + w2)
	sigma := 1 / math.Sqrt(w1+w2)
	if got := p.Median(); !closeRel(got, math.Exp(mu), 1e-12) {
		t.Errorf("Median() = %v, want %v", got, math.Exp(mu))
	}
	lo, hi := p.Interval(0.9)
	if !closeRel(lo, math.Exp(mu-z90*sigma), 1e-12) || !closeRel(hi, math.Exp(mu+z90*sigma), 1e-12) {
		t.Errorf("Interval(0.9) = %v, %v; want %v, %v", lo, hi, math.Exp(mu-z90*sigma), math.Exp(mu+z90*sigma))
	}
	info, ok := p.Pooling()
	if !ok {
		t.Fatal("Pooling() = false")
	}
	q := w1*(mu1-mu)*(mu1-mu) + w2*(mu2-mu)*(mu2-mu)
	want := estimate.Pooling{
		Method:  estimate.InverseVariance,
		Weights: []float64{w1 / (w1 + w2), w2 / (w1 + w2)},
		// hand: Q < DF = 1, so I² = 0; the 90% intervals overlap.
		Diagnostics: estimate.Diagnostics{Q: q, DF: 1, I2: 0},
	}
	got := info
	got.Inputs = nil
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 0), cmpopts.IgnoreFields(estimate.Diagnostics{}, "P")); diff != "" {
		t.Errorf("Pooling() mismatch (-want +got):\n%s", diff)
	}
	// χ²₁ survival: P(χ² > q) = erfc(√(q/2)).
	if want := math.Erfc(math.Sqrt(q / 2)); !closeRel(info.Diagnostics.P, want, 1e-9) {
		t.Errorf("P = %v, want %v", info.Diagnostics.P, want)
	}
	if len(info.Inputs) != 2 || info.Inputs[1].Sources()[0].Publisher != "Forbes" {
		t.Errorf("Inputs = %v", info.Inputs)
	}
	wantSrc := []exodus.Source{{Publisher: "article"}, {Publisher: "Forbes"}, {Publisher: "The Bell"}}
	if diff := cmp.Diff(wantSrc, p.Sources()); diff != "" {
		t.Errorf("Sources() mismatch (-want +got):\n%s", diff)
	}
}

// TestDisagreement checks the diagnostics of two estimates that cannot both
// be right: Between(100, 200) and Between(1000, 2000).
func TestDisagreement(t *testing.T) {
	a := must(t)(estimate.Between(100, 200))
	b := must(t)(estimate.Between(1000, 2000))
	d, err := estimate.Diagnose(a, b)
	if err != nil {
		t.Fatal(err)
	}
	// hand: equal σ = ln 2/(2·z90), μ₂ − μ₁ = ln 10, so
	// Q = 2·(1/σ²)·(ln 10 / 2)² = (ln 10)²/(2σ²) ≈ 59.7, I² = (Q − 1)/Q.
	s := math.Log(2) / (2 * z90)
	q := math.Log(10) * math.Log(10) / (2 * s * s)
	want := estimate.Diagnostics{Q: q, DF: 1, P: math.Erfc(math.Sqrt(q / 2)), I2: (q - 1) / q, Disjoint: [][2]int{{0, 1}}, DisjointPairs: 1}
	if diff := cmp.Diff(want, d, cmpopts.EquateApprox(1e-9, 1e-30)); diff != "" {
		t.Errorf("Diagnose() mismatch (-want +got):\n%s", diff)
	}
	// Normal inputs cannot be read in log space: Q, P, I² are NaN, but
	// the disjoint intervals are still found.
	n1 := must(t)(estimate.NormalBetween(-2, -1))
	n2 := must(t)(estimate.NormalBetween(1, 2))
	n3 := must(t)(estimate.NormalBetween(-1.5, 1.5))
	d, err = estimate.Diagnose(n1, n2, n3)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(d.Q) || !math.IsNaN(d.I2) || d.DF != 2 {
		t.Errorf("Q, I2, DF = %v, %v, %v; want NaN, NaN, 2", d.Q, d.I2, d.DF)
	}
	if diff := cmp.Diff([][2]int{{0, 1}}, d.Disjoint); diff != "" {
		t.Errorf("Disjoint mismatch (-want +got):\n%s", diff)
	}
}

func TestLinearPool(t *testing.T) {
	wide, narrow := articleRanges(t)
	p := must(t)(estimate.PoolWeighted(estimate.LinearPool, []float64{3, 1}, wide, narrow))
	// hand: a mixture's mean is the weighted mean of the means, its CDF
	// the weighted mean of the CDFs.
	if got, want := p.Mean(), 0.75*wide.Mean()+0.25*narrow.Mean(); !closeRel(got, want, 1e-12) {
		t.Errorf("Mean() = %v, want %v", got, want)
	}
	v := 0.75*(wide.SD()*wide.SD()+wide.Mean()*wide.Mean()) + 0.25*(narrow.SD()*narrow.SD()+narrow.Mean()*narrow.Mean()) - p.Mean()*p.Mean()
	if got := p.SD(); !closeRel(got, math.Sqrt(v), 1e-9) {
		t.Errorf("SD() = %v, want %v", got, math.Sqrt(v))
	}
	for _, pr := range []float64{0.001, 0.05, 0.3, 0.5, 0.95, 0.999} {
		x := p.Quantile(pr)
		if got := 0.75*wide.CDF(x) + 0.25*narrow.CDF(x); !closeRel(got, pr, 1e-10) {
			t.Errorf("mixture CDF(Quantile(%v)) = %v", pr, got)
		}
	}
	info, _ := p.Pooling()
	if diff := cmp.Diff([]float64{0.75, 0.25}, info.Weights); diff != "" || info.Method != estimate.LinearPool {
		t.Errorf("Pooling() = %v, %v", info.Method, info.Weights)
	}
	// hand: a linear pool with all the weight on one input is that input.
	only := must(t)(estimate.PoolWeighted(estimate.LinearPool, []float64{0, 2}, wide, narrow))
	for _, pr := range []float64{0.05, 0.5, 0.95} {
		if got, want := only.Quantile(pr), narrow.Quantile(pr); got != want {
			t.Errorf("weights [0 2]: Quantile(%v) = %v, want the narrow input's %v", pr, got, want)
		}
	}
	// hand: equal weights, however large, normalise to ½ each; their sum
	// would overflow float64.
	huge := must(t)(estimate.PoolWeighted(estimate.LinearPool, []float64{math.MaxFloat64, math.MaxFloat64}, wide, narrow))
	if info, _ := huge.Pooling(); !cmp.Equal([]float64{0.5, 0.5}, info.Weights) {
		t.Errorf("weights MaxFloat64, MaxFloat64 normalised to %v, want [0.5 0.5]", info.Weights)
	}
	if got := p.Family(); got != "mixture" {
		t.Errorf("Family() = %q, want mixture", got)
	}
}

func TestLogPool(t *testing.T) {
	// hand: Π N(μᵢ, σᵢ²)^½ ∝ N with precision ½/1 + ½/4 = 0.625 and mean
	// (½·0/1 + ½·2/4)/0.625 = 0.4.
	p := must(t)(estimate.Pool(estimate.LogPool, must(t)(estimate.Normal(0, 1)), must(t)(estimate.Normal(2, 2))))
	if !closeRel(p.Mean(), 0.4, 1e-14) || !closeRel(p.SD(), 1/math.Sqrt(0.625), 1e-14) {
		t.Errorf("Mean, SD = %v, %v; want 0.4, %v", p.Mean(), p.SD(), 1/math.Sqrt(0.625))
	}
	// hand: Beta(2, 5)^½ · Beta(4, 3)^½ ∝ x^(½·1 + ½·3)(1−x)^(½·4 + ½·2) = Beta(3, 4).
	p = must(t)(estimate.Pool(estimate.LogPool, must(t)(estimate.Beta(2, 5)), must(t)(estimate.Beta(4, 3))))
	if !closeRel(p.Mean(), 3.0/7, 1e-14) {
		t.Errorf("Mean() = %v, want 3/7", p.Mean())
	}
	// Between(300k, 3M) and Between(600k, 1M), weights ½: lognormal with
	// log-precision ½/σ₁² + ½/σ₂², narrower than the wide source and wider
	// than the inverse-variance pool.
	wide, narrow := articleRanges(t)
	lp := must(t)(estimate.Pool(estimate.LogPool, wide, narrow))
	iv := must(t)(estimate.Pool(estimate.InverseVariance, wide, narrow))
	s1, s2 := math.Log(10)/(2*z90), math.Log(1e6/600e3)/(2*z90)
	lo, hi := lp.Interval(0.9)
	if got, want := (math.Log(hi)-math.Log(lo))/(2*z90), 1/math.Sqrt(0.5/(s1*s1)+0.5/(s2*s2)); !closeRel(got, want, 1e-12) {
		t.Errorf("log-SD = %v, want %v", got, want)
	}
	ilo, ihi := iv.Interval(0.9)
	if !(hi-lo > ihi-ilo) {
		t.Errorf("log pool [%v, %v] not wider than inverse-variance [%v, %v]", lo, hi, ilo, ihi)
	}
	// PERT on one range: shapes average like the beta's.
	p = must(t)(estimate.Pool(estimate.LogPool, must(t)(estimate.PERT(0, 2, 10)), must(t)(estimate.PERT(0, 6, 10))))
	// hand: α = 1 + ½(0.8 + 2.4) = 2.6, β = 1 + ½(3.2 + 1.6) = 3.4: mean 10·2.6/6 on [0, 10].
	if !closeRel(p.Mean(), 10*2.6/6, 1e-14) {
		t.Errorf("PERT log pool Mean() = %v, want %v", p.Mean(), 10*2.6/6)
	}
}

func TestPoolErrors(t *testing.T) {
	wide, narrow := articleRanges(t)
	mod := must(t)(estimate.Point(1.3e6)).Named("UK MoD")
	tests := []struct {
		name string
		f    func() (estimate.Estimate, error)
		want error
	}{
		{"point", func() (estimate.Estimate, error) { return estimate.Pool(estimate.LinearPool, wide, mod) }, estimate.ErrNoSpread},
		{"point, inverse variance", func() (estimate.Estimate, error) { return estimate.Pool(estimate.InverseVariance, mod, narrow) }, estimate.ErrNoSpread},
		{"no inputs", func() (estimate.Estimate, error) { return estimate.Pool(estimate.LinearPool) }, estimate.ErrInvalid},
		{"zero method", func() (estimate.Estimate, error) { return estimate.Pool(0, wide, narrow) }, estimate.ErrInvalid},
		{"zero estimate", func() (estimate.Estimate, error) { return estimate.Pool(estimate.LogPool, wide, estimate.Estimate{}) }, estimate.ErrInvalid},
		{"no overlap", func() (estimate.Estimate, error) {
			return estimate.Pool(estimate.LogPool, must(t)(estimate.Uniform(0, 1)), must(t)(estimate.PERT(2, 2.5, 3)))
		}, estimate.ErrNoOverlap},
		{"negative in log space", func() (estimate.Estimate, error) {
			return estimate.Pool(estimate.InverseVariance, wide, must(t)(estimate.Normal(1e6, 1e6)))
		}, estimate.ErrInvalid},
		{"weights length", func() (estimate.Estimate, error) {
			return estimate.PoolWeighted(estimate.LinearPool, []float64{1}, wide, narrow)
		}, estimate.ErrInvalid},
		{"weights negative", func() (estimate.Estimate, error) {
			return estimate.PoolWeighted(estimate.LinearPool, []float64{1, -1}, wide, narrow)
		}, estimate.ErrInvalid},
		{"weights NaN", func() (estimate.Estimate, error) {
			return estimate.PoolWeighted(estimate.LogPool, []float64{1, math.NaN()}, wide, narrow)
		}, estimate.ErrInvalid},
		{"weights zero", func() (estimate.Estimate, error) {
			return estimate.PoolWeighted(estimate.LinearPool, []float64{0, 0}, wide, narrow)
		}, estimate.ErrInvalid},
		{"weights with inverse variance", func() (estimate.Estimate, error) {
			return estimate.PoolWeighted(estimate.InverseVariance, []float64{1, 1}, wide, narrow)
		}, estimate.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.f()
			if !errors.Is(err, tt.want) || !e.IsZero() {
				t.Errorf("Pool() = %v, %v; want the zero Estimate and %v", e, err, tt.want)
			}
		})
	}
	if _, err := estimate.Diagnose(wide); !errors.Is(err, estimate.ErrInvalid) {
		t.Errorf("Diagnose(one) error = %v, want ErrInvalid", err)
	}
	if _, err := estimate.Diagnose(wide, mod); !errors.Is(err, estimate.ErrNoSpread) {
		t.Errorf("Diagnose(point) error = %v, want ErrNoSpread", err)
	}
	if _, ok := wide.Pooling(); ok {
		t.Error("Pooling() of an unpooled estimate = true")
	}
}

func TestPoolMethodString(t *testing.T) {
	got := []string{estimate.LinearPool.String(), estimate.LogPool.String(), estimate.InverseVariance.String(), estimate.PoolMethod(0).String()}
	want := []string{"linear pool", "logarithmic pool", "inverse-variance pool (log space)", "PoolMethod(0)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String() mismatch (-want +got):\n%s", diff)
	}
}

// TestLogPoolTabulated checks a logarithmic pool of different families,
// computed on a grid, against a hand calculation: N(0, 1)^½ · U(−1, 1)^½ ∝
// exp(−x²/4) on [−1, 1], a normal of variance 2 truncated to [−1, 1], whose
// variance is 2·(1 − 2bφ(b)/(2Φ(b) − 1)) with b = 1/√2 (Johnson, Kotz and
// Balakrishnan, "Continuous Univariate Distributions", vol. 1, §10.1).
func TestLogPoolTabulated(t *testing.T) {
	p := must(t)(estimate.Pool(estimate.LogPool, must(t)(estimate.Normal(0, 1)), must(t)(estimate.Uniform(-1, 1))))
	b := 1 / math.Sqrt2
	phi := math.Exp(-b*b/2) / math.Sqrt(2*math.Pi)
	sd := math.Sqrt(2 * (1 - 2*b*phi/math.Erf(b/math.Sqrt2)))
	if p.Family() != "tabulated" || math.Abs(p.Mean()) > 1e-9 || !closeRel(p.SD(), sd, 1e-6) {
		t.Errorf("Family, Mean, SD = %s, %v, %v; want tabulated, 0, %v", p.Family(), p.Mean(), p.SD(), sd)
	}
	if lo, hi := p.Interval(0.999999); lo < -1 || hi > 1 {
		t.Errorf("Interval = [%v, %v], outside [-1, 1]", lo, hi)
	}
	// The CDF of the truncated normal at 0.5: (Φ(0.5/√2) − Φ(−b)) / (Φ(b) − Φ(−b)).
	want := (math.Erf(0.5/2) + math.Erf(b/math.Sqrt2)) / (2 * math.Erf(b/math.Sqrt2))
	if got := p.CDF(0.5); !closeRel(got, want, 1e-6) {
		t.Errorf("CDF(0.5) = %v, want %v", got, want)
	}
	if got := p.CDF(p.Quantile(0.3)); !closeRel(got, 0.3, 1e-9) {
		t.Errorf("CDF(Quantile(0.3)) = %v", got)
	}
}

// TestLinearPoolFamilies checks mixture quantiles of every family: the
// mixture's distribution function, the weighted mean of the components'
// (checked against gonum above), must return p at Quantile(p).
func TestLinearPoolFamilies(t *testing.T) {
	es := []estimate.Estimate{
		must(t)(estimate.Uniform(0.1, 0.6)),
		must(t)(estimate.Triangular(0.2, 0.3, 0.9)),
		must(t)(estimate.PERT(0, 0.4, 1)),
		must(t)(estimate.Beta(0.5, 2)),
		must(t)(estimate.ShareBetween(0.27, 0.45)),
		must(t)(estimate.NormalBetween(0.3, 0.5)),
		must(t)(estimate.Between(0.2, 0.4)),
	}
	p := must(t)(estimate.Pool(estimate.LinearPool, es...))
	prev := math.Inf(-1)
	for _, pr := range []float64{1e-6, 0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999, 1 - 1e-6} {
		x := p.Quantile(pr)
		cdf := 0.0
		for _, e := range es {
			cdf += e.CDF(x) / float64(len(es))
		}
		if !closeRel(cdf, pr, 1e-9) || !(x > prev) {
			t.Errorf("Quantile(%v) = %v: mixture CDF %v (previous quantile %v)", pr, x, cdf, prev)
		}
		prev = x
	}
	// A log pool of all of them is tabulated and stays within the
	// intersection of the supports, [0.2, 0.6].
	lp := must(t)(estimate.Pool(estimate.LogPool, es...))
	if lo, hi := lp.Interval(0.999999); lo < 0.2 || hi > 0.6 {
		t.Errorf("log pool interval [%v, %v], outside [0.2, 0.6]", lo, hi)
	}
}

// TestDiagnosticsString checks the reading of the diagnostics: the words
// for I² at Higgins et al.'s 25/50/75% thresholds (BMJ 2003), the
// formatting of Q and p, and the count of disjoint pairs.
func TestDiagnosticsString(t *testing.T) {
	one := [][2]int{{0, 1}}
	tests := []struct {
		name string
		d    estimate.Diagnostics
		want string
	}{
		// The example in Diagnostics.String's doc (issue 9 §7: it printed
		// p = 0.20): the report's four sources give Q = 4.722126119114914 on
		// 3 df; mpmath: P = Γ(1.5, Q/2)/Γ(1.5) = 0.193312460732473,
		// I² = (Q − 3)/Q = 0.364692953062782.
		{"doc example", estimate.Diagnostics{Q: 4.722126119114914, DF: 3, P: 0.193312460732473, I2: 0.364692953062782, Disjoint: [][2]int{{2, 3}}, DisjointPairs: 1},
			"low disagreement (Q = 4.7 on 3 df, p = 0.19, I² = 36%); 1 pair of 90% intervals does not overlap"},
		{"none", estimate.Diagnostics{Q: 0.08, DF: 1, P: 0.777, I2: 0},
			"little disagreement (Q = 0.1 on 1 df, p = 0.78, I² = 0%); all 90% intervals overlap"},
		{"just below low", estimate.Diagnostics{Q: 2, DF: 1, P: 0.157, I2: 0.2449},
			"little disagreement (Q = 2.0 on 1 df, p = 0.16, I² = 24%); all 90% intervals overlap"},
		{"low", estimate.Diagnostics{Q: 4, DF: 3, P: 0.26, I2: 0.25},
			"low disagreement (Q = 4.0 on 3 df, p = 0.26, I² = 25%); all 90% intervals overlap"},
		{"moderate", estimate.Diagnostics{Q: 6, DF: 3, P: 0.11, I2: 0.5},
			"moderate disagreement (Q = 6.0 on 3 df, p = 0.11, I² = 50%); all 90% intervals overlap"},
		// I² is classified as printed: 74.49% rounds to 74%, 74.51% to 75%.
		{"just below high", estimate.Diagnostics{Q: 11.7, DF: 3, P: 0.0085, I2: 0.7449, Disjoint: [][2]int{{0, 2}, {1, 2}}},
			"moderate disagreement (Q = 11.7 on 3 df, p = 0.009, I² = 74%); 2 pairs of 90% intervals do not overlap"},
		{"high", estimate.Diagnostics{Q: 11.8, DF: 3, P: 0.0008, I2: 0.7451, Disjoint: one},
			"high disagreement (Q = 11.8 on 3 df, p < 0.001, I² = 75%); 1 pair of 90% intervals does not overlap"},
		// 5000 pairs counted, 100 listed: the count is DisjointPairs.
		{"many pairs", estimate.Diagnostics{Q: 11.8, DF: 3, P: 0.0008, I2: 0.7451, Disjoint: one, DisjointPairs: 5000},
			"high disagreement (Q = 11.8 on 3 df, p < 0.001, I² = 75%); 5000 pairs of 90% intervals do not overlap"},
		{"high list only", estimate.Diagnostics{Q: 11.8, DF: 3, P: 0.0008, I2: 0.7451, Disjoint: one},
			"high disagreement (Q = 11.8 on 3 df, p < 0.001, I² = 75%); 1 pair of 90% intervals does not overlap"},
		{"not in log space", estimate.Diagnostics{Q: math.NaN(), DF: 2, P: math.NaN(), I2: math.NaN(), Disjoint: one},
			"disagreement not measured in log space (an estimate can be ≤ 0); 1 pair of 90% intervals does not overlap"},
		{"zero", estimate.Diagnostics{}, "nothing to compare (fewer than two estimates)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.d.String()); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
		})
	}

	// hand: Between(100, 200) and Between(1000, 2000) have log-medians
	// ln 10 apart and equal σ = ln 2/(2·1.6449) = 0.2107, so
	// Q = (ln 10)²/(2σ²) = 59.7 on 1 df (p ≈ 1e-14), I² = 58.7/59.7 = 98%,
	// and their intervals are disjoint.
	d, err := estimate.Diagnose(must(t)(estimate.Between(100, 200)), must(t)(estimate.Between(1000, 2000)))
	if err != nil {
		t.Fatal(err)
	}
	want := "high disagreement (Q = 59.7 on 1 df, p < 0.001, I² = 98%); 1 pair of 90% intervals does not overlap"
	if diff := cmp.Diff(want, d.String()); diff != "" {
		t.Errorf("Diagnose(...).String() mismatch (-want +got):\n%s", diff)
	}
}

// TestLogPoolBetaSmallShapes checks that a logarithmic pool of betas with
// shapes near 0 keeps its pooled shapes positive: 1 + Σ wᵢ(aᵢ − 1) used to
// round 1e-20 − 1 to −1 and give a shape of 0.
func TestLogPoolBetaSmallShapes(t *testing.T) {
	m := must(t)
	shapes := func(e estimate.Estimate) (a, b float64) {
		t.Helper()
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var j struct {
			Family string
			Params map[string]float64
		}
		if err := json.Unmarshal(data, &j); err != nil || j.Family != "beta" {
			t.Fatalf("pool %s is not a beta (%v)", data, err)
		}
		return j.Params["a"], j.Params["b"]
	}
	tests := []struct {
		name         string
		weights      []float64
		in           []estimate.Estimate
		wantA, wantB float64
	}{
		// hand: a = ½·1e-20 + ½·1e-20 = 1e-20, b = ½·1 + ½·2 = 1.5
		{"1e-20", []float64{1, 1}, []estimate.Estimate{m(estimate.Beta(1e-20, 1)), m(estimate.Beta(1e-20, 2))}, 1e-20, 1.5},
		// hand: a = ¼·1e-20 + ¾·3e-20 = 2.5e-20, b = ¼·1 + ¾·5 = 4
		{"weighted", []float64{1, 3}, []estimate.Estimate{m(estimate.Beta(1e-20, 1)), m(estimate.Beta(3e-20, 5))}, 2.5e-20, 4},
		// hand: the pool of two identical betas is that beta, even with the
		// smallest positive float64 as a shape (½ of it rounds to 0)
		{"subnormal", []float64{1, 1}, []estimate.Estimate{m(estimate.Beta(5e-324, 1)), m(estimate.Beta(5e-324, 1))}, 5e-324, 1},
		// hand: b = ½·1e-300 + ½·1e-300 = 1e-300
		{"small b", []float64{1, 1}, []estimate.Estimate{m(estimate.Beta(2, 1e-300)), m(estimate.Beta(4, 1e-300))}, 3, 1e-300},
	}
	for _, tt := range tests {
		p, err := estimate.PoolWeighted(estimate.LogPool, tt.weights, tt.in...)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		a, b := shapes(p)
		// relative to the shape itself: closeRel would accept 0 for 1e-20
		near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-14*want }
		if !(a > 0 && b > 0) || !near(a, tt.wantA) || !near(b, tt.wantB) {
			t.Errorf("%s: pooled shapes %v, %v; want %v, %v", tt.name, a, b, tt.wantA, tt.wantB)
		}
		if mean := p.Mean(); !(mean >= 0 && mean <= 1) {
			t.Errorf("%s: Mean() = %v, want a share", tt.name, mean)
		}
	}
}
